#include "cli/hub_cli.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_context.hpp"
#include "db/sql_db.hpp"
#include "model/content.hpp"
#include "model/province_keys.hpp"

namespace desa::hub {

int run_cli(int argc, char** argv) {
    // Logs go to stderr: stdout carries the answers (--json) that scripts and tests read.
    spdlog::set_default_logger(spdlog::stderr_color_mt("desa-hub"));
    CLI::App app{"desa-hub: the provincial hub of Desa Cerdas (docs/sync-protocol.md)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(DESA_VERSION));
    CliContext ctx;
    seed_from_environment(ctx);
    add_admin_commands(app, ctx);
    add_aspiration_commands(app, ctx);
    add_content_commands(app, ctx);
    add_serve_command(app, ctx);
    add_queue_commands(app, ctx);
    add_library_commands(app, ctx);
    add_lesson_commands(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitBadInput;
    } catch (const CommandError& e) {
        std::cerr << "desa-hub: " << e.what() << "\n";
        return e.code;
    } catch (const KeyError& e) {
        std::cerr << "desa-hub: " << e.what() << "\n";
        return kExitFailed;
    } catch (const ContentError& e) {
        std::cerr << "desa-hub: " << e.what() << "\n";
        return kExitBadInput;
    } catch (const DbError& e) {
        std::cerr << "desa-hub: database: " << e.what() << "\n";
        return kExitFailed;
    } catch (const std::exception& e) {
        std::cerr << "desa-hub: " << e.what() << "\n";
        return kExitFailed;
    }
    return ctx.exit_code;
}

}  // namespace desa::hub
