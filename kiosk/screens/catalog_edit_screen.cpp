// Cataloguing at the library desk: add or edit a record, start from a scanned ISBN, withdraw or
// restore it (with a confirmation), and manage its copies (catalog_edit_copies.cpp). A thin view
// over catalog::CatalogEditor, which validates and saves; a failed save loses nothing typed.
#include <algorithm>
#include <ctime>
#include <optional>

#include "screens/catalog_edit_parts.hpp"

namespace desa::kiosk {
namespace {

using catalog::CatalogEditor;
using catalog::EditField;
using catalog::EditOutcome;
using catalog::EditProblem;

// The year typed may be at most next year. The wall clock only bounds it; a device that booted
// in 1970 must not refuse this year's books, hence the floor.
int this_year() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return std::max(tm.tm_year + 1900, 2025);
}

bool is_list(EditField f) { return f == EditField::Authors || f == EditField::Subjects || f == EditField::Isbns; }

bool has_hint(EditField f) {
    return is_list(f) || f == EditField::Year || f == EditField::Language || f == EditField::CopyBarcode;
}

float text_w(const Ui& ui, std::string_view s) {
    return ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
}

// The editor's choice chips (language, material type): `current` is highlighted; returns the
// value tapped.
std::optional<std::string> choice_row(ScreenContext& ctx, std::string_view id, const std::vector<std::string>& values,
                                      const std::vector<std::string>& labels, std::string_view current, float x,
                                      float width) {
    std::vector<FlowButton> chips;
    for (std::size_t i = 0; i < values.size(); ++i)
        chips.push_back({std::string(id) + "." + values[i], labels[i],
                         values[i] == current ? ButtonStyle::Primary : ButtonStyle::Normal,
                         values[i] == current ? Icon::Check : Icon::None});
    const int tapped = button_flow(ctx.ui, chips, x, width);
    if (tapped < 0) return std::nullopt;
    return values[static_cast<std::size_t>(tapped)];
}

std::string language_label(const Ui& ui, std::string_view code) {
    const std::string id = "language." + std::string(code);
    return ui.catalog.has(ui.lang, id) ? ui.tr(id) : std::string(code);
}

// Bahasa: the common languages as chips, and a short field for any other ISO 639-2 code.
void language_row(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    auto& editor = ctx.session.catalog_editor;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    catalog_line(ui, ui.fonts.bold, ui.tr("catalog_edit.field.language"), at.x, width, ui.theme.palette.text);
    std::vector<std::string> values, labels;
    for (auto code : catalog::kLanguageChoices) {
        values.emplace_back(code);
        labels.push_back(language_label(ui, code));
    }
    if (auto chosen = choice_row(ctx, "catalog_edit.language", values, labels, editor.language.text, at.x, width)) {
        editor.language.text = *chosen;
        ctx.session.focus(nullptr);
    }
    catalog_field_row(ctx, EditField::Language, std::min(width, ui.theme.px(560)));
}

void material_row(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    auto& editor = ctx.session.catalog_editor;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    catalog_line(ui, ui.fonts.bold, ui.tr("catalog_edit.field.material_type"), at.x, width, ui.theme.palette.text);
    std::vector<std::string> values, labels;
    for (auto type : catalog::kMaterialTypes) {
        values.emplace_back(type);
        labels.push_back(ui.tr("catalog_edit.material." + std::string(type)));
    }
    // A type from an import that we do not offer stays selectable as it is.
    if (std::find(values.begin(), values.end(), editor.material_type) == values.end()) {
        values.push_back(editor.material_type);
        labels.push_back(editor.material_type);
    }
    if (auto chosen = choice_row(ctx, "catalog_edit.material", values, labels, editor.material_type, at.x, width)) {
        editor.material_type = *chosen;
        ctx.session.focus(nullptr);
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
}

// The sentence for the last action, and how it should look.
std::string outcome_text(const Ui& ui, const CatalogEditor& e, Notice& kind) {
    kind = Notice::Info;
    const std::string& d = e.outcome_detail;
    switch (e.outcome) {
        case EditOutcome::None: return {};
        case EditOutcome::HasProblems: {
            kind = Notice::Error;
            std::string text;
            const bool form = std::any_of(e.issues.begin(), e.issues.end(),
                                          [](const auto& i) { return i.field < EditField::CopyBarcode; });
            if (form) text = ui.trf("catalog_edit.outcome.has_problems", {{"count", std::to_string(e.issues.size())}});
            for (const auto& i : e.issues)
                if (i.field >= EditField::CopyBarcode) text += (text.empty() ? "" : "\n") + catalog_issue_text(ui, i);
            return text;
        }
        case EditOutcome::Added: return ui.trf("catalog_edit.outcome.added", {{"title", d}});
        case EditOutcome::Updated: return ui.trf("catalog_edit.outcome.updated", {{"title", d}});
        case EditOutcome::NewFromIsbn: return ui.trf("catalog_edit.outcome.new_from_isbn", {{"isbn", d}});
        case EditOutcome::AlreadyInCatalogue: return ui.trf("catalog_edit.outcome.already", {{"title", d}});
        case EditOutcome::IsbnAdded: return ui.trf("catalog_edit.outcome.isbn_added", {{"isbn", d}});
        case EditOutcome::CopyAdded: return ui.trf("catalog_edit.outcome.copy_added", {{"barcode", d}});
        case EditOutcome::CopyMarked: return ui.trf("catalog_edit.outcome.copy_marked", {{"barcode", d}});
        case EditOutcome::Withdrawn: return ui.trf("catalog_edit.outcome.withdrawn", {{"title", d}});
        case EditOutcome::Restored: return ui.trf("catalog_edit.outcome.restored", {{"title", d}});
        case EditOutcome::ScanFailed:
            kind = Notice::Warning;
            switch (e.scan_outcome) {
                case catalog::ScanOutcome::NoPicture: return ui.tr("catalog_edit.scan.no_picture");
                case catalog::ScanOutcome::NoBarcode: return ui.tr("catalog_edit.scan.no_barcode");
                case catalog::ScanOutcome::NotBook: return ui.trf("catalog_edit.scan.not_book", {{"code", d}});
                case catalog::ScanOutcome::BadCheckDigit: return ui.trf("catalog_edit.scan.bad_check_digit", {{"code", d}});
                case catalog::ScanOutcome::Found: return {};
            }
            return {};
    }
    return {};
}

// Save, scan, withdraw / restore; or the confirmation of a withdraw / restore.
void action_bar(ScreenContext& ctx, float x, float width) {
    Ui& ui = ctx.ui;
    auto& editor = ctx.session.catalog_editor;
    auto& db = ctx.kiosk.db;
    const std::string title = editor.title.text;
    if (editor.confirming && editor.record_id) {
        const char* ask = editor.withdrawn ? "catalog_edit.confirm_restore" : "catalog_edit.confirm_withdraw";
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        notice(ui, "catalog_edit.confirm", Notice::Warning, ui.trf(ask, {{"title", title}}), width);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
        const int tapped = button_flow(
            ui,
            {{"catalog_edit.confirm.yes", ui.tr(editor.withdrawn ? "catalog_edit.restore.yes" : "catalog_edit.withdraw.yes"),
              ButtonStyle::Primary, Icon::Check},
             {"catalog_edit.confirm.no", ui.tr("catalog_edit.cancel"), ButtonStyle::Normal, Icon::Back}},
            x, width);
        if (tapped == 0) {
            if (editor.withdrawn ? editor.restore(db) : editor.withdraw(db)) catalog_changed(ctx);
        } else if (tapped == 1) {
            editor.confirming = false;
        }
        return;
    }
    std::vector<FlowButton> buttons{{"catalog_edit.save", ui.tr("catalog_edit.save"), ButtonStyle::Primary, Icon::Check}};
    const bool camera = ctx.kiosk.camera.has_value();
    if (camera) buttons.push_back({"catalog_edit.scan", ui.tr("catalog_edit.scan"), ButtonStyle::Normal, Icon::Book});
    if (editor.record_id)
        buttons.push_back({editor.withdrawn ? "catalog_edit.restore" : "catalog_edit.withdraw",
                           ui.tr(editor.withdrawn ? "catalog_edit.restore" : "catalog_edit.withdraw")});
    const int tapped = button_flow(ui, buttons, x, width);
    if (tapped == 0) {
        if (editor.save(db, this_year())) catalog_changed(ctx);
    } else if (tapped == 1 && camera) {
        editor.apply_scan(db, catalog::scan_isbn(*ctx.kiosk.camera));
    } else if (tapped >= 1) {
        editor.confirming = true;
        editor.outcome = EditOutcome::None;
    }
}

// The keyboard opened on a field lower down: bring that field into view once (not on every frame,
// which would fight a finger scrolling the form).
void keep_in_view(EditField field) {
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID key = ImGui::GetID("catalog_edit.in_view");
    if (storage->GetInt(key, -1) == static_cast<int>(field)) return;
    storage->SetInt(key, static_cast<int>(field));
    ImGui::SetScrollHereY(0.3f);
}

}  // namespace

std::string catalog_issue_text(const Ui& ui, const catalog::EditIssue& i) {
    switch (i.problem) {
        case EditProblem::Required:
            return ui.tr(i.field == EditField::Title ? "catalog_edit.problem.title_required"
                                                     : "catalog_edit.problem.barcode_required");
        case EditProblem::TooLong: return ui.trf("catalog_edit.problem.too_long", {{"max", i.detail}});
        case EditProblem::YearNotNumber: return ui.trf("catalog_edit.problem.year_not_number", {{"year", i.item}});
        case EditProblem::YearOutOfRange:
            return ui.trf("catalog_edit.problem.year_out_of_range", {{"year", i.item}, {"max", i.detail}});
        case EditProblem::IsbnBadCharacters: return ui.trf("catalog_edit.problem.isbn_bad_characters", {{"isbn", i.item}});
        case EditProblem::IsbnWrongLength:
            return ui.trf("catalog_edit.problem.isbn_wrong_length", {{"isbn", i.item}, {"count", i.detail}});
        case EditProblem::IsbnWrongCheckDigit:
            return ui.trf("catalog_edit.problem.isbn_check_digit", {{"isbn", i.item}, {"digit", i.detail}});
        case EditProblem::IsbnNotBook: return ui.trf("catalog_edit.problem.isbn_not_book", {{"isbn", i.item}});
        case EditProblem::IsbnTaken:
            return ui.trf(i.other_withdrawn ? "catalog_edit.problem.isbn_taken_withdrawn" : "catalog_edit.problem.isbn_taken",
                          {{"isbn", i.item}, {"title", i.other_title}});
        case EditProblem::LanguageInvalid: return ui.trf("catalog_edit.problem.language_invalid", {{"code", i.item}});
        case EditProblem::BarcodeTaken:
            return ui.trf(i.other_withdrawn ? "catalog_edit.problem.barcode_taken_withdrawn"
                                            : "catalog_edit.problem.barcode_taken",
                          {{"barcode", i.item}, {"title", i.other_title}});
        case EditProblem::BarcodeOnThisRecord:
            return ui.trf("catalog_edit.problem.barcode_on_this_record", {{"barcode", i.item}});
        case EditProblem::NotSaved: return ui.tr("catalog_edit.problem.not_saved");
        case EditProblem::CopyOnLoan: return ui.trf("catalog_edit.problem.copy_on_loan", {{"barcode", i.item}});
        case EditProblem::RecordMissing: return ui.tr("catalog_edit.problem.record_missing");
    }
    return {};
}

float catalog_button_height(const Ui& ui, std::string_view label, float width) {
    const float pad = ui.theme.px(12);
    return std::max({ui.theme.px(64), ui.fonts.body->FontSize * 1.8f,
                     wrapped_height(ui.fonts.body, label, width - 2 * pad) + pad + ui.theme.px(2)});
}

int button_flow(Ui& ui, const std::vector<FlowButton>& buttons, float x, float width) {
    const float gap = ui.theme.px(12);
    const float y0 = ImGui::GetCursorScreenPos().y;
    float cx = 0, cy = y0, row_h = 0;
    int tapped = -1;
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        const auto& b = buttons[i];
        const float icon_w = b.icon == Icon::None ? 0 : ui.theme.px(42);
        const float w = std::min(width, std::max(ui.theme.px(150), text_w(ui, b.label) + ui.theme.px(40) + icon_w));
        const float h = catalog_button_height(ui, b.label, w - icon_w);
        if (cx > 0 && cx + w > width) {  // wrap to a new row
            cx = 0;
            cy += row_h + gap;
            row_h = 0;
        }
        ImGui::SetCursorScreenPos(ImVec2(x + cx, cy));
        if (button(ui, b.id, b.label, ImVec2(w, h), b.style, b.icon)) tapped = static_cast<int>(i);
        cx += w + gap;
        row_h = std::max(row_h, h);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, cy + row_h + gap));
    return tapped;
}

