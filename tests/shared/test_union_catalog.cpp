// The union catalogue from the hub's `catalog` channel: applying snapshots and deltas (good files,
// bad rows, broken files, the own library), finding other libraries' holdings of a record, and
// search listing titles only other libraries hold after the local ones.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>

#include "catalog/library_visit.hpp"
#include "catalog/union_catalog.hpp"
#include "catalog/union_catalog_files.hpp"
#include "catalog_fixture.hpp"

using namespace desa;
using catalog::apply_union_catalog;
using catalog::LibraryHolding;
using catalog::UnionApplyReport;
using Files = std::map<std::string, std::string>;

namespace {

constexpr const char* kOwnVillage = "18.01.04.2001";  // Hajimena: its library is the local one

const std::string kLibraries =
    "library_id,library_name,village_code\n"
    "desa-1801042007,Perpustakaan Desa Merak Batin,18.01.04.2007\n"
    "prov-18,Perpustakaan Provinsi Lampung,18\n"
    "desa-1801042001,Perpustakaan Desa Hajimena,18.01.04.2001\n";

const std::string kHeader =
    "library_id,control_number,title,subtitle,authors,subjects,series,publisher,year,isbns,"
    "call_number,language,material_type,copies,available\n";

// One holding row with the usual fields; the tests vary the ones they need.
std::string row(const std::string& library, const std::string& control, const std::string& title,
                const std::string& authors = "", const std::string& isbns = "", int copies = 1, int available = 1,
                const std::string& language = "ind", const std::string& year = "2010") {
    return library + "," + control + ",\"" + title + "\",,\"" + authors + "\",,,," + year + "," + isbns + ",," +
           language + ",book," + std::to_string(copies) + "," + std::to_string(available) + "\n";
}

const std::string kSnapshot =
    kHeader + row("desa-1801042007", "MB-1", "Laskar Pelangi", "Hirata, Andrea", "9789793062792", 2, 1) +
    row("prov-18", "P-1", "Laskar Pelangi", "Andrea Hirata", "9789793062792", 5, 5) +
    row("prov-18", "P-2", "Negeri 5 Menara", "Fuadi, A.", "9789792248616", 3, 2) +
    row("desa-1801042007", "MB-2", "Negeri 5 Menara", "A. Fuadi", "", 1, 0) +
    row("prov-18", "P-3", "Harry Potter and the Goblet of Fire", "Rowling, J. K.", "9780747546245", 2, 2, "eng") +
    row("prov-18", "P-4", "Bumi", "Tere Liye", "", 1, 1) +
    row("desa-1801042001", "HJM-1", "Buku Desa Sendiri", "", "", 1, 1);

struct Channel {
    test::TempDir dir;
    std::filesystem::path write(const std::string& version, const Files& files) {
        const auto d = dir / version;
        std::filesystem::create_directories(d);
        for (const auto& [name, text] : files) test::write_file(d / name, text);
        return d;
    }
};

// union.db's own connection, as the sync worker has it.
struct UnionDb {
    test::TempDir dir;
    storage::Database db = catalog::open_union_database(dir.path());
};

std::int64_t count(storage::Database& db, const char* sql) {
    auto s = db.prepare(sql);
    s.step();
    return s.column_int64(0);
}

// Everything the union tables hold, as text: "did anything change" in one comparison.
std::string dump(storage::Database& db) {
    std::string out;
    auto s = db.prepare(
        "SELECT l.library_id, l.name, r.control_number, r.title, r.copies, r.available, r.isbn, r.title_key "
        "FROM catalog_union_records r JOIN catalog_union_libraries l ON l.id = r.library ORDER BY 1, 3");
    while (s.step())
        for (int c = 0; c < 8; ++c) out += s.column_text(c) + (c == 7 ? "\n" : "\t");
    out += "libraries " + std::to_string(count(db, "SELECT count(*) FROM catalog_union_libraries"));
    out += " isbns " + std::to_string(count(db, "SELECT count(*) FROM catalog_union_isbns"));
    out += " index " + std::to_string(count(db, "SELECT count(*) FROM catalog_union_index"));
    if (auto st = catalog::union_catalog_state(db))
        out += " state " + std::to_string(st->base_version) + "/" + std::to_string(st->applied_version);
    return out;
}

std::vector<std::string> names(const std::vector<LibraryHolding>& holdings) {
    std::vector<std::string> out;
    for (const auto& h : holdings)
        out.push_back(h.name + " " + std::to_string(h.available) + "/" + std::to_string(h.copies));
    return out;
}

catalog::Record record(const std::string& title, std::vector<std::string> authors, std::vector<std::string> isbns) {
    catalog::Record r;
    r.title = title;
    r.authors = std::move(authors);
    r.isbns = std::move(isbns);
    return r;
}

}  // namespace

