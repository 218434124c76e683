#include "cli/cli_context.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

#include "db/hub_schema.hpp"

namespace desa::hub {

std::string CliContext::db_url() const { return db.empty() ? "sqlite:" + (data_dir / "hub.db").string() : db; }

void CliContext::require_data_dir() const {
    if (data_dir.empty()) throw CommandError(kExitBadInput, "--data-dir is required (or DESA_HUB_DATA_DIR)");
}

void CliContext::ensure_data_dir() const {
    require_data_dir();
    std::error_code ec;
    if (!std::filesystem::exists(data_dir, ec)) {
        std::filesystem::create_directories(data_dir, ec);
        if (ec) throw CommandError(kExitFailed, "cannot create " + data_dir.string() + ": " + ec.message());
        ::chmod(data_dir.c_str(), 0700);  // keys and residents' records live here
    } else if (!std::filesystem::is_directory(data_dir, ec)) {
        throw CommandError(kExitBadInput, data_dir.string() + " is not a directory");
    }
}

std::unique_ptr<SqlDb> CliContext::open_db() const {
    ensure_data_dir();
    try {
        auto conn = open_sql_db(db_url());
        migrate(*conn);
        return conn;
    } catch (const DbError& e) {
        throw CommandError(kExitFailed, e.what());
    }
}

void add_common_options(CLI::App& command, CliContext& ctx) {
    // No CLI11 envname here: CLI11 reads an option's variable for every subcommand, run or not,
    // and all of them write into this one context, so the environment beat an explicit flag.
    // run_cli seeds the context from the environment before parsing (seed_from_environment).
    command.add_option("--data-dir", ctx.data_dir, "Hub data directory (keys, files, default database; env DESA_HUB_DATA_DIR)");
    command.add_option("--db", ctx.db, "Database URL: sqlite:PATH or postgresql://... (default sqlite:DATA/hub.db; env DESA_HUB_DB)");
}

void seed_from_environment(CliContext& ctx) {
    if (const char* dir = std::getenv("DESA_HUB_DATA_DIR"); dir && *dir) ctx.data_dir = dir;
    if (const char* db = std::getenv("DESA_HUB_DB"); db && *db) ctx.db = db;
}

std::int64_t now_seconds() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::string format_time(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%SZ", &tm);
    return buf;
}

}  // namespace desa::hub
