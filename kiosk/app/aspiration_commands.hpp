#pragma once
// `desa-kiosk aspirations list|submit`: scripted tests and bulk entry by village staff, through the
// same validation and store as the screens.
#include <CLI/CLI.hpp>
#include <functional>

#include "app/kiosk_context.hpp"

namespace desa::kiosk {

std::function<int(KioskContext&)> add_aspiration_commands(CLI::App& cli);

}  // namespace desa::kiosk
