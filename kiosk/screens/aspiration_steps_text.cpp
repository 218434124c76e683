// Aspiration form: the steps that are typed — the text (title, body with its character count,
// where it concerns, the rating of an evaluation) and the personal data (name, NIK masked with an
// eye button, phone, consent). Each field's problem shows under it once the resident leaves it.
#include <algorithm>

#include <imgui_internal.h>

#include "screens/aspiration_form_parts.hpp"

namespace desa::kiosk {
namespace {

using aspirations::Field;

// The body text: several lines, wrapped, the end in view while typing (TextField holds no line
// breaks, so wrapping is the only layout).
bool text_area(Ui& ui, std::string_view id, const session::TextField& field, std::string_view placeholder,
               bool focused, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool tapped = ImGui::InvisibleButton("##area", size);
    ImGui::PopID();
    record_target(ui, id, field.empty() ? std::string(placeholder) : field.text, true);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float rounding = ui.theme.px(8);
    draw.AddRectFilled(min, max, p.field, rounding);
    draw.AddRect(min, max, focused ? p.focus : p.border, rounding, 0, ui.theme.px(focused ? 4 : 2));
    const float pad = ui.theme.px(16);
    ImFont* font = ui.fonts.body;
    const float wrap_w = size.x - 2 * pad;
    draw.PushClipRect(ImVec2(min.x + pad * 0.5f, min.y + pad * 0.5f), ImVec2(max.x - pad * 0.5f, max.y - pad * 0.5f), true);
    if (field.empty()) {
        draw.AddText(font, font->FontSize, ImVec2(min.x + pad, min.y + pad), p.muted_text, placeholder.data(),
                     placeholder.data() + placeholder.size(), wrap_w);
        ui.log.texts.push_back({std::string(placeholder), true});
    } else {
        // Our own line breaking, so the caret's place at the end is known exactly.
        std::vector<std::pair<const char*, const char*>> lines;
        const char* s = field.text.data();
        const char* end = s + field.text.size();
        while (s < end) {
            const char* e = font->CalcWordWrapPositionA(1.0f, s, end, wrap_w);
            if (e <= s) {  // one character wider than the box: take it anyway
                unsigned int c = 0;
                e = s + std::max(1, ImTextCharFromUtf8(&c, s, end));
            }
            lines.emplace_back(s, e);
            s = e;
            while (s < end && *s == ' ') ++s;  // a line does not start with the space it broke at
        }
        const float line_h = font->FontSize;
        const float text_h = line_h * static_cast<float>(lines.size());
        float y = min.y + pad - std::max(0.0f, text_h - (size.y - 2 * pad));  // the end stays in view
        for (const auto& [b, e] : lines) {
            draw.AddText(font, font->FontSize, ImVec2(min.x + pad, y), p.field_text, b, e);
            y += line_h;
        }
        if (focused) {
            const auto& [b, e] = lines.back();
            const float cx = min.x + pad + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, b, end).x + ui.theme.px(2);
            draw.AddRectFilled(ImVec2(cx, y - line_h), ImVec2(cx + ui.theme.px(3), y), p.focus);
        }
        ui.log.texts.push_back({field.text, true});
    }
    if (focused && field.empty())
        draw.AddRectFilled(ImVec2(min.x + pad, min.y + pad), ImVec2(min.x + pad + ui.theme.px(3), min.y + pad + font->FontSize),
                           p.focus);
    draw.PopClipRect();
    return tapped;
}

// Five faces with words; returns the rating tapped (0: none).
int rating_row(FormFrame& f, float width) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(10);
    const float cell_w = (width - 4 * gap) / 5;
    float word_h = 0;
    for (int r = 1; r <= 5; ++r)
        word_h = std::max(word_h, wrapped_height(ui.fonts.small, rating_label(ui, r), cell_w - ui.theme.px(12)));
    const float face = std::min(cell_w * 0.55f, ui.theme.px(64));
    const float cell_h = face + word_h + ui.theme.px(30);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    int tapped = 0;
    for (int r = 1; r <= 5; ++r) {
        const std::string id = "aspiration.rating." + std::to_string(r);
        const std::string word = rating_label(ui, r);
        ImGui::SetCursorScreenPos(ImVec2(start.x + static_cast<float>(r - 1) * (cell_w + gap), start.y));
        ImGui::PushID(id.c_str());
        if (ImGui::InvisibleButton("##face", ImVec2(cell_w, cell_h))) tapped = r;
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();
        record_target(ui, id, word);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const bool selected = f.form.rating == r;
        ImDrawList& draw = *ImGui::GetWindowDrawList();
        draw.AddRectFilled(min, max, held ? p.button_pressed : p.field, ui.theme.px(10));
        draw.AddRect(min, max, selected ? p.focus : (ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 40)),
                     ui.theme.px(10), 0, ui.theme.px(selected ? 5 : 2));
        draw_face(draw, ImVec2((min.x + max.x) * 0.5f, min.y + ui.theme.px(10) + face * 0.5f), face * 0.5f, r,
                  selected ? p.focus : p.text);
        text_in_box(ui, id + ".word", ui.fonts.small, word, ImVec2(min.x + ui.theme.px(6), min.y + face + ui.theme.px(18)),
                    ImVec2(max.x - ui.theme.px(6), max.y - ui.theme.px(8)), p.text);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + cell_h));
    ImGui::Dummy(ImVec2(1, 1));
    return tapped;
}

