#pragma once
// `desa-kiosk catalog ...`: the librarian's bulk work and the tests' window into the catalogue,
// through the same code the screens use.
#include <CLI/CLI.hpp>
#include <functional>

#include "app/kiosk_context.hpp"

namespace desa::kiosk {

// Adds the `catalog` subcommand to `cli`. The returned function runs the chosen catalogue command
// on a loaded context and gives the process exit code.
std::function<int(KioskContext&)> add_catalog_commands(CLI::App& cli);

}  // namespace desa::kiosk
