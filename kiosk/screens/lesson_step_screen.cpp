// The lesson player: one step at a time in big text with its picture, a progress bar, the speaker
// (read aloud at the chosen speed), the step's practice when it has one, and previous / next by
// tap or by swiping sideways. The last step leads to the quiz. The position is saved on the
// learner's card at every step, so another kiosk resumes here.
#include <cmath>

#include "app/lesson_reader.hpp"
#include "lessons/lesson_text.hpp"
#include "screens/lesson_parts.hpp"

namespace desa::kiosk {
namespace {

void draw_try(ScreenContext& ctx, const lessons::Step& step, float inner) {
    const lessons::TryIt& t = *step.try_it;
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    ImGui::Dummy(ImVec2(1, ui.theme.px(12)));
    paragraph(ui, ui.fonts.bold, ui.tr("lessons.try.title"), inner, p.text);
    formatted_text(ui, "lessons.try.prompt", lesson_text(ui, t.prompt), inner, ui.fonts.body, p.text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    if (t.kind == lessons::TryKind::Choose) {
        for (const auto& option : t.options) {
            const bool chosen = v.try_choice == option.id;
            const bool right = v.try_checked && option.id == t.answer;
            if (button(ui, "lessons.try.option." + option.id, lesson_text(ui, option.text), ImVec2(inner, ui.theme.px(72)),
                       chosen ? ButtonStyle::Primary : ButtonStyle::Normal, right ? Icon::Check : Icon::None)) {
                v.try_choice = option.id;
                v.check_try(step);
            }
            ImGui::Dummy(ImVec2(1, ui.theme.px(6)));
        }
    } else {
        const int tapped = field_with_actions(ctx, "lessons.try.typed", v.try_typed, t.expect,
                                              {{"lessons.try.check", ui.tr("lessons.try.check"), ButtonStyle::Primary,
                                                Icon::Check, !v.try_typed.empty()}},
                                              inner);
        keep_in_view(ctx, v.try_typed);
        if (tapped == 0) submit_lesson_try(ctx);
    }
    if (v.try_checked) {
        const bool passed = v.try_passed(step);
        const std::string verdict = ui.tr(passed ? "lessons.try.right" : "lessons.try.again");
        notice(ui, "lessons.try.feedback", passed ? Notice::Info : Notice::Warning,
               verdict + " " + lessons::spoken_text(lesson_text(ui, t.feedback)), inner);
    }
}

}  // namespace

void submit_lesson_try(ScreenContext& ctx) {
    auto& v = ctx.session.lesson;
    if (const auto* lesson = v.lesson(ctx.kiosk.courses)) {
        v.check_try(lesson->steps[static_cast<std::size_t>(v.step)]);
        ctx.session.focus(nullptr);
    }
}

void draw_lesson_step_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    const auto* course = v.course(ctx.kiosk.courses);
    const auto* lesson = v.lesson(ctx.kiosk.courses);
    if (!course || !lesson) {  // the course was replaced or removed meanwhile
        ctx.session.back();
        return;
    }
    const int steps = static_cast<int>(lesson->steps.size());
    const auto& step = lesson->steps[static_cast<std::size_t>(std::clamp(v.step, 0, steps - 1))];
    const float pad = ui.theme.px(28);
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + ui.theme.px(12)));
    const float w = ctx.width() - 2 * pad;
    const float left = ctx.area_min.x + pad;
    paragraph(ui, ui.fonts.bold, lesson_text(ui, lesson->title), w, p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    progress_bar(ui, "lessons.step.progress", static_cast<float>(v.step + 1) / static_cast<float>(steps), w,
                 ui.trf("lessons.step.of", {{"step", std::to_string(v.step + 1)}, {"steps", std::to_string(steps)}}));
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    const float nav_h = ui.theme.px(84);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - nav_h - ui.theme.px(20));
    begin_scroll_area(ui, "lessons.step.area", ImVec2(w, h));
    top_of_new_page(ctx, "step/" + lesson->id + "/" + std::to_string(v.step));
    const float inner = w - ui.theme.px(20);
    const std::string heading = lesson_text(ui, step.heading), text = lesson_text(ui, step.text);
    paragraph(ui, ui.fonts.heading, heading, inner, p.text);
    speaker_row(ctx, "lessons.step.speaker", heading + ". " + lessons::spoken_text(text), inner);
    ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
    // Picture beside the text on a wide screen, above it on a narrow one.
    const bool wide = inner > ui.theme.px(900);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (wide) {
        const float pic_w = inner * 0.42f;
        lesson_picture(ctx, *course, step.image, ImVec2(pic_w, pic_w * 0.625f));
        const float below_picture = ImGui::GetCursorScreenPos().y;
        ImGui::SetCursorScreenPos(ImVec2(start.x + pic_w + ui.theme.px(24), start.y));
        formatted_text(ui, "lessons.step.text", text, inner - pic_w - ui.theme.px(24), ui.fonts.body, p.text);
        ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(below_picture, ImGui::GetCursorScreenPos().y)));
    } else {
        lesson_picture(ctx, *course, step.image, ImVec2(inner, std::min(inner * 0.625f, h * 0.45f)));
        ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
        formatted_text(ui, "lessons.step.text", text, inner, ui.fonts.body, p.text);
    }
    if (step.try_it) draw_try(ctx, step, inner);
    ImGui::Dummy(ImVec2(1, ui.theme.px(16)));
    end_scroll_area();

    // Previous / next (or "to the quiz") along the bottom, big enough for any finger.
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_max.y - nav_h - ui.theme.px(8)));
    const float half = (w - ui.theme.px(16)) * 0.5f;
    bool go_prev = false, go_next = false;
    if (button(ui, "lessons.step.prev", ui.tr("lessons.step.prev"), ImVec2(half, nav_h), ButtonStyle::Normal, Icon::Back,
               v.step > 0))
        go_prev = true;
    ImGui::SameLine(0, ui.theme.px(16));
    const bool last = v.step + 1 >= steps;
    if (button(ui, "lessons.step.next", ui.tr(last ? "lessons.step.quiz" : "lessons.step.next"), ImVec2(half, nav_h),
               ButtonStyle::Primary, Icon::Next))
        go_next = true;
    // A sideways swipe turns the page like a book: right to left is "next".
    const DragScroll& drag = ui.drag;
    if (drag.ended && std::fabs(drag.total.x) > ui.theme.px(120) && std::fabs(drag.total.x) > 2 * std::fabs(drag.total.y)) {
        if (drag.total.x < 0) go_next = true;
        else if (v.step > 0) go_prev = true;
    }
    if (go_prev || go_next) {
        if (ctx.reader) ctx.reader->stop();
        if (go_next && last) {
            v.start_quiz(*lesson);
            ctx.session.open(session::Screen::LessonQuiz);
        } else {
            v.go_to_step(ctx.kiosk.db, *lesson, v.step + (go_next ? 1 : -1), ctx.unix_now);
        }
    }
}

}  // namespace desa::kiosk
