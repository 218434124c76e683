// storage::Database: WAL + durability pragmas, migrations applied exactly once, and above all that
// a damaged, foreign or newer file raises StorageError and keeps every byte it had.
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "storage/database.hpp"
#include "test_support.hpp"

using desa::storage::Database;
using desa::storage::Durability;
using desa::storage::Migration;
using desa::storage::StorageError;
using desa::storage::Transaction;
using desa::test::TempDir;

namespace {

const Migration kNotes[] = {
    {1, "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
    {2, "tags", "CREATE TABLE tags (note_id INTEGER NOT NULL REFERENCES notes(id), tag TEXT NOT NULL);"},
    {3, "note index", "CREATE INDEX notes_body ON notes(body);"},
};

std::span<const Migration> first(std::size_t n) { return std::span<const Migration>(kNotes).first(n); }

std::int64_t count(Database& db, const char* sql) {
    auto s = db.prepare(sql);
    REQUIRE(s.step());
    return s.column_int64(0);
}

// A real, multi-page database closed cleanly (WAL checkpointed into the main file).
void make_populated_db(const std::filesystem::path& file) {
    Database db = Database::open(file, Durability::Full, kNotes);
    Transaction tx(db);
    auto insert = db.prepare("INSERT INTO notes (body) VALUES (?1)");
    for (int i = 0; i < 3000; ++i) {
        insert.bind(1, "catatan warga nomor " + std::to_string(i) + std::string(120, 'x'));
        insert.step();
        insert.reset();
    }
    tx.commit();
}

std::string failure_message(const std::filesystem::path& file, std::span<const Migration> migrations) {
    try {
        Database::open(file, Durability::Full, migrations);
    } catch (const StorageError& e) {
        return e.what();
    }
    FAIL("expected StorageError for " << file);
    return {};
}

}  // namespace

TEST_CASE("a fresh database is WAL, durable as asked, with foreign keys and all migrations",
          "[storage]") {
    struct Row {
        Durability durability;
        int synchronous;
    };
    const std::vector<Row> rows{{Durability::Full, 2}, {Durability::Normal, 1}};
    for (const Row& row : rows) {
        DYNAMIC_SECTION("synchronous " << row.synchronous) {
            TempDir dir;
            Database db = Database::open(dir / "a.db", row.durability, kNotes);
            CHECK(db.journal_mode() == "wal");
            CHECK(db.synchronous_level() == row.synchronous);
            CHECK(count(db, "PRAGMA foreign_keys") == 1);
            CHECK(db.schema_version() == 3);
            CHECK(count(db, "SELECT count(*) FROM schema_migrations") == 3);
            auto names = db.prepare("SELECT name, applied_at FROM schema_migrations WHERE version = 2");
            REQUIRE(names.step());
            CHECK(names.column_text(0) == "tags");
            CHECK(names.column_text(1).size() == 20);  // 2025-12-01T00:00:00Z
            CHECK(db.file() == dir / "a.db");
        }
    }
}

TEST_CASE("migrations run once and only the new ones run on a later open", "[storage]") {
    TempDir dir;
    const auto file = dir / "a.db";
    {
        Database db = Database::open(file, Durability::Full, first(2));
        db.exec("INSERT INTO notes (body) VALUES ('rapat RT')");
        CHECK(db.schema_version() == 2);
    }
    {
        Database db = Database::open(file, Durability::Full, first(2));  // a restart
        CHECK(db.schema_version() == 2);
        CHECK(count(db, "SELECT count(*) FROM schema_migrations") == 2);
        CHECK(count(db, "SELECT count(*) FROM notes") == 1);
    }
    Database db = Database::open(file, Durability::Full, kNotes);  // an upgrade
    CHECK(db.schema_version() == 3);
    CHECK(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'notes_body'") == 1);
    CHECK(count(db, "SELECT count(*) FROM notes") == 1);

    // A second connection while the first is open (e.g. a helper process) changes nothing.
    Database other = Database::open(file, Durability::Normal, kNotes);
    CHECK(other.schema_version() == 3);
}

TEST_CASE("a failing migration is rolled back whole", "[storage]") {
    TempDir dir;
    const auto file = dir / "a.db";
    const Migration broken[] = {
        kNotes[0],
        {2, "half done", "CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);"},
    };
    const std::string message = failure_message(file, broken);
    CHECK_THAT(message, Catch::Contains("migration 2 (half done)") && Catch::Contains("no_such_table"));

    Database db = Database::open(file, Durability::Full, first(1));
    CHECK(db.schema_version() == 1);
    CHECK(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'half'") == 0);
}

TEST_CASE("migration lists must be strictly increasing", "[storage]") {
    TempDir dir;
    const Migration unordered[] = {kNotes[1], kNotes[0]};
    CHECK_THROWS_AS(Database::open(dir / "a.db", Durability::Full, unordered), std::invalid_argument);
    const Migration zero[] = {{0, "zero", "SELECT 1"}};
    CHECK_THROWS_AS(Database::open(dir / "a.db", Durability::Full, zero), std::invalid_argument);
}

TEST_CASE("damaged or foreign files are refused and left byte for byte as they were", "[storage]") {
    struct Damage {
        const char* name;
        void (*apply)(const std::filesystem::path&);
        const char* expected;  // fragment of the message
    };
    const std::vector<Damage> cases{
        {"garbage bytes",
         [](const std::filesystem::path& f) {
             std::string junk;
             for (int i = 0; i < 512; ++i) junk += "bukan database; ";
             desa::test::write_file(f, junk);
         },
         "is not a valid SQLite database (file is not a database)"},
        {"real database truncated in the middle",
         [](const std::filesystem::path& f) {
             make_populated_db(f);
             std::filesystem::resize_file(f, std::filesystem::file_size(f) / 2 + 100);
         },
         "kiosk.db"},
        {"real database with a page overwritten",
         [](const std::filesystem::path& f) {
             make_populated_db(f);
             std::string bytes = desa::test::read_file(f);
             for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 4096; ++i) bytes[i] = '\x5a';
             desa::test::write_file(f, bytes);
         },
         "kiosk.db"},
        {"header magic damaged",
         [](const std::filesystem::path& f) {
             make_populated_db(f);
             std::string bytes = desa::test::read_file(f);
             bytes.replace(0, 6, "SQLITE");
             desa::test::write_file(f, bytes);
         },
         "is not a valid SQLite database"},
    };
    for (const Damage& d : cases) {
        DYNAMIC_SECTION(d.name) {
            TempDir dir;
            const auto file = dir / "kiosk.db";
            d.apply(file);
            const std::string before = desa::test::read_file(file);

            const std::string message = failure_message(file, kNotes);
            CHECK_THAT(message, Catch::Contains(file.string()) && Catch::Contains(d.expected) &&
                                    Catch::Contains("left untouched"));
            CHECK(desa::test::read_file(file) == before);
            // A second attempt (the kiosk restarted by systemd) is refused the same way.
            CHECK_THROWS_AS(Database::open(file, Durability::Full, kNotes), StorageError);
            CHECK(desa::test::read_file(file) == before);
        }
    }
}

TEST_CASE("a file from a newer schema is refused and left untouched", "[storage]") {
    TempDir dir;
    const auto file = dir / "kiosk.db";
    { Database db = Database::open(file, Durability::Full, kNotes); }
    const std::string before = desa::test::read_file(file);

    const std::string message = failure_message(file, first(2));
    CHECK_THAT(message, Catch::Contains("created by a newer version") &&
                            Catch::Contains("schema 3, this build knows up to 2") &&
                            Catch::Contains(file.string()));
    CHECK(desa::test::read_file(file) == before);
}

TEST_CASE("a path that cannot be opened names the file and the reason", "[storage]") {
    TempDir dir;
    SECTION("a directory where the file should be") {
        std::filesystem::create_directory(dir / "kiosk.db");
        CHECK_THAT(failure_message(dir / "kiosk.db", kNotes),
                   Catch::Contains("kiosk.db") && Catch::Contains("not a regular file"));
    }
    SECTION("a missing parent directory") {
        CHECK_THAT(failure_message(dir / "absent" / "kiosk.db", kNotes),
                   Catch::Contains("kiosk.db") && Catch::Contains("cannot be opened"));
    }
    SECTION("no permission to read it") {
        const auto file = dir / "kiosk.db";
        { Database db = Database::open(file, Durability::Full, kNotes); }
        ::chmod(file.c_str(), 0200);
        if (desa::test::running_as_root()) {
            WARN("running as root: file permissions are not enforced, check skipped");
        } else {
            CHECK_THAT(failure_message(file, kNotes),
                       Catch::Contains("kiosk.db") && Catch::Contains("Permission denied"));
        }
        ::chmod(file.c_str(), 0600);
    }
}

TEST_CASE("statements bind and read back every type", "[storage]") {
    TempDir dir;
    Database db = Database::open(dir / "a.db", Durability::Normal, {});
    db.exec("CREATE TABLE v (x)");
    auto insert = db.prepare("INSERT INTO v (x) VALUES (?1)");
    auto select = db.prepare("SELECT x, typeof(x) FROM v ORDER BY rowid DESC LIMIT 1");

    SECTION("int64") {
        insert.bind(1, std::int64_t{-9'007'199'254'740'993}).step();
        REQUIRE(select.step());
        CHECK(select.column_int64(0) == -9'007'199'254'740'993);
        CHECK(select.column_text(1) == "integer");
    }
    SECTION("int") {
        insert.bind(1, 42).step();
        REQUIRE(select.step());
        CHECK(select.column_int64(0) == 42);
    }
    SECTION("double") {
        insert.bind(1, 2.5).step();
        REQUIRE(select.step());
        CHECK(select.column_double(0) == 2.5);
        CHECK(select.column_text(1) == "real");
    }
    SECTION("text with UTF-8 and an embedded NUL") {
        const std::string text("Pekon Way Halim \xE2\x80\x94 RT 03\0x", 27);
        insert.bind(1, std::string_view(text)).step();
        REQUIRE(select.step());
        CHECK(select.column_text(0) == text);
    }
    SECTION("empty text is text, not NULL") {
        insert.bind(1, std::string_view()).step();
        REQUIRE(select.step());
        CHECK_FALSE(select.column_is_null(0));
        CHECK(select.column_text(1) == "text");
    }
    SECTION("blob") {
        const unsigned char bytes[] = {0, 1, 2, 255};
        insert.bind_blob(1, bytes).step();
        REQUIRE(select.step());
        CHECK(select.column_text(1) == "blob");
        CHECK(select.column_text(0) == std::string("\0\1\2\xff", 4));
    }
    SECTION("null") {
        insert.bind_null(1).step();
        REQUIRE(select.step());
        CHECK(select.column_is_null(0));
        CHECK(select.column_text(0).empty());
    }
    SECTION("reset clears bindings for reuse") {
        insert.bind(1, std::int64_t{7}).step();
        insert.reset();
        insert.step();  // unbound parameter -> NULL
        CHECK(count(db, "SELECT count(*) FROM v WHERE x IS NULL") == 1);
    }
}

TEST_CASE("SQL errors raise StorageError with SQLite's message", "[storage]") {
    TempDir dir;
    Database db = Database::open(dir / "a.db", Durability::Full, kNotes);
    CHECK_THROWS_WITH(db.prepare("SELEC 1"), Catch::Contains("syntax error") && Catch::Contains("SELEC 1"));
    CHECK_THROWS_WITH(db.exec("INSERT INTO nowhere VALUES (1)"), Catch::Contains("no such table: nowhere"));
    // Foreign keys are on: a tag for a note that does not exist is refused.
    auto s = db.prepare("INSERT INTO tags (note_id, tag) VALUES (99, 'x')");
    CHECK_THROWS_WITH(s.step(), Catch::Contains("FOREIGN KEY constraint failed"));
    CHECK_THROWS_AS(db.prepare("INSERT INTO notes (id, body) VALUES (1, NULL)").step(), StorageError);
}

TEST_CASE("a transaction commits, or rolls back when abandoned", "[storage]") {
    TempDir dir;
    Database db = Database::open(dir / "a.db", Durability::Full, kNotes);
    {
        Transaction tx(db);
        db.exec("INSERT INTO notes (body) VALUES ('kept')");
        tx.commit();
    }
    {
        Transaction tx(db);
        db.exec("INSERT INTO notes (body) VALUES ('dropped')");
    }
    try {
        Transaction tx(db);
        db.exec("INSERT INTO notes (body) VALUES ('dropped too')");
        throw std::runtime_error("power cut halfway");
    } catch (const std::runtime_error&) {
    }
    CHECK(count(db, "SELECT count(*) FROM notes") == 1);
    CHECK(count(db, "SELECT count(*) FROM notes WHERE body = 'kept'") == 1);
}

TEST_CASE("settings are a persistent key/value table", "[storage]") {
    TempDir dir;
    const auto file = dir / "a.db";
    {
        Database db = Database::open(file, Durability::Full, {});
        CHECK_FALSE(db.get_setting("bahasa").has_value());
        db.set_setting("bahasa", "en");
        db.set_setting("bahasa", "id");  // overwrite, not a second row
        db.set_setting("kosong", "");
    }
    Database db = Database::open(file, Durability::Full, {});
    CHECK(db.get_setting("bahasa") == std::optional<std::string>("id"));
    CHECK(db.get_setting("kosong") == std::optional<std::string>(""));
    CHECK(count(db, "SELECT count(*) FROM settings") == 2);
}

TEST_CASE("Database and Statement move cleanly", "[storage]") {
    TempDir dir;
    Database a = Database::open(dir / "a.db", Durability::Full, kNotes);
    Database b = std::move(a);
    b = Database::open(dir / "b.db", Durability::Full, first(1));
    CHECK(b.file() == dir / "b.db");
    auto s1 = b.prepare("SELECT 1");
    auto s2 = std::move(s1);
    s1 = b.prepare("SELECT 2");
    REQUIRE(s2.step());
    CHECK(s2.column_int64(0) == 1);
}
