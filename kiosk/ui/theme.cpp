#include "ui/theme.hpp"

#include <algorithm>

namespace desa::kiosk {
namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }

// Tile and header colours keep white text above a 4.5:1 contrast ratio (WCAG AA).
constexpr Palette kNormal{
    .background = rgb(247, 244, 236), .text = rgb(31, 41, 51), .muted_text = rgb(82, 91, 102),
    .header = rgb(11, 93, 59), .header_text = rgb(255, 255, 255), .button = rgb(226, 232, 240),
    .button_text = rgb(31, 41, 51), .button_pressed = rgb(190, 200, 214), .border = rgb(120, 130, 140),
    .field = rgb(255, 255, 255), .field_text = rgb(20, 20, 20), .focus = rgb(21, 101, 192),
    .warning = rgb(255, 243, 205), .error = rgb(176, 0, 32), .overlay = IM_COL32(0, 0, 0, 150),
    .tiles = {rgb(0, 105, 92), rgb(31, 78, 154), rgb(163, 71, 0), rgb(106, 27, 154)},
    .tile_text = rgb(255, 255, 255)};

constexpr Palette kHighContrast{
    .background = rgb(0, 0, 0), .text = rgb(255, 255, 255), .muted_text = rgb(255, 255, 255),
    .header = rgb(0, 0, 0), .header_text = rgb(255, 212, 0), .button = rgb(0, 0, 0),
    .button_text = rgb(255, 212, 0), .button_pressed = rgb(60, 60, 0), .border = rgb(255, 212, 0),
    .field = rgb(0, 0, 0), .field_text = rgb(255, 255, 255), .focus = rgb(0, 200, 255),
    .warning = rgb(0, 0, 0), .error = rgb(255, 120, 120), .overlay = IM_COL32(0, 0, 0, 220),
    .tiles = {rgb(0, 0, 0), rgb(0, 0, 0), rgb(0, 0, 0), rgb(0, 0, 0)},
    .tile_text = rgb(255, 212, 0)};

}  // namespace

Theme make_theme(int width, int height, bool large_text, bool high_contrast) {
    Theme theme;
    theme.scale = std::clamp(static_cast<float>(std::min(width, height)) / 800.0f, 0.6f, 2.5f);
    theme.text_scale = theme.scale * (large_text ? 1.3f : 1.0f);
    theme.high_contrast = high_contrast;
    theme.palette = high_contrast ? kHighContrast : kNormal;
    return theme;
}

}  // namespace desa::kiosk