std::string count_text(const Ui& ui, const session::TextField& field) {
    return ui.trf("aspiration.form.count", {{"n", std::to_string(field.length())}, {"max", std::to_string(field.max_chars)}});
}

}  // namespace

void draw_text_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const float gap = ui.theme.px(16);
    const aspirations::Limits limits;
    auto& form = f.form;
    if (form.kind == aspirations::Kind::Evaluation) {
        paragraph(ui, ui.fonts.bold, ui.tr("aspiration.form.rating.label"), f.width, ui.theme.palette.text);
        ImGui::Dummy(ImVec2(1, ui.theme.px(4)));
        if (const int r = rating_row(f, f.width); r > 0) {
            form.rating = r;
            f.ctx.session.focus(nullptr);
        }
        field_problem(f, Field::Rating, "aspiration.rating.problem");
        ImGui::Dummy(ImVec2(1, gap));
    }
    labelled_field(f, "aspiration.title", ui.trf("aspiration.form.title.label", {{"min", std::to_string(limits.title_min)}}),
                   form.title, ui.tr("aspiration.form.title.placeholder"), f.width, count_text(ui, form.title));
    field_problem(f, Field::Title, "aspiration.title.problem");
    ImGui::Dummy(ImVec2(1, gap));

    // The body: label with its count, then a box of about four lines.
    const std::string label = ui.trf("aspiration.form.text.label", {{"min", std::to_string(limits.text_min)}});
    const std::string count = count_text(ui, form.text);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float label_h = label_height(ui, label, f.width, count);
    // Drawn through labelled_field's layout for the label; the box itself is ours.
    {
        const float count_w = std::min(f.width * 0.45f, ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0,
                                                                                      count.c_str()).x + ui.theme.px(4));
        text_in_box(ui, "aspiration.text.label", ui.fonts.bold, label, at,
                    ImVec2(at.x + f.width - count_w - ui.theme.px(12), at.y + label_h), ui.theme.palette.text, Align::Left);
        text_in_box(ui, "aspiration.text.count", ui.fonts.small, count, ImVec2(at.x + f.width - count_w, at.y),
                    ImVec2(at.x + f.width, at.y + label_h), ui.theme.palette.muted_text, Align::Left);
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + label_h + ui.theme.px(4)));
    const float area_h = ui.fonts.body->FontSize * 4 + ui.theme.px(32);
    if (text_area(ui, "aspiration.text", form.text, ui.tr("aspiration.form.text.placeholder"),
                  f.ctx.session.focused() == &form.text, ImVec2(f.width, area_h)))
        f.ctx.session.focus(&form.text);
    keep_in_view(f.ctx, form.text);
    field_problem(f, Field::Text, "aspiration.text.problem");
    ImGui::Dummy(ImVec2(1, gap));

    // Where it concerns: all optional.
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.place.hint"), f.width, ui.theme.palette.muted_text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(6)));
    labelled_field(f, "aspiration.dusun", ui.tr("aspiration.form.dusun.label"), form.dusun,
                   ui.tr("aspiration.form.dusun.placeholder"), f.width);
    field_problem(f, Field::Dusun, "aspiration.dusun.problem");
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    const float half = (f.width - ui.theme.px(16)) / 2;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    labelled_field(f, "aspiration.rt", ui.tr("aspiration.form.rt.label"), form.rt, "001", half);
    const float row_end = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(row.x + half + ui.theme.px(16), row.y));
    labelled_field(f, "aspiration.rw", ui.tr("aspiration.form.rw.label"), form.rw, "001", half);
    ImGui::SetCursorScreenPos(ImVec2(row.x, std::max(row_end, ImGui::GetCursorScreenPos().y)));
    ImGui::Dummy(ImVec2(1, 1));
    field_problem(f, Field::Rt, "aspiration.rt.problem");
    field_problem(f, Field::Rw, "aspiration.rw.problem");
    ImGui::Dummy(ImVec2(1, gap));
}

