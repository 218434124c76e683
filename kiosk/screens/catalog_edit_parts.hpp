#pragma once
// Pieces of the cataloguing screen shared by its two files (the record form, and the copies).
#include <string>

#include "catalog/catalog_editor.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {

// The translated sentence for one problem of the editor.
std::string catalog_issue_text(const Ui& ui, const catalog::EditIssue& issue);

// Height of a button with `label` in `width`, at least a finger's height.
float catalog_button_height(const Ui& ui, std::string_view label, float width);

// Buttons left to right from (x, cursor y), wrapping to new rows within `width`; the cursor ends
// below them. Returns the index of the button tapped, or -1.
struct FlowButton {
    std::string id, label;
    ButtonStyle style = ButtonStyle::Normal;
    Icon icon = Icon::None;
};
int button_flow(Ui& ui, const std::vector<FlowButton>& buttons, float x, float width);

// A paragraph starting at `x` (ImGui puts the cursor back at the window's edge after each item).
void catalog_line(Ui& ui, ImFont* font, std::string_view text, float x, float width, ImU32 colour);

// A labelled text field of the editor, with its problems in red under it. Tapping focuses it.
void catalog_field_row(ScreenContext& ctx, catalog::EditField field, float width);

// The catalogue changed: the resident-side search and the opened record are read again, so the
// change shows at once (the library screen caches its last result).
void catalog_changed(ScreenContext& ctx);

// The copies of the record: list with lost / withdrawn / available buttons, and "add a copy".
void draw_catalog_copies(ScreenContext& ctx, float width);

}  // namespace desa::kiosk
