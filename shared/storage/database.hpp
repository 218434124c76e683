#pragma once
// A thin RAII layer over SQLite. Every database is opened in WAL mode with versioned migrations
// applied at start. A file that is corrupt, not a database, or from a newer schema raises
// StorageError and is left exactly as it was: data is never silently replaced.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/integrity_check.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace desa::storage {

// Full: resident data (aspirations, tickets, outbox) must survive a power cut after commit.
// Normal: re-downloadable content (catalogue, lessons) may lose the last transaction.
enum class Durability { Full, Normal };

struct Migration {
    int version;            // 1, 2, 3, ... strictly increasing
    std::string_view name;  // for logs and the schema_migrations table
    std::string_view sql;   // one or more statements, run inside one transaction
};

// What open() checks in an existing file before it writes a byte to it.
struct OpenOptions {
    // Tables whose names start with one of these are left out of the check at open: large content
    // that can be imported or downloaded again (the catalogue's PRAGMA quick_check costs 0.2-0.5 s
    // at 100k records, 2.4 s at 1M, before the first frame). open() still reads the header and the
    // whole schema, checks the schema version, and runs PRAGMA quick_check(table) on every other
    // table; the left-out tables and the freelist are checked by start_integrity_check() on a
    // second connection. Empty (the default): PRAGMA quick_check of the whole file at open.
    std::vector<std::string> deferred_check_prefixes;
    // PRAGMA cache_size of this connection in KiB; 0 keeps SQLite's default (2 MB).
    int cache_kib = 0;
};

class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);  // throws StorageError with the SQL error
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Bind by 1-based index. Text is copied (SQLITE_TRANSIENT).
    Statement& bind(int index, std::int64_t value);
    // Plain int literals would be ambiguous between the int64 and double overloads.
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_blob(int index, std::span<const unsigned char> bytes);
    Statement& bind_null(int index);

    bool step();  // true while a row is available; throws StorageError on failure
    void reset();  // reset and clear bindings, for reuse

    std::int64_t column_int64(int col) const;
    double column_double(int col) const;
    std::string column_text(int col) const;  // "" for NULL
    bool column_is_null(int col) const;

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens or creates `file`, applies WAL + the durability's synchronous mode + foreign keys, checks
    // integrity (PRAGMA quick_check, see OpenOptions) of an existing file, then applies pending
    // migrations. Throws StorageError naming the file and the problem when the file is unreadable,
    // corrupt, not a database, or has a schema version newer than `migrations` knows.
    static Database open(const std::filesystem::path& file, Durability durability,
                         std::span<const Migration> migrations, const OpenOptions& options = {});

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    void exec(std::string_view sql);  // statements without results
    Statement prepare(std::string_view sql);
    int schema_version() const;  // highest applied migration, 0 for a fresh file
    std::string journal_mode();  // "wal" after open; for tests and diagnostics
    int synchronous_level();     // 2 = FULL, 1 = NORMAL
    const std::filesystem::path& file() const { return file_; }
    sqlite3* handle() { return db_; }

    // When open() left tables out of its check: starts the full PRAGMA quick_check in a
    // background thread on a second, read-only connection (see integrity_check.hpp); its verdict
    // is logged. Otherwise, and when called again, does nothing. The kiosk calls it after its first
    // frame. Destroying the Database interrupts a check still running.
    void start_integrity_check();
    // Thread-safe. Ok with at_open set when open() checked the whole file (or created it).
    IntegrityVerdict integrity() const;
    // Starts the check if needed and waits for its verdict (command-line tools, tests).
    IntegrityVerdict wait_for_integrity_check();

    // Small key/value settings table present in every database we open (created by open()).
    std::optional<std::string> get_setting(std::string_view key);
    void set_setting(std::string_view key, std::string_view value);

private:
    Database(sqlite3* db, std::filesystem::path file);
    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
    bool check_deferred_ = false;  // open() left tables for start_integrity_check()
    std::unique_ptr<BackgroundIntegrityCheck> check_;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if destroyed before commit().
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Database& db_;
    bool done_ = false;
};

}  // namespace desa::storage
