#include "screens/lending_parts.hpp"

#include <algorithm>

#include <imgui_internal.h>

#include "core/dates.hpp"

namespace desa::kiosk {
namespace {

float text_width(const Ui& ui, std::string_view text) {
    return ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

// A button just wide enough for its label (wrapping, and taller, only when even `max_w` is not).
ImVec2 button_size(const Ui& ui, const Action& a, float max_w) {
    const float pad = ui.theme.px(12);
    const float h = button_height(ui);
    const float icon = a.icon == Icon::None ? 0.0f : std::min(h * 0.5f, ui.theme.px(36)) + pad * 0.5f;
    const float w = std::min(max_w, std::max(ui.theme.px(150), text_width(ui, a.label) + 2 * pad + icon + ui.theme.px(16)));
    const float text_h = wrapped_height(ui.fonts.body, a.label, w - 2 * pad - icon);
    return ImVec2(w, std::max(h, text_h + pad * 1.5f));
}

}  // namespace

void keep_in_view(ScreenContext& ctx, const session::TextField& field) {
    // Per scroll area, in its ImGui state (so per app): which field is being kept in view, and
    // whether the librarian has dragged the area since it got the focus (then they choose).
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID field_key = ImGui::GetID("##kept-in-view");
    const ImGuiID dragged_key = ImGui::GetID("##dragged");
    if (ctx.session.focused() != &field) {
        if (ctx.session.focused() == nullptr) storage->SetVoidPtr(field_key, nullptr);
        return;
    }
    if (storage->GetVoidPtr(field_key) != &field) {
        storage->SetVoidPtr(field_key, const_cast<session::TextField*>(&field));
        storage->SetBool(dragged_key, false);
    }
    if (ctx.ui.drag.active) storage->SetBool(dragged_key, true);
    if (storage->GetBool(dragged_key)) return;
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    // As little as needed, so what is above the field (the last outcome) stays in view if it can.
    const float margin = ctx.ui.theme.px(8);
    if (max.y > clip.Max.y + 0.5f && max.y - min.y + margin <= clip.Max.y - clip.Min.y)
        ImGui::SetScrollFromPosY(max.y - ImGui::GetWindowPos().y + margin, 1.0f);
    else if (min.y < clip.Min.y - 0.5f || max.y > clip.Max.y + 0.5f)
        ImGui::SetScrollFromPosY(min.y - ImGui::GetWindowPos().y - margin, 0.0f);
}

float field_height(const Ui& ui) { return std::max(ui.theme.px(80), ui.fonts.body->FontSize * 2.0f); }
float button_height(const Ui& ui) { return std::max(ui.theme.px(72), ui.fonts.body->FontSize * 1.9f); }

int action_row(Ui& ui, const std::vector<Action>& actions, float width) {
    const float gap = ui.theme.px(12);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = 0, y = start.y, row_h = 0;
    int tapped = -1;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const ImVec2 size = button_size(ui, actions[i], width);
        if (x > 0 && x + size.x > width) {
            x = 0;
            y += row_h + gap;
            row_h = 0;
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x + x, y));
        if (button(ui, actions[i].id, actions[i].label, size, actions[i].style, actions[i].icon, actions[i].enabled))
            tapped = static_cast<int>(i);
        x += size.x + gap;
        row_h = std::max(row_h, size.y);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + row_h));
    ImGui::Dummy(ImVec2(1, 0));
    return tapped;
}

float action_row_height(const Ui& ui, const std::vector<Action>& actions, float width) {
    const float gap = ui.theme.px(12);
    float x = 0, y = 0, row_h = 0;
    for (const auto& a : actions) {
        const ImVec2 size = button_size(ui, a, width);
        if (x > 0 && x + size.x > width) {
            x = 0;
            y += row_h + gap;
            row_h = 0;
        }
        x += size.x + gap;
        row_h = std::max(row_h, size.y);
    }
    return y + row_h;
}

