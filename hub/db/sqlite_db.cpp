// SQLite backend of SqlDb: WAL, synchronous=FULL (resident data arrives here), prepared statements
// cached per connection, $N placeholders bound by name so the SQL texts match PostgreSQL's.
#include <sqlite3.h>

#include <charconv>
#include <unordered_map>

#include "db/sql_db.hpp"

namespace desa::hub {
namespace {

class SqliteDb final : public SqlDb {
public:
    explicit SqliteDb(const std::string& path) : path_(path) {
        const int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        if (rc != SQLITE_OK) {
            const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close(db_);
            db_ = nullptr;
            throw DbError("cannot open SQLite database " + path + ": " + why);
        }
        sqlite3_extended_result_codes(db_, 1);
        // Writers queue behind each other (BEGIN IMMEDIATE) rather than fail at once.
        sqlite3_busy_timeout(db_, 15000);
        try {
            // The first read of the file: fails here for a file that is not a database.
            const auto mode = query("PRAGMA journal_mode=WAL", {});
            if (mode.empty() || mode[0].text(0) != "wal") throw DbError("WAL journal mode refused");
            script("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
        } catch (const DbError& e) {
            close();
            throw DbError("cannot use SQLite database " + path + ": " + e.what());
        }
    }
    ~SqliteDb() override { close(); }

    Backend backend() const override { return Backend::Sqlite; }

    std::vector<SqlRow> query(std::string_view sql, const SqlParams& params) override {
        sqlite3_stmt* stmt = prepare(sql, params);
        std::vector<SqlRow> rows;
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) fail(stmt, sql);
            SqlRow row;
            const int n = sqlite3_column_count(stmt);
            row.cells.reserve(static_cast<std::size_t>(n));
            for (int i = 0; i < n; ++i) row.cells.push_back(cell(stmt, i));
            rows.push_back(std::move(row));
        }
        sqlite3_reset(stmt);
        return rows;
    }

    std::int64_t execute(std::string_view sql, const SqlParams& params) override {
        sqlite3_stmt* stmt = prepare(sql, params);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) fail(stmt, sql);
        sqlite3_reset(stmt);
        return sqlite3_changes64(db_);
    }

    void script(std::string_view sql) override {
        char* error = nullptr;
        const std::string text(sql);
        if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : sqlite3_errmsg(db_);
            sqlite3_free(error);
            throw DbError("SQLite: " + why);
        }
    }

    void begin() override { script("BEGIN IMMEDIATE"); }
    void commit() override { script("COMMIT"); }
    void rollback() override {
        if (!sqlite3_get_autocommit(db_)) script("ROLLBACK");
    }
    void lock_for_migration() override {}  // BEGIN IMMEDIATE already holds the only write lock

private:
    sqlite3_stmt* prepare(std::string_view sql, const SqlParams& params) {
        std::string key(sql);
        auto it = cache_.find(key);
        sqlite3_stmt* stmt = nullptr;
        if (it != cache_.end()) {
            stmt = it->second;
        } else {
            if (sqlite3_prepare_v2(db_, key.data(), static_cast<int>(key.size()), &stmt, nullptr) != SQLITE_OK)
                throw DbError("SQLite: " + std::string(sqlite3_errmsg(db_)) + " in: " + key);
            cache_.emplace(std::move(key), stmt);
        }
        sqlite3_clear_bindings(stmt);
        const int count = sqlite3_bind_parameter_count(stmt);
        // As strict as PostgreSQL: every value given is used.
        if (static_cast<std::size_t>(count) != params.size())
            throw DbError("SQLite: " + std::to_string(params.size()) + " values for " + std::to_string(count) +
                          " parameters in: " + std::string(sql));
        for (int i = 1; i <= count; ++i) {
            const char* name = sqlite3_bind_parameter_name(stmt, i);
            std::size_t number = 0;
            if (!name || name[0] != '$' ||
                std::from_chars(name + 1, name + std::char_traits<char>::length(name), number).ec != std::errc() ||
                number == 0 || number > params.size())
                throw DbError("SQLite: parameter " + std::string(name ? name : "?") + " has no value in: " +
                              std::string(sql));
            bind(stmt, i, params[number - 1]);
        }
        return stmt;
    }

    void bind(sqlite3_stmt* stmt, int index, const SqlValue& value) {
        int rc = SQLITE_OK;
        if (std::holds_alternative<std::nullptr_t>(value)) {
            rc = sqlite3_bind_null(stmt, index);
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            rc = sqlite3_bind_int64(stmt, index, *i);
        } else {
            const auto& s = std::get<std::string>(value);
            rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK) throw DbError("SQLite: cannot bind a parameter: " + std::string(sqlite3_errstr(rc)));
    }

    static std::optional<std::string> cell(sqlite3_stmt* stmt, int i) {
        switch (sqlite3_column_type(stmt, i)) {
            case SQLITE_NULL: return std::nullopt;
            case SQLITE_INTEGER: return std::to_string(sqlite3_column_int64(stmt, i));
            default: {
                const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
                return std::string(data ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
            }
        }
    }

    [[noreturn]] void fail(sqlite3_stmt* stmt, std::string_view sql) {
        const std::string why = sqlite3_errmsg(db_);
        sqlite3_reset(stmt);
        throw DbError("SQLite: " + why + " in: " + std::string(sql.substr(0, 200)));
    }

    void close() {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        cache_.clear();
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
    }

    std::string path_;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<SqlDb> open_sqlite_db(const std::string& path) { return std::make_unique<SqliteDb>(path); }

}  // namespace desa::hub
