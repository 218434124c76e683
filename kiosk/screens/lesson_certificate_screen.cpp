// The course certificate: the learner writes the name to put on it (any name they like; it is not
// kept on the kiosk), and gets a certificate with the course, the date, the village and a QR code
// signed by this kiosk, which any kiosk checks offline (`desa-kiosk scan`) and the hub online.
// Printed when the kiosk has a printer.
#include "app/lesson_printer.hpp"
#include "lessons/learner_card.hpp"
#include "queue/kiosk_key.hpp"
#include "screens/lesson_parts.hpp"
#include "screens/queue_parts.hpp"
#include "sync/sync_store.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

void issue(ScreenContext& ctx) {
    auto& v = ctx.session.lesson;
    const auto* course = v.course(ctx.kiosk.courses);
    if (!course) return;
    try {
        const auto keys = queue::load_ticket_keys(ctx.kiosk.data_dir);
        const auto identity = sync::load_identity(ctx.kiosk.db);
        const std::string endorsement = identity ? sync::kiosk_endorsement(ctx.kiosk.db).value_or("") : "";
        const auto today = queue::local_date(ctx.unix_now, ctx.kiosk.config.queue.utc_offset_s);
        if (v.issue_certificate(ctx.kiosk.db, *course, identity ? identity->kiosk_id : "lokal", ctx.kiosk.config.village_code,
                                today, keys.signing, endorsement, ctx.unix_now))
            ctx.session.focus(nullptr);
    } catch (const std::exception& e) {  // the key file unreadable: said plainly, nothing issued
        ctx.memory.lesson_message = ctx.ui.tr("lessons.certificate.no_key");
        ctx.memory.lesson_message_kind = Notice::Error;
    }
}

void show_certificate(ScreenContext& ctx, const lessons::Course& course, float inner) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    const auto& cert = *v.certificate;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float qr = std::min(inner * 0.36f, ui.theme.px(320));
    const float text_w = inner - qr - ui.theme.px(48);
    ImGui::SetCursorScreenPos(ImVec2(start.x + ui.theme.px(20), start.y + ui.theme.px(20)));
    paragraph(ui, ui.fonts.small, ui.tr("lessons.certificate.heading"), text_w, p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(start.x + ui.theme.px(20), ImGui::GetCursorScreenPos().y));
    paragraph(ui, ui.fonts.tile, cert.display_name, text_w, p.text);
    ImGui::SetCursorScreenPos(ImVec2(start.x + ui.theme.px(20), ImGui::GetCursorScreenPos().y));
    paragraph(ui, ui.fonts.body, ui.trf("lessons.certificate.completed", {{"course", lesson_text(ui, course.title)}}), text_w, p.text);
    ImGui::SetCursorScreenPos(ImVec2(start.x + ui.theme.px(20), ImGui::GetCursorScreenPos().y));
    paragraph(ui, ui.fonts.body,
              ui.trf("lessons.certificate.place_date", {{"village", ctx.kiosk.village_name}, {"date", queue::date_iso(cert.day)}}),
              text_w, p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(start.x + ui.theme.px(20), ImGui::GetCursorScreenPos().y));
    paragraph(ui, ui.fonts.small, learner_line(ui, cert.learner_code), text_w, p.muted_text);
    const float text_bottom = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(start.x + inner - qr - ui.theme.px(20), start.y + ui.theme.px(20)));
    qr_code(ui, "lessons.certificate.qr", v.certificate_qr, qr);
    const float bottom = std::max(text_bottom, start.y + qr + ui.theme.px(20)) + ui.theme.px(20);
    ImGui::GetWindowDrawList()->AddRect(start, ImVec2(start.x + inner, bottom), p.tiles[0], ui.theme.px(12), 0, ui.theme.px(4));
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + ui.theme.px(12)));
    paragraph(ui, ui.fonts.small, ui.tr("lessons.certificate.verify_hint"), inner, p.muted_text);
    if (!ctx.memory.lesson_message.empty())
        notice(ui, "lessons.certificate.print_outcome", ctx.memory.lesson_message_kind, ctx.memory.lesson_message, inner);
    std::vector<Action> actions{{"lessons.certificate.done", ui.tr("lessons.certificate.done"), ButtonStyle::Primary, Icon::Check, true}};
    if (!ctx.kiosk.config.printer.empty())
        actions.push_back({"lessons.certificate.print", ui.tr("lessons.certificate.print"), ButtonStyle::Normal, Icon::Ticket, true});
    const int tapped = action_row(ui, actions, inner);
    if (tapped == 0) {
        ctx.memory.lesson_message.clear();
        ctx.session.open(session::Screen::Lessons);
    }
    if (tapped == 1) {
        const auto outcome = print_lesson_slip(ctx.kiosk, certificate_slip(ctx.kiosk, cert, lesson_text(ui, course.title),
                                                                           v.certificate_qr, ui.lang));
        ctx.memory.lesson_message = outcome.ok() ? ui.tr("lessons.certificate.printed") : print_problem_text(ui, *outcome.problem);
        ctx.memory.lesson_message_kind = outcome.ok() ? Notice::Info : Notice::Warning;
    }
}

}  // namespace

void submit_lesson_certificate(ScreenContext& ctx) { issue(ctx); }

void draw_lesson_certificate_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    auto& v = ctx.session.lesson;
    section_intro(ctx, Icon::Check, "lessons.certificate.title", "lessons.certificate.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "lessons.certificate.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    const auto* course = v.course(ctx.kiosk.courses);
    const bool complete = course && v.learner &&
                          lessons::course_complete(*course, lessons::learner_progress(ctx.kiosk.db, *v.learner));
    if (!complete) {
        notice(ui, "lessons.certificate.not_complete", Notice::Warning, ui.tr("lessons.certificate.not_complete"), inner);
    } else if (v.certificate && !v.certificate_qr.empty()) {
        show_certificate(ctx, *course, inner);
    } else {
        paragraph(ui, ui.fonts.body, ui.tr("lessons.certificate.name_explain"), inner, ui.theme.palette.text);
        ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
        const int tapped = field_with_actions(ctx, "lessons.certificate.name", v.certificate_name,
                                              ui.tr("lessons.certificate.name_placeholder"),
                                              {{"lessons.certificate.issue", ui.tr("lessons.certificate.issue"),
                                                ButtonStyle::Primary, Icon::Check, !v.certificate_name.empty()}},
                                              inner);
        keep_in_view(ctx, v.certificate_name);
        if (v.certificate_name_refused)
            notice(ui, "lessons.certificate.name_refused", Notice::Error, ui.tr("lessons.certificate.name_refused"), inner);
        if (!ctx.memory.lesson_message.empty())
            notice(ui, "lessons.certificate.problem", ctx.memory.lesson_message_kind, ctx.memory.lesson_message, inner);
        if (tapped == 0) issue(ctx);
    }
    end_scroll_area();
}

}  // namespace desa::kiosk
