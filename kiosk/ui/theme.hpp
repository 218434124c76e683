#pragma once
// Colours and sizes. Everything scales with the shorter side of the screen so 1280x800,
// 1920x1080 and 800x1280 (portrait) lay out alike; "large text" multiplies the type sizes and
// "high contrast" swaps the palette for yellow/white on black.
#include <imgui.h>

namespace desa::kiosk {

struct Palette {
    ImU32 background, text, muted_text, header, header_text, button, button_text, button_pressed,
        border, field, field_text, focus, warning, error, overlay;
    ImU32 tiles[4];  // lessons, library, queue, aspirations
    ImU32 tile_text;
};

struct Theme {
    float scale = 1.0f;       // layout scale (screen), 1.0 at 800 px on the short side
    float text_scale = 1.0f;  // scale * (large text ? 1.3 : 1)
    bool high_contrast = false;
    Palette palette;

    float px(float at_scale_one) const { return at_scale_one * scale; }
};

Theme make_theme(int width, int height, bool large_text, bool high_contrast);

}  // namespace desa::kiosk
