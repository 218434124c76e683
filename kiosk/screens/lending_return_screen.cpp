// Library desk: returns. A copy's barcode (typed, scanned, or from a USB scanner) and Enter takes
// it back, saying how many days late; "Perpanjang" renews it instead. This visit's returns stay
// listed, newest first.
#include "screens/lending_parts.hpp"

namespace desa::kiosk {
namespace {

bool succeeded(const lending::ReturnEntry& e) {
    return e.checkin ? !e.checkin->problem : !e.renewal->problem;
}

void take_back(ScreenContext& ctx) {
    ctx.session.lending.return_copy(ctx.kiosk.db, ctx.unix_now);
}

}  // namespace

void draw_lending_return_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    section_intro(ctx, Icon::Back, "desk.lending_return.title", "desk.lending_return.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    begin_scroll_area(ui, "return.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);
    // The latest outcome goes above the field (below it the keyboard would hide it); the earlier
    // ones are listed below.
    if (desk.last_scan && *desk.last_scan != lending::ScanOutcome::Read) {
        notice(ui, "return.scan.problem", Notice::Warning, scan_text(ui, *desk.last_scan, false), inner_w);
        ImGui::Dummy(ImVec2(1, gap));
    } else if (!desk.returns.empty()) {
        const auto& last = desk.returns.front();
        const bool late = last.checkin && last.checkin->days_late > 0;
        notice(ui, "return.result", succeeded(last) ? (late ? Notice::Warning : Notice::Info) : Notice::Error,
               return_text(ui, last, ctx.kiosk.config.library, ctx.unix_now), inner_w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    const bool typed = !desk.return_entry.empty();
    const bool seen = camera_panel(ctx, inner_w);
    std::vector<Action> actions{{"return.submit", ui.tr("lending.return.submit"), ButtonStyle::Primary, Icon::Check, typed},
                                {"return.renew", ui.tr("lending.return.renew"), ButtonStyle::Normal, Icon::None, typed}};
    add_scan_action(ctx, actions, "return.scan");
    const int tapped = field_with_actions(ctx, "return.copy", desk.return_entry, ui.tr("lending.return.placeholder"),
                                          actions, inner_w);
    if (tapped == 0) take_back(ctx);
    if (tapped == 1) desk.renew_copy(ctx.kiosk.db, ctx.kiosk.config.library, ctx.unix_now);
    if ((tapped == 2 || seen) && desk.scan_into(ctx.kiosk.camera ? &*ctx.kiosk.camera : nullptr, desk.return_entry, false) ==
                           lending::ScanOutcome::Read)
        take_back(ctx);
    ImGui::Dummy(ImVec2(1, gap));
    if (desk.returns.empty()) {
        paragraph(ui, ui.fonts.body, ui.tr("lending.return.hint"), inner_w, p.muted_text);
    } else if (desk.returns.size() > 1) {
        paragraph(ui, ui.fonts.bold, ui.tr("lending.return.earlier"), inner_w, p.text);
        for (std::size_t i = 1; i < desk.returns.size(); ++i)
            list_row(ui, "",
                     {{return_text(ui, desk.returns[i], ctx.kiosk.config.library, ctx.unix_now), ui.fonts.body,
                       succeeded(desk.returns[i]) ? p.text : p.muted_text}},
                     inner_w);
    }
    end_scroll_area();
}

// Enter takes the copy back (renewing is a deliberate tap); on a text just refused it closes the
// keyboard.
void submit_lending_return(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    if (ctx.session.focused() == &desk.return_entry && !desk.return_entry.empty() && !desk.was_refused(desk.return_entry)) {
        take_back(ctx);  // the field stays focused for the next book
    } else {
        ctx.session.focus(nullptr);
    }
}

}  // namespace desa::kiosk
