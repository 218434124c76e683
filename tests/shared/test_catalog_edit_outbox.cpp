// Every librarian change through CatalogEditor leaves exactly one "catalog_edits" outbox record,
// written in the same transaction as the change: a change that fails (a check, or the database
// refusing either write) leaves no record and no change. Real kiosk.db, real SQLite triggers.
#include <catch2/catch.hpp>

#include <functional>
#include <nlohmann/json.hpp>

#include "catalog/catalog_edit_outbox.hpp"
#include "catalog/catalog_editor.hpp"
#include "catalog/catalog_store.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "test_support.hpp"

using namespace desa;
using catalog::CatalogEditor;
using catalog::CopyStatus;
using nlohmann::json;

namespace {

constexpr int kThisYear = 2026;
const std::string kVillage = "18.01.04.2001";

struct Desk {
    test::TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    Desk() { catalog::set_library_village(db, kVillage); }

    std::vector<sync::OutboxRecord> edits() { return sync::pending(db, catalog::kEditsChannel, 100); }
    // A saved record with two copies, and the outbox emptied of its records (marked sent).
    CatalogEditor saved_record() {
        CatalogEditor e;
        e.title.text = "Laskar Pelangi";
        e.authors.text = "Hirata, Andrea";
        e.isbns.text = "978-979-3062-79-2";
        e.year.text = "2005";
        REQUIRE(e.save(db, kThisYear));
        for (const char* barcode : {"LP-1", "LP-2"}) {
            e.copy_barcode.text = barcode;
            REQUIRE(e.add_copy(db));
        }
        for (const auto& r : edits()) sync::mark_sent(db, r.uuid, 1);
        return e;
    }
    std::int64_t count(const char* sql) {
        auto s = db.prepare(sql);
        s.step();
        return s.column_int64(0);
    }
};

}  // namespace

TEST_CASE("each editor change appends one catalog_edits record with the record as stored", "[catalog_edits]") {
    struct Case {
        const char* name;
        std::function<bool(CatalogEditor&, storage::Database&)> change;
        const char* action;
        const char* copy;  // "" when the action is about the record
        std::function<void(const json&)> check;
    };
    const std::vector<Case> cases = {
        {"edit the title",
         [](CatalogEditor& e, storage::Database& db) {
             e.title.text = "Laskar Pelangi (edisi baru)";
             return e.save(db, kThisYear);
         },
         "record_updated", "", [](const json& p) { CHECK(p["record"]["title"] == "Laskar Pelangi (edisi baru)"); }},
        {"withdraw", [](CatalogEditor& e, storage::Database& db) { return e.withdraw(db); }, "record_withdrawn", "",
         [](const json& p) { CHECK(p["record"]["withdrawn"] == true); }},
        {"add a copy",
         [](CatalogEditor& e, storage::Database& db) {
             e.copy_barcode.text = "LP-3";
             return e.add_copy(db);
         },
         "copy_added", "LP-3", [](const json& p) { CHECK(p["copies"].size() == 3); }},
        {"mark a copy lost",
         [](CatalogEditor& e, storage::Database& db) { return e.mark_copy(db, e.copies[1].id, CopyStatus::Lost); },
         "copy_status_changed", "LP-2", [](const json& p) { CHECK(p["copies"][1]["status"] == "lost"); }},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        Desk desk;
        CatalogEditor e = desk.saved_record();
        REQUIRE(desk.edits().empty());
        REQUIRE(c.change(e, desk.db));
        const auto records = desk.edits();
        REQUIRE(records.size() == 1);
        const json p = json::parse(records[0].payload);
        CHECK(p["action"] == c.action);
        CHECK(p["village"] == kVillage);
        CHECK(p["record_id"] == *e.record_id);
        CHECK(p["record"]["isbns"] == json::array({"9789793062792"}));
        CHECK(p["record"]["authors"] == json::array({"Hirata, Andrea"}));
        CHECK(p["record"]["year"] == 2005);
        if (*c.copy) CHECK(p["copy"] == c.copy);
        else CHECK(p["copy"].is_null());
        c.check(p);
    }
}

