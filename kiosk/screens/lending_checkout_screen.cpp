// Library desk: check-out. Step 1 the member card (typed, scanned by the camera, or entered by a
// USB scanner), showing who borrows and what they have; step 2 the copies' barcodes one after
// another, each lent with its due date or refused with the reason. "Selesai" ends.
#include "screens/lending_parts.hpp"

namespace desa::kiosk {
namespace {

void choose_borrower(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    if (desk.choose_borrower(ctx.kiosk.db, ctx.kiosk.config.village_code)) {
        ctx.session.focus(&desk.copy_entry);  // a USB scanner goes straight on with the books
    }
}

void lend(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    desk.check_out_copy(ctx.kiosk.db, ctx.kiosk.config.library, ctx.unix_now);
}

void card_step(ScreenContext& ctx, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    const float gap = ui.theme.px(12);
    // What just happened goes above the field: below it the keyboard would hide it.
    if (desk.last_scan && *desk.last_scan != lending::ScanOutcome::Read) {
        notice(ui, "checkout.scan", Notice::Warning, scan_text(ui, *desk.last_scan, true), w);
        ImGui::Dummy(ImVec2(1, gap));
    } else if (desk.card_lookup) {
        const std::string text = desk.card_lookup->problem ? card_problem_text(ui, *desk.card_lookup->problem)
                                                           : ui.tr("lending.card.unknown");
        notice(ui, "checkout.card.problem", Notice::Error, text, w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (ctx.session.focused() == nullptr) paragraph(ui, ui.fonts.body, ui.tr("lending.checkout.step_card"), w, p.muted_text);
    const bool seen = camera_panel(ctx, w);
    std::vector<Action> actions{{"checkout.card.submit", ui.tr("lending.checkout.card_submit"), ButtonStyle::Primary,
                                 Icon::None, !desk.card_entry.empty()}};
    add_scan_action(ctx, actions, "checkout.card.scan");
    const int tapped = field_with_actions(ctx, "checkout.card", desk.card_entry, ui.tr("lending.checkout.card_placeholder"),
                                          actions, w);
    if (tapped == 0) choose_borrower(ctx);
    if ((tapped == 1 || seen) && desk.scan_into(ctx.kiosk.camera ? &*ctx.kiosk.camera : nullptr, desk.card_entry, true) ==
                           lending::ScanOutcome::Read)
        choose_borrower(ctx);
}

void copies_step(ScreenContext& ctx, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    const auto& rules = ctx.kiosk.config.library;
    const float gap = ui.theme.px(12);
    const lending::Member m = *desk.borrower;  // a copy: lending below reloads the borrower

    // Who borrows, and how many books they have.
    paragraph(ui, ui.fonts.bold, ui.trf("lending.checkout.borrower", {{"member", member_line(ui, m)}}), w, p.text);
    paragraph(ui, ui.fonts.small,
              ui.trf("lending.checkout.count", {{"count", std::to_string(desk.borrower_loans.size())},
                                                {"max", std::to_string(rules.max_loans)}}),
              w, p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));
    if (m.blocked) {
        notice(ui, "checkout.blocked", Notice::Warning, ui.tr("lending.member.blocked_notice"), w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    // What just happened goes above the field: below it the keyboard would hide it.
    if (desk.last_scan && *desk.last_scan != lending::ScanOutcome::Read) {
        notice(ui, "checkout.scan", Notice::Warning, scan_text(ui, *desk.last_scan, false), w);
        ImGui::Dummy(ImVec2(1, gap));
    } else if (desk.last_checkout) {
        const bool ok = desk.last_checkout->loan.has_value();
        const std::string barcode = ok ? desk.last_checkout->loan->barcode : desk.copy_entry.text;
        notice(ui, "checkout.result", ok ? Notice::Info : Notice::Error,
               checkout_text(ui, *desk.last_checkout, barcode, rules, ctx.unix_now), w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (ctx.session.focused() == nullptr) paragraph(ui, ui.fonts.body, ui.tr("lending.checkout.step_copies"), w, p.muted_text);
    const bool seen = camera_panel(ctx, w);
    std::vector<Action> actions{{"checkout.copy.submit", ui.tr("lending.checkout.copy_submit"), ButtonStyle::Primary,
                                 Icon::Book, !desk.copy_entry.empty()}};
    add_scan_action(ctx, actions, "checkout.copy.scan");
    const int tapped = field_with_actions(ctx, "checkout.copy", desk.copy_entry, ui.tr("lending.checkout.copy_placeholder"),
                                          actions, w);
    if (tapped == 0) lend(ctx);
    if ((tapped == 1 || seen) && desk.scan_into(ctx.kiosk.camera ? &*ctx.kiosk.camera : nullptr, desk.copy_entry, false) ==
                           lending::ScanOutcome::Read)
        lend(ctx);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("lending.member.loans"), w, p.text);
    if (desk.borrower_loans.empty()) paragraph(ui, ui.fonts.body, ui.tr("lending.member.no_loans"), w, p.muted_text);
    for (const auto& loan : desk.borrower_loans) list_row(ui, "", loan_lines(ui, loan, ctx.unix_now), w);
}

}  // namespace

void draw_lending_checkout_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    auto& desk = ctx.session.lending;
    if (!desk.checkout_started) {  // opened from the desk: ready for the card (and a USB scanner)
        desk.checkout_started = true;
        ctx.session.focus(&desk.card_entry);
    }
    section_intro(ctx, Icon::Book, "desk.lending_checkout.title", "desk.lending_checkout.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    // "Selesai" and "Ganti anggota" stay below the scrolling part, always in view.
    const std::vector<Action> actions{
        {"checkout.done", ui.tr("lending.checkout.done_button"), ButtonStyle::Normal, Icon::Check, true},
        {"checkout.change", ui.tr("lending.checkout.change"), ButtonStyle::Normal, Icon::Back, true}};
    // While the keyboard is open its "done" key is the action, and the field needs the height.
    const bool bar = desk.borrower.has_value() && ctx.session.focused() == nullptr;
    const float bar_h = bar ? action_row_height(ui, actions, w) + gap : 0.0f;
    begin_scroll_area(ui, "checkout.area", ImVec2(w, std::max(1.0f, h - bar_h)));
    const float inner_w = w - ui.theme.px(20);
    if (desk.borrower) {
        copies_step(ctx, inner_w);
    } else {
        card_step(ctx, inner_w);
    }
    end_scroll_area();
    if (!bar) return;
    next_row(ctx, gap);
    const int tapped = action_row(ui, actions, w);
    if (tapped == 0) {
        desk.finish_checkout();
        ctx.session.back();
    } else if (tapped == 1) {
        desk.change_borrower();
        ctx.session.focus(&desk.card_entry);
    }
}

// Enter (the keyboard's done key, or a USB scanner's): the card, then each copy. On a text just
// refused it closes the keyboard.
void submit_lending_checkout(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    session::TextField* field = ctx.session.focused();
    if (field != nullptr && desk.was_refused(*field)) {
        ctx.session.focus(nullptr);  // the same text again: the answer would be the same
    } else if (field == &desk.card_entry && !desk.card_entry.empty()) {
        choose_borrower(ctx);
    } else if (field == &desk.copy_entry && !desk.copy_entry.empty()) {
        lend(ctx);  // the field stays focused for the next book
    } else {
        ctx.session.focus(nullptr);
    }
}

}  // namespace desa::kiosk
