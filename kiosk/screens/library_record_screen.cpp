// One library record: what the book is, where each copy stands (or until when it is lent), which
// other libraries hold it too (the union catalogue), other books by the same author, and a QR code
// of the key facts to keep on a phone.
#include <algorithm>

#include "core/dates.hpp"
#include "screens/screens.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : std::string(separator)) + v;
    return out;
}

std::string copy_text(const Ui& ui, const catalog::Copy& copy) {
    const std::string where = copy.location.empty() ? ui.tr("copy.location_unknown") : copy.location;
    switch (copy.status) {
        case catalog::CopyStatus::Available: return ui.trf("copy.available", {{"location", where}});
        case catalog::CopyStatus::OnLoan:
            return copy.due_unix ? ui.trf("copy.on_loan_until", {{"date", format_day(*copy.due_unix)}})
                                 : ui.tr("copy.on_loan");
        case catalog::CopyStatus::Lost: return ui.tr("copy.lost");
        case catalog::CopyStatus::Withdrawn: return ui.tr("copy.withdrawn");
    }
    return {};
}

// "Label   value" rows for the fields the record has.
void fact_rows(Ui& ui, const catalog::Record& r, float width) {
    const Palette& p = ui.theme.palette;
    std::vector<std::pair<const char*, std::string>> rows;
    const auto add = [&](const char* id, std::string value) {
        if (!value.empty()) rows.emplace_back(id, std::move(value));
    };
    add("record.field.publisher", r.place.empty() ? r.publisher : r.place + ": " + r.publisher);
    add("record.field.year", r.year ? std::to_string(*r.year) : "");
    add("record.field.edition", r.edition);
    add("record.field.extent", r.extent);
    add("record.field.series", r.series);
    add("record.field.subjects", joined(r.subjects, "; "));
    add("record.field.isbn", joined(r.isbns, ", "));
    add("record.field.call_number", r.call_number);
    add("record.field.language", ui.catalog.has(ui.lang, "language." + r.language) ? ui.tr("language." + r.language)
                                                                                    : r.language);
    add("record.field.notes", r.notes);
    const float label_w = std::min(width * 0.34f, ui.theme.px(260));
    for (const auto& [id, value] : rows) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float value_h = wrapped_height(ui.fonts.body, value, width - label_w);
        const float label_h = wrapped_height(ui.fonts.bold, ui.tr(id), label_w - ui.theme.px(12));
        const float h = std::max(value_h, label_h);
        text_in_box(ui, id, ui.fonts.bold, ui.tr(id), at, ImVec2(at.x + label_w - ui.theme.px(12), at.y + h), p.text,
                    Align::Left);
        ImGui::SetCursorScreenPos(ImVec2(at.x + label_w, at.y));
        paragraph(ui, ui.fonts.body, value, width - label_w, p.text);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + ui.theme.px(8)));
    }
}

}  // namespace

