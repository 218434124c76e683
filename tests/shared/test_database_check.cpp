// Database::open with OpenOptions::deferred_check_prefixes: the large tables are left out of the
// check at open and checked by the background check afterwards; damage anywhere else, a foreign
// or newer file are still refused at open and left byte for byte as they were.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "storage/database.hpp"
#include "test_support.hpp"

using desa::storage::Database;
using desa::storage::Durability;
using desa::storage::IntegrityState;
using desa::storage::Migration;
using desa::storage::OpenOptions;
using desa::storage::StorageError;
using desa::storage::Transaction;
using desa::test::TempDir;

namespace {

const Migration kSchema[] = {
    {1, "resident data", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
    {2, "big content",
     "CREATE TABLE big_items (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
     "CREATE INDEX big_items_body ON big_items (body);"
     "CREATE TABLE scratch (body TEXT);"},
};

const OpenOptions kDeferBig{{"big_"}};

std::int64_t scalar(Database& db, const std::string& sql) {
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.column_int64(0);
}

// Resident notes, big content (table and index), and free pages (scratch filled, then emptied);
// closed cleanly, so the WAL is checkpointed into the file.
void make_db(const std::filesystem::path& file) {
    Database db = Database::open(file, Durability::Full, kSchema);
    Transaction tx(db);
    auto note = db.prepare("INSERT INTO notes (body) VALUES (?1)");
    auto big = db.prepare("INSERT INTO big_items (body) VALUES (?1)");
    auto scratch = db.prepare("INSERT INTO scratch (body) VALUES (?1)");
    for (int i = 0; i < 3000; ++i) {
        const std::string text = std::to_string(i) + std::string(150, 'x');
        note.bind(1, "catatan " + text).step();
        note.reset();
        big.bind(1, "buku " + text).step();
        big.reset();
        scratch.bind(1, text).step();
        scratch.reset();
    }
    db.exec("DELETE FROM scratch");
    tx.commit();
}

// The last page of a table or index (never its root, with 3000 rows), from SQLite's dbstat.
std::int64_t last_page_of(const std::filesystem::path& file, const std::string& name) {
    Database db = Database::open(file, Durability::Full, kSchema);
    return scalar(db, "SELECT max(pageno) FROM dbstat WHERE name = '" + name + "'");
}

void overwrite_page(const std::filesystem::path& file, std::int64_t page) {
    std::string bytes = desa::test::read_file(file);
    const auto at = static_cast<std::size_t>(page - 1) * 4096;
    REQUIRE(at + 4096 <= bytes.size());
    for (std::size_t i = at; i < at + 4096; ++i) bytes[i] = '\x5a';
    desa::test::write_file(file, bytes);
}

// The first freelist trunk page (header offset 32) claims an impossible number of leaves.
void break_freelist(const std::filesystem::path& file) {
    std::string bytes = desa::test::read_file(file);
    auto be32 = [&](std::size_t at) {
        return (std::uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
               (std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
               (std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) |
               std::uint32_t{static_cast<unsigned char>(bytes[at + 3])};
    };
    const std::uint32_t trunk = be32(32);
    REQUIRE(trunk > 1);
    const std::size_t leaves = (trunk - 1) * std::size_t{4096} + 4;
    const char huge[4] = {0, 1, static_cast<char>(0x86), static_cast<char>(0xA0)};  // 100,000
    std::memcpy(bytes.data() + leaves, huge, 4);
    desa::test::write_file(file, bytes);
}

}  // namespace

TEST_CASE("deferred check: damage in a deferred table opens, the background check finds it", "[storage]") {
    struct Case {
        const char* name;
        void (*damage)(const std::filesystem::path&);
    };
    const std::vector<Case> cases{
        {"a page of the deferred table overwritten",
         [](const std::filesystem::path& f) { overwrite_page(f, last_page_of(f, "big_items")); }},
        {"a page of the deferred table's index overwritten",
         [](const std::filesystem::path& f) { overwrite_page(f, last_page_of(f, "big_items_body")); }},
        {"the freelist broken", break_freelist},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.name) {
            TempDir dir;
            const auto file = dir / "kiosk.db";
            make_db(file);
            c.damage(file);

            // The full check refuses it at open...
            CHECK_THROWS_WITH(Database::open(file, Durability::Full, kSchema),
                              Catch::Contains("kiosk.db") && Catch::Contains("left untouched"));
            // ...the deferred one opens it, and the resident data is readable at once.
            Database db = Database::open(file, Durability::Full, kSchema, kDeferBig);
            CHECK(scalar(db, "SELECT count(*) FROM notes") == 3000);
            CHECK(db.integrity().state == IntegrityState::NotChecked);
            const auto verdict = db.wait_for_integrity_check();
            CHECK(verdict.state == IntegrityState::Failed);
            CHECK_FALSE(verdict.at_open);
            CHECK_FALSE(verdict.finding.empty());
            CHECK(db.integrity().state == IntegrityState::Failed);  // and it stays known
        }
    }
}

TEST_CASE("deferred check: damaged, foreign or newer files are still refused at open, untouched",
          "[storage]") {
    struct Case {
        const char* name;
        void (*damage)(const std::filesystem::path&);
        const char* expected;
    };
    const std::vector<Case> cases{
        {"a page of a resident table overwritten",
         [](const std::filesystem::path& f) { overwrite_page(f, last_page_of(f, "notes")); },
         "failed its integrity check (table notes: "},
        {"garbage bytes",
         [](const std::filesystem::path& f) { desa::test::write_file(f, std::string(8192, '\x07')); },
         "is not a valid SQLite database (file is not a database)"},
        {"header magic damaged",
         [](const std::filesystem::path& f) {
             make_db(f);
             std::string bytes = desa::test::read_file(f);
             bytes.replace(0, 6, "SQLITE");
             desa::test::write_file(f, bytes);
         },
         "is not a valid SQLite database"},
        {"truncated in the middle",
         [](const std::filesystem::path& f) {
             std::filesystem::resize_file(f, std::filesystem::file_size(f) / 2 + 100);
         },
         "is corrupt (database disk image is malformed)"},
        {"the schema page overwritten",
         [](const std::filesystem::path& f) {
             std::string bytes = desa::test::read_file(f);
             for (std::size_t i = 100; i < 4096; ++i) bytes[i] = '\x5a';
             desa::test::write_file(f, bytes);
         },
         "kiosk.db"},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.name) {
            TempDir dir;
            const auto file = dir / "kiosk.db";
            make_db(file);
            c.damage(file);
            const std::string before = desa::test::read_file(file);
            std::string message;
            try {
                Database::open(file, Durability::Full, kSchema, kDeferBig);
                FAIL("opened a damaged file");
            } catch (const StorageError& e) {
                message = e.what();
            }
            CHECK_THAT(message, Catch::Contains(file.string()) && Catch::Contains(c.expected) &&
                                    Catch::Contains("left untouched"));
            CHECK(desa::test::read_file(file) == before);
        }
    }
    SECTION("a newer schema") {
        TempDir dir;
        const auto file = dir / "kiosk.db";
        make_db(file);
        const std::string before = desa::test::read_file(file);
        CHECK_THROWS_WITH(Database::open(file, Durability::Full, std::span<const Migration>(kSchema).first(1), kDeferBig),
                          Catch::Contains("created by a newer version") && Catch::Contains("schema 2"));
        CHECK(desa::test::read_file(file) == before);
    }
}

TEST_CASE("integrity verdicts of healthy files", "[storage]") {
    TempDir dir;
    const auto file = dir / "kiosk.db";
    SECTION("a new file needs no check") {
        Database db = Database::open(file, Durability::Full, kSchema, kDeferBig);
        CHECK(db.integrity().state == IntegrityState::Ok);
        CHECK(db.integrity().at_open);
        db.start_integrity_check();  // nothing left to check: stays as it was
        CHECK(db.wait_for_integrity_check().at_open);
    }
    SECTION("a full check at open") {
        make_db(file);
        Database db = Database::open(file, Durability::Full, kSchema);
        CHECK(db.integrity().state == IntegrityState::Ok);
        CHECK(db.integrity().at_open);
    }
    SECTION("a deferred check, while the kiosk keeps writing") {
        make_db(file);
        Database db = Database::open(file, Durability::Full, kSchema, kDeferBig);
        db.start_integrity_check();
        db.start_integrity_check();  // a second call changes nothing
        for (int i = 0; i < 50; ++i) db.exec("INSERT INTO notes (body) VALUES ('baru')");
        const auto verdict = db.wait_for_integrity_check();
        CHECK(verdict.state == IntegrityState::Ok);
        CHECK_FALSE(verdict.at_open);
        CHECK(verdict.finding.empty());
        CHECK(scalar(db, "SELECT count(*) FROM notes") == 3050);
    }
    SECTION("closing during the check stops it; the file stays healthy") {
        make_db(file);
        {
            Database db = Database::open(file, Durability::Full, kSchema, kDeferBig);
            db.start_integrity_check();
            Database moved = std::move(db);  // the check moves with the connection
            CHECK(moved.integrity().state != IntegrityState::NotChecked);
        }
        Database db = Database::open(file, Durability::Full, kSchema, kDeferBig);
        CHECK(db.wait_for_integrity_check().state == IntegrityState::Ok);
    }
}
