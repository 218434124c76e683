#pragma once
// Pieces of `desa-hub queue` (queue_commands.cpp): appointments live in their own file
// (queue_appointment_commands.cpp).
#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace desa::hub {

// `queue appointment issue --village CODE --service ID --from "YYYY-MM-DD HH:MM" --to HH:MM
// [--timezone WIB|WITA|WIT] [--note TEXT] [--png FILE] [--json]` and `queue appointment list
// [--village PREFIX] [--json]`.
void add_appointment_commands(CLI::App& queue_command, CliContext& ctx);

}  // namespace desa::hub