TEST_CASE("a good snapshot becomes the union catalogue, the own library left out", "[union]") {
    UnionDb u;
    Channel ch;
    const auto report = apply_union_catalog(
        u.db, ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}}), kOwnVillage);
    INFO(catalog::describe(report));
    REQUIRE(report.ok());
    CHECK(report.rebuilt);
    CHECK(report.base_version == 1);
    CHECK(report.applied_version == 1);
    CHECK(report.libraries == 2);
    CHECK(report.records == 6);
    CHECK(report.titles == 4);  // Laskar Pelangi and Negeri 5 Menara twice each, author written two ways
    CHECK(report.copies == 14);
    CHECK(report.available == 11);
    CHECK(report.upserted == 6);
    CHECK(report.own_rows == 1);
    CHECK(report.skipped_total == 0);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_libraries WHERE village_code = '18.01.04.2001'") == 0);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_index") == 6);
    CHECK(catalog::describe(report).find("6 records") != std::string::npos);

    // Without a village of its own (not configured), every library is kept.
    UnionDb all;
    const auto kept = apply_union_catalog(all.db, ch.dir / "1", "");
    CHECK(kept.libraries == 3);
    CHECK(kept.own_rows == 0);
}

TEST_CASE("bad rows are skipped with file, line and reason, the rest applies", "[union]") {
    struct Case {
        std::string row;
        std::string reason;  // a part of it
    };
    const std::string huge(1001, 'x');
    const std::string big_cell(4001, 'y');
    const std::vector<Case> cases{
        {row("prov-18", "X1", ""), "no title"},
        {row("prov-18", "", "Judul"), "no control_number"},
        {row("prov 18", "X2", "Judul"), "library_id 'prov 18'"},
        {row("desa-9999", "X3", "Judul"), "not in libraries.csv"},
        {row("prov-18", "X4", "Judul", "", "9789793062793"), "not a valid ISBN-13"},
        {row("prov-18", "X5", "Judul", "", "979-3062-79-7"), "not a valid ISBN-13"},
        {row("prov-18", "X6", "Judul", "", "0439023483"), "not a valid ISBN-13"},
        {row("prov-18", "X7", huge), "title is longer than 1000 bytes"},
        {row("prov-18", "X8", big_cell), "bytes (at most 4000)"},
        {row("prov-18", "X9", "Judul \xC3\x28 rusak"), "not valid UTF-8"},
        {row("prov-18", "X10", "Judul\x01"), "control character"},
        {row("prov-18", "X12", "Judul", "", "", -1, 0), "copies"},
        {row("prov-18", "X13", "Judul", "", "", 2, 3), "available"},
        {row("prov-18", "X14", "Judul", "", "", 1000000, 0), "copies"},
        {row("prov-18", "X15", "Judul", "", "", 1, 1, "ind", "20x5"), "year '20x5'"},
        {row("prov-18", "X16", "Judul", "", "", 1, 1, "Indonesian"), "language 'Indonesian'"},
        {row("prov-18", std::string(101, 'k'), "Judul"), "control_number is longer"},
        {row("prov-18", "X18", "Judul", std::string(201, 'a')), "authors is longer"},
        // Last: a quoted line break moves the line numbers of the rows after it.
        {row("prov-18", "X11", "Dua\nbaris"), "control character"},
    };
    std::string snapshot = kHeader + row("prov-18", "OK-1", "Buku Baik");
    for (const auto& c : cases) snapshot += c.row;
    snapshot += row("prov-18", "OK-2", "Buku Baik Kedua");
    UnionDb u;
    Channel ch;
    const auto report = apply_union_catalog(
        u.db, ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", snapshot}}), kOwnVillage);
    INFO(catalog::describe(report));
    REQUIRE(report.ok());
    CHECK(report.records == 2);
    REQUIRE(report.skipped.size() == cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i << ": " << report.skipped[i].reason);
        CHECK(report.skipped[i].file == "snapshot-1.csv");
        CHECK(report.skipped[i].line == i + 3);  // header, OK-1, then the cases
        CHECK(report.skipped[i].reason.find(cases[i].reason) != std::string::npos);
    }

    // Libraries: bad ids, names and codes; a repeated id keeps the first.
    const std::string libraries =
        "library_id,library_name,village_code\n"
        "prov-18,Perpustakaan Provinsi Lampung,18\n"
        "prov-18,Lagi,18\n"
        "a/b,Miring,18.01\n"
        "desa-x,,18.01.04.2007\n"
        "desa-y,Kode Salah,18.1.04\n"
        "desa-z,Kode Panjang,18.01.04.2007.1\n";
    const auto libs = apply_union_catalog(
        u.db, ch.write("2", {{"libraries.csv", libraries}, {"snapshot-2.csv", kHeader}}), kOwnVillage);
    REQUIRE(libs.ok());
    CHECK(libs.libraries == 1);
    std::vector<std::string> reasons;
    for (const auto& s : libs.skipped) reasons.push_back(s.reason);
    CHECK(test::any_contains(reasons, "listed twice"));
    CHECK(test::any_contains(reasons, "library_id 'a/b'"));
    CHECK(test::any_contains(reasons, "no library_name"));
    CHECK(test::any_contains(reasons, "village_code '18.1.04'"));
    CHECK(test::any_contains(reasons, "village_code '18.01.04.2007.1'"));
}

