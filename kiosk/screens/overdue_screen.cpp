// Library desk: loans past their due date, the most overdue first, with whom to remind (card code,
// and the name while the member-data key is open). A row opens that member.
#include "core/dates.hpp"
#include "screens/lending_parts.hpp"

namespace desa::kiosk {

void draw_overdue_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    section_intro(ctx, Icon::Ticket, "desk.overdue.title", "desk.overdue.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "overdue.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);
    if (!lending::clock_plausible(ctx.unix_now)) {
        notice(ui, "overdue.clock", Notice::Error, clock_text(ui, ctx.unix_now), inner_w);
        end_scroll_area();
        return;
    }
    vault_notice(ctx, inner_w);
    const auto& late = desk.overdue(ctx.kiosk.db, ctx.unix_now);
    if (late.empty()) {
        notice(ui, "overdue.none", Notice::Info, ui.tr("lending.overdue.none"), inner_w);
        end_scroll_area();
        return;
    }
    paragraph(ui, ui.fonts.small, ui.trf("lending.overdue.count", {{"count", std::to_string(late.size())}}), inner_w,
              p.muted_text);
    // One small query per row: the list is a village library's, and frames are drawn only on events.
    std::optional<std::int64_t> open_member;
    for (const auto& loan : late) {
        const auto member = lending::get_member(ctx.kiosk.db, desk.member_key(), loan.member_id);
        auto lines = loan_lines(ui, loan, ctx.unix_now);
        if (member) lines.insert(lines.begin() + 1, RowLine{member_line(ui, *member), ui.fonts.body, p.text});
        if (list_row(ui, "overdue.row." + std::to_string(loan.id), lines, inner_w)) open_member = loan.member_id;
    }
    end_scroll_area();
    if (open_member) {
        desk.show_member(ctx.kiosk.db, *open_member);
        ctx.session.open(session::Screen::MemberDetail);
    }
}

}  // namespace desa::kiosk