int field_with_actions(ScreenContext& ctx, std::string_view id, session::TextField& field,
                       std::string_view placeholder, const std::vector<Action>& actions, float width) {
    Ui& ui = ctx.ui;
    const float gap = ui.theme.px(12);
    float buttons = 0;
    for (const auto& a : actions) buttons += button_size(ui, a, width).x + gap;
    const bool one_row = width - buttons >= width * 0.5f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float field_w = one_row ? width - buttons : width;
    if (text_field(ui, id, field, placeholder, ctx.session.focused() == &field, ImVec2(field_w, field_height(ui))))
        ctx.session.focus(&field);
    keep_in_view(ctx, field);
    int tapped = -1;
    if (one_row) {
        float x = start.x + field_w + gap;
        for (std::size_t i = 0; i < actions.size(); ++i) {
            const ImVec2 size = button_size(ui, actions[i], width);
            ImGui::SetCursorScreenPos(ImVec2(x, start.y));
            if (button(ui, actions[i].id, actions[i].label, ImVec2(size.x, std::max(size.y, field_height(ui))),
                       actions[i].style, actions[i].icon, actions[i].enabled))
                tapped = static_cast<int>(i);
            x += size.x + gap;
        }
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + field_height(ui)));
        ImGui::Dummy(ImVec2(1, 0));
    } else if (!actions.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + field_height(ui) + gap));
        tapped = action_row(ui, actions, width);
    }
    return tapped;
}

void add_scan_action(ScreenContext& ctx, std::vector<Action>& actions, std::string_view id) {
    if (ctx.kiosk.camera) actions.push_back({std::string(id), ctx.ui.tr("lending.scan"), ButtonStyle::Normal, Icon::None, true});
}

bool list_row(Ui& ui, std::string_view id, const std::vector<RowLine>& lines, float width) {
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(14);
    const float text_w = width - 2 * pad;
    std::vector<float> heights;
    float h = 0;
    for (const auto& l : lines) {
        heights.push_back(wrapped_height(l.font, l.text, text_w));
        h += heights.back();
    }
    h = std::max(h + 2 * pad, ui.theme.px(64));
    bool tapped = false, held = false;
    if (!id.empty()) {
        ImGui::PushID(id.data(), id.data() + id.size());
        tapped = ImGui::InvisibleButton("##row", ImVec2(width, h));
        held = ImGui::IsItemActive();
        ImGui::PopID();
        record_target(ui, id, lines.empty() ? std::string() : lines.front().text);
    } else {
        ImGui::Dummy(ImVec2(width, h));
    }
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, held ? p.button_pressed : p.field, ui.theme.px(10));
    draw.AddRect(min, max, ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 30), ui.theme.px(10));
    float y = min.y + pad;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        text_in_box(ui, std::string(id) + ".line" + std::to_string(i), lines[i].font, lines[i].text,
                    ImVec2(min.x + pad, y), ImVec2(min.x + pad + text_w, y + heights[i]), lines[i].colour, Align::Left);
        y += heights[i];
    }
    ImGui::Dummy(ImVec2(width, ui.theme.px(8)));
    return tapped;
}

std::string member_name(const Ui& ui, const lending::Member& m) {
    return m.name ? *m.name : ui.tr("lending.member.name_locked");
}

std::string member_line(const Ui& ui, const lending::Member& m) {
    return lending::group_card_code(m.card_code) + "  ·  " + member_name(ui, m);
}

std::vector<RowLine> loan_lines(const Ui& ui, const lending::Loan& loan, std::int64_t now) {
    const Palette& p = ui.theme.palette;
    std::string details = loan.barcode + "  ·  " + ui.trf("lending.loan.due", {{"date", format_day(loan.due_at)}});
    if (loan.renewals > 0) details += "  ·  " + ui.tr("lending.loan.renewed");
    std::vector<RowLine> lines{{loan.title, ui.fonts.bold, p.text}, {details, ui.fonts.body, p.muted_text}};
    if (const int late = lending::days_late(loan.due_at, now); late > 0)
        lines.push_back({ui.trf("lending.loan.late", {{"days", std::to_string(late)}}), ui.fonts.bold,
                         ui.theme.high_contrast ? p.text : p.error});
    return lines;
}