TEST_CASE("a broken file leaves the previous union catalogue in place", "[union]") {
    UnionDb u;
    Channel ch;
    REQUIRE(apply_union_catalog(u.db, ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}}),
                                kOwnVillage)
                .ok());
    const std::string before = dump(u.db);
    const std::string good_delta = "op," + kHeader + "upsert," + row("prov-18", "P-9", "Buku Baru");
    struct Case {
        const char* name;
        Files files;
        const char* error;
    };
    const std::vector<Case> cases{
        {"no libraries.csv", {{"snapshot-1.csv", kSnapshot}}, "libraries.csv is missing"},
        {"no snapshot", {{"libraries.csv", kLibraries}}, "no snapshot"},
        {"two snapshots",
         {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}, {"snapshot-2.csv", kSnapshot}},
         "more than one snapshot"},
        {"a delta before the snapshot",
         {{"libraries.csv", kLibraries}, {"snapshot-3.csv", kSnapshot}, {"delta-2.csv", good_delta}},
         "is not after"},
        {"a cut-off snapshot (rebuild)",
         {{"libraries.csv", kLibraries}, {"snapshot-4.csv", kSnapshot + "prov-18,P-8,\"Judul terpoton"}},
         "never closed"},
        {"a snapshot without a copies column",
         {{"libraries.csv", kLibraries}, {"snapshot-4.csv", "library_id,control_number,title,available\n"}},
         "no 'copies' column"},
        {"a repeated column",
         {{"libraries.csv", "library_id,library_name,village_code,library_id\n"}, {"snapshot-1.csv", kSnapshot}},
         "appears twice"},
        {"an empty libraries.csv", {{"libraries.csv", ""}, {"snapshot-1.csv", kSnapshot}}, "empty"},
        {"a UTF-16 file", {{"libraries.csv", "\xFF\xFEl\0i\0"}, {"snapshot-1.csv", kSnapshot}}, "UTF-16"},
        {"a good delta, then a cut-off one",
         {{"libraries.csv", kLibraries},
          {"snapshot-1.csv", kSnapshot},
          {"delta-2.csv", good_delta},
          {"delta-3.csv", good_delta + "delete,prov-18,\"P-1"}},
         "never closed"},
        {"a delta without op",
         {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}, {"delta-2.csv", kHeader}},
         "no 'op' column"},
    };
    int n = 10;
    for (const auto& c : cases) {
        INFO(c.name);
        const auto report = apply_union_catalog(u.db, ch.write(std::to_string(++n), c.files), kOwnVillage);
        CHECK_FALSE(report.ok());
        CHECK(report.error.find(c.error) != std::string::npos);
        CHECK(catalog::describe(report).find("not changed") != std::string::npos);
        CHECK(dump(u.db) == before);
    }
    // A directory that is not there at all.
    CHECK_FALSE(apply_union_catalog(u.db, ch.dir / "missing", kOwnVillage).ok());
    CHECK(dump(u.db) == before);
}

