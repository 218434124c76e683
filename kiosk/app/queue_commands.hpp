#pragma once
// `desa-kiosk queue services|take|status`: the office queue from the command line, through the
// same TicketQueue, signing key and refusals as the ticket screen.
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>

#include "app/kiosk_context.hpp"
#include "core/clock.hpp"

namespace desa::kiosk {

struct QueueArgs {
    bool json = false;
    bool priority = false;
    std::string service;
};

// Each prints to `out` (refusals: one translated line to `err`, or JSON to `out` with --json) and
// returns the exit code: 0, or 2 for a refusal or bad input.
int queue_services(KioskContext&, const Clock&, const QueueArgs&, std::ostream& out);
int queue_take(KioskContext&, const Clock&, const QueueArgs&, std::ostream& out, std::ostream& err);
int queue_status(KioskContext&, const Clock&, const QueueArgs&, std::ostream& out);

std::function<int(KioskContext&)> add_queue_commands(CLI::App& cli);

}  // namespace desa::kiosk
