// The learner card. With a card in use: its code in big letters and its QR, to photograph with a
// phone or print, and "continue". Without one: show the card's QR to the camera or type its code;
// a typo is caught by the code's check character before anything is looked up.
#include "app/lesson_printer.hpp"
#include "lessons/learner_card.hpp"
#include "screens/lesson_parts.hpp"
#include "screens/queue_parts.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

void continue_learning(ScreenContext& ctx) {
    auto& v = ctx.session.lesson;
    ctx.memory.lesson_message.clear();
    if (!v.lesson_id.empty() && v.lesson(ctx.kiosk.courses)) {
        if (const auto* course = v.course(ctx.kiosk.courses)) v.open_lesson(ctx.kiosk.db, *course, *v.lesson(ctx.kiosk.courses));
        ctx.session.back();
        ctx.session.open(session::Screen::LessonStep);
    } else {
        ctx.session.back();
    }
}

void show_card(ScreenContext& ctx, float inner) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    const std::string& code = *v.learner;
    paragraph(ui, ui.fonts.heading, ui.tr(v.card_is_new ? "lessons.card.new_title" : "lessons.card.title"), inner, p.text);
    paragraph(ui, ui.fonts.body, ui.tr("lessons.card.explain"), inner, p.muted_text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
    const float qr = std::min(inner * 0.45f, ui.theme.px(300));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    qr_code(ui, "lessons.card.qr", lessons::learner_card_qr(code), qr);
    const float text_x = start.x + qr + ui.theme.px(24);
    ImGui::SetCursorScreenPos(ImVec2(text_x, start.y + ui.theme.px(10)));
    paragraph(ui, ui.fonts.small, ui.tr("lessons.card.code_label"), inner - qr - ui.theme.px(24), p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(text_x, ImGui::GetCursorScreenPos().y));
    paragraph(ui, ui.fonts.heading, lessons::learner_code_display(code), inner - qr - ui.theme.px(24), p.text);
    ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(ImGui::GetCursorScreenPos().y, start.y + qr) + ui.theme.px(12)));
    if (!ctx.memory.lesson_message.empty()) {
        notice(ui, "lessons.card.print_outcome", ctx.memory.lesson_message_kind, ctx.memory.lesson_message, inner);
        ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    }
    std::vector<Action> actions{{"lessons.card.continue", ui.tr(v.lesson_id.empty() ? "lessons.card.done" : "lessons.card.continue"),
                                 ButtonStyle::Primary, Icon::Next, true}};
    if (!ctx.kiosk.config.printer.empty())
        actions.push_back({"lessons.card.print", ui.tr("lessons.card.print"), ButtonStyle::Normal, Icon::Ticket, true});
    const int tapped = action_row(ui, actions, inner);
    if (tapped == 0) continue_learning(ctx);
    if (tapped == 1) {
        const auto outcome = print_lesson_slip(ctx.kiosk, learner_card_slip(ctx.kiosk, code, ui.lang));
        ctx.memory.lesson_message = outcome.ok() ? ui.tr("lessons.card.printed") : print_problem_text(ui, *outcome.problem);
        ctx.memory.lesson_message_kind = outcome.ok() ? Notice::Info : Notice::Warning;
    }
}

void use_card(ScreenContext& ctx, std::string_view text) {
    auto& v = ctx.session.lesson;
    if (!v.use_card(ctx.kiosk.db, text, ctx.unix_now)) return;
    ctx.requests.fetch_learner = v.learner;  // progress made at other kiosks arrives in the background
    ctx.session.focus(nullptr);
    ctx.memory.lesson_message.clear();
    continue_learning(ctx);
}

void enter_card(ScreenContext& ctx, float inner) {
    Ui& ui = ctx.ui;
    auto& v = ctx.session.lesson;
    paragraph(ui, ui.fonts.heading, ui.tr("lessons.card.enter_title"), inner, ui.theme.palette.text);
    paragraph(ui, ui.fonts.body, ui.tr(ctx.kiosk.camera ? "lessons.card.enter_intro" : "lessons.card.enter_intro_typed"), inner,
              ui.theme.palette.muted_text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
    std::vector<Action> actions{{"lessons.card.use", ui.tr("lessons.card.use"), ButtonStyle::Primary, Icon::Check, !v.card_code.empty()}};
    add_scan_action(ctx, actions, "lessons.card.scan");
    const int tapped = field_with_actions(ctx, "lessons.card.code", v.card_code, ui.tr("lessons.card.placeholder"), actions, inner);
    keep_in_view(ctx, v.card_code);
    ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
    const bool seen = camera_panel(ctx, inner);
    if (v.card_problem) notice(ui, "lessons.card.problem", Notice::Error, card_problem_text(ui, *v.card_problem), inner);
    if (tapped == 0) use_card(ctx, v.card_code.text);
    if ((tapped == 1 || seen) && ctx.kiosk.camera) {
        if (const auto frame = ctx.kiosk.camera->next_frame()) {
            for (const auto& code : scan::read_codes(*frame))
                if (code.text.starts_with(lessons::kLearnerQrPrefix)) {
                    use_card(ctx, code.text);
                    return;
                }
            v.card_problem = readable_code::Problem::Empty;
        }
    }
}

}  // namespace

void submit_lesson_card(ScreenContext& ctx) { use_card(ctx, ctx.session.lesson.card_code.text); }

void draw_lesson_card_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Globe, "lessons.title", "lessons.card.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "lessons.card.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    if (ctx.session.lesson.learner) show_card(ctx, inner);
    else enter_card(ctx, inner);
    end_scroll_area();
}

}  // namespace desa::kiosk