void draw_personal_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(16);
    auto& form = f.form;
    if (f.ctx.session.focused() == nullptr) {
        paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.hint.personal"), f.width, p.muted_text);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
    }
    labelled_field(f, "aspiration.name", ui.tr("aspiration.form.name.label"), form.name,
                   ui.tr("aspiration.form.name.placeholder"), f.width);
    field_problem(f, Field::Name, "aspiration.name.problem");
    ImGui::Dummy(ImVec2(1, gap));

    // The NIK: masked while typed; the eye button shows it to the resident alone.
    const std::string reveal = ui.tr(form.nik_revealed ? "aspiration.form.nik.hide" : "aspiration.form.nik.show");
    const float eye_w = std::min(f.width * 0.4f, std::max(ui.theme.px(150),
        ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0, reveal.c_str()).x + ui.theme.px(40)));
    const float nik_w = f.width - eye_w - ui.theme.px(12);
    const std::string nik_count = ui.trf("aspiration.form.nik.count", {{"n", std::to_string(form.nik.length())}});
    const std::string nik_label = ui.tr("aspiration.form.nik.label");
    const ImVec2 at = ImGui::GetCursorScreenPos();
    labelled_field(f, "aspiration.nik", nik_label, form.nik, ui.tr("aspiration.form.nik.placeholder"), nik_w, nik_count);
    const float after = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(at.x + nik_w + ui.theme.px(12),
                                     at.y + label_height(ui, nik_label, nik_w, nik_count) + ui.theme.px(4)));
    if (button(ui, "aspiration.nik.reveal", reveal, ImVec2(eye_w, field_height(ui))))
        form.reveal_nik(!form.nik_revealed);
    ImGui::SetCursorScreenPos(ImVec2(at.x, after));
    ImGui::Dummy(ImVec2(1, 1));
    field_problem(f, Field::Nik, "aspiration.nik.problem");
    ImGui::Dummy(ImVec2(1, gap));

    labelled_field(f, "aspiration.phone", ui.tr("aspiration.form.phone.label"), form.phone,
                   ui.tr("aspiration.form.phone.placeholder"), f.width);
    field_problem(f, Field::Phone, "aspiration.phone.problem");
    ImGui::Dummy(ImVec2(1, gap));

    // Consent: the text, then one big button that is either ticked or not.
    notice(ui, "aspiration.consent.text", Notice::Info,
           ui.tr(form.identity == aspirations::Identity::Named ? "aspiration.form.consent.named"
                                                               : "aspiration.form.consent.confidential"),
           f.width);
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    const std::string agree = ui.tr(form.consent ? "aspiration.form.consent.given" : "aspiration.form.consent.give");
    const float agree_h = std::max(button_height(ui), wrapped_height(ui.fonts.body, agree, f.width - ui.theme.px(90)) +
                                                          ui.theme.px(24));
    if (button(ui, "aspiration.consent", agree, ImVec2(f.width, agree_h),
               form.consent ? ButtonStyle::Primary : ButtonStyle::Normal, form.consent ? Icon::Check : Icon::None)) {
        form.consent = !form.consent;
        f.ctx.session.focus(nullptr);
    }
    field_problem(f, Field::Consent, "aspiration.consent.problem");
    ImGui::Dummy(ImVec2(1, gap));
}

}  // namespace desa::kiosk
