// The union catalogue the hub publishes on the `catalog` channel: records fitted to the format,
// the delta between two publishes, when a new snapshot starts, and every version applied by the
// kiosk's own reader (catalog::install_union_catalog) into a union.db, on SQLite and PostgreSQL.
#include <catch2/catch.hpp>

#include "catalog/union_catalog.hpp"
#include "catalog/union_catalog_writer.hpp"
#include "hub_fixture.hpp"
#include "model/union_publish.hpp"
#include "shared/test_support.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
namespace uf = desa::catalog::union_files;
namespace fs = std::filesystem;

namespace {

std::string row_for(const std::string& library, const std::string& key, const std::string& title, int copies = 1) {
    desa::catalog::Record r;
    r.control_number = key;
    r.title = title;
    r.authors = {"Hirata, Andrea"};
    uf::HoldingRow h;
    std::vector<std::string> notes;
    std::string reason;
    REQUIRE(uf::holding_from_record(library, r, h, notes, reason));
    h.copies = h.available = copies;
    return uf::holding_csv(h);
}

// `n` holdings of one library, "<prefix>-0001" ...
LibraryHoldings numbered_holdings(const std::string& library, int n, const std::string& prefix = "B") {
    LibraryHoldings h;
    for (int i = 1; i <= n; ++i) {
        const std::string key = prefix + "-" + std::to_string(10000 + i).substr(1);
        h.rows[key] = row_for(library, key, "Buku nomor " + std::to_string(i) + " tentang pertanian");
    }
    return h;
}

// The version's files copied out of the hub's store, as a kiosk would hold them.
fs::path materialize(const fs::path& hub_data, const desa::sync::Manifest& m, const fs::path& into) {
    const fs::path dir = into / std::to_string(m.version);
    fs::create_directories(dir);
    for (const auto& f : m.files) {
        const auto stored = stored_file(hub_data, f.sha256);
        REQUIRE(stored);
        fs::copy_file(*stored, dir / f.name, fs::copy_options::overwrite_existing);
    }
    return dir;
}

const desa::sync::ManifestFile* file_named(const desa::sync::Manifest& m, const std::string& name) {
    for (const auto& f : m.files)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("union publish: a record becomes a row the kiosk's reader accepts whole", "[hub][union]") {
    desa::catalog::Record r;
    r.title = std::string("Laskar\tPelangi ") + std::string(1200, 'x');
    r.authors = {"Hirata; Andrea", "", std::string(300, 'a')};
    r.subjects = {"Fiksi | Indonesia"};
    r.isbns = {"9789793062792", "123"};
    r.year = 2005;
    r.language = "Indonesia";
    r.material_type = "Buku Teks";
    r.copies.resize(3);
    r.copies[1].status = desa::catalog::CopyStatus::OnLoan;
    r.copies[2].status = desa::catalog::CopyStatus::Lost;
    uf::HoldingRow h;
    std::vector<std::string> notes;
    std::string reason;
    REQUIRE(uf::holding_from_record("18.01.04.2007", r, h, notes, reason));
    CHECK(h.control_number == "isbn:9789793062792");
    CHECK(h.copies == 2);
    CHECK(h.available == 1);
    CHECK(h.record.title.size() <= uf::kMaxTitleBytes);
    CHECK(h.record.language.empty());
    CHECK(h.record.material_type == "book");
    CHECK(notes.size() >= 4);  // title repaired and cut, author cut, ISBN and language left out

    std::vector<uf::HoldingRow> read;
    std::vector<uf::RowProblem> problems;
    const std::string text = uf::snapshot_header() + uf::holding_csv(h);
    uf::read_holdings(text, false, [&](uf::HoldingRow&& row, std::size_t) { read.push_back(std::move(row)); },
                      [&](uf::RowProblem&& p) { problems.push_back(std::move(p)); });
    REQUIRE(problems.empty());
    REQUIRE(read.size() == 1);
    CHECK(read[0].record.authors == std::vector<std::string>{"Hirata; Andrea", std::string(200, 'a')});
    CHECK(read[0].record.subjects == std::vector<std::string>{"Fiksi | Indonesia"});
    CHECK(read[0].copies == 2);
    CHECK(uf::with_counts(uf::holding_csv(h), 7, 5).ends_with(",7,5\n"));

    // Keys: the record's own control number; without one and without an ISBN a stable hash.
    desa::catalog::Record bare;
    bare.title = "Bercocok tanam padi";
    const std::string k1 = uf::holding_key(bare);
    CHECK(k1.starts_with("key:"));
    CHECK(k1.size() == 20);
    CHECK(uf::holding_key(bare) == k1);
    bare.year = 2021;
    CHECK(uf::holding_key(bare) != k1);
    bare.control_number = "SLIMS-77";
    CHECK(uf::holding_key(bare) == "SLIMS-77");
    // No title: not a holding.
    desa::catalog::Record untitled;
    untitled.title = " \t ";
    CHECK_FALSE(uf::holding_from_record("x", untitled, h, notes, reason));
    CHECK(reason == "no title");
}

TEST_CASE("union publish: the delta holds exactly the rows that changed", "[hub][union]") {
    const std::map<std::string, std::string> before{{"a", "A1"}, {"b", "B1"}, {"c", "C1"}, {"e", "E1"}};
    const std::map<std::string, std::string> after{{"a", "A1"}, {"b", "B2"}, {"d", "D1"}, {"e", "E1"}};
    const auto d = diff_holdings(before, after);
    CHECK(d.upserts == std::vector<std::pair<std::string, std::string>>{{"b", "B2"}, {"d", "D1"}});
    CHECK(d.deletes == std::vector<std::string>{"c"});
    CHECK(diff_holdings(before, before).empty());
    CHECK(diff_holdings({}, after).upserts.size() == 4);
    CHECK(diff_holdings(before, {}).deletes.size() == 4);

    auto rows_as_lines = d;  // the rows the hub writes end in a line feed
    for (auto& [key, row] : rows_as_lines.upserts) row += "\n";
    const std::string text = delta_file({{"lib-1", rows_as_lines}});
    std::vector<uf::HoldingRow> rows;
    std::vector<uf::RowProblem> problems;
    uf::read_holdings(text, true, [&](uf::HoldingRow&& r, std::size_t) { rows.push_back(std::move(r)); },
                      [&](uf::RowProblem&& p) { problems.push_back(std::move(p)); });
    REQUIRE(rows.size() == 1);  // the delete; "B2" and "D1" are no holdings the reader accepts
    CHECK(rows[0].op == uf::RowOp::Delete);
    CHECK(rows[0].control_number == "c");
    CHECK(problems.size() == 2);

    // New snapshot: when the chain outgrows half the snapshot, or 200 deltas.
    CHECK_FALSE(needs_new_snapshot(1000, {}, 500));
    CHECK(needs_new_snapshot(1000, {}, 501));
    CHECK(needs_new_snapshot(1000, {300, 150}, 60));
    CHECK_FALSE(needs_new_snapshot(1000000, std::vector<std::int64_t>(199, 10), 10));
    CHECK(needs_new_snapshot(1000000, std::vector<std::int64_t>(200, 10), 10));
}

TEST_CASE("union publish: catalogue files of every format, broken ones refused", "[hub][union]") {
    const fs::path data = DESA_TEST_DATA_DIR "/catalog";
    for (const char* name : {"generic.csv", "slims_export.csv", "good.mrc", "good.xml", "marc8.mrc"}) {
        INFO(name);
        const auto h = read_library_holdings(data / name, "18.01.04.2007");
        CHECK(h.rows.size() + h.skipped_total + h.merged == h.records);
        CHECK(!h.rows.empty());
        for (const auto& [key, row] : h.rows) {
            std::size_t problems = 0;
            uf::read_holdings(uf::snapshot_header() + row, false, [](uf::HoldingRow&&, std::size_t) {},
                              [&](uf::RowProblem&&) { ++problems; });
            CHECK(problems == 0);
        }
    }
    const auto generic = read_library_holdings(data / "generic.csv", "lib");
    CHECK(generic.skipped_total >= 1);  // the row without a title
    CHECK(!generic.problems.empty());
    for (const char* name : {"truncated.csv", "truncated.xml", "malformed.xml"}) {
        INFO(name);
        CHECK_THROWS_AS(read_library_holdings(data / name, "lib"), ContentError);
    }
    CHECK_THROWS_AS(read_library_holdings("/nonexistent/file.csv", "lib"), ContentError);

    // The same book catalogued twice without a control number: one holding with both copies.
    desa::test::TempDir dir;
    desa::test::write_file(dir / "twice.csv",
                           "title,author,year,barcode\nCara Beternak Itik,Dinas Peternakan,2019,I1\n"
                           "Cara Beternak Itik,Dinas Peternakan,2019,I2 | I3\n");
    const auto twice = read_library_holdings(dir / "twice.csv", "lib");
    REQUIRE(twice.rows.size() == 1);
    CHECK(twice.merged == 1);
    CHECK(twice.rows.begin()->second.ends_with(",3,3\n"));
}

TEST_CASE("union publish: versions of snapshot and deltas, applied by the kiosk's reader", "[hub][union]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        desa::test::TempDir hub_data, kiosk_data, channel;
        const auto key = desa::sync::make_sign_key_pair();
        const uf::LibraryRow merak{"18.01.04.2007", "Perpustakaan Desa Merak Batin", "18.01.04.2007"};
        const uf::LibraryRow prov{"prov-18", "Perpustakaan Provinsi Lampung", "18"};
        const auto apply = [&](const UnionPublishResult& r) {
            const auto report = desa::catalog::install_union_catalog(
                kiosk_data.path(), materialize(hub_data.path(), r.publish.manifest, channel.path()), "18.01.04.2001");
            INFO(desa::catalog::describe(report));
            REQUIRE(report.ok());
            CHECK(report.skipped_total == 0);
            return report;
        };

        // Version 1: a snapshot of one library.
        auto v1 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, numbered_holdings(merak.library_id, 400)}},
                                        {}, 1000);
        CHECK(v1.publish.manifest.version == 1);
        CHECK(v1.new_snapshot);
        CHECK(file_named(v1.publish.manifest, "snapshot-1.csv"));
        CHECK(file_named(v1.publish.manifest, "libraries.csv"));
        auto applied = apply(v1);
        CHECK(applied.records == 400);
        CHECK(applied.libraries == 1);

        // The same again: no new version.
        auto same = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, numbered_holdings(merak.library_id, 400)}},
                                          {}, 1001);
        CHECK(same.publish.unchanged);
        CHECK(same.publish.manifest.version == 1);

        // Version 2: 1 % changed (2 titles edited, 1 gone, 1 new): a delta of those rows only.
        auto changed = numbered_holdings(merak.library_id, 401);
        changed.rows.erase("B-0007");
        changed.rows["B-0010"] = row_for(merak.library_id, "B-0010", "Buku nomor 10, edisi revisi", 3);
        changed.rows["B-0020"] = row_for(merak.library_id, "B-0020", "Buku nomor 20, edisi revisi");
        auto v2 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, changed}}, {}, 1002);
        CHECK(v2.publish.manifest.version == 2);
        CHECK_FALSE(v2.new_snapshot);
        CHECK(v2.upserted == 3);
        CHECK(v2.deleted == 1);
        REQUIRE(file_named(v2.publish.manifest, "delta-2.csv"));
        CHECK(file_named(v2.publish.manifest, "snapshot-1.csv")->sha256 ==
              file_named(v1.publish.manifest, "snapshot-1.csv")->sha256);
        CHECK(v2.delta_bytes * 20 < file_named(v2.publish.manifest, "snapshot-1.csv")->size);
        applied = apply(v2);
        CHECK_FALSE(applied.rebuilt);
        CHECK(applied.deltas_applied == 1);
        CHECK(applied.upserted == 3);
        CHECK(applied.deleted == 1);
        CHECK(applied.records == 400);
        CHECK(applied.copies == 402);

        // Version 3: a second library joins; its rows are the delta; a kiosk that starts now gets
        // snapshot-1 plus both deltas and ends the same.
        auto v3 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{prov, numbered_holdings(prov.library_id, 50, "P")}},
                                        {}, 1003);
        CHECK(v3.publish.manifest.files.size() == 4);  // libraries, snapshot-1, delta-2, delta-3
        applied = apply(v3);
        CHECK(applied.libraries == 2);
        CHECK(applied.records == 450);
        desa::test::TempDir fresh_kiosk;
        const auto fresh = desa::catalog::install_union_catalog(
            fresh_kiosk.path(), channel / "3", "18.01.04.2001");
        CHECK(fresh.rebuilt);
        CHECK(fresh.records == 450);
        CHECK(fresh.copies == applied.copies);
        // The kiosk of Merak Batin leaves its own library out.
        desa::test::TempDir merak_kiosk;
        CHECK(desa::catalog::install_union_catalog(merak_kiosk.path(), channel / "3", "18.01.04.2007").records == 50);

        // A renamed library only: a version with the new libraries.csv and an empty delta.
        auto renamed = prov;
        renamed.name = "Dinas Perpustakaan Provinsi Lampung";
        auto v4 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{renamed, numbered_holdings(prov.library_id, 50, "P")}},
                                        {}, 1004);
        CHECK(v4.publish.manifest.version == 4);
        CHECK(v4.upserted + v4.deleted == 0);
        apply(v4);

        // Half the snapshot's size in deltas: a new snapshot, which the kiosk rebuilds from.
        auto big = numbered_holdings(merak.library_id, 400, "C");
        auto v5 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, big}}, {}, 1005);
        CHECK(v5.new_snapshot);
        CHECK(v5.publish.manifest.files.size() == 2);
        CHECK(file_named(v5.publish.manifest, "snapshot-5.csv"));
        applied = apply(v5);
        CHECK(applied.rebuilt);
        CHECK(applied.records == 450);

        // Removing a library: a new snapshot without it; an unknown one is refused.
        CHECK_THROWS_AS(publish_union_catalog(*db, hub_data.path(), key.secret_key, {}, {"nope"}, 1006), ContentError);
        auto v6 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {}, {prov.library_id}, 1006);
        CHECK(v6.new_snapshot);
        CHECK(v6.publish.manifest.version == 6);  // the refused attempt used no version
        applied = apply(v6);
        CHECK(applied.libraries == 1);
        CHECK(applied.records == 400);
        CHECK(union_libraries(*db).size() == 1);
        CHECK_THROWS_AS(publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, big}, {merak, big}}, {}, 1007),
                        ContentError);

        // Another kind of catalog version published in between (a directory as is): the next
        // union publish starts a new snapshot.
        desa::test::TempDir raw;
        desa::test::write_file(raw / "catalog.csv", "title\nX\n");
        publish_channel(*db, hub_data.path(), key.secret_key, "catalog", directory_sources(raw.path()), 1008);
        auto v8 = publish_union_catalog(*db, hub_data.path(), key.secret_key, {{merak, big}}, {}, 1009);
        CHECK(v8.publish.manifest.version == 8);
        CHECK(v8.new_snapshot);
    }
}
