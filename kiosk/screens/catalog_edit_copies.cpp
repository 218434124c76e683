// The copies part of the cataloguing screen: each copy with its state and the buttons to mark it
// lost, withdrawn or back on the shelf (not while on loan: loans end at the lending desk), and
// the fields to add a copy by its spine label.
#include "core/dates.hpp"
#include "screens/catalog_edit_parts.hpp"

namespace desa::kiosk {
namespace {

using catalog::CopyStatus;
using catalog::EditField;

std::string status_text(const Ui& ui, const catalog::Copy& copy) {
    switch (copy.status) {
        case CopyStatus::Available: return ui.tr("catalog_edit.status.available");
        case CopyStatus::OnLoan:
            return copy.due_unix ? ui.trf("catalog_edit.status.on_loan_until", {{"date", format_day(*copy.due_unix)}})
                                 : ui.tr("catalog_edit.status.on_loan");
        case CopyStatus::Lost: return ui.tr("catalog_edit.status.lost");
        case CopyStatus::Withdrawn: return ui.tr("catalog_edit.status.withdrawn");
    }
    return {};
}

std::string copy_line(const Ui& ui, const catalog::Copy& copy) {
    std::string line = copy.barcode.empty() ? ui.tr("catalog_edit.copy.no_label") : copy.barcode;
    line += "  ·  " + (copy.location.empty() ? ui.tr("catalog_edit.copy.no_location") : copy.location);
    if (!copy.call_number.empty()) line += "  ·  " + copy.call_number;
    return line + "  ·  " + status_text(ui, copy);
}

// One copy; returns true when it was changed (the list is then stale for this frame).
bool copy_row(ScreenContext& ctx, const catalog::Copy& copy, float x, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& editor = ctx.session.catalog_editor;
    const float gap = ui.theme.px(12);
    const float top = ImGui::GetCursorScreenPos().y;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    catalog_line(ui, ui.fonts.bold, copy_line(ui, copy), x + gap, width - 2 * gap, p.text);
    if (copy.status == CopyStatus::OnLoan) {
        catalog_line(ui, ui.fonts.small, ui.tr("catalog_edit.copy.on_loan_hint"), x + gap, width - 2 * gap, p.muted_text);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + gap));
    } else {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(6)));
        struct Mark {
            CopyStatus status;
            const char* id;
        };
        const Mark marks[] = {{CopyStatus::Available, "available"}, {CopyStatus::Lost, "lost"},
                              {CopyStatus::Withdrawn, "withdrawn"}};
        std::vector<FlowButton> buttons;
        std::vector<CopyStatus> targets;
        for (const auto& m : marks) {
            if (m.status == copy.status) continue;
            buttons.push_back({"catalog_edit.copy." + std::to_string(copy.id) + "." + m.id,
                               ui.tr(std::string("catalog_edit.mark.") + m.id)});
            targets.push_back(m.status);
        }
        const int tapped = button_flow(ui, buttons, x + gap, width - 2 * gap);
        if (tapped >= 0) {
            if (editor.mark_copy(ctx.kiosk.db, copy.id, targets[static_cast<std::size_t>(tapped)])) catalog_changed(ctx);
            return true;
        }
    }
    const float bottom = ImGui::GetCursorScreenPos().y;
    draw.AddRect(ImVec2(x, top - ui.theme.px(6)), ImVec2(x + width, bottom - ui.theme.px(4)),
                 ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 40), ui.theme.px(8), 0, ui.theme.px(2));
    ImGui::SetCursorScreenPos(ImVec2(x, bottom + ui.theme.px(6)));
    return false;
}

}  // namespace

void draw_catalog_copies(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& editor = ctx.session.catalog_editor;
    const float x = ImGui::GetCursorScreenPos().x;
    catalog_line(ui, ui.fonts.heading, ui.tr("catalog_edit.copies"), x, width, p.text);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
    if (!editor.record_id) {
        catalog_line(ui, ui.fonts.body, ui.tr("catalog_edit.copies.save_first"), x, width, p.muted_text);
        return;
    }
    if (editor.copies.empty()) catalog_line(ui, ui.fonts.body, ui.tr("catalog_edit.copies.none"), x, width, p.muted_text);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(10)));
    for (const auto& copy : editor.copies)
        if (copy_row(ctx, copy, x, width)) break;  // the list was reloaded under us

    for (const auto* issue : editor.issues_for(EditField::Copy))
        catalog_line(ui, ui.theme.high_contrast ? ui.fonts.bold : ui.fonts.body, catalog_issue_text(ui, *issue), x, width,
                     ui.theme.high_contrast ? p.text : p.error);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(16)));
    catalog_line(ui, ui.fonts.bold, ui.tr("catalog_edit.copies.add_title"), x, width, p.text);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
    for (EditField f : {EditField::CopyBarcode, EditField::CopyLocation, EditField::CopyCallNumber})
        catalog_field_row(ctx, f, width);
    if (button_flow(ui, {{"catalog_edit.add_copy", ui.tr("catalog_edit.add_copy"), ButtonStyle::Primary, Icon::Check}}, x,
                    width) == 0) {
        ctx.session.focus(nullptr);
        if (editor.add_copy(ctx.kiosk.db)) catalog_changed(ctx);
    }
}

}  // namespace desa::kiosk
