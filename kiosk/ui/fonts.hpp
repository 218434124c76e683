#pragma once
// Noto Sans (Debian's fonts-noto-core) rasterised by ImGui's FreeType builder at the sizes the
// current screen and "large text" need. Rebuilt only when the text scale changes.
#include <filesystem>

#include <imgui.h>

namespace desa::kiosk {

struct FontFiles {
    std::filesystem::path regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::filesystem::path bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
};

struct FontSet {
    ImFont* small = nullptr;    // hints, footers
    ImFont* body = nullptr;     // running text, fields, buttons
    ImFont* bold = nullptr;     // emphasised body
    ImFont* heading = nullptr;  // screen titles
    ImFont* tile = nullptr;     // home tiles
    float text_scale = 0;       // the scale these were built for
};

// Clears io.Fonts and builds the set; throws std::runtime_error naming a missing font file.
// The caller re-uploads the atlas texture afterwards.
FontSet build_fonts(const FontFiles& files, float text_scale);

}  // namespace desa::kiosk