TEST_CASE("deltas apply in version order, once each, a new snapshot rebuilds", "[union]") {
    UnionDb u;
    Channel ch;
    const std::string op_header = "op," + kHeader;
    // Version 2: P-2 loses a copy, MB-2 goes, a new title arrives.
    const std::string delta2 = op_header + "upsert," +
                               row("prov-18", "P-2", "Negeri 5 Menara", "Fuadi, A.", "9789792248616", 2, 1) +
                               "delete,desa-1801042007,MB-2,,,,,,,,,,,,,\n" + "upsert," +
                               row("desa-1801042007", "MB-3", "Ranah 3 Warna", "Fuadi, A.");
    // Version 3 deletes MB-3, version 10 brings it back: 10 comes after 3 though "delta-10" sorts first.
    const std::string delta3 =
        op_header + "delete,desa-1801042007,MB-3,,,,,,,,,,,,,\n" + "delete,prov-18,NOT-THERE,,,,,,,,,,,,,\n";
    const std::string delta10 =
        op_header + "upsert," + row("desa-1801042007", "MB-3", "Ranah 3 Warna", "Fuadi, A.", "", 4, 4);
    const Files v1{{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}};
    Files v2 = v1, v10 = v1;
    v2["delta-2.csv"] = delta2;
    v10["delta-2.csv"] = delta2;
    v10["delta-3.csv"] = delta3;
    v10["delta-10.csv"] = delta10;
    v10["README.txt"] = "a later format's file";

    // A kiosk that follows every version...
    UnionDb follower;
    REQUIRE(apply_union_catalog(follower.db, ch.write("1", v1), kOwnVillage).ok());
    const auto r2 = apply_union_catalog(follower.db, ch.write("2", v2), kOwnVillage);
    INFO(catalog::describe(r2));
    REQUIRE(r2.ok());
    CHECK_FALSE(r2.rebuilt);
    CHECK(r2.deltas_applied == 1);
    CHECK(r2.upserted == 2);
    CHECK(r2.deleted == 1);
    CHECK(r2.applied_version == 2);
    const auto r10 = apply_union_catalog(follower.db, ch.write("10", v10), kOwnVillage);
    REQUIRE(r10.ok());
    CHECK(r10.deltas_applied == 2);  // 3 and 10; 2 was applied already
    CHECK(r10.deleted == 1);
    CHECK(r10.skipped_total == 1);  // NOT-THERE: nothing to delete
    CHECK(r10.skipped.front().reason.find("has no record 'NOT-THERE'") != std::string::npos);
    CHECK(r10.notes == std::vector<std::string>{"ignored: README.txt"});
    CHECK(r10.applied_version == 10);
    // ... and one that jumps from nothing to version 10 end in the same state.
    const auto fresh = apply_union_catalog(u.db, ch.dir / "10", kOwnVillage);
    REQUIRE(fresh.ok());
    CHECK(fresh.rebuilt);
    CHECK(fresh.deltas_applied == 3);
    CHECK(dump(u.db) == dump(follower.db));
    CHECK(count(u.db, "SELECT copies FROM catalog_union_records WHERE control_number = 'MB-3'") == 4);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_records WHERE control_number = 'MB-2'") == 0);
    CHECK(count(u.db, "SELECT copies FROM catalog_union_records WHERE control_number = 'P-2'") == 2);

    // The same version again (a retried install after a power cut) changes nothing.
    const std::string settled = dump(u.db);
    const auto again = apply_union_catalog(u.db, ch.dir / "10", kOwnVillage);
    REQUIRE(again.ok());
    CHECK(again.deltas_applied == 0);
    CHECK(again.upserted + again.deleted == 0);
    CHECK(dump(u.db) == settled);

    // The hub made a new snapshot: everything is replaced by it; libraries dropped go with their books.
    const std::string libraries = "library_id,library_name,village_code\nprov-18,Perpustakaan Provinsi Lampung,18\n";
    const auto rebased = apply_union_catalog(
        u.db,
        ch.write("11", {{"libraries.csv", libraries},
                        {"snapshot-11.csv", kHeader + row("prov-18", "P-1", "Laskar Pelangi", "Hirata, Andrea")}}),
        kOwnVillage);
    REQUIRE(rebased.ok());
    CHECK(rebased.rebuilt);
    CHECK(rebased.records == 1);
    CHECK(rebased.libraries == 1);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_index") == 1);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_isbns") == 0);

    // A library left out of libraries.csv by a later version takes its holdings with it.
    const std::string two = libraries + "desa-1801042007,Perpustakaan Desa Merak Batin,18.01.04.2007\n";
    REQUIRE(apply_union_catalog(u.db,
                                ch.write("12", {{"libraries.csv", two},
                                                {"snapshot-12.csv", kHeader + row("prov-18", "P-1", "Laskar Pelangi") +
                                                                        row("desa-1801042007", "MB-1", "Bumi")}}),
                                kOwnVillage)
                .ok());
    const auto dropped =
        apply_union_catalog(u.db,
                            ch.write("13", {{"libraries.csv", libraries},
                                            {"snapshot-12.csv", kHeader + row("prov-18", "P-1", "Laskar Pelangi") +
                                                                    row("desa-1801042007", "MB-1", "Bumi")}}),
                            kOwnVillage);
    REQUIRE(dropped.ok());
    CHECK_FALSE(dropped.rebuilt);
    CHECK(dropped.records == 1);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_index") == 1);

    // A snapshot of the same number with other bytes (another hub, a hub started afresh) is
    // another snapshot: applied whole, not taken for the one already there.
    const auto other = apply_union_catalog(
        u.db,
        ch.write("14", {{"libraries.csv", libraries}, {"snapshot-12.csv", kHeader + row("prov-18", "P-2", "Bumi")}}),
        kOwnVillage);
    REQUIRE(other.ok());
    CHECK(other.rebuilt);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_records WHERE control_number = 'P-2'") == 1);
    CHECK(count(u.db, "SELECT count(*) FROM catalog_union_records WHERE control_number = 'P-1'") == 0);
}

