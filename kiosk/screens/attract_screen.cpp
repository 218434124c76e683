// The attract screen: slides (the hub's pictures when a version is installed, else the text slides
// from the configuration), a running text, and an invitation to touch. It animates only the
// running text; the first touch wakes the kiosk and triggers nothing else (the app swallows it
// before ImGui sees it).
#include <cmath>

#include "screens/screens.hpp"
#include "ui/slide_show.hpp"

namespace desa::kiosk {
namespace {

std::size_t slide_index(const ScreenContext& ctx, std::size_t count) {
    const auto period = static_cast<std::int64_t>(ctx.kiosk.config.slide_seconds) * 1000;
    return static_cast<std::size_t>(ctx.now.count() / period) % count;
}

// Dots show there is more than one slide.
void draw_dots(ScreenContext& ctx, std::size_t count, std::size_t index, float y, ImU32 colour) {
    if (count < 2) return;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float dot = ctx.ui.theme.px(8);
    const float dots_w = static_cast<float>(count) * dot * 3;
    for (std::size_t i = 0; i < count; ++i)
        draw.AddCircleFilled(ImVec2((ctx.display.x - dots_w) * 0.5f + static_cast<float>(i) * dot * 3 + dot, y), dot,
                             i == index ? colour : IM_COL32(255, 255, 255, 90));
}

// One picture, as large as the band allows (full width unless that makes it too tall), centred.
void draw_picture(const Texture& picture, ImVec2 min, ImVec2 max) {
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 1 || h <= 1 || picture.width() <= 0 || picture.height() <= 0) return;
    const float scale = std::min(w / static_cast<float>(picture.width()), h / static_cast<float>(picture.height()));
    const ImVec2 size(static_cast<float>(picture.width()) * scale, static_cast<float>(picture.height()) * scale);
    const ImVec2 at(min.x + (w - size.x) * 0.5f, min.y + (h - size.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddImage(static_cast<ImTextureID>(picture.get()), at, ImVec2(at.x + size.x, at.y + size.y));
}

}  // namespace

void draw_attract_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const bool english = ui.lang == i18n::Language::English;
    ImDrawList& draw = *ImGui::GetWindowDrawList();  // the app clears the screen in p.header
    const float pad = ui.theme.px(40);
    const ImU32 text = p.header_text;

    const float place_h = ui.fonts.bold->FontSize * 2.4f;
    text_in_box(ui, "attract.village", ui.fonts.bold,
                ui.trf(ctx.kiosk.kelurahan ? "village.title.kelurahan" : "village.title", {{"name", ctx.kiosk.village_name}}) + "\n" +
                    ui.trf("village.place", {{"district", ctx.kiosk.district_name}, {"regency", ctx.kiosk.regency_name}}),
                ImVec2(pad, pad), ImVec2(ctx.display.x - pad, pad + place_h), text, Align::Left);

    const auto& slides = ctx.kiosk.config.slides;
    const float ticker_h = ui.fonts.bold->FontSize * 1.8f;
    const float prompt_h = ui.fonts.heading->FontSize * 2.6f;
    const float slide_top = pad * 1.5f + place_h;
    const float slide_bottom = ctx.display.y - ticker_h - prompt_h - pad;
    const float dots_y = slide_bottom + ui.theme.px(16);
    if (ctx.slides != nullptr && !ctx.slides->slides().empty()) {
        const auto& pictures = ctx.slides->slides();
        const auto index = slide_index(ctx, pictures.size());
        draw_picture(pictures[index], ImVec2(0, slide_top), ImVec2(ctx.display.x, slide_bottom));
        draw_dots(ctx, pictures.size(), index, dots_y, text);
    } else if (!slides.empty()) {
        const auto index = slide_index(ctx, slides.size());
        const auto& slide = slides[index];
        const std::string& title = english && !slide.title_en.empty() ? slide.title_en : slide.title_id;
        const std::string& body = english && !slide.body_en.empty() ? slide.body_en : slide.body_id;
        const float title_h = ui.fonts.heading->FontSize * 2.5f;
        text_in_box(ui, "attract.slide.title", ui.fonts.heading, title, ImVec2(pad, slide_top),
                    ImVec2(ctx.display.x - pad, slide_top + title_h), text);
        text_in_box(ui, "attract.slide.body", ui.fonts.body, body, ImVec2(pad * 1.5f, slide_top + title_h),
                    ImVec2(ctx.display.x - pad * 1.5f, slide_bottom), text);
        draw_dots(ctx, slides.size(), index, dots_y, text);
    }
    text_in_box(ui, "attract.touch", ui.fonts.heading, ui.tr("attract.touch"),
                ImVec2(pad, ctx.display.y - ticker_h - prompt_h), ImVec2(ctx.display.x - pad, ctx.display.y - ticker_h),
                text);

    // Running text: scrolls right to left at a steady speed, drawn in a band at the bottom.
    const std::string& running = english && !ctx.kiosk.config.running_text_en.empty()
                                     ? ctx.kiosk.config.running_text_en
                                     : ctx.kiosk.config.running_text_id;
    if (!running.empty()) {
        const ImVec2 band_min(0, ctx.display.y - ticker_h);
        draw.AddRectFilled(band_min, ctx.display, ui.theme.high_contrast ? p.background : IM_COL32(0, 0, 0, 90));
        ImFont* font = ui.fonts.bold;
        const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, running.c_str()).x;
        const float speed = ui.theme.px(120);  // pixels per second
        const float travel = text_w + ctx.display.x;
        // Starts at the left margin (readable at once), moves left, re-enters from the right.
        const float offset = std::fmod(static_cast<float>(ctx.now.count()) * speed / 1000.0f + ctx.display.x - pad,
                                       travel);
        draw.AddText(font, font->FontSize,
                     ImVec2(ctx.display.x - offset, band_min.y + (ticker_h - font->FontSize) * 0.5f), text,
                     running.c_str());
        ui.log.texts.push_back({running, true});
    }
}

}  // namespace desa::kiosk
