// The operator's queue screen (admin settings -> "Statistik antrian", behind the admin PIN): the
// ticket printer's state first, with what to do when it needs attention, then per service the
// number waiting now and, for today and the last 7 days, tickets issued, served, no-shows, average
// wait and service time and the peak hour (shared/queue/queue_ops).
#include <algorithm>
#include <cstdio>

#include "app/ticket_printer.hpp"
#include "queue/queue_ops.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {
namespace {

std::string minutes_text(const Ui& ui, const std::optional<std::int64_t>& seconds) {
    if (!seconds) return ui.tr("queue_ops.none");
    return ui.trf("queue_ops.minutes", {{"minutes", std::to_string((*seconds + 30) / 60)}});
}

std::string hour_text(const Ui& ui, const std::optional<int>& hour) {
    if (!hour) return ui.tr("queue_ops.none");
    char text[32];
    std::snprintf(text, sizeof text, "%02d:00–%02d:00", *hour, (*hour + 1) % 24);
    return text;
}

// One row of three cells (label, today, 7 days), as tall as its tallest wrapped cell.
void figure_row(Ui& ui, const std::string& id, const std::string& label, const std::string& today,
                const std::string& week, float width, bool shaded, ImFont* value_font) {
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(10);
    const float label_w = width * 0.44f, value_w = (width - label_w) / 2;
    const float h = std::max({wrapped_height(ui.fonts.body, label, label_w - 2 * pad),
                              wrapped_height(value_font, today, value_w - 2 * pad),
                              wrapped_height(value_font, week, value_w - 2 * pad)}) +
                    2 * pad;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (shaded) ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + h), p.button);
    text_in_box(ui, id + ".label", ui.fonts.body, label, ImVec2(at.x + pad, at.y), ImVec2(at.x + label_w - pad, at.y + h),
                p.text, Align::Left);
    text_in_box(ui, id + ".today", value_font, today, ImVec2(at.x + label_w + pad, at.y),
                ImVec2(at.x + label_w + value_w - pad, at.y + h), p.text, Align::Left);
    text_in_box(ui, id + ".week", value_font, week, ImVec2(at.x + label_w + value_w + pad, at.y),
                ImVec2(at.x + width - pad, at.y + h), p.text, Align::Left);
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
}

void service_block(Ui& ui, const queue::ServiceOps& s, float width) {
    const Palette& p = ui.theme.palette;
    const std::string id = "queue_ops.service." + s.service_id;
    const std::string name = s.service != nullptr ? service_label(*s.service, ui.lang) : s.service_id;
    const std::string prefix = s.service != nullptr ? std::string(1, s.service->prefix) + " · " : std::string();
    paragraph(ui, ui.fonts.heading, prefix + name, width, p.text);
    if (s.service != nullptr && s.service->withdrawn)
        paragraph(ui, ui.fonts.small, ui.tr("queue_ops.withdrawn"), width, p.muted_text);
    paragraph(ui, ui.fonts.bold, ui.trf("queue_ops.waiting_now", {{"count", std::to_string(s.waiting_now)}}), width,
              s.waiting_now > 0 ? p.text : p.muted_text);
    figure_row(ui, id + ".head", "", ui.tr("queue_ops.today"), ui.tr("queue_ops.week"), width, false, ui.fonts.bold);
    const std::vector<std::tuple<const char*, std::string, std::string>> rows{
        {"issued", std::to_string(s.today.issued), std::to_string(s.week.issued)},
        {"served", std::to_string(s.today.served), std::to_string(s.week.served)},
        {"no_shows", std::to_string(s.today.no_shows), std::to_string(s.week.no_shows)},
        {"wait", minutes_text(ui, s.today.average_wait_s), minutes_text(ui, s.week.average_wait_s)},
        {"service_time", minutes_text(ui, s.today.average_service_s), minutes_text(ui, s.week.average_service_s)},
        {"peak", hour_text(ui, s.today.peak_hour), hour_text(ui, s.week.peak_hour)},
    };
    bool shaded = true;
    for (const auto& [key, today, week] : rows) {
        figure_row(ui, id + "." + key, ui.tr(std::string("queue_ops.figure.") + key), today, week, width, shaded,
                   ui.fonts.body);
        shaded = !shaded;
    }
    ImGui::Dummy(ImVec2(width, ui.theme.px(24)));
}

}  // namespace

void draw_queue_ops_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Ticket, "queue_ops.title", "queue_ops.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "queue_ops.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);

    // The printer first: a fault must be seen without scrolling.
    const auto state = ticket_printer_state(ctx.kiosk);
    const std::string state_id = "queue_ops.printer." + std::string(queue::printer_state_name(state));
    notice(ui, "queue_ops.printer", queue::needs_attention(state) ? Notice::Error : Notice::Info, ui.tr(state_id),
           inner_w);

    const auto report = queue::ops_report(ctx.kiosk.db, ctx.kiosk.config.queue, ctx.unix_now);
    if (report.services.empty())
        notice(ui, "queue_ops.no_services", Notice::Info, ui.tr("queue_ops.no_services"), inner_w);
    for (const auto& s : report.services) service_block(ui, s, inner_w);
    end_scroll_area();
}

}  // namespace desa::kiosk
