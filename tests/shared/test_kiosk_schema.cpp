// kiosk.db: where it lives, how durable it is, and the tables the kiosk relies on.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using desa::storage::Database;
using desa::storage::StorageError;
using desa::test::TempDir;

namespace {
std::int64_t scalar(Database& db, const char* sql) {
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.column_int64(0);
}
}  // namespace

TEST_CASE("open_kiosk_database creates a private data dir and a durable kiosk.db", "[storage]") {
    TempDir dir;
    const auto data = dir / "var" / "desa-kiosk";
    {
        Database db = desa::storage::open_kiosk_database(data);
        CHECK(db.file() == data / "kiosk.db");
        CHECK(db.journal_mode() == "wal");
        CHECK(db.synchronous_level() == 2);  // FULL: resident data survives a power cut
        CHECK(db.schema_version() == desa::storage::kiosk_migrations().back().version);
        CHECK(scalar(db, "SELECT count(*) FROM staff_pin_state") == 2);
        CHECK(scalar(db, "SELECT sum(failed_attempts + locked_until + locked_at) FROM staff_pin_state") == 0);
        // One row per known role: another cannot appear by accident.
        CHECK_THROWS_AS(db.exec("INSERT INTO staff_pin_state VALUES ('visitor', 0, 0, 0)"), StorageError);
        CHECK_THROWS_AS(db.exec("INSERT INTO staff_pin_state VALUES ('admin', 0, 0, 0)"), StorageError);
        CHECK_THROWS_AS(db.exec("UPDATE staff_pin_state SET failed_attempts = -1"), StorageError);
    }
    struct stat st {};
    REQUIRE(::stat(data.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    Database again = desa::storage::open_kiosk_database(data);  // restart: nothing re-applied
    CHECK(scalar(again, "SELECT count(*) FROM schema_migrations") ==
          static_cast<std::int64_t>(desa::storage::kiosk_migrations().size()));
    CHECK(scalar(again, "SELECT count(*) FROM staff_pin_state") == 2);
}

TEST_CASE("migration 3 keeps an admin lock-out that was running before the upgrade", "[storage]") {
    TempDir dir;
    {
        Database db = Database::open(dir / "kiosk.db", desa::storage::Durability::Full,
                                     desa::storage::kiosk_migrations().first(2));
        db.exec("UPDATE admin_pin_state SET failed_attempts = 5, locked_until = 2000000000, locked_at = 1999999700");
    }
    Database db = desa::storage::open_kiosk_database(dir.path());
    CHECK(scalar(db, "SELECT failed_attempts FROM staff_pin_state WHERE role = 'admin'") == 5);
    CHECK(scalar(db, "SELECT locked_until FROM staff_pin_state WHERE role = 'admin'") == 2000000000);
    CHECK(scalar(db, "SELECT failed_attempts + locked_until FROM staff_pin_state WHERE role = 'librarian'") == 0);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'admin_pin_state'") == 0);
}

TEST_CASE("kiosk migrations are numbered 1, 2, 3 ... and named", "[storage]") {
    int expected = 1;
    for (const auto& m : desa::storage::kiosk_migrations()) {
        CHECK(m.version == expected++);
        CHECK_FALSE(m.name.empty());
        CHECK_FALSE(m.sql.empty());
    }
}

TEST_CASE("a corrupt kiosk.db stops the kiosk instead of being replaced", "[storage]") {
    TempDir dir;
    desa::test::write_file(dir / "kiosk.db", std::string(8192, '\x07'));
    CHECK_THROWS_WITH(desa::storage::open_kiosk_database(dir.path()),
                      Catch::Contains("kiosk.db is not a valid SQLite database"));
    CHECK(desa::test::read_file(dir / "kiosk.db") == std::string(8192, '\x07'));
}
