#include "storage/database.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sqlite3.h>
#include <spdlog/spdlog.h>
#include <string>
#include <unistd.h>
#include <utility>

namespace desa::storage {

namespace fs = std::filesystem;

namespace {

// A writer holding the lock (another kiosk process, a backup job) gets this long before we fail.
constexpr int kBusyTimeoutMs = 5000;

const char* untouched_hint() {
    return "; it was left untouched \xE2\x80\x94 restore it from a backup or move it aside";
}

std::string db_name(sqlite3* db) {
    const char* name = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
    return name != nullptr && *name != '\0' ? std::string(name) : std::string("database");
}

// Keeps error messages readable when a long migration script fails.
std::string shorten_sql(std::string_view sql) {
    constexpr std::size_t kMax = 80;
    std::string s(sql.substr(0, kMax));
    for (char& c : s) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (sql.size() > kMax) s += "...";
    return s;
}

[[noreturn]] void throw_sql(sqlite3* db, std::string_view what, std::string_view sql) {
    throw StorageError(db_name(db) + ": " + std::string(what) + " failed (" + sqlite3_errmsg(db) +
                       ") in: " + shorten_sql(sql));
}

// Runs a statement returning one text cell, e.g. a pragma. Errors carry the SQLite result code so
// open() can tell "not a database" from other failures.
struct ScalarResult {
    int rc = SQLITE_OK;
    std::string text;
    std::string error;
};

ScalarResult query_scalar(sqlite3* db, const char* sql) {
    ScalarResult r;
    sqlite3_stmt* stmt = nullptr;
    r.rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (r.rc == SQLITE_OK) {
        r.rc = sqlite3_step(stmt);
        if (r.rc == SQLITE_ROW) {
            const unsigned char* t = sqlite3_column_text(stmt, 0);
            if (t != nullptr) r.text = reinterpret_cast<const char*>(t);
            r.rc = SQLITE_OK;
        } else if (r.rc == SQLITE_DONE) {
            r.rc = SQLITE_OK;
        }
    }
    if (r.rc != SQLITE_OK) r.error = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return r;
}

bool is_corruption(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// Turns a failed check (or the schema read before it) into the refusal the caller sees.
void throw_if_failed(const ScalarResult& check, const fs::path& file, std::string_view what) {
    if ((check.rc & 0xff) == SQLITE_NOTADB) {
        throw StorageError(file.string() + " is not a valid SQLite database (" + check.error + ")" +
                           untouched_hint());
    }
    if (is_corruption(check.rc)) {
        throw StorageError(file.string() + " is corrupt (" + check.error + ")" + untouched_hint());
    }
    if (check.rc != SQLITE_OK) {
        throw StorageError(file.string() + " cannot be checked (" + check.error + ")" +
                           untouched_hint());
    }
    if (check.text != "ok") {
        std::string finding = check.text;  // e.g. "*** in database main ***\nPage 64: ..."
        std::replace(finding.begin(), finding.end(), '\n', ' ');
        throw StorageError(file.string() + " failed its integrity check (" + std::string(what) + finding +
                           ")" + untouched_hint());
    }
}

std::string quoted_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// The ordinary tables (not virtual ones, whose data lives in ordinary shadow tables) that open()
// checks itself: all but those OpenOptions defers.
std::vector<std::string> tables_checked_at_open(sqlite3* db, const fs::path& file, const OpenOptions& options) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
                                -1, &stmt, nullptr);
    std::vector<std::string> names;
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        const std::string name = text != nullptr ? text : "";
        const bool deferred = std::any_of(options.deferred_check_prefixes.begin(), options.deferred_check_prefixes.end(),
                                          [&](const std::string& prefix) { return name.starts_with(prefix); });
        if (!deferred) names.push_back(name);
        rc = SQLITE_OK;
    }
    ScalarResult result;
    result.rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    if (result.rc != SQLITE_OK) result.error = sqlite3_errmsg(db);
    result.text = "ok";
    sqlite3_finalize(stmt);
    throw_if_failed(result, file, "");
    return names;
}