std::string clock_text(const Ui& ui, std::int64_t now) {
    return ui.trf("lending.clock_not_plausible", {{"date", format_day(now)}});
}

std::string card_problem_text(const Ui& ui, lending::CardProblem p) {
    using lending::CardProblem;
    switch (p) {
        case CardProblem::Empty: return ui.tr("lending.card.empty");
        case CardProblem::BadCharacter: return ui.tr("lending.card.bad_character");
        case CardProblem::WrongLength: return ui.tr("lending.card.wrong_length");
        case CardProblem::CheckFailed: return ui.tr("lending.card.check_failed");
        case CardProblem::OtherVillage: return ui.tr("lending.card.other_village");
        case CardProblem::DamagedPayload: return ui.tr("lending.card.damaged");
    }
    return ui.tr("lending.card.empty");
}

std::string checkout_text(const Ui& ui, const lending::CheckoutResult& r, std::string_view barcode,
                          const config::LibraryConfig& rules, std::int64_t now) {
    using lending::CheckoutProblem;
    if (r.loan)
        return ui.trf("lending.checkout.done", {{"title", r.loan->title}, {"date", format_day(r.loan->due_at)}});
    const std::string title = r.title;
    switch (*r.problem) {
        case CheckoutProblem::ClockNotPlausible: return clock_text(ui, now);
        case CheckoutProblem::BadCardCode:
        case CheckoutProblem::UnknownMember: return ui.tr("lending.checkout.unknown_member");
        case CheckoutProblem::MemberBlocked: return ui.tr("lending.checkout.member_blocked");
        case CheckoutProblem::UnknownCopy: return ui.trf("lending.unknown_copy", {{"barcode", std::string(barcode)}});
        case CheckoutProblem::CopyOnLoan:
            if (!r.due_at) return ui.trf("lending.checkout.on_loan", {{"title", title}});
            return r.same_member ? ui.trf("lending.checkout.on_loan_same", {{"title", title}, {"date", format_day(*r.due_at)}})
                                 : ui.trf("lending.checkout.on_loan_until", {{"title", title}, {"date", format_day(*r.due_at)}});
        case CheckoutProblem::CopyLost: return ui.trf("lending.checkout.copy_lost", {{"title", title}});
        case CheckoutProblem::CopyWithdrawn: return ui.trf("lending.checkout.copy_withdrawn", {{"title", title}});
        case CheckoutProblem::RecordWithdrawn: return ui.trf("lending.checkout.record_withdrawn", {{"title", title}});
        case CheckoutProblem::TooManyLoans:
            return ui.trf("lending.checkout.too_many", {{"count", std::to_string(r.count)}, {"max", std::to_string(rules.max_loans)}});
        case CheckoutProblem::MemberHasOverdue:
            return ui.trf("lending.checkout.has_overdue", {{"count", std::to_string(r.count)}});
    }
    return {};
}

