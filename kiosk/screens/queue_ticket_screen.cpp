// The ticket just taken (the Queue screen's last step): the number very large, the service, the
// lane, position and estimated wait, and the signed QR the resident can show to the kiosk later
// (the same text `desa-kiosk queue take --json` prints as "qr"). Whether it was printed, or why
// not: the ticket on screen stays valid whatever the printer does.
#include <algorithm>

#include <imgui_internal.h>

#include "print/ticket.hpp"
#include "screens/lending_parts.hpp"
#include "screens/queue_parts.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

void draw_facts(ScreenContext& ctx, const queue::IssuedTicket& t, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(8);
    paragraph(ui, ui.fonts.body, ui.tr("queue.ticket.your_number"), width, p.muted_text);
    big_text(ui, t.ticket.number, std::max(ui.theme.px(150), ui.fonts.heading->FontSize * 3.2f), width, p.text);
    paragraph(ui, ui.fonts.tile, service_name(ui, ctx.kiosk, t.ticket.service_id), width, p.text);
    if (const std::string lane = lane_text(ui, t.ticket.lane); !lane.empty())
        paragraph(ui, ui.fonts.bold, lane, width, p.text);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, line_text(ui, t.line), width, p.text);
    paragraph(ui, ui.fonts.small,
              ui.trf("queue.ticket.issued",
                     {{"time", print::office_time_text(t.ticket.issued_at, ctx.kiosk.config.queue.utc_offset_s)}}),
              width, p.muted_text);
}

}  // namespace

void draw_queue_ticket(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.queue;
    const queue::IssuedTicket t = *v.issued;
    const bool has_printer = !ctx.kiosk.config.printer.empty();
    const float pad = ui.theme.px(28), gap = ui.theme.px(14);
    const float w = ctx.width() - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad * 0.6f));

    std::vector<Action> actions;
    if (has_printer && v.print_tried)
        actions.push_back({"queue.ticket.print", ui.tr("queue.ticket.print_again"), ButtonStyle::Normal, Icon::None, true});
    actions.push_back({"queue.ticket.check", ui.tr("queue.ticket.check"), ButtonStyle::Normal, Icon::None, true});
    actions.push_back({"queue.ticket.done", ui.tr("queue.ticket.done"), ButtonStyle::Primary, Icon::Check, true});
    const float bar_h = action_row_height(ui, actions, w) + gap;
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - bar_h - ui.theme.px(8));
    begin_scroll_area(ui, "queue.ticket.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);

    // The QR beside the facts on wide screens; below them on narrow ones, after the notices, so
    // a printer fault is in view without scrolling.
    const bool beside = inner > ui.theme.px(900);
    const float qr = beside ? std::min(ui.theme.px(320), inner * 0.38f) : std::min(ui.theme.px(340), inner * 0.75f);
    const float facts_w = beside ? inner - qr - gap * 2 : inner;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    draw_facts(ctx, t, facts_w);
    const float facts_end = ImGui::GetCursorScreenPos().y;
    const auto draw_qr = [&](ImVec2 at, float hint_w) {
        ImGui::SetCursorScreenPos(at);
        if (qr_code(ui, "queue.ticket.qr", t.qr, qr)) {
            // Only its visible part can be touched: partly scrolled away, it does not reach under
            // the buttons below the scroll area.
            auto& target = ui.log.targets.back();
            const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
            target.min = ImVec2(std::max(target.min.x, clip.x), std::max(target.min.y, clip.y));
            target.max = ImVec2(std::min(target.max.x, clip.z), std::min(target.max.y, clip.w));
        }
        ImGui::SetCursorScreenPos(ImVec2(beside ? at.x : start.x, ImGui::GetItemRectMax().y + gap * 0.5f));
        paragraph(ui, ui.fonts.small, ui.tr("queue.ticket.qr_hint"), hint_w, p.muted_text);
    };
    if (beside) {
        draw_qr(ImVec2(start.x + inner - qr, start.y), qr);
        ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(facts_end, ImGui::GetCursorScreenPos().y) + gap));
    } else {
        ImGui::SetCursorScreenPos(ImVec2(start.x, facts_end + gap));
    }
    if (v.appointment_checked_in) {
        notice(ui, "queue.ticket.appointment", Notice::Info, ui.tr("queue.ticket.appointment_note"), inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (v.print_problem) {
        notice(ui, "queue.ticket.print_problem", Notice::Error, print_problem_text(ui, *v.print_problem), inner);
    } else if (v.printed) {
        notice(ui, "queue.ticket.printed", Notice::Info, ui.tr("queue.ticket.printed"), inner);
    } else if (!has_printer) {
        notice(ui, "queue.ticket.no_printer", Notice::Info, ui.tr("queue.ticket.no_printer"), inner);
    }
    if (!beside) {
        ImGui::Dummy(ImVec2(1, gap));
        draw_qr(ImVec2(start.x + (inner - qr) * 0.5f, ImGui::GetCursorScreenPos().y), inner);
    }
    ImGui::Dummy(ImVec2(1, gap));
    end_scroll_area();

    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_max.y - bar_h));
    const int tapped = action_row(ui, actions, w);
    if (tapped < 0) return;
    const std::string& id = actions[static_cast<std::size_t>(tapped)].id;
    if (id == "queue.ticket.print") {
        print_issued_ticket(ctx);
    } else if (id == "queue.ticket.check") {
        v.clear_check();
        v.code.insert(t.ticket.number);
        ScreenDesk desk(ctx);
        v.check(desk.desk());
        ctx.session.open(session::Screen::QueueCheck);
    } else {
        v.back_to_services();
        ctx.session.go_home();
    }
}

}  // namespace desa::kiosk