TEST_CASE("holdings elsewhere: by ISBN-13 first, by title and first author without one", "[union]") {
    UnionDb u;
    Channel ch;
    REQUIRE(apply_union_catalog(u.db, ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}}),
                                kOwnVillage)
                .ok());
    struct Case {
        const char* name;
        catalog::Record record;
        std::vector<std::string> expected;
    };
    const std::vector<Case> cases{
        {"the ISBN, whatever the title",
         record("Laskar pelangi : sebuah novel", {}, {"9789793062792"}),
         {"Perpustakaan Desa Merak Batin 1/2", "Perpustakaan Provinsi Lampung 5/5"}},
        {"title and author written otherwise, no ISBN",
         record("LASKAR PELANGI", {"Andrea Hirata"}, {}),
         {"Perpustakaan Desa Merak Batin 1/2", "Perpustakaan Provinsi Lampung 5/5"}},
        {"ISBN at one library, title and author at the other (which has none)",
         record("Negeri 5 Menara", {"Fuadi, A."}, {"9789792248616"}),
         {"Perpustakaan Provinsi Lampung 2/3", "Perpustakaan Desa Merak Batin 0/1"}},
        {"another edition's ISBN: not the same book",
         record("Laskar Pelangi", {"Hirata, Andrea"}, {"9786022910930"}),
         {}},
        {"same title, another author", record("Bumi", {"Pramoedya Ananta Toer"}, {}), {}},
        {"same title and author", record("Bumi", {"Liye, Tere"}, {}), {"Perpustakaan Provinsi Lampung 1/1"}},
        {"nothing like it", record("Buku Tidak Ada", {}, {}), {}},
        {"the own library's book is not elsewhere", record("Buku Desa Sendiri", {}, {}), {}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(names(catalog::holdings_elsewhere(u.db, c.record)) == c.expected);
    }
    // Among libraries with a copy on the shelf, the nearest first, whatever the names: the same
    // kecamatan, then kabupaten, then province, then elsewhere; the empty shelves last.
    UnionDb near;
    const std::string libraries =
        "library_id,library_name,village_code\n"
        "far,Perpustakaan Desa Abadi,31.71.01.1001\n"
        "prov-18,Perpustakaan Provinsi Lampung,18\n"
        "kab,Perpustakaan Kabupaten Lampung Selatan,18.01\n"
        "near,Perpustakaan Desa Merak Batin,18.01.04.2007\n"
        "empty,Perpustakaan Desa Aaa,18.01.04.2002\n";
    std::string snapshot = kHeader;
    for (const char* lib : {"far", "prov-18", "kab", "near"})
        snapshot += row(lib, "S-1", "Buku Sama", "", "9789792248616");
    snapshot += row("empty", "S-1", "Buku Sama", "", "9789792248616", 1, 0);
    REQUIRE(apply_union_catalog(near.db, ch.write("near", {{"libraries.csv", libraries}, {"snapshot-1.csv", snapshot}}),
                                kOwnVillage)
                .ok());
    CHECK(names(catalog::holdings_elsewhere(near.db, record("Buku Sama", {}, {"9789792248616"}))) ==
          std::vector<std::string>{"Perpustakaan Desa Merak Batin 1/1", "Perpustakaan Kabupaten Lampung Selatan 1/1",
                                   "Perpustakaan Provinsi Lampung 1/1", "Perpustakaan Desa Abadi 1/1",
                                   "Perpustakaan Desa Aaa 0/1"});

    CHECK(catalog::union_title_key("Laskar Pelangi", {"Hirata, Andrea"}) ==
          catalog::union_title_key("laskar  pelangi", {"Andrea HIRATA"}));
    CHECK(catalog::union_title_key("Laskar Pelangi", {}) != catalog::union_title_key("Laskar Pelangi", {"Hirata"}));
}

