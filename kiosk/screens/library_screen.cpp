// Perpustakaan: the search field (typing opens the on-screen keyboard). The catalogue itself
// arrives with the library feature; until then an honest empty state.
#include <algorithm>

#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_library_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Book, "library.title", "library.intro");
    auto& search = ctx.session.forms.library_search;
    const float w = ctx.width() - ui.theme.px(56);
    const float field_h = std::max(ui.theme.px(80), ui.fonts.body->FontSize * 2.0f);
    if (text_field(ui, "library.search", search, ui.tr("library.search.placeholder"),
                   ctx.session.focused() == &search, ImVec2(w, field_h)))
        ctx.session.focus(&search);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + ui.theme.px(16)));
    // Below the field everything scrolls: with the keyboard open little height is left.
    const float results_h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "library.results", ImVec2(w, results_h));
    notice(ui, "library.empty", Notice::Info, ui.tr("library.empty"), w - ui.theme.px(20));
    end_scroll_area();
}

}  // namespace desa::kiosk
