#include "screens/lesson_parts.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

#include "app/lesson_reader.hpp"
#include "lessons/learner_card.hpp"
#include "lessons/lesson_text.hpp"
#include "ui/lesson_pictures.hpp"

namespace desa::kiosk {

namespace {

// Lays the blocks out word by word (emphasised words in the bold font); draws when `draw` is set.
// Returns the height used.
float layout_text(const Ui& ui, std::string_view text, float width, ImFont* font, ImU32 colour, ImDrawList* draw,
                  ImVec2 origin) {
    const float line_h = font->FontSize * 1.3f;
    const float indent = font->FontSize * 1.2f;
    float y = 0;
    bool first = true;
    for (const auto& block : lessons::parse_formatted(text)) {
        if (!first) y += block.paragraph_start ? line_h * 0.6f : line_h * 0.15f;
        first = false;
        const float x0 = block.bullet ? indent : 0;
        if (block.bullet && draw)
            draw->AddCircleFilled(ImVec2(origin.x + indent * 0.45f, origin.y + y + font->FontSize * 0.55f),
                                  font->FontSize * 0.14f, colour);
        float x = x0;
        for (const auto& span : block.spans) {
            ImFont* f = span.bold && font == ui.fonts.body ? ui.fonts.bold : font;
            const ImU32 c = span.bold && !ui.theme.high_contrast ? ui.theme.palette.focus : colour;
            std::string_view rest = span.text;
            while (!rest.empty()) {
                const std::size_t space = rest.find(' ');
                const std::string_view word = rest.substr(0, space == std::string_view::npos ? rest.size() : space + 1);
                rest.remove_prefix(word.size());
                const float w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
                const float w_visible =
                    f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size() - (word.back() == ' ')).x;
                if (x > x0 && x + w_visible > width) {
                    x = x0;
                    y += line_h;
                }
                if (draw) draw->AddText(f, f->FontSize, ImVec2(origin.x + x, origin.y + y), c, word.data(), word.data() + word.size());
                x += w;
            }
        }
        y += line_h;
    }
    return y;
}

}  // namespace

float formatted_height(const Ui& ui, std::string_view text, float width, ImFont* font) {
    return layout_text(ui, text, width, font, 0, nullptr, ImVec2(0, 0));
}

void formatted_text(Ui& ui, std::string_view id, std::string_view text, float width, ImFont* font, ImU32 colour) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float h = layout_text(ui, text, width, font, colour, ImGui::GetWindowDrawList(), origin);
    ImGui::Dummy(ImVec2(width, h));
    const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
    const bool visible = origin.y + h > clip.y && origin.y < clip.w;
    ui.log.texts.push_back({lessons::spoken_text(text), visible});
    (void)id;
}

void progress_bar(Ui& ui, std::string_view id, float fraction, float width, std::string_view label) {
    const Palette& p = ui.theme.palette;
    const float h = ui.theme.px(14);
    const float left = ImGui::GetCursorScreenPos().x;
    paragraph(ui, ui.fonts.small, label, width, p.muted_text);
    const ImVec2 min(left, ImGui::GetCursorScreenPos().y), max(min.x + width, min.y + h);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, p.field, h * 0.5f);
    draw.AddRectFilled(min, ImVec2(min.x + width * std::clamp(fraction, 0.0f, 1.0f), max.y), p.tiles[0], h * 0.5f);
    if (ui.theme.high_contrast) draw.AddRect(min, max, p.border, h * 0.5f, 0, ui.theme.px(2));
    ImGui::Dummy(ImVec2(width, h));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    (void)id;
}

void speaker_row(ScreenContext& ctx, std::string_view id, const std::string& text, float width) {
    Ui& ui = ctx.ui;
    auto& visit = ctx.session.lesson;
    const bool speaking = ctx.reader && ctx.reader->speaking();
    const std::string speed_label =
        ui.tr(visit.speech_speed == lessons::SpeechSpeed::Slow   ? "lessons.speed.slow"
              : visit.speech_speed == lessons::SpeechSpeed::Fast ? "lessons.speed.fast"
                                                                  : "lessons.speed.normal");
    const std::string base(id);
    const int tapped = action_row(ui,
                                  {{base + ".listen", ui.tr(speaking ? "lessons.stop" : "lessons.listen"),
                                    ButtonStyle::Normal, Icon::Speaker, ctx.reader != nullptr},
                                   {base + ".speed", speed_label, ButtonStyle::Normal, Icon::None, ctx.reader != nullptr}},
                                  width);
    if (tapped == 0 && ctx.reader) {
        if (speaking) ctx.reader->stop();
        else ctx.reader->speak(text, lessons::speech_rate_wpm(visit.speech_speed));
    } else if (tapped == 1) {
        visit.speech_speed = visit.speech_speed == lessons::SpeechSpeed::Normal ? lessons::SpeechSpeed::Slow
                             : visit.speech_speed == lessons::SpeechSpeed::Slow ? lessons::SpeechSpeed::Fast
                                                                                 : lessons::SpeechSpeed::Normal;
        if (speaking && ctx.reader) ctx.reader->speak(text, lessons::speech_rate_wpm(visit.speech_speed));
    }
    if (ctx.reader && !ctx.reader->last_error().empty() && !speaking)
        notice(ui, base + ".no_sound", Notice::Warning, ui.tr("lessons.no_sound"), width);
}

void lesson_picture(ScreenContext& ctx, const lessons::Course& course, const std::string& path, ImVec2 max) {
    if (path.empty() || !ctx.pictures) return;
    const Texture* t = ctx.pictures->get(course.file(path));
    if (!t || t->width() <= 0 || t->height() <= 0) return;
    const float scale = std::min(max.x / static_cast<float>(t->width()), max.y / static_cast<float>(t->height()));
    const ImVec2 size(static_cast<float>(t->width()) * scale, static_cast<float>(t->height()) * scale);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + (max.x - size.x) * 0.5f, at.y));
    ImGui::Image(reinterpret_cast<ImTextureID>(t->get()), size);
    ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
}

void top_of_new_page(ScreenContext& ctx, const std::string& page) {
    if (ctx.memory.lesson_page == page) return;
    ctx.memory.lesson_page = page;
    ImGui::SetScrollY(0);  // applied when the area begins next frame
    ctx.requests.redraw = true;
}

std::string lesson_text(const Ui& ui, const lessons::LocalText& text) {
    return text.in(ui.lang == i18n::Language::English ? "en" : "id");
}

std::string card_problem_text(const Ui& ui, readable_code::Problem problem) {
    return ui.tr("lessons.card.problem." + std::string(readable_code::problem_name(problem)));
}

std::string learner_line(const Ui& ui, const std::string& code) {
    return ui.trf("lessons.card.line", {{"code", lessons::learner_code_display(code)}});
}

}  // namespace desa::kiosk
