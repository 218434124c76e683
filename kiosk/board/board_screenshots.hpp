#pragma once
// The display board in the headless screenshot tool and the screen test matrix, on sample states
// (a screenshot never writes tickets into the kiosk's database): "board" (mid-morning, a call just
// made), "board-quiet" (opening time: nothing called, nobody waiting) and "board-busy" (six
// counters, recalls, long lines).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/headless.hpp"

namespace desa::kiosk {

std::vector<std::string> board_screenshot_names();
bool is_board_screenshot(std::string_view name);

ScreenshotResult render_board_screenshot(KioskContext& kiosk, const ScreenshotRequest& request, const FontFiles& fonts,
                                         const std::optional<std::filesystem::path>& png_out);

}  // namespace desa::kiosk