std::string return_text(const Ui& ui, const lending::ReturnEntry& e, const config::LibraryConfig& rules,
                        std::int64_t now) {
    if (e.checkin) {
        const auto& r = *e.checkin;
        using lending::CheckinProblem;
        if (r.problem) {
            switch (*r.problem) {
                case CheckinProblem::ClockNotPlausible: return clock_text(ui, now);
                case CheckinProblem::UnknownCopy: return ui.trf("lending.unknown_copy", {{"barcode", e.barcode}});
                case CheckinProblem::NotOnLoan: return ui.trf("lending.return.not_on_loan", {{"title", r.title}});
            }
        }
        if (r.untracked) return ui.trf("lending.return.untracked", {{"title", r.title}});
        if (r.days_late > 0)
            return ui.trf("lending.return.late", {{"title", r.title}, {"days", std::to_string(r.days_late)}});
        return ui.trf("lending.return.on_time", {{"title", r.title}});
    }
    const auto& r = *e.renewal;
    using lending::RenewProblem;
    if (r.loan) return ui.trf("lending.renew.done", {{"title", r.loan->title}, {"date", format_day(r.loan->due_at)}});
    switch (*r.problem) {
        case RenewProblem::ClockNotPlausible: return clock_text(ui, now);
        case RenewProblem::UnknownCopy: return ui.trf("lending.unknown_copy", {{"barcode", e.barcode}});
        case RenewProblem::NotOnLoan: return ui.trf("lending.return.not_on_loan", {{"title", r.title}});
        case RenewProblem::MemberBlocked: return ui.trf("lending.renew.member_blocked", {{"title", r.title}});
        case RenewProblem::RenewalLimit:
            return ui.trf("lending.renew.limit", {{"title", r.title}, {"max", std::to_string(rules.max_renewals)}});
        case RenewProblem::Overdue:
            return ui.trf("lending.renew.overdue", {{"title", r.title}, {"days", std::to_string(r.days_late)}});
        case RenewProblem::NoLaterDate: return ui.trf("lending.renew.no_later", {{"title", r.title}});
    }
    return {};
}

std::string scan_text(const Ui& ui, lending::ScanOutcome o, bool member_card) {
    using lending::ScanOutcome;
    switch (o) {
        case ScanOutcome::Read: return {};
        case ScanOutcome::NoCamera:
        case ScanOutcome::NoPicture: return ui.tr("lending.scan.no_picture");
        case ScanOutcome::NoCode: return ui.tr("lending.scan.no_code");
        case ScanOutcome::WrongKind:
            return member_card ? ui.tr("lending.scan.not_a_card") : ui.tr("lending.scan.not_a_label");
    }
    return {};
}

void vault_notice(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    auto& desk = ctx.session.lending;
    using lending::VaultState;
    const float gap = ui.theme.px(12);
    switch (desk.vault) {
        case VaultState::Open:
            if (desk.rewrap_outcome == lending::RewrapOutcome::Done) {
                notice(ui, "lending.vault.rewrapped", Notice::Info, ui.tr("lending.vault.rewrapped"), width);
                ImGui::Dummy(ImVec2(1, gap));
            }
            return;
        case VaultState::Locked:
            if (lending::count_members(ctx.kiosk.db) == 0) return;  // no name to read yet
            notice(ui, "lending.vault.locked", Notice::Warning, ui.tr("lending.vault.locked"), width);
            break;
        case VaultState::Damaged:
            notice(ui, "lending.vault.damaged", Notice::Error, ui.tr("lending.vault.damaged"), width);
            break;
        case VaultState::PinChanged: {
            notice(ui, "lending.vault.pin_changed", Notice::Warning, ui.tr("lending.vault.pin_changed"), width);
            ImGui::Dummy(ImVec2(1, gap));
            const std::vector<Action> actions{{"lending.vault.rewrap", ui.tr("lending.vault.rewrap"), ButtonStyle::Primary,
                                               Icon::Lock, !desk.previous_pin.empty()}};
            if (field_with_actions(ctx, "lending.vault.previous_pin", desk.previous_pin,
                                   ui.tr("lending.vault.previous_pin"), actions, width) == 0) {
                desk.rewrap_with_previous_pin(ctx.kiosk.db, ctx.unix_now);
                ctx.session.focus(nullptr);
            }
            if (desk.rewrap_outcome == lending::RewrapOutcome::WrongPreviousPin) {
                ImGui::Dummy(ImVec2(1, gap));
                notice(ui, "lending.vault.wrong_pin", Notice::Error, ui.tr("lending.vault.wrong_pin"), width);
            }
            break;
        }
    }
    ImGui::Dummy(ImVec2(1, gap));
}

}  // namespace desa::kiosk
