#pragma once
// Type for a screen read from across the hall: fonts sized from the display (not from the
// kiosk's touch theme), and single lines of text fitted into boxes.
#include <string_view>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

struct BoardFonts {
    ImFont* number = nullptr;  // ticket numbers: capitals, digits and the dash only, very large
    ImFont* title = nullptr;   // bold, large: "Loket 1" on the counter cards
    ImFont* label = nullptr;   // bold: headings, the clock
    ImFont* text = nullptr;    // regular: states, calls
    ImFont* small = nullptr;   // regular: service names, the footer
    FontSet as_set;            // the same fonts for the shared widgets' Ui
    float short_side = 0;      // the display's shorter side they were built for
};

// Clears io.Fonts and builds the board's fonts for a display of `short_side` pixels; throws
// std::runtime_error naming a missing font file. The caller re-uploads the atlas afterwards.
BoardFonts build_board_fonts(const FontFiles& files, float short_side);

// One line of `text` in the box at `size` px (at most the font's rasterised size), shrunk down to
// `min_ratio` of it when too wide; centred vertically. Records the text, and an overflow when it
// does not fit even so. For texts we write (catalogue strings, numbers).
void line_in_box(Ui& ui, std::string_view id, ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max,
                 ImU32 colour, Align align = Align::Left, float min_ratio = 0.7f);
// The same for names from the configuration (services, the village), which can be any length:
// shortened with "…" rather than overflowing.
void name_in_box(Ui& ui, ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max, ImU32 colour,
                 Align align = Align::Left, float min_ratio = 0.8f);

}  // namespace desa::kiosk
