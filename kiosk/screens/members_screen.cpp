// Library desk: members. Search by name or card code, or register a new member (name, optional
// phone, and a plain statement of what is kept and why); a registered member opens on their card.
#include "screens/lending_parts.hpp"

namespace desa::kiosk {
namespace {

std::string name_problem_text(const Ui& ui, lending::NameProblem p) {
    using lending::NameProblem;
    switch (p) {
        case NameProblem::Empty: return ui.tr("lending.name.empty");
        case NameProblem::TooShort: return ui.tr("lending.name.too_short");
        case NameProblem::TooLong: return ui.tr("lending.name.too_long");
        case NameProblem::BadCharacter: return ui.tr("lending.name.bad_character");
    }
    return {};
}

std::string phone_problem_text(const Ui& ui, people::PhoneProblem p) {
    using people::PhoneProblem;
    switch (p) {
        case PhoneProblem::Empty:
        case PhoneProblem::NotDigits: return ui.tr("lending.phone.not_digits");
        case PhoneProblem::TooShort: return ui.tr("lending.phone.too_short");
        case PhoneProblem::TooLong: return ui.tr("lending.phone.too_long");
        case PhoneProblem::NotIndonesian: return ui.tr("lending.phone.not_indonesian");
    }
    return {};
}

std::string registration_text(const Ui& ui, const lending::MemberResult& r) {
    if (r.name_problem) return name_problem_text(ui, *r.name_problem);
    if (r.phone_problem) return phone_problem_text(ui, *r.phone_problem);
    return ui.tr("lending.members.locked");  // VaultLocked: nothing can be sealed
}

void submit_registration(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    ctx.session.focus(nullptr);
    if (desk.register_member(ctx.kiosk.db, ctx.unix_now)) {
        ctx.session.open(session::Screen::MemberDetail);
        return;
    }
    // Back to the field to correct (the keyboard opens on it); the text typed is still there.
    if (desk.registration->name_problem) ctx.session.focus(&desk.member_name);
    if (desk.registration->phone_problem) ctx.session.focus(&desk.member_phone);
}

void draw_form(ScreenContext& ctx, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    const float gap = ui.theme.px(12);
    paragraph(ui, ui.fonts.bold, ui.tr("lending.members.form.title"), w, p.text);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.body, ui.tr("lending.members.form.name"), w, p.text);
    if (text_field(ui, "members.name", desk.member_name, ui.tr("lending.members.form.name_placeholder"),
                   ctx.session.focused() == &desk.member_name, ImVec2(w, field_height(ui))))
        ctx.session.focus(&desk.member_name);
    keep_in_view(ctx, desk.member_name);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.body, ui.tr("lending.members.form.phone"), w, p.text);
    if (text_field(ui, "members.phone", desk.member_phone, ui.tr("lending.members.form.phone_placeholder"),
                   ctx.session.focused() == &desk.member_phone, ImVec2(w, field_height(ui))))
        ctx.session.focus(&desk.member_phone);
    keep_in_view(ctx, desk.member_phone);
    ImGui::Dummy(ImVec2(1, gap));
    if (desk.registration) {
        notice(ui, "members.problem", Notice::Error, registration_text(ui, *desk.registration), w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    notice(ui, "members.consent", Notice::Info, ui.tr("lending.members.consent"), w);
}

std::vector<Action> form_actions(const ScreenContext& ctx) {
    return {{"members.submit", ctx.ui.tr("lending.members.form.submit"), ButtonStyle::Primary, Icon::Check,
             !ctx.session.lending.member_name.empty()},
            {"members.cancel", ctx.ui.tr("lending.members.form.cancel")}};
}

void draw_list(ScreenContext& ctx, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& desk = ctx.session.lending;
    const float gap = ui.theme.px(12);
    const std::vector<Action> actions{
        {"members.register", ui.tr("lending.members.register"), ButtonStyle::Primary, Icon::Check, true}};
    if (field_with_actions(ctx, "members.search", desk.member_search, ui.tr("lending.members.search"), actions, w) == 0) {
        desk.start_registration();
        ctx.session.focus(&desk.member_name);
        return;
    }
    ImGui::Dummy(ImVec2(1, gap));
    const auto& found = desk.found_members(ctx.kiosk.db);
    const std::int64_t total = lending::count_members(ctx.kiosk.db);
    if (total == 0) {
        notice(ui, "members.empty", Notice::Info, ui.tr("lending.members.empty"), w);
        return;
    }
    if (found.empty()) {
        notice(ui, "members.none", Notice::Warning, ui.trf("lending.members.none", {{"query", desk.member_search.text}}), w);
        return;
    }
    paragraph(ui, ui.fonts.small, ui.trf("lending.members.count", {{"count", std::to_string(total)}}), w, p.muted_text);
    for (const auto& m : found) {
        std::vector<RowLine> lines{{member_line(ui, m), ui.fonts.bold, p.text}};
        if (m.blocked) lines.push_back({ui.tr("lending.member.blocked"), ui.fonts.body, p.muted_text});
        if (list_row(ui, "members.row." + std::to_string(m.id), lines, w)) {
            desk.show_member(ctx.kiosk.db, m.id);
            ctx.session.open(session::Screen::MemberDetail);
            break;
        }
    }
}

}  // namespace

void draw_members_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Speech, "desk.members.title", "desk.members.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    auto& desk = ctx.session.lending;
    // The form's buttons stay below its scrolling part. While the keyboard is open its "done" key
    // is the action (name -> phone -> register) and the fields need the height.
    const auto actions = form_actions(ctx);
    const bool bar = desk.registering && ctx.session.focused() == nullptr;
    const float bar_h = bar ? action_row_height(ui, actions, w) + gap : 0.0f;
    begin_scroll_area(ui, "members.area", ImVec2(w, std::max(1.0f, h - bar_h)));
    const float inner_w = w - ui.theme.px(20);
    vault_notice(ctx, inner_w);
    if (desk.registering) {
        draw_form(ctx, inner_w);
    } else {
        draw_list(ctx, inner_w);
    }
    end_scroll_area();
    if (!bar) return;
    next_row(ctx, gap);
    const int tapped = action_row(ui, actions, w);
    if (tapped == 0) submit_registration(ctx);
    if (tapped == 1) {
        desk.cancel_registration();
        ctx.session.focus(nullptr);
    }
}

// Enter: from the name to the phone, from the phone it registers; the previous PIN re-wraps.
void submit_members(ScreenContext& ctx) {
    auto& desk = ctx.session.lending;
    session::TextField* field = ctx.session.focused();
    if (field == &desk.previous_pin) {
        desk.rewrap_with_previous_pin(ctx.kiosk.db, ctx.unix_now);
        ctx.session.focus(nullptr);
    } else if (field == &desk.member_name) {
        ctx.session.focus(&desk.member_phone);
    } else if (field == &desk.member_phone && desk.registering) {
        submit_registration(ctx);
    } else {
        ctx.session.focus(nullptr);
    }
}

}  // namespace desa::kiosk