// An existing file must be a healthy database before we write a single byte to it: a kiosk that
// "fixes" a damaged file by recreating it would silently lose residents' data. Returns true when
// tables were left for the background check.
bool check_existing_file(sqlite3* db, const fs::path& file, const OpenOptions& options) {
    if (options.deferred_check_prefixes.empty()) {
        throw_if_failed(query_scalar(db, "PRAGMA quick_check"), file, "");
        return false;
    }
    // Reading the schema reads the header and every schema page: a foreign or truncated file
    // fails here (SQLite compares the header's page count with the file's size).
    for (const std::string& table : tables_checked_at_open(db, file, options)) {
        const std::string sql = "PRAGMA quick_check(" + quoted_literal(table) + ")";
        throw_if_failed(query_scalar(db, sql.c_str()), file, "table " + table + ": ");
    }
    return true;
}

// Version recorded in an existing file, read without creating anything.
int recorded_version(sqlite3* db, const fs::path& file) {
    const ScalarResult exists = query_scalar(
        db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
    if (exists.rc != SQLITE_OK) {
        throw StorageError(file.string() + " cannot be read (" + exists.error + ")" + untouched_hint());
    }
    if (exists.text != "1") return 0;
    const ScalarResult max = query_scalar(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (max.rc != SQLITE_OK) {
        throw StorageError(file.string() + " cannot be read (" + max.error + ")" + untouched_hint());
    }
    return std::stoi(max.text);
}

void validate_migrations(std::span<const Migration> migrations) {
    int previous = 0;
    for (const Migration& m : migrations) {
        if (m.version <= previous) {
            throw std::invalid_argument("migration versions must be positive and strictly increasing; " +
                                        std::to_string(m.version) + " follows " +
                                        std::to_string(previous));
        }
        previous = m.version;
    }
}

}  // namespace

// ---------------------------------------------------------------------------------- Statement

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
        SQLITE_OK) {
        sqlite3_finalize(stmt_);
        stmt_ = nullptr;
        throw_sql(db, "prepare", sql);
    }
    if (stmt_ == nullptr) throw StorageError(db_name(db) + ": empty SQL statement");
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