TEST_CASE("a new record and a restore are announced too", "[catalog_edits]") {
    Desk desk;
    CatalogEditor e;
    e.title.text = "Bumi Manusia";
    REQUIRE(e.save(desk.db, kThisYear));
    REQUIRE(e.withdraw(desk.db));
    REQUIRE(e.restore(desk.db));
    const auto records = desk.edits();
    REQUIRE(records.size() == 3);
    CHECK(json::parse(records[0].payload)["action"] == "record_added");
    CHECK(json::parse(records[1].payload)["action"] == "record_withdrawn");
    CHECK(json::parse(records[2].payload)["action"] == "record_restored");
    CHECK(json::parse(records[2].payload)["record"]["withdrawn"] == false);
}

TEST_CASE("a change that fails leaves no record, and a record that cannot be written undoes the change",
          "[catalog_edits]") {
    SECTION("refused by the editor's checks") {
        Desk desk;
        CatalogEditor e = desk.saved_record();
        e.title.text = "";
        CHECK_FALSE(e.save(desk.db, kThisYear));
        e.copy_barcode.text = "LP-1";  // already on this record
        CHECK_FALSE(e.add_copy(desk.db));
        CatalogEditor unsaved;
        CHECK_FALSE(unsaved.withdraw(desk.db));
        CHECK(desk.edits().empty());
    }
    SECTION("the outbox refuses the record: the edit is rolled back") {
        Desk desk;
        CatalogEditor e = desk.saved_record();
        desk.db.exec("CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
        e.title.text = "Judul yang tidak tersimpan";
        CHECK_THROWS_AS(e.save(desk.db, kThisYear), storage::StorageError);
        CHECK(catalog::CatalogStore(desk.db).get(*e.record_id)->title == "Laskar Pelangi");
        CHECK_THROWS_AS(e.withdraw(desk.db), storage::StorageError);
        CHECK_FALSE(catalog::CatalogStore(desk.db).get(*e.record_id)->withdrawn);
        e.copy_barcode.text = "LP-9";
        CHECK_THROWS_AS(e.add_copy(desk.db), storage::StorageError);
        CHECK_FALSE(catalog::CatalogStore(desk.db).find_copy_by_barcode("LP-9"));
        CHECK_THROWS_AS(e.mark_copy(desk.db, e.copies[0].id, CopyStatus::Lost), storage::StorageError);
        CHECK(catalog::CatalogStore(desk.db).get(*e.record_id)->copies[0].status == CopyStatus::Available);
        CHECK(desk.count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
    }
    SECTION("the catalogue refuses the change: no record") {
        Desk desk;
        CatalogEditor e = desk.saved_record();
        desk.db.exec(
            "CREATE TEMP TRIGGER no_copy_change BEFORE UPDATE OF status ON catalog_copies "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END");
        CHECK_THROWS_AS(e.mark_copy(desk.db, e.copies[0].id, CopyStatus::Lost), storage::StorageError);
        CHECK(desk.edits().empty());
        // The database is usable afterwards: the transaction was rolled back, not left open.
        desk.db.exec("DROP TRIGGER no_copy_change");
        CHECK(e.mark_copy(desk.db, e.copies[0].id, CopyStatus::Lost));
        CHECK(desk.edits().size() == 1);
    }
}

TEST_CASE("catalog_edits payloads carry no member data and name the library", "[catalog_edits]") {
    Desk desk;
    CatalogEditor e = desk.saved_record();
    // A copy on loan: the payload says so, not to whom or until when.
    desk.db.exec("UPDATE catalog_copies SET status = 'on_loan', due_unix = 1764633599 WHERE barcode = 'LP-1'");
    e.reload_copies(desk.db);
    REQUIRE(e.mark_copy(desk.db, e.copies[1].id, CopyStatus::Withdrawn));
    const auto records = desk.edits();
    REQUIRE(records.size() == 1);
    const json p = json::parse(records[0].payload);
    CHECK(p["copies"][0] == json{{"barcode", "LP-1"}, {"status", "on_loan"}, {"location", ""}, {"call_number", ""}});
    CHECK(records[0].payload.find("1764633599") == std::string::npos);
    for (const char* key : {"member", "card", "name", "phone", "nik", "due"})
        CHECK(records[0].payload.find(std::string("\"") + key) == std::string::npos);
    // Without the setting, the enrolled village (none here) or nothing.
    desk.db.set_setting(catalog::kLibraryVillageSetting, "");
    CHECK(catalog::library_village(desk.db).empty());
    CHECK(catalog::edit_action_from_name("copy_added") == catalog::EditAction::CopyAdded);
    CHECK_FALSE(catalog::edit_action_from_name("record_deleted"));
}