void draw_library_record_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& visit = ctx.session.library;
    const float pad = ui.theme.px(28);
    const float w = ctx.width() - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad * 0.5f));
    begin_scroll_area(ui, "record.details", ImVec2(w, ctx.height() - pad));
    const float inner_w = w - ui.theme.px(20);
    if (!visit.opened()) {
        notice(ui, "record.missing", Notice::Warning, ui.tr("record.missing"), inner_w);
        end_scroll_area();
        return;
    }
    const catalog::Record& r = *visit.opened();
    // Title block, with the QR code beside it on wide screens and below it on narrow ones.
    const bool side_by_side = inner_w > ui.theme.px(900);
    const float qr_size = std::min(ui.theme.px(300), inner_w * (side_by_side ? 0.3f : 0.6f));
    const float text_w = side_by_side ? inner_w - qr_size - pad : inner_w;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    paragraph(ui, ui.fonts.heading, r.subtitle.empty() ? r.title : r.title + ": " + r.subtitle, text_w, p.text);
    if (!r.authors.empty())
        paragraph(ui, ui.fonts.body, ui.trf("record.by", {{"authors", joined(r.authors, "; ")}}), text_w, p.muted_text);
    if (ctx.session.signed_in_librarian()) {  // the librarian corrects the record from here
        ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
        const float edit_w = std::min(text_w, ui.theme.px(420));
        const float edit_h = std::max({ui.theme.px(64), ui.fonts.body->FontSize * 1.8f,
                                       wrapped_height(ui.fonts.body, ui.tr("catalog_edit.open"), edit_w - ui.theme.px(66)) +
                                           ui.theme.px(14)});
        if (button(ui, "record.edit", ui.tr("catalog_edit.open"), ImVec2(edit_w, edit_h), ButtonStyle::Normal, Icon::Check) &&
            ctx.session.catalog_editor.load(ctx.kiosk.db, r.id)) {
            ctx.session.open(session::Screen::CatalogEdit);
            end_scroll_area();
            return;
        }
    }
    ImGui::Dummy(ImVec2(1, ui.theme.px(12)));
    fact_rows(ui, r, text_w);
    const float facts_bottom = ImGui::GetCursorScreenPos().y;

    const catalog::QrLabels labels{ui.tr("qr.title"), ui.tr("qr.author"),       ui.tr("qr.year"),
                                   ui.tr("qr.isbn"),  ui.tr("qr.call_number"), ui.tr("qr.library")};
    const std::string payload = catalog::record_qr_text(r, labels, ctx.kiosk.village_name);
    ImGui::SetCursorScreenPos(side_by_side ? ImVec2(top.x + inner_w - qr_size, top.y) : ImVec2(top.x, facts_bottom));
    const ImVec2 qr_at = ImGui::GetCursorScreenPos();
    if (qr_code(ui, "record.qr", payload, qr_size)) {
        ImGui::SetCursorScreenPos(ImVec2(qr_at.x, qr_at.y + qr_size + ui.theme.px(6)));
        paragraph(ui, ui.fonts.small, ui.tr("record.qr_hint"), qr_size, p.muted_text);
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, std::max(facts_bottom, ImGui::GetCursorScreenPos().y) + pad * 0.5f));

    paragraph(ui, ui.fonts.bold, ui.tr("record.copies"), inner_w, p.text);
    if (r.copies.empty()) paragraph(ui, ui.fonts.body, ui.tr("library.hit.no_copies"), inner_w, p.muted_text);
    for (const auto& copy : r.copies) {
        std::string line = copy_text(ui, copy);
        if (!copy.call_number.empty() || !r.call_number.empty())
            line += "  ·  " + (copy.call_number.empty() ? r.call_number : copy.call_number);
        if (!copy.barcode.empty()) line += "  ·  " + copy.barcode;
        paragraph(ui, ui.fonts.body, line, inner_w, copy.status == catalog::CopyStatus::Available ? p.text : p.muted_text);
    }
    // The same book at other libraries (the union catalogue): where else to ask for it.
    if (!visit.elsewhere().empty()) {
        ImGui::Dummy(ImVec2(1, pad * 0.5f));
        paragraph(ui, ui.fonts.bold, ui.tr("record.elsewhere"), inner_w, p.text);
        for (const auto& h : visit.elsewhere()) {
            const std::string copies = std::to_string(h.copies), available = std::to_string(h.available);
            const std::string line =
                h.available > 0
                    ? ui.trf("record.elsewhere.available", {{"library", h.name}, {"available", available}, {"copies", copies}})
                    : ui.trf("record.elsewhere.on_loan", {{"library", h.name}, {"copies", copies}});
            paragraph(ui, ui.fonts.body, line, inner_w, h.available > 0 ? p.text : p.muted_text);
        }
    }
    if (!visit.by_same_author().empty()) {
        ImGui::Dummy(ImVec2(1, pad * 0.5f));
        paragraph(ui, ui.fonts.bold, ui.tr("record.same_author"), inner_w, p.text);
        for (const auto& hit : visit.by_same_author()) {
            const std::string id = "record.related." + std::to_string(hit.record_id);
            const float h = std::max(ui.theme.px(64), wrapped_height(ui.fonts.body, hit.title, inner_w - ui.theme.px(24)) +
                                                          ui.theme.px(16));
            if (button(ui, id, hit.title, ImVec2(inner_w, h))) {
                visit.open(ctx.kiosk.db, hit.record_id);
                break;  // the lists changed under us
            }
        }
    }
    end_scroll_area();
}

}  // namespace desa::kiosk
