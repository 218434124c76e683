// The librarian's desk: one tile per task, and signing out. Reached with the librarian PIN; an
// idle timeout signs out like any visit.
#include "screens/screens.hpp"

namespace desa::kiosk {
namespace {

struct DeskTask {
    const char* id;  // tile id and message id; the subtitle is id + ".sub"
    Icon icon;
    int colour;
    session::Screen opens;
};

constexpr DeskTask kTasks[] = {
    {"desk.task.checkout", Icon::Book, 1, session::Screen::LendingCheckout},
    {"desk.task.return", Icon::Back, 0, session::Screen::LendingReturn},
    {"desk.task.members", Icon::Speech, 2, session::Screen::Members},
    {"desk.task.overdue", Icon::Ticket, 3, session::Screen::Overdue},
    {"desk.task.new_record", Icon::Check, 1, session::Screen::CatalogEdit},
};

}  // namespace

void draw_library_desk_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    section_intro(ctx, Icon::Lock, "desk.title", "desk.intro");
    const float pad = ui.theme.px(28);
    const float gap = ui.theme.px(20);
    const float w = ctx.width() - 2 * pad;
    const float button_h = std::max(ui.theme.px(72), ui.fonts.body->FontSize * 2.0f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    // Three columns on a landscape screen, two when narrow; the sign-out button stays below.
    const int cols = w > ui.theme.px(900) ? 3 : 2;
    const int count = static_cast<int>(std::size(kTasks));
    const int rows = (count + cols - 1) / cols;
    const float tile_w = (w - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    const float space = ctx.area_max.y - top.y - button_h - 2 * gap;
    const float tile_h = std::max(ui.theme.px(110), (space - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows));
    for (int i = 0; i < count; ++i) {
        const auto& t = kTasks[i];
        ImGui::SetCursorScreenPos(ImVec2(top.x + static_cast<float>(i % cols) * (tile_w + gap),
                                         top.y + static_cast<float>(i / cols) * (tile_h + gap)));
        if (tile(ui, t.id, ui.tr(t.id), ui.tr(std::string(t.id) + ".sub"), t.icon, p.tiles[t.colour],
                 ImVec2(tile_w, tile_h))) {
            if (t.opens == session::Screen::CatalogEdit) ctx.session.catalog_editor = catalog::CatalogEditor{};
            ctx.session.open(t.opens);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + static_cast<float>(rows) * (tile_h + gap)));
    if (button(ui, "desk.sign_out", ui.tr("desk.sign_out"), ImVec2(std::min(w, ui.theme.px(420)), button_h),
               ButtonStyle::Normal, Icon::Lock)) {
        ctx.session.sign_out_librarian();
        ctx.session.open(session::Screen::Library);
    }
}

}  // namespace desa::kiosk
