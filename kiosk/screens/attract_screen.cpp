// The attract screen: slides from the configuration, a running text, and an invitation to touch.
// It animates only the running text; the first touch wakes the kiosk and triggers nothing else
// (the app swallows it before ImGui sees it).
#include <cmath>

#include "screens/screens.hpp"

namespace desa::kiosk {

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
    if (!slides.empty()) {
        const auto period = static_cast<std::int64_t>(ctx.kiosk.config.slide_seconds) * 1000;
        const auto index = static_cast<std::size_t>(ctx.now.count() / period) % slides.size();
        const auto& slide = slides[index];
        const std::string& title = english && !slide.title_en.empty() ? slide.title_en : slide.title_id;
        const std::string& body = english && !slide.body_en.empty() ? slide.body_en : slide.body_id;
        const float title_h = ui.fonts.heading->FontSize * 2.5f;
        text_in_box(ui, "attract.slide.title", ui.fonts.heading, title, ImVec2(pad, slide_top),
                    ImVec2(ctx.display.x - pad, slide_top + title_h), text);
        text_in_box(ui, "attract.slide.body", ui.fonts.body, body, ImVec2(pad * 1.5f, slide_top + title_h),
                    ImVec2(ctx.display.x - pad * 1.5f, slide_bottom), text);
        // Dots show there is more than one slide.
        const float dot = ui.theme.px(8);
        const float dots_w = static_cast<float>(slides.size()) * dot * 3;
        for (std::size_t i = 0; i < slides.size(); ++i)
            draw.AddCircleFilled(ImVec2((ctx.display.x - dots_w) * 0.5f + static_cast<float>(i) * dot * 3 + dot,
                                        slide_bottom + dot * 2),
                                 dot, i == index ? text : IM_COL32(255, 255, 255, 90));
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