TEST_CASE("search lists titles only other libraries hold after the local ones", "[union]") {
    test::CatalogFixture local;
    // Before union.db is attached (or when it cannot be), search knows this library only.
    catalog::SearchQuery plain;
    plain.text = "negeri";
    CHECK(catalog::search(local.db, plain).elsewhere.empty());
    REQUIRE(catalog::attach_union_catalog(local.db, local.dir.path()));
    CHECK(catalog::search(local.db, plain).elsewhere.empty());  // attached, still empty
    auto union_db = catalog::open_union_database(local.dir.path());
    Channel ch;
    const std::string snapshot =
        kSnapshot +
        // Held here too (the fixture has it by ISBN 9780747532699): never listed as elsewhere.
        row("prov-18", "P-5", "Harry Potter and the Philosopher's Stone", "Rowling, J. K.", "9780747532699", 4, 4,
            "eng") +
        // Held here too, found by title and author: the local hit is on the page.
        row("prov-18", "P-6", "Harry Potter and the Chamber of Secrets", "J. K. Rowling", "", 1, 1, "eng") +
        row("prov-18", "P-7", "Kopi Nusantara", "Siregar, Rina", "", 1, 0, "ind", "2019");
    REQUIRE(apply_union_catalog(union_db, ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", snapshot}}),
                                kOwnVillage)
                .ok());
    auto find = [&](std::string text, int limit = 50, int offset = 0) {
        catalog::SearchQuery q;
        q.text = std::move(text);
        q.limit = limit;
        q.offset = offset;
        return catalog::search(local.db, q);
    };
    auto elsewhere = [](const catalog::SearchResult& r) {
        std::vector<std::string> out;
        for (const auto& h : r.elsewhere) out.push_back(h.title);
        return out;
    };

    struct Case {
        std::string query;
        int local_total;
        std::vector<std::string> elsewhere;
    };
    const std::vector<Case> cases{
        {"harry potter", 2, {"Harry Potter and the Goblet of Fire"}},
        {"negeri", 0, {"Negeri 5 Menara"}},
        {"negeri 5 men", 0, {"Negeri 5 Menara"}},
        {"fuadi", 0, {"Negeri 5 Menara"}},
        {"9789792248616", 0, {"Negeri 5 Menara"}},
        {"978-979-22-4861-6", 0, {"Negeri 5 Menara"}},
        {"laskar pelangi", 2, {}},  // the same ISBN is on the shelf here
        {"bumi", 3, {}},            // Tere Liye's Bumi is here, matched by title and author
        {"kopi", 0, {"Kopi Nusantara"}},
        {"xyzzyq", 0, {}},
    };
    for (const auto& c : cases) {
        INFO("query '" << c.query << "'");
        const auto r = find(c.query);
        CHECK(r.total == c.local_total);
        CHECK(elsewhere(r) == c.elsewhere);
        CHECK(r.elsewhere_total == static_cast<int>(c.elsewhere.size()));
    }

    const auto hp = find("harry potter");
    REQUIRE(hp.elsewhere.size() == 1);
    CHECK(hp.elsewhere[0].authors == std::vector<std::string>{"Rowling, J. K."});
    CHECK(names(hp.elsewhere[0].libraries) == std::vector<std::string>{"Perpustakaan Provinsi Lampung 2/2"});
    const auto negeri = find("negeri");
    REQUIRE(negeri.elsewhere.size() == 1);
    CHECK(negeri.elsewhere[0].available == 2);
    CHECK(negeri.elsewhere[0].copies == 4);
    CHECK(names(negeri.elsewhere[0].libraries) ==
          std::vector<std::string>{"Perpustakaan Provinsi Lampung 2/3", "Perpustakaan Desa Merak Batin 0/1"});

    // Local matches fill the page first; union titles only once they run out.
    CHECK(find("harry potter", 2).elsewhere.empty());
    CHECK(elsewhere(find("harry potter", 3)) == std::vector<std::string>{"Harry Potter and the Goblet of Fire"});
    // A later page: the local hits are on an earlier one, so only the ISBN keeps a local title out.
    const auto page2 = elsewhere(find("harry potter", 10, 2));
    CHECK(std::count(page2.begin(), page2.end(), "Harry Potter and the Goblet of Fire") == 1);
    CHECK(std::count(page2.begin(), page2.end(), "Harry Potter and the Philosopher's Stone") == 0);

    // Filters: the book's own properties apply, this library's shelves do not.
    catalog::SearchQuery q;
    q.text = "negeri";
    q.filters.languages = {"eng"};
    CHECK(catalog::search(local.db, q).elsewhere.empty());
    q.filters.languages = {"ind"};
    CHECK(catalog::search(local.db, q).elsewhere.size() == 1);
    q.filters.locations = {"Rak A"};
    CHECK(catalog::search(local.db, q).elsewhere.empty());
    q.filters = {};
    q.text = "kopi";
    q.filters.availability = catalog::Availability::OnShelf;
    CHECK(catalog::search(local.db, q).elsewhere.empty());  // its only copy is lent out
    q.filters.availability = catalog::Availability::OnLoan;
    CHECK(catalog::search(local.db, q).elsewhere.size() == 1);

    // The record screen's "Juga ada di": the resident opens Laskar Pelangi here.
    catalog::LibraryVisit visit;
    const auto laskar = find("laskar pelangi");
    REQUIRE_FALSE(laskar.hits.empty());
    visit.open(local.db, laskar.hits.front().record_id);
    CHECK_FALSE(visit.elsewhere().empty());
    visit.close();
    CHECK(visit.elsewhere().empty());
}

