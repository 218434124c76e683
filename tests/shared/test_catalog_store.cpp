// CatalogStore: records, copies and the full-text index kept in step.
#include <catch2/catch.hpp>

#include "catalog/catalog_store.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using desa::catalog::CatalogStore;
using desa::catalog::Copy;
using desa::catalog::CopyStatus;
using desa::catalog::Record;
using desa::catalog::UpsertOutcome;
using desa::storage::Database;

namespace {

struct StoreFixture {
    desa::test::TempDir dir;
    Database db = desa::storage::open_kiosk_database(dir.path());
    CatalogStore store{db};

    std::int64_t scalar(const std::string& sql) {
        auto s = db.prepare(sql);
        REQUIRE(s.step());
        return s.column_int64(0);
    }
    std::string text(const std::string& sql) {
        auto s = db.prepare(sql);
        REQUIRE(s.step());
        return s.column_text(0);
    }
    // Record ids whose index row matches an FTS5 expression (written by the test, not a user).
    std::vector<std::int64_t> indexed(const std::string& match) {
        auto s = db.prepare("SELECT rowid FROM catalog_index WHERE catalog_index MATCH ?1 ORDER BY rowid");
        s.bind(1, match);
        std::vector<std::int64_t> ids;
        while (s.step()) ids.push_back(s.column_int64(0));
        return ids;
    }
};

Record laskar_pelangi() {
    Record r;
    r.control_number = "SLIMS-0001";
    r.title = "Laskar Pelangi";
    r.subtitle = "sebuah novel";
    r.authors = {"Hirata, Andrea"};
    r.subjects = {"Fiksi Indonesia", "Pendidikan"};
    r.series = "Tetralogi Laskar Pelangi";
    r.publisher = "Bentang Pustaka";
    r.place = "Yogyakarta";
    r.year = 2005;
    r.edition = "Cet. 1";
    r.extent = "529 hlm.";
    r.isbns = {"979-3062-79-7"};
    r.call_number = "899.221 HIR l";
    r.language = "ind";
    r.collection = "Umum";
    r.notes = "Novel pertama dari tetralogi.";
    r.copies = {Copy{0, "B0001", "Rak A", "", CopyStatus::Available, std::nullopt},
                Copy{0, "B0002", "Rak A", "", CopyStatus::OnLoan, 1'900'000'000}};
    return r;
}

}  // namespace

TEST_CASE_METHOD(StoreFixture, "upsert adds a record that get returns field by field", "[catalog][store]") {
    Record r = laskar_pelangi();
    REQUIRE(store.upsert(r) == UpsertOutcome::Added);
    REQUIRE(r.id > 0);
    CHECK(r.isbns == std::vector<std::string>{"9789793062792"});  // normalised to ISBN-13
    REQUIRE(r.copies[0].id > 0);
    REQUIRE(r.copies[1].id > r.copies[0].id);

    const auto got = store.get(r.id);
    REQUIRE(got);
    CHECK(got->control_number == "SLIMS-0001");
    CHECK(got->title == "Laskar Pelangi");
    CHECK(got->subtitle == "sebuah novel");
    CHECK(got->authors == std::vector<std::string>{"Hirata, Andrea"});
    CHECK(got->subjects == std::vector<std::string>{"Fiksi Indonesia", "Pendidikan"});
    CHECK(got->series == "Tetralogi Laskar Pelangi");
    CHECK(got->publisher == "Bentang Pustaka");
    CHECK(got->place == "Yogyakarta");
    CHECK(got->year == 2005);
    CHECK(got->edition == "Cet. 1");
    CHECK(got->extent == "529 hlm.");
    CHECK(got->isbns == std::vector<std::string>{"9789793062792"});
    CHECK(got->call_number == "899.221 HIR l");
    CHECK(got->language == "ind");
    CHECK(got->material_type == "book");  // the default when a source has none
    CHECK(got->collection == "Umum");
    CHECK(got->notes == "Novel pertama dari tetralogi.");
    CHECK_FALSE(got->withdrawn);
    REQUIRE(got->copies.size() == 2);
    CHECK(got->copies[0].barcode == "B0001");
    CHECK(got->copies[1].status == CopyStatus::OnLoan);
    CHECK(got->copies[1].due_unix == 1'900'000'000);
    CHECK(got->available_copies() == 1);

    CHECK(store.count() == 1);
    CHECK(store.find_by_control_number("SLIMS-0001") == r.id);
    CHECK(store.find_copy_by_barcode("B0002") == r.copies[1].id);
}

TEST_CASE_METHOD(StoreFixture, "availability counters follow the copies", "[catalog][store]") {
    Record r = laskar_pelangi();
    store.upsert(r);
    auto counters = [&] {
        auto s = db.prepare("SELECT copies, available, on_loan FROM catalog_facets WHERE record_id = ?1");
        s.bind(1, r.id);
        REQUIRE(s.step());
        return std::array<std::int64_t, 3>{s.column_int64(0), s.column_int64(1), s.column_int64(2)};
    };
    CHECK(counters() == std::array<std::int64_t, 3>{2, 1, 1});
    CHECK(text("SELECT locations FROM catalog_facets") == "Rak A");
    store.set_copy_status(r.copies[0].id, CopyStatus::OnLoan, 1'900'000'000);
    CHECK(counters() == std::array<std::int64_t, 3>{2, 0, 2});
    store.set_copy_status(r.copies[1].id, CopyStatus::Withdrawn, 1'900'000'000);
    CHECK(counters() == std::array<std::int64_t, 3>{1, 0, 1});
    CHECK_FALSE(store.get(r.id)->copies[1].due_unix.has_value());  // only kept while on loan
    CHECK_THROWS_AS(store.set_copy_status(9999, CopyStatus::Lost, std::nullopt), std::invalid_argument);
}

TEST_CASE_METHOD(StoreFixture, "upsert matches existing records", "[catalog][store]") {
    Record first = laskar_pelangi();
    store.upsert(first);

    struct Row {
        const char* name;
        std::string control_number;
        std::vector<std::string> isbns;
        UpsertOutcome outcome;
    };
    const std::vector<Row> rows{
        {"same control number, no ISBN", "SLIMS-0001", {}, UpsertOutcome::Updated},
        {"control number with spaces", "  SLIMS-0001 ", {}, UpsertOutcome::Updated},
        {"no control number, ISBN-13", "", {"9789793062792"}, UpsertOutcome::Updated},
        {"no control number, ISBN-10 with hyphens", "", {"979-3062-79-7"}, UpsertOutcome::Updated},
        {"new control number, ISBN of a record with one", "SLIMS-0002", {"9793062797"}, UpsertOutcome::Added},
        {"no control number, unknown ISBN", "", {"9780439023481"}, UpsertOutcome::Added},
        {"nothing to match on", "", {}, UpsertOutcome::Added},
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.name) {
            Record r;
            r.control_number = row.control_number;
            r.isbns = row.isbns;
            r.title = "Laskar Pelangi (edisi revisi)";
            CHECK(store.upsert(r) == row.outcome);
            if (row.outcome == UpsertOutcome::Updated) {
                CHECK(r.id == first.id);
                CHECK(store.get(first.id)->title == "Laskar Pelangi (edisi revisi)");
                CHECK(store.count() == 1);
            } else {
                CHECK(r.id != first.id);
                CHECK(store.get(first.id)->title == "Laskar Pelangi");
                CHECK(store.count() == 2);
            }
        }
    }
}

TEST_CASE_METHOD(StoreFixture, "upsert by id edits the record in place", "[catalog][store]") {
    Record r = laskar_pelangi();
    store.upsert(r);
    Record edit = *store.get(r.id);
    edit.control_number = "";  // the librarian cleared it: the id still identifies the record
    edit.title = "Laskar Pelangi";
    edit.year = 2008;
    CHECK(store.upsert(edit) == UpsertOutcome::Updated);
    CHECK(edit.id == r.id);
    CHECK(store.get(r.id)->year == 2008);
    CHECK(store.get(r.id)->copies.size() == 2);
}

TEST_CASE_METHOD(StoreFixture, "copies are matched by barcode", "[catalog][store]") {
    Record r = laskar_pelangi();
    store.upsert(r);
    const auto b1 = r.copies[0].id;

    Record again = laskar_pelangi();
    again.copies = {Copy{0, " B0001 ", "Rak B", "899.221 HIR l c.1", CopyStatus::Lost, std::nullopt},
                    Copy{0, "B0003", "Rak C", "", CopyStatus::Available, std::nullopt}};
    CHECK(store.upsert(again) == UpsertOutcome::Updated);
    CHECK(again.copies[0].id == b1);  // same copy, updated
    const auto got = store.get(r.id);
    REQUIRE(got->copies.size() == 3);  // B0002 was not in the import and stays
    CHECK(got->copies[0].barcode == "B0001");
    CHECK(got->copies[0].location == "Rak B");
    CHECK(got->copies[0].status == CopyStatus::Lost);
    CHECK(got->copies[1].barcode == "B0002");
    CHECK(got->copies[2].barcode == "B0003");
    // A copy's own call number is searchable too.
    CHECK(indexed("call_number:c") == std::vector<std::int64_t>{r.id});

    // A barcode that turns up on another record moves there.
    Record other;
    other.title = "Sang Pemimpi";
    other.copies = {Copy{0, "B0003", "Rak A", "", CopyStatus::Available, std::nullopt}};
    store.upsert(other);
    CHECK(other.copies[0].id == again.copies[1].id);
    CHECK(store.get(r.id)->copies.size() == 2);
    CHECK(store.get(other.id)->copies.size() == 1);
    CHECK(scalar("SELECT copies FROM catalog_facets WHERE record_id = " + std::to_string(r.id)) == 1);  // B0001 is lost
    // B0001 is lost: only B0002's shelf counts as a location of the record.
    CHECK(text("SELECT locations FROM catalog_facets WHERE record_id = " + std::to_string(r.id)) == "Rak A");

    // The same barcode twice in one record is one copy, the later line winning.
    Record twice;
    twice.title = "Dua Kali";
    twice.copies = {Copy{0, "D1", "Rak A", "", CopyStatus::Available, std::nullopt},
                    Copy{0, "D1", "Rak B", "", CopyStatus::OnLoan, 1'900'000'000}};
    store.upsert(twice);
    REQUIRE(store.get(twice.id)->copies.size() == 1);
    CHECK(store.get(twice.id)->copies[0].location == "Rak B");
    CHECK(text("SELECT copies || ' ' || available || ' ' || locations FROM catalog_facets WHERE record_id = " +
               std::to_string(twice.id)) == "1 0 Rak B");

    // Unlabelled copies replace the record's unlabelled copies instead of piling up.
    Record plain;
    plain.title = "Tanpa Label";
    plain.copies = {Copy{}, Copy{}};
    store.upsert(plain);
    plain.copies = {Copy{}};
    store.upsert(plain);
    CHECK(store.get(plain.id)->copies.size() == 1);
}

TEST_CASE_METHOD(StoreFixture, "the index follows updates, withdrawals and restores", "[catalog][store]") {
    Record r = laskar_pelangi();
    store.upsert(r);
    CHECK(indexed("title:pelangi") == std::vector<std::int64_t>{r.id});
    CHECK(indexed("authors:hirata") == std::vector<std::int64_t>{r.id});
    CHECK(indexed("isbn:9789793062792") == std::vector<std::int64_t>{r.id});
    CHECK(indexed("isbn:9793062797") == std::vector<std::int64_t>{r.id});
    CHECK(indexed("stems:didik") == std::vector<std::int64_t>{r.id});  // "Pendidikan"
    CHECK(scalar("SELECT count(*) FROM catalog_index") == 1);

    r.title = "Sang Pemimpi";
    r.subjects = {"Persahabatan"};
    store.upsert(r);
    CHECK(indexed("title:pelangi").empty());
    CHECK(indexed("stems:didik").empty());
    CHECK(indexed("title:pemimpi") == std::vector<std::int64_t>{r.id});
    CHECK(scalar("SELECT count(*) FROM catalog_index") == 1);

    store.withdraw(r.id);
    CHECK(indexed("title:pemimpi").empty());
    CHECK(store.count() == 0);
    CHECK(store.get(r.id)->withdrawn);  // kept for lending history
    CHECK(store.find_copy_by_barcode("B0001"));

    Record reimport = laskar_pelangi();  // a re-import does not bring it back
    CHECK(store.upsert(reimport) == UpsertOutcome::Updated);
    CHECK(store.get(r.id)->withdrawn);
    CHECK(indexed("title:pelangi").empty());

    store.restore(r.id);
    CHECK(indexed("title:pelangi") == std::vector<std::int64_t>{r.id});
    CHECK(store.count() == 1);
    CHECK_THROWS_AS(store.withdraw(424242), std::invalid_argument);

    db.exec("DELETE FROM catalog_index");
    store.rebuild_index();
    CHECK(indexed("title:pelangi") == std::vector<std::int64_t>{r.id});
}

TEST_CASE_METHOD(StoreFixture, "a failing write outside a transaction leaves nothing behind", "[catalog][store]") {
    db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON catalog_copies WHEN NEW.location = 'boom' "
            "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    Record bad;
    bad.title = "Rusak";
    bad.isbns = {"9780439023481"};
    bad.copies = {Copy{0, "X1", "boom", "", CopyStatus::Available, std::nullopt}};
    CHECK_THROWS(store.upsert(bad));
    CHECK(scalar("SELECT count(*) FROM catalog_records") == 0);
    CHECK(scalar("SELECT count(*) FROM catalog_isbns") == 0);
    CHECK(scalar("SELECT count(*) FROM catalog_index") == 0);

    Record good = laskar_pelangi();
    store.upsert(good);  // the store is usable afterwards
    CHECK(store.count() == 1);
}

TEST_CASE_METHOD(StoreFixture, "bulk upserts share the caller's transaction", "[catalog][store]") {
    {
        desa::storage::Transaction tx(db);
        for (int i = 0; i < 50; ++i) {
            Record r;
            r.title = "Buku " + std::to_string(i);
            r.control_number = "C" + std::to_string(i);
            store.upsert(r);
        }
        // Not committed: dropping the transaction rolls all fifty back, index included.
    }
    CHECK(store.count() == 0);
    CHECK(scalar("SELECT count(*) FROM catalog_index") == 0);
    {
        desa::storage::Transaction tx(db);
        for (int i = 0; i < 50; ++i) {
            Record r;
            r.title = "Buku " + std::to_string(i);
            r.control_number = "C" + std::to_string(i);
            store.upsert(r);
        }
        tx.commit();
    }
    CHECK(store.count() == 50);
    CHECK(indexed("title:buku").size() == 50);
}

TEST_CASE_METHOD(StoreFixture, "for_each visits the catalogue in id order", "[catalog][store]") {
    std::vector<std::string> titles{"Satu", "Dua", "Tiga"};
    std::vector<std::int64_t> ids;
    for (const auto& t : titles) {
        Record r;
        r.title = t;
        store.upsert(r);
        ids.push_back(r.id);
    }
    store.withdraw(ids[1]);
    std::vector<std::string> seen;
    store.for_each([&](const Record& r) { seen.push_back(r.title); });
    CHECK(seen == std::vector<std::string>{"Satu", "Tiga"});
    CHECK(store.find_by_isbn("not an isbn") == std::nullopt);
}
