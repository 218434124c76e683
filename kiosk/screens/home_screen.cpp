// Home: a welcome line and one large tile per enabled service.
#include <vector>

#include "screens/follow_up_screens.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {
namespace {

struct TileSpec {
    const char* id;
    const char* title_id;
    const char* subtitle_id;
    Icon icon;
    int colour;
    session::Screen opens;
};

constexpr TileSpec kTiles[] = {
    {"home.tile.lessons", "home.tile.lessons", "home.tile.lessons.sub", Icon::Globe, 0, session::Screen::Lessons},
    {"home.tile.library", "home.tile.library", "home.tile.library.sub", Icon::Book, 1, session::Screen::Library},
    {"home.tile.queue", "home.tile.queue", "home.tile.queue.sub", Icon::Ticket, 2, session::Screen::Queue},
    {"home.tile.aspirations", "home.tile.aspirations", "home.tile.aspirations.sub", Icon::Speech, 3,
     session::Screen::Aspirations},
};

bool enabled(const config::Modules& m, session::Screen s) {
    switch (s) {
        case session::Screen::Lessons: return m.lessons;
        case session::Screen::Library: return m.library;
        case session::Screen::Queue: return m.queue;
        case session::Screen::Aspirations: return m.aspirations;
        default: return false;
    }
}

}  // namespace

void draw_home_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(28);
    const std::string welcome = ui.trf(ctx.kiosk.kelurahan ? "home.welcome.kelurahan" : "home.welcome", {{"name", ctx.kiosk.village_name}});
    const float welcome_h = wrapped_height(ui.fonts.heading, welcome, ctx.width() - 2 * pad) + ui.theme.px(8);
    const float hint_h = wrapped_height(ui.fonts.body, ui.tr("home.hint"), ctx.width() - 2 * pad) + ui.theme.px(8);
    text_in_box(ui, "home.welcome", ui.fonts.heading, welcome,
                ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad),
                ImVec2(ctx.area_max.x - pad, ctx.area_min.y + pad + welcome_h), p.text);
    text_in_box(ui, "home.hint", ui.fonts.body, ui.tr("home.hint"),
                ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad + welcome_h),
                ImVec2(ctx.area_max.x - pad, ctx.area_min.y + pad + welcome_h + hint_h), p.muted_text);

    std::vector<const TileSpec*> shown;
    for (const auto& t : kTiles)
        if (enabled(ctx.kiosk.config.modules, t.opens)) shown.push_back(&t);
    if (shown.empty()) return;  // the config loader refuses a kiosk with no module

    // Two columns (one if only one tile); rows fill the remaining height.
    const int cols = shown.size() == 1 ? 1 : 2;
    const int rows = static_cast<int>((shown.size() + 1) / static_cast<std::size_t>(cols));
    const float top = ctx.area_min.y + pad * 1.5f + welcome_h + hint_h;
    const float gap = ui.theme.px(24);
    const float tile_w = (ctx.width() - 2 * pad - static_cast<float>(cols - 1) * gap) / static_cast<float>(cols);
    // A modest button under the tiles: the quick service evaluation (part of the aspirations module).
    const bool evaluate = ctx.kiosk.config.modules.aspirations;
    const std::string evaluate_label = ui.tr("evaluation.home_button");
    ImFont* font = ui.fonts.body;
    const float evaluate_w = std::min(ctx.width() - 2 * pad,
                                      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, evaluate_label.c_str()).x +
                                          font->FontSize * 1.5f + ui.theme.px(64));
    const float evaluate_h = std::max(ui.theme.px(64), wrapped_height(font, evaluate_label, evaluate_w - font->FontSize * 1.5f -
                                                                                                ui.theme.px(40)) + ui.theme.px(24));
    const float bottom = ctx.area_max.y - pad - (evaluate ? evaluate_h + gap : 0.0f);
    const float tile_h = (bottom - top - static_cast<float>(rows - 1) * gap) / static_cast<float>(rows);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& t = *shown[i];
        const int col = static_cast<int>(i) % cols;
        const int row = static_cast<int>(i) / cols;
        ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad + static_cast<float>(col) * (tile_w + gap),
                                         top + static_cast<float>(row) * (tile_h + gap)));
        if (tile(ui, t.id, ui.tr(t.title_id), ui.tr(t.subtitle_id), t.icon, p.tiles[t.colour], ImVec2(tile_w, tile_h)))
            ctx.session.open(t.opens);
    }
    if (evaluate) {
        ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + (ctx.width() - evaluate_w) * 0.5f, bottom + gap));
        if (button(ui, "home.evaluate", evaluate_label, ImVec2(evaluate_w, evaluate_h), ButtonStyle::Normal, Icon::Check))
            open_quick_evaluation(ctx.session);
    }
}

}  // namespace desa::kiosk