TEST_CASE("channel file names and codes", "[union]") {
    using namespace catalog::union_files;
    for (const char* ok : {"18", "18.01", "18.01.04", "18.01.04.2001"}) CHECK(is_region_code(ok));
    for (const char* bad : {"", "1", "18.", "18.1", "18.01.04.201", "18.01.04.20011", "18-01", "ab", "18.01.04.2001."})
        CHECK_FALSE(is_region_code(bad));
    for (const char* ok : {"a", "prov-18", "desa_18.01"}) CHECK(is_library_id(ok));
    CHECK(is_library_id(std::string(64, 'x')));
    for (const char* bad : {"", "a b", "a/b", "é"}) CHECK_FALSE(is_library_id(bad));
    CHECK_FALSE(is_library_id(std::string(65, 'x')));

    Channel ch;
    const auto dir = ch.write("1", {{"libraries.csv", kLibraries},
                                    {"snapshot-7.csv", kHeader},
                                    {"delta-10.csv", ""},
                                    {"delta-9.csv", ""},
                                    {"delta-09.csv", ""},
                                    {"snapshot-.csv", ""}});
    const auto files = list_channel_files(dir);
    CHECK(files.base_version == 7);
    REQUIRE(files.deltas.size() == 2);
    CHECK(files.deltas[0].first == 9);
    CHECK(files.deltas[1].first == 10);
    CHECK(files.ignored == std::vector<std::string>{"delta-09.csv", "snapshot-.csv"});
}

