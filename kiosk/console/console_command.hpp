#pragma once
// Starting the counter console: with the kiosk (`desa-kiosk`, in its own threads, when [console] is
// configured) or alone (`desa-kiosk console [--listen HOST:PORT]`, for a staff PC and the tests).
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

#include "app/kiosk_context.hpp"
#include "console/console_server.hpp"
#include "core/clock.hpp"

namespace desa::console {

// Registers `console`; the returned function runs it (until SIGINT/SIGTERM) when it was given on
// the command line and returns -1 otherwise. Prints "console http://HOST:PORT/" once listening.
std::function<int(kiosk::KioskContext&)> add_console_command(CLI::App& cli);

// The console of a normal kiosk run, serving on its own threads; nullptr when [console] is absent
// or it cannot start (logged: the kiosk itself keeps running).
std::unique_ptr<ConsoleServer> start_kiosk_console(kiosk::KioskContext& ctx, const Clock& clock);

}  // namespace desa::console
