// Cek Tiket: the resident shows the ticket's QR to the camera (or types its number, or a USB
// scanner types the QR) and sees the ticket's state: position and estimated wait, "being called
// at counter 2", served (then the quick evaluation is one tap away). An appointment QR from the hub
// checks the resident in ahead of walk-ins and shows the new ticket. Forged, altered, yesterday's
// or another village's codes are refused, each with its own message.
#include "screens/follow_up_screens.hpp"
#include "screens/lending_parts.hpp"
#include "screens/queue_parts.hpp"

namespace desa::kiosk {
namespace {

// The checked ticket's state in words; `evaluate` is set when the resident can rate the service.
std::vector<RowLine> status_lines(const Ui& ui, const KioskContext& kiosk, const queue::TicketStatus& s, bool& evaluate) {
    const Palette& p = ui.theme.palette;
    const auto& t = s.ticket;
    std::vector<RowLine> lines{
        {ui.trf("queue.check.ticket", {{"number", t.number}}), ui.fonts.heading, p.text},
        {service_name(ui, kiosk, t.service_id), ui.fonts.bold, p.text},
    };
    if (const std::string lane = lane_text(ui, t.lane); !lane.empty()) lines.push_back({lane, ui.fonts.body, p.muted_text});
    const std::string counter = t.counter ? std::to_string(*t.counter) : "?";
    std::string state;
    switch (t.state) {
        case queue::TicketState::Waiting:
            state = s.line ? line_text(ui, *s.line) : ui.tr("queue.check.state.waiting");
            break;
        case queue::TicketState::Called: state = ui.trf("queue.check.state.called", {{"counter", counter}}); break;
        case queue::TicketState::Serving: state = ui.trf("queue.check.state.serving", {{"counter", counter}}); break;
        case queue::TicketState::Done:
            state = ui.tr("queue.check.state.done");
            evaluate = true;
            break;
        case queue::TicketState::NoShow: state = ui.tr("queue.check.state.no_show"); break;
        case queue::TicketState::Cancelled: state = ui.tr("queue.check.state.cancelled"); break;
    }
    lines.push_back({state, ui.fonts.tile, p.text});
    return lines;
}

// After an appointment check-in: back to the Queue screen, which shows the new ticket.
void show_checked_in_ticket(ScreenContext& ctx) {
    queue::QueueVisit visit = ctx.session.queue;
    ctx.session.back();
    if (ctx.session.screen() != session::Screen::Queue) ctx.session.open(session::Screen::Queue);
    ctx.session.queue = std::move(visit);  // opening the queue from Home starts afresh: keep the ticket
    ctx.session.queue.clear_check();
    print_issued_ticket(ctx);
}

void check_typed(ScreenContext& ctx) {
    auto& v = ctx.session.queue;
    ScreenDesk desk(ctx);
    const bool checked_in = v.check(desk.desk());
    // Answered: the keyboard closes so the whole answer is in view. A problem: it stays open for
    // the correction.
    if (!v.problem) ctx.session.focus(nullptr);
    if (checked_in) show_checked_in_ticket(ctx);
}

}  // namespace

void draw_queue_check_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.queue;
    section_intro(ctx, Icon::Ticket, "queue.check.title", ctx.kiosk.camera ? "queue.check.intro" : "queue.check.intro_typed");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    begin_scroll_area(ui, "queue.check.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    std::vector<Action> actions{
        {"queue.check.submit", ui.tr("queue.check.submit"), ButtonStyle::Primary, Icon::Check, !v.code.empty()}};
    if (ctx.kiosk.camera) actions.push_back({"queue.check.scan", ui.tr("queue.check.scan"), ButtonStyle::Normal, Icon::None, true});
    const int tapped = field_with_actions(ctx, "queue.check.code", v.code, ui.tr("queue.check.placeholder"), actions, inner);
    ImGui::Dummy(ImVec2(1, gap));
    const bool seen = camera_panel(ctx, inner);
    if (v.scan_problem) {
        notice(ui, "queue.check.scan_problem", Notice::Warning, scan_problem_text(ui, *v.scan_problem), inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (v.problem) {
        notice(ui, "queue.check.problem", Notice::Error, code_problem_text(ui, ctx.kiosk, v), inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    bool evaluate = false;
    if (v.checked) {
        list_row(ui, "", status_lines(ui, ctx.kiosk, *v.checked, evaluate), inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    const bool can_rate = evaluate && ctx.kiosk.config.modules.aspirations;
    if (can_rate && action_row(ui, {{"queue.check.evaluate", ui.tr("queue.check.evaluate"), ButtonStyle::Primary,
                                     Icon::Check, true}},
                               inner) == 0) {
        const auto* service = queue::find_service(ctx.kiosk.config.queue.services, v.checked->ticket.service_id);
        open_quick_evaluation(ctx.session, service != nullptr ? std::optional(evaluation_service_for(*service))
                                                              : std::nullopt);
        end_scroll_area();
        return;
    }
    if (can_rate) ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("queue.check.appointment.title"), inner, p.text);
    paragraph(ui, ui.fonts.body, ui.tr("queue.check.appointment.explain"), inner, p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));
    end_scroll_area();

    if (tapped == 0) check_typed(ctx);
    if (tapped == 1 || seen) {
        ScreenDesk desk(ctx);
        const bool checked_in = v.scan(desk.desk(), ctx.kiosk.camera ? &*ctx.kiosk.camera : nullptr);
        if (!v.problem && !v.scan_problem) ctx.session.focus(nullptr);
        if (checked_in) show_checked_in_ticket(ctx);
    }
}

// The keyboard's done key (or Enter after a USB scanner typed a QR) checks what was typed.
void submit_queue_check(ScreenContext& ctx) {
    if (ctx.session.focused() == &ctx.session.queue.code) check_typed(ctx);
    else ctx.session.focus(nullptr);
}

}  // namespace desa::kiosk