namespace {
void check_bind(sqlite3* db, sqlite3_stmt* stmt, int rc, int index) {
    if (rc != SQLITE_OK) {
        throw StorageError(db_name(db) + ": cannot bind parameter " + std::to_string(index) + " (" +
                           sqlite3_errmsg(db) + ") in: " + shorten_sql(sqlite3_sql(stmt)));
    }
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
    check_bind(db_, stmt_, sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check_bind(db_, stmt_, sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    // string_view::data() may be null for an empty view; SQLite would then bind NULL, not "".
    const char* data = text.data() != nullptr ? text.data() : "";
    check_bind(db_, stmt_,
               sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               index);
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const unsigned char> bytes) {
    static const unsigned char kEmpty = 0;
    const void* data = bytes.data() != nullptr ? bytes.data() : &kEmpty;
    check_bind(db_, stmt_, sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT),
               index);
    return *this;
}

Statement& Statement::bind_null(int index) {
    check_bind(db_, stmt_, sqlite3_bind_null(stmt_, index), index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw_sql(db_, "step", sqlite3_sql(stmt_));
}

void Statement::reset() {
    // reset() repeats the error of a failed step(); step() already reported it.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int64(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::column_text(int col) const {
    const unsigned char* text = sqlite3_column_text(stmt_, col);
    if (text == nullptr) return {};
    const int size = sqlite3_column_bytes(stmt_, col);  // after column_text: bytes of the text form
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool Statement::column_is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

// ----------------------------------------------------------------------------------- Database

Database::Database(sqlite3* db, fs::path file) : db_(db), file_(std::move(file)) {}

Database Database::open(const fs::path& file, Durability durability,
                        std::span<const Migration> migrations, const OpenOptions& options) {
    validate_migrations(migrations);
    const int newest_known = migrations.empty() ? 0 : migrations.back().version;

    std::error_code ec;
    const bool existed = fs::exists(file, ec);
    if (existed && !fs::is_regular_file(file, ec)) {
        throw StorageError(file.string() + " cannot be opened (not a regular file)" + untouched_hint());
    }
    if (existed && ::access(file.c_str(), R_OK | W_OK) != 0) {
        throw StorageError(file.string() + " cannot be opened (" + std::strerror(errno) + ")" +
                           untouched_hint());
    }

    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                   nullptr);
    Database db(raw, file);  // owns the handle from here on, also when open failed
    if (rc != SQLITE_OK) {
        throw StorageError(file.string() + " cannot be opened (" +
                           (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ")" +
                           (existed ? untouched_hint() : ""));
    }
    if (sqlite3_db_readonly(raw, "main") == 1) {
        throw StorageError(file.string() + " cannot be opened for writing (read-only)" +
                           untouched_hint());
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);

    if (existed) {
        // Until the file has passed the checks, closing must not checkpoint a WAL into it.
        sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, static_cast<int*>(nullptr));
        db.check_deferred_ = check_existing_file(raw, file, options);
        const int version = recorded_version(raw, file);
        if (version > newest_known) {
            throw StorageError(file.string() + " was created by a newer version of desa-kiosk (schema " +
                               std::to_string(version) + ", this build knows up to " +
                               std::to_string(newest_known) + ")" + untouched_hint());
        }
        sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, static_cast<int*>(nullptr));
    }

    const ScalarResult wal = query_scalar(raw, "PRAGMA journal_mode=WAL");
    if (wal.rc != SQLITE_OK) {
        throw StorageError(file.string() + ": cannot switch to WAL journal (" + wal.error + ")");
    }
    if (const std::string& mode = wal.text; mode != "wal") {
        // Some file systems (network mounts) lack the shared memory WAL needs; still usable.
        spdlog::warn("{}: journal mode is {} instead of wal", file.string(), mode);
    }
    db.exec(durability == Durability::Full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    db.exec("PRAGMA foreign_keys=ON");
    if (options.cache_kib > 0) db.exec("PRAGMA cache_size=-" + std::to_string(options.cache_kib));
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"
        "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);");

    for (const Migration& m : migrations) {
        Transaction tx(db);
        // Re-read inside the write lock: another process may have migrated meanwhile.
        if (db.schema_version() >= m.version) continue;
        try {
            db.exec(m.sql);
        } catch (const StorageError& e) {
            throw StorageError("migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                               ") failed: " + e.what());
        }
        db.prepare(
              "INSERT INTO schema_migrations (version, name, applied_at) "
              "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
            .bind(1, std::int64_t{m.version})
            .bind(2, m.name)
            .step();
        tx.commit();
        spdlog::info("{}: applied migration {} ({})", file.filename().string(), m.version, m.name);
    }
    return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      file_(std::move(other.file_)),
      check_deferred_(std::exchange(other.check_deferred_, false)),
      check_(std::move(other.check_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        check_.reset();
        sqlite3_close_v2(db_);
        db_ = std::exchange(other.db_, nullptr);
        file_ = std::move(other.file_);
        check_deferred_ = std::exchange(other.check_deferred_, false);
        check_ = std::move(other.check_);
    }
    return *this;
}

// close_v2 defers the close until outstanding statements are finalised instead of failing.
Database::~Database() {
    check_.reset();  // interrupts a background check still running
    sqlite3_close_v2(db_);
}

void Database::start_integrity_check() {
    if (check_deferred_ && !check_ && db_ != nullptr) check_ = std::make_unique<BackgroundIntegrityCheck>(file_);
}

IntegrityVerdict Database::integrity() const {
    if (check_) return check_->verdict();
    IntegrityVerdict v;
    if (!check_deferred_) {
        v.state = IntegrityState::Ok;
        v.at_open = true;
    }
    return v;
}

IntegrityVerdict Database::wait_for_integrity_check() {
    start_integrity_check();
    return check_ ? check_->wait() : integrity();
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);  // sqlite3_exec needs a terminated string
    char* error = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StorageError(file_.string() + ": " + message + " in: " + shorten_sql(sql));
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_, sql); }

int Database::schema_version() const {
    Statement s(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    s.step();
    return static_cast<int>(s.column_int64(0));
}

std::string Database::journal_mode() {
    Statement s(db_, "PRAGMA journal_mode");
    return s.step() ? s.column_text(0) : std::string();
}

int Database::synchronous_level() {
    Statement s(db_, "PRAGMA synchronous");
    return s.step() ? static_cast<int>(s.column_int64(0)) : -1;
}

std::optional<std::string> Database::get_setting(std::string_view key) {
    Statement s(db_, "SELECT value FROM settings WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.column_text(0);
}

void Database::set_setting(std::string_view key, std::string_view value) {
    Statement s(db_,
                "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, key).bind(2, value);
    s.step();
}

// -------------------------------------------------------------------------------- Transaction

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (const StorageError& e) {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing left to undo.
        spdlog::debug("rollback: {}", e.what());
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace desa::storage
