#include "console/console_command.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <iostream>
#include <pthread.h>

namespace desa::console {

std::function<int(kiosk::KioskContext&)> add_console_command(CLI::App& cli) {
    auto listen = std::make_shared<std::string>();
    auto* cmd = cli.add_subcommand("console", "serve the counter console on the LAN (without the kiosk screen)");
    cmd->add_option("--listen", *listen, "HOST:PORT instead of [console] listen (port 0: any free port)");
    return [cmd, listen](kiosk::KioskContext& ctx) -> int {
        if (!cmd->parsed()) return -1;
        const auto& cfg = ctx.config.console;
        if (!cfg.enabled) {
            std::cerr << "counter console: kiosk.toml has no [console] table with [[console.counter]] PINs\n";
            return 2;
        }
        ConsoleOptions options = console_options(cfg, ctx.configured_queue, ctx.data_dir, ctx.assets_dir);
        if (!listen->empty()) {
            const auto address = queue::parse_listen_address(*listen);
            if (!address) {
                std::cerr << "--listen: '" << *listen << "' is not IPv4:PORT (e.g. 192.168.1.10:8080)\n";
                return 2;
            }
            options.listen = *address;
        }
        // SIGINT/SIGTERM are taken by sigwait below: blocked before any thread starts, so none gets them.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        SystemClock clock;
        try {
            ConsoleServer server(std::move(options), clock, queue::process_queue_events());
            server.start();
            std::cout << "console http://" << server.host() << ":" << server.port() << "/" << std::endl;
            int signal = 0;
            sigwait(&signals, &signal);
            spdlog::info("counter console stopped by signal {}", signal);
            server.stop();
        } catch (const ConsoleError& e) {
            std::cerr << e.what() << "\n";
            return 2;
        }
        return 0;
    };
}

std::unique_ptr<ConsoleServer> start_kiosk_console(kiosk::KioskContext& ctx, const Clock& clock) {
    const auto& cfg = ctx.config.console;
    if (!cfg.enabled) return nullptr;
    try {
        auto server = std::make_unique<ConsoleServer>(console_options(cfg, ctx.configured_queue, ctx.data_dir, ctx.assets_dir),
                                                      clock, queue::process_queue_events());
        server->start();
        return server;
    } catch (const std::exception& e) {
        // The kiosk screen still serves residents; the counters can fall back to the operator screen.
        spdlog::error("{}", e.what());
        return nullptr;
    }
}

}  // namespace desa::console
