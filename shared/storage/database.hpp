#pragma once
// A thin RAII layer over SQLite. Every database is opened in WAL mode with versioned migrations
// applied at start. A file that is corrupt, not a database, or from a newer schema raises
// StorageError and is left exactly as it was: data is never silently replaced.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

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
    // integrity (PRAGMA quick_check) of an existing file, then applies pending migrations.
    // Throws StorageError naming the file and the problem when the file is unreadable, corrupt,
    // not a database, or has a schema version newer than `migrations` knows.
    static Database open(const std::filesystem::path& file, Durability durability,
                         std::span<const Migration> migrations);

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

    // Small key/value settings table present in every database we open (created by open()).
    std::optional<std::string> get_setting(std::string_view key);
    void set_setting(std::string_view key, std::string_view value);

private:
    Database(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
    sqlite3* db_ = nullptr;
    std::filesystem::path file_;
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