void catalog_line(Ui& ui, ImFont* font, std::string_view text, float x, float width, ImU32 colour) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    paragraph(ui, font, text, width, colour);
}

void catalog_field_row(ScreenContext& ctx, EditField field, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& editor = ctx.session.catalog_editor;
    session::TextField& tf = *editor.field(field);
    const std::string name(catalog::edit_field_name(field));
    const std::string id = "catalog_edit.field." + name;
    const std::string& label = ui.tr(id);
    const float gap = ui.theme.px(12);
    const bool side = width > ui.theme.px(760);  // label beside the field on wide screens
    const float label_w = side ? std::min(width * 0.3f, ui.theme.px(300)) : width;
    const float field_h = std::max(ui.theme.px(64), ui.fonts.body->FontSize * 1.8f);
    const std::string& more = ui.tr("catalog_edit.add_another");
    const float more_w = is_list(field) ? std::max(ui.theme.px(130), text_w(ui, more) + ui.theme.px(40)) : 0;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float label_h = wrapped_height(ui.fonts.bold, label, label_w - gap);
    const float field_x = side ? at.x + label_w : at.x;
    const float field_y = side ? at.y : at.y + label_h + ui.theme.px(4);
    const float right_w = width - (side ? label_w : 0);
    const float field_w = right_w - (more_w > 0 ? more_w + gap : 0);
    text_in_box(ui, id + ".label", ui.fonts.bold, label, at,
                ImVec2(at.x + label_w - gap, at.y + (side ? std::max(label_h, field_h) : label_h)), p.text, Align::Left);

    const bool focused = ctx.session.focused() == &tf;
    const std::string placeholder = has_hint(field) ? ui.tr("catalog_edit.hint." + name) : std::string{};
    ImGui::SetCursorScreenPos(ImVec2(field_x, field_y));
    if (text_field(ui, id, tf, placeholder, focused, ImVec2(field_w, field_h))) ctx.session.focus(&tf);
    if (focused) keep_in_view(field);  // focused since the last frame: the keyboard is open
    if (more_w > 0) {
        // The on-screen keyboard has no ';': this button starts the next author / subject / ISBN.
        ImGui::SetCursorScreenPos(ImVec2(field_x + field_w + gap, field_y));
        if (button(ui, id + ".more", more, ImVec2(more_w, field_h))) {
            const auto last = tf.text.find_last_not_of(' ');
            if (last != std::string::npos && tf.text[last] != ';' && tf.text[last] != ',') tf.insert("; ");
            ctx.session.focus(&tf);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(field_x, field_y + field_h + ui.theme.px(4)));
    if (field == EditField::Isbns) {
        // What will be stored, as soon as it differs from what was typed.
        std::string stored;
        for (const auto& e : catalog::parse_isbn_list(tf.text))
            if (e.isbn13 && *e.isbn13 != e.typed) stored += (stored.empty() ? "" : ", ") + *e.isbn13;
        if (!stored.empty())
            catalog_line(ui, ui.fonts.small, ui.trf("catalog_edit.isbn13_preview", {{"isbns", stored}}), field_x, right_w,
                         p.muted_text);
    }
    for (const auto* issue : editor.issues_for(field))  // red, or bold where high contrast has no red
        catalog_line(ui, ui.theme.high_contrast ? ui.fonts.bold : ui.fonts.body, catalog_issue_text(ui, *issue), field_x,
                     right_w, ui.theme.high_contrast ? p.text : p.error);
    const float bottom = std::max(ImGui::GetCursorScreenPos().y, at.y + label_h);
    ImGui::SetCursorScreenPos(ImVec2(at.x, bottom + gap));
}

void catalog_changed(ScreenContext& ctx) {
    auto& visit = ctx.session.library;
    const auto filters = visit.filters;
    const auto page_size = visit.page_size;
    const std::optional<std::int64_t> opened = visit.opened() ? std::optional(visit.opened()->id) : std::nullopt;
    visit = catalog::LibraryVisit{};
    visit.filters = filters;
    visit.page_size = page_size;
    if (opened) visit.open(ctx.kiosk.db, *opened);
}

void draw_catalog_edit_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& editor = ctx.session.catalog_editor;
    const float pad = ui.theme.px(28);
    const float w = ctx.width() - 2 * pad;
    const float x = ctx.area_min.x + pad;
    // With the keyboard open the form gets all the height; the buttons return with "done".
    const bool typing = ctx.session.focused() != nullptr;
    ImGui::SetCursorScreenPos(ImVec2(x, ctx.area_min.y + pad * 0.5f));
    if (!typing) {
        catalog_line(ui, ui.fonts.heading, ui.tr(editor.record_id ? "catalog_edit.heading.edit" : "catalog_edit.heading.new"),
                     x, w, p.text);
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
        action_bar(ctx, x, w);
        Notice kind = Notice::Info;
        if (const std::string text = outcome_text(ui, editor, kind); !text.empty()) {
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            notice(ui, "catalog_edit.outcome", kind, text, w);
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
        }
        if (editor.withdrawn && !editor.confirming) {
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
            notice(ui, "catalog_edit.withdrawn", Notice::Warning, ui.tr("catalog_edit.withdrawn_banner"), w);
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + ui.theme.px(8)));
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    const float form_h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "catalog_edit.form", ImVec2(w, form_h));
    if (!typing) ImGui::GetStateStorage()->SetInt(ImGui::GetID("catalog_edit.in_view"), -1);
    const float inner_w = w - ui.theme.px(20);
    const float ix = ImGui::GetCursorScreenPos().x;
    for (EditField f : catalog::kRecordTextFields) {
        if (f == EditField::Language) {
            language_row(ctx, inner_w);
            material_row(ctx, inner_w);
            continue;
        }
        catalog_field_row(ctx, f, inner_w);
    }
    ImGui::SetCursorScreenPos(ImVec2(ix, ImGui::GetCursorScreenPos().y + ui.theme.px(12)));
    draw_catalog_copies(ctx, inner_w);
    ImGui::Dummy(ImVec2(inner_w, pad));
    end_scroll_area();
}

// "Done" or Enter (a USB barcode scanner ends with Enter): an ISBN typed into a blank form starts
// from it like a camera scan; a copy barcode adds the copy (the field stays open for the next
// label, and "done" on it empty closes the keyboard); anywhere else the keyboard closes.
void submit_catalog_edit(ScreenContext& ctx) {
    auto& editor = ctx.session.catalog_editor;
    auto* focused = ctx.session.focused();
    if (focused == &editor.isbns && !editor.record_id) {
        const auto entries = catalog::parse_isbn_list(editor.isbns.text);
        CatalogEditor rest = editor;
        rest.isbns.clear();
        if (entries.size() == 1 && entries[0].isbn13 && rest.blank()) {
            editor.start_from_isbn(ctx.kiosk.db, *entries[0].isbn13);
            ctx.session.focus(nullptr);
            return;
        }
    }
    if (focused == &editor.copy_barcode && !editor.copy_barcode.empty()) {
        if (editor.add_copy(ctx.kiosk.db)) catalog_changed(ctx);
        return;
    }
    ctx.session.focus(nullptr);
}

}  // namespace desa::kiosk
