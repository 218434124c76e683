#pragma once
// Offscreen rendering of any screen in any state, for `desa-kiosk screenshot` and the layout
// tests: the real app, a software renderer, a manual clock.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/kiosk_app.hpp"

namespace desa::kiosk {

struct ScreenSize {
    int width = 1280, height = 800;
};
// "1280x800" -> size; nullopt for anything else (both sides 200..8192).
std::optional<ScreenSize> parse_size(std::string_view text);

// Screen names plus states worth seeing: "library-keyboard" (search field focused, keyboard
// open, text typed), "library-results" (hits and filters), "library-record" (a record of the
// catalogue opened), "idle-warning" (the "are you still there?" overlay), "catalog-edit-record"
// (the librarian's editor on a demo record) and "catalog-edit-problems" (a save refused).
std::vector<std::string> screenshot_names();

struct ScreenshotRequest {
    std::string name = "home";
    ScreenSize size;
    i18n::Language language = i18n::Language::Indonesian;
    bool large_text = false;
    bool high_contrast = false;
};

struct ScreenshotResult {
    double coverage = 0;  // fraction of pixels that are not the background colour
    std::vector<TextOverflow> overflows;
    std::vector<std::string> missing_texts;  // translation ids shown raw (no catalogue entry)
};

// Throws std::invalid_argument for an unknown name.
ScreenshotResult render_screenshot(KioskContext& kiosk, const ScreenshotRequest& request, const FontFiles& fonts,
                                   const std::optional<std::filesystem::path>& png_out);

}  // namespace desa::kiosk
