#pragma once
// What every desa-hub command shares: --data-dir, --db, --json, the database and the exit code.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/sql_db.hpp"

namespace desa::hub {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;   // refused, not found, storage trouble
inline constexpr int kExitBadInput = 2; // bad arguments or input files

// Thrown by a command to end with a one-line message and an exit code.
class CommandError : public std::runtime_error {
public:
    CommandError(int exit_code, const std::string& message) : std::runtime_error(message), code(exit_code) {}
    int code;
};

struct CliContext {
    std::filesystem::path data_dir;
    std::string db;  // empty: sqlite:<data-dir>/hub.db
    int exit_code = kExitOk;
    std::vector<std::shared_ptr<void>> option_storage;  // what the commands' options write into

    // Storage for one command's options, alive as long as the context.
    template <class T>
    std::shared_ptr<T> hold() {
        auto p = std::make_shared<T>();
        option_storage.push_back(p);
        return p;
    }

    std::string db_url() const;
    // Creates the data directory (0700) if needed, opens the database and applies migrations.
    std::unique_ptr<SqlDb> open_db() const;
    void ensure_data_dir() const;
    // --data-dir given (keys are never looked for relative to the working directory).
    void require_data_dir() const;
};

// Adds --data-dir and --db to a (sub)command; all commands write into the same context.
void add_common_options(CLI::App& command, CliContext& ctx);
// DESA_HUB_DATA_DIR and DESA_HUB_DB as defaults; called before parsing so a flag given wins.
void seed_from_environment(CliContext& ctx);

std::int64_t now_seconds();
std::string format_time(std::int64_t unix_seconds);  // "2025-11-28 12:00:00Z"

void add_admin_commands(CLI::App& app, CliContext& ctx);       // keys, regions, kiosk
void add_aspiration_commands(CLI::App& app, CliContext& ctx);  // aspirations
void add_content_commands(CLI::App& app, CliContext& ctx);     // content
void add_serve_command(CLI::App& app, CliContext& ctx);        // serve
void add_queue_commands(CLI::App& app, CliContext& ctx);       // queue
void add_library_commands(CLI::App& app, CliContext& ctx);     // library
void add_lesson_commands(CLI::App& app, CliContext& ctx);      // lessons

}  // namespace desa::hub
