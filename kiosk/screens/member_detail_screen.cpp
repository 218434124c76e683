// Library desk: one member. Their card on screen (QR code and the code in large letters, to show,
// photograph or copy onto a printed card), their current loans, lending to them, blocking.
#include <algorithm>

#include "core/dates.hpp"
#include "screens/lending_parts.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

// The card: QR code beside the text on wide screens, above it on narrow ones.
void member_card(ScreenContext& ctx, const lending::Member& m, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(20);
    const float card_w = std::min(width, ui.theme.px(960));
    const bool side = card_w >= ui.theme.px(640);
    const float qr = side ? std::min(ui.theme.px(260), card_w * 0.36f) : std::min(ui.theme.px(300), card_w - 2 * pad);
    const float text_w = side ? card_w - qr - 3 * pad : card_w - 2 * pad;
    struct Line {
        std::string id, text;
        ImFont* font;
        ImU32 colour;
        float h = 0;
    };
    std::vector<Line> lines{
        {"member.card.library", ui.trf("lending.member.card_library", {{"village", ctx.kiosk.village_name}}), ui.fonts.bold, p.text},
        {"member.card.label", ui.tr("lending.member.card_label"), ui.fonts.small, p.muted_text},
        {"member.card.name", member_name(ui, m), ui.fonts.heading, p.text},
        {"member.card.code", lending::group_card_code(m.card_code), ui.fonts.heading, p.text},
        {"member.card.since", ui.trf("lending.member.since", {{"date", format_day(m.registered_at)}}), ui.fonts.small, p.muted_text},
    };
    float text_h = 0;
    for (auto& l : lines) text_h += l.h = wrapped_height(l.font, l.text, text_w) + ui.theme.px(4);
    const float card_h = side ? std::max(qr, text_h) + 2 * pad : qr + pad + text_h + 2 * pad;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + card_w, min.y + card_h);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, p.field, ui.theme.px(16));
    draw.AddRect(min, max, p.border, ui.theme.px(16), 0, ui.theme.px(3));
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + pad));
    qr_code(ui, "member.card.qr", lending::member_card_payload(ctx.kiosk.config.village_code, m.card_code), qr);
    ImVec2 at = side ? ImVec2(min.x + 2 * pad + qr, min.y + pad + std::max(0.0f, (qr - text_h) * 0.5f))
                     : ImVec2(min.x + pad, min.y + 2 * pad + qr);
    for (const auto& l : lines) {
        text_in_box(ui, l.id, l.font, l.text, at, ImVec2(at.x + text_w, at.y + l.h), l.colour, Align::Left);
        at.y += l.h;
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y));
    ImGui::Dummy(ImVec2(card_w, ui.theme.px(12)));
}

}  // namespace

void draw_member_detail_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    section_intro(ctx, Icon::Speech, "desk.member_detail.title", "desk.member_detail.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    begin_scroll_area(ui, "member.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);
    if (!desk.member) {
        notice(ui, "member.none", Notice::Info, ui.tr("lending.member.none"), inner_w);
        end_scroll_area();
        return;
    }
    const lending::Member m = *desk.member;  // a copy: the buttons below may reload it
    vault_notice(ctx, inner_w);
    member_card(ctx, m, inner_w);
    if (m.phone) paragraph(ui, ui.fonts.body, ui.trf("lending.member.phone", {{"phone", people::format_phone_national(*m.phone)}}), inner_w, p.text);
    if (m.blocked) notice(ui, "member.blocked", Notice::Warning, ui.tr("lending.member.blocked_notice"), inner_w);
    ImGui::Dummy(ImVec2(1, gap));
    const int tapped = action_row(ui,
                                  {{"member.lend", ui.tr("lending.member.lend"), ButtonStyle::Primary, Icon::Book, !m.blocked},
                                   {m.blocked ? "member.unblock" : "member.block",
                                    m.blocked ? ui.tr("lending.member.unblock") : ui.tr("lending.member.block"),
                                    ButtonStyle::Normal, Icon::Lock, true}},
                                  inner_w);
    if (tapped == 0) {
        desk.lend_to(ctx.kiosk.db, m.id);
        ctx.session.open(session::Screen::LendingCheckout);
        ctx.session.focus(&desk.copy_entry);
    } else if (tapped == 1) {
        desk.set_member_blocked(ctx.kiosk.db, !m.blocked, ctx.unix_now);
    }
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("lending.member.loans"), inner_w, p.text);
    if (desk.member_loans.empty()) paragraph(ui, ui.fonts.body, ui.tr("lending.member.no_loans"), inner_w, p.muted_text);
    for (const auto& loan : desk.member_loans) list_row(ui, "", loan_lines(ui, loan, ctx.unix_now), inner_w);
    end_scroll_area();
}

}  // namespace desa::kiosk
