#pragma once
// The hub's one small storage interface: a connection that runs SQL with $1..$N parameters on
// either SQLite (`sqlite:PATH`, the embedded default) or PostgreSQL (`postgresql://...`). The SQL
// texts are shared by both backends, so they stick to the common dialect: TEXT and BIGINT columns,
// INSERT ... ON CONFLICT, UPDATE ... RETURNING, no AUTOINCREMENT or SERIAL.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace desa::hub {

class DbError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;
using SqlParams = std::vector<SqlValue>;

// Every cell arrives as text (libpq's text format; SQLite values converted), NULL as nullopt.
struct SqlRow {
    std::vector<std::optional<std::string>> cells;

    bool is_null(std::size_t col) const { return !cells.at(col).has_value(); }
    std::string text(std::size_t col) const { return cells.at(col).value_or(std::string()); }
    std::int64_t int64(std::size_t col) const;  // throws DbError for NULL or non-numbers
    std::optional<std::int64_t> opt_int64(std::size_t col) const;
};

enum class Backend { Sqlite, Postgresql };

class SqlDb {
public:
    virtual ~SqlDb() = default;
    virtual Backend backend() const = 0;
    // One statement with $1..$N placeholders; rows when it returns any.
    virtual std::vector<SqlRow> query(std::string_view sql, const SqlParams& params = {}) = 0;
    // One statement; the number of rows it inserted, updated or deleted.
    virtual std::int64_t execute(std::string_view sql, const SqlParams& params = {}) = 0;
    // Several statements separated by semicolons, no parameters (migrations).
    virtual void script(std::string_view sql) = 0;
    // A write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE) so two writers
    // wait instead of failing half-way; PostgreSQL runs READ COMMITTED and locks rows it updates.
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    // Serialises schema migrations between processes (inside a transaction).
    virtual void lock_for_migration() = 0;
    // False after a lost server connection; a pool then drops this connection.
    virtual bool healthy() const { return true; }
};

// "sqlite:PATH" or "postgresql://..." / "postgres://..."; throws DbError with a reason (never the
// password of a URL) when the URL is malformed or the database cannot be opened.
std::unique_ptr<SqlDb> open_sql_db(const std::string& url);
// The URL without a password, for messages.
std::string redact_db_url(const std::string& url);
bool is_postgres_url(std::string_view url);

std::unique_ptr<SqlDb> open_sqlite_db(const std::string& path);
std::unique_ptr<SqlDb> open_postgres_db(const std::string& url);

// Commits only when told; rolls back when destroyed first (an exception on the way).
class SqlTransaction {
public:
    explicit SqlTransaction(SqlDb& db) : db_(db) { db_.begin(); }
    ~SqlTransaction() {
        if (!done_) {
            try {
                db_.rollback();
            } catch (...) {  // a destructor must not throw; the connection reports it next time
            }
        }
    }
    void commit() {
        db_.commit();
        done_ = true;
    }
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

private:
    SqlDb& db_;
    bool done_ = false;
};

}  // namespace desa::hub