TEST_CASE("union.db: its own file, attached read-only, never in the way of kiosk.db", "[union]") {
    test::CatalogFixture local;
    REQUIRE(catalog::attach_union_catalog(local.db, local.dir.path()));
    Channel ch;
    const auto dir = ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}});
    REQUIRE(catalog::install_union_catalog(local.dir.path(), dir, kOwnVillage).ok());
    CHECK(catalog::union_catalog_state(local.db));  // seen through the attachment
    CHECK(std::filesystem::exists(local.dir / "union.db"));
    CHECK(count(local.db, "SELECT count(*) FROM union_catalog.catalog_union_records") == 6);
    // The kiosk's own connection cannot write it: only the sync worker's connection does.
    CHECK_THROWS_AS(local.db.exec("DELETE FROM catalog_union_records"), storage::StorageError);

    // While a union apply holds union.db's write lock, kiosk.db's writers go on (a check-out, an
    // aspiration): they would otherwise wait for it, and fail after the 5 s busy timeout.
    auto union_db = catalog::open_union_database(local.dir.path());
    storage::Transaction applying(union_db);
    union_db.exec("DELETE FROM catalog_union_index");
    const auto started = std::chrono::steady_clock::now();
    {
        storage::Transaction tx(local.db);
        catalog::Record r;
        r.title = "Buku Baru Saat Sinkronisasi";
        local.store.upsert(r);
        tx.commit();
    }
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(1));
    CHECK_FALSE(catalog::search(local.db, [] {
                    catalog::SearchQuery q;
                    q.text = "negeri";
                    return q;
                }()).elsewhere.empty());  // readers still see the last committed union catalogue
}

TEST_CASE("a union.db that cannot be opened is set aside and rebuilt from the channel files", "[union]") {
    test::TempDir data;
    test::write_file(data / "union.db", std::string(8192, 'x'));  // not a database
    Channel ch;
    const auto report = catalog::install_union_catalog(
        data.path(), ch.write("1", {{"libraries.csv", kLibraries}, {"snapshot-1.csv", kSnapshot}}), kOwnVillage);
    INFO(catalog::describe(report));
    REQUIRE(report.ok());
    CHECK(report.rebuilt);
    CHECK(report.records == 6);
    CHECK(test::read_file(data / "union.db.broken") == std::string(8192, 'x'));

    // The kiosk starts without it all the same: attaching a broken file is refused and logged.
    test::write_file(data / "union.db", std::string(8192, 'x'));
    auto kiosk_db = storage::open_kiosk_database(data.path());
    CHECK_FALSE(catalog::attach_union_catalog(kiosk_db, data.path()));
    CHECK(catalog::holdings_elsewhere(kiosk_db, record("Laskar Pelangi", {}, {"9789793062792"})).empty());
}
