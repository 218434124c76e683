// Aspiration form: the optional photo from the camera, the review of everything as it will be sent
// (NIK masked, "Ubah" back to each step), and the receipt with the tracking code and its QR code.
#include <algorithm>

#include <imgui_internal.h>

#include "app/receipt_printer.hpp"
#include "aspirations/follow_up.hpp"
#include "people/phone_number.hpp"
#include "screens/aspiration_form_parts.hpp"
#include "ui/qr_view.hpp"

namespace desa::kiosk {
namespace {

using aspirations::FormStep;
using aspirations::Identity;

std::string photo_note_text(const Ui& ui, aspirations::PhotoNote note, std::size_t max_kb) {
    using aspirations::PhotoNote;
    switch (note) {
        case PhotoNote::None: return {};
        case PhotoNote::NoPicture: return ui.tr("aspiration.form.photo.none_waiting");
        case PhotoNote::TooLarge: return ui.trf("aspiration.problem.photo.too_large", {{"limit", std::to_string(max_kb)}});
        case PhotoNote::Unreadable: return ui.tr("aspiration.form.photo.unreadable");
        case PhotoNote::NotImage: return ui.tr("aspiration.problem.photo.format");
    }
    return {};
}

std::string kilobytes(std::size_t bytes) { return std::to_string((bytes + 1023) / 1024); }

struct ReviewLine {
    std::string text;
    ImFont* font;
    ImU32 colour;
};

// One section of the review: a label, its lines, and "Ubah" to go back to `step`.
void review_section(FormFrame& f, std::string_view id, std::string_view label, const std::vector<ReviewLine>& lines,
                    FormStep step) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(14);
    const std::string edit = ui.tr("aspiration.form.edit");
    const float edit_w = std::max(ui.theme.px(120), ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, 0,
                                                                                 edit.c_str()).x + ui.theme.px(36));
    const float text_w = f.width - 3 * pad - edit_w;
    const float label_h = wrapped_height(ui.fonts.small, label, text_w);
    float h = label_h;
    std::vector<float> heights;
    for (const auto& l : lines) {
        heights.push_back(wrapped_height(l.font, l.text, text_w));
        h += heights.back();
    }
    h = std::max(h, button_height(ui)) + 2 * pad;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + f.width, min.y + h);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, p.field, ui.theme.px(10));
    draw.AddRect(min, max, ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 30), ui.theme.px(10));
    float y = min.y + pad;
    text_in_box(ui, std::string(id) + ".label", ui.fonts.small, label, ImVec2(min.x + pad, y),
                ImVec2(min.x + pad + text_w, y + label_h), p.muted_text, Align::Left);
    y += label_h;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        text_in_box(ui, std::string(id) + ".line" + std::to_string(i), lines[i].font, lines[i].text,
                    ImVec2(min.x + pad, y), ImVec2(min.x + pad + text_w, y + heights[i]), lines[i].colour, Align::Left);
        y += heights[i];
    }
    ImGui::SetCursorScreenPos(ImVec2(max.x - pad - edit_w, min.y + pad));
    if (button(ui, std::string(id) + ".edit", edit, ImVec2(edit_w, button_height(ui)))) {
        f.ctx.session.focus(nullptr);
        f.form.edit(step);
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + ui.theme.px(10)));
    ImGui::Dummy(ImVec2(1, 1));
}

}  // namespace

void draw_photo_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(12);
    auto& form = f.form;
    const std::size_t max_bytes = aspiration_limits(f.ctx.kiosk).photo_max_bytes;
    paragraph(ui, ui.fonts.body, ui.trf("aspiration.form.hint.photo", {{"limit", kilobytes(max_bytes)}}), f.width,
              p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));
    if (!form.photo.empty()) {
        notice(ui, "aspiration.photo.attached", Notice::Info,
               ui.trf("aspiration.form.photo.attached", {{"kb", kilobytes(form.photo.size())}}), f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    std::vector<Action> actions;
    if (f.ctx.kiosk.camera)
        actions.push_back({"aspiration.photo.take",
                           ui.tr(form.photo.empty() ? "aspiration.form.photo.take" : "aspiration.form.photo.retake"),
                           ButtonStyle::Normal, Icon::None, true});
    if (!form.photo.empty())
        actions.push_back({"aspiration.photo.remove", ui.tr("aspiration.form.photo.remove"), ButtonStyle::Normal,
                           Icon::None, true});
    const int tapped = action_row(ui, actions, f.width);
    if (tapped >= 0 && actions[static_cast<std::size_t>(tapped)].id == "aspiration.photo.take")
        form.attach_photo(f.ctx.kiosk.camera->next_file(), max_bytes);
    else if (tapped >= 0)
        form.remove_photo();
    if (!f.ctx.kiosk.camera) paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.photo.no_camera"), f.width, p.muted_text);
    const std::string note = photo_note_text(ui, form.photo_note, max_bytes / 1024);
    if (!note.empty()) {
        ImGui::Dummy(ImVec2(1, gap));
        notice(ui, "aspiration.photo.note", Notice::Error, note, f.width);
    }
    field_problem(f, aspirations::Field::Photo, "aspiration.photo.problem");
}

void draw_review_step(FormFrame& f) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(10);
    const auto& form = f.form;
    const auto d = form.to_draft();
    const auto& a = f.validation.accepted;  // cleaned values (trimmed, NIK digits, phone +62)
    // "Kirim" refused (rate limit, duplicate, storage): first thing in view, the text kept below.
    if (form.submit_problem) {
        notice(ui, "aspiration.review.refused", Notice::Warning, describe(*form.submit_problem, f.ctx.kiosk.catalog, ui.lang),
               f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (form.submit_failed) {
        notice(ui, "aspiration.review.failed", Notice::Error, ui.tr("aspiration.form.review.failed"), f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.hint.review"), f.width, p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));

    review_section(f, "aspiration.review.type", ui.tr("aspiration.form.review.type"),
                   {{d.kind ? kind_label(ui, *d.kind) : "-", ui.fonts.bold, p.text}}, FormStep::Type);
    review_section(f, "aspiration.review.category", ui.tr("aspiration.form.review.category"),
                   {{d.category ? category_label(ui, *d.category) : "-", ui.fonts.bold, p.text}}, FormStep::Category);
    std::vector<ReviewLine> text_lines;
    if (d.rating)
        text_lines.push_back({ui.trf("aspiration.form.review.rating", {{"n", std::to_string(*d.rating)},
                                                                       {"word", rating_label(ui, *d.rating)}}),
                              ui.fonts.body, p.text});
    text_lines.push_back({a ? a->title : d.title, ui.fonts.bold, p.text});
    text_lines.push_back({a ? a->text : d.text, ui.fonts.body, p.text});
    std::string place;
    const auto add_place = [&](const std::string& part) { place += (place.empty() ? "" : ", ") + part; };
    if (!d.dusun.empty()) add_place(a ? a->dusun : d.dusun);
    if (!d.rt.empty()) add_place(ui.trf("aspiration.form.review.rt", {{"rt", a ? a->rt : d.rt}}));
    if (!d.rw.empty()) add_place(ui.trf("aspiration.form.review.rw", {{"rw", a ? a->rw : d.rw}}));
    text_lines.push_back({place.empty() ? ui.tr("aspiration.form.review.no_place")
                                        : ui.trf("aspiration.form.review.place", {{"place", place}}),
                          ui.fonts.body, p.muted_text});
    review_section(f, "aspiration.review.text", ui.tr("aspiration.form.review.text"), text_lines, FormStep::Text);
    if (f.offer.photo)
        review_section(f, "aspiration.review.photo", ui.tr("aspiration.form.review.photo"),
                       {{d.photo.empty() ? ui.tr("aspiration.form.review.no_photo")
                                         : ui.trf("aspiration.form.photo.attached", {{"kb", kilobytes(d.photo.size())}}),
                         ui.fonts.body, p.text}},
                       FormStep::Photo);
    const Identity identity = d.identity.value_or(Identity::Anonymous);
    review_section(f, "aspiration.review.identity", ui.tr("aspiration.form.review.identity"),
                   {{identity_label(ui, identity), ui.fonts.bold, p.text},
                    {ui.tr(identity == Identity::Anonymous ? "aspiration.form.identity.anonim.sub"
                                                           : identity == Identity::Named ? "aspiration.form.identity.nama.sub"
                                                                                         : "aspiration.form.identity.rahasia.sub"),
                     ui.fonts.body, p.muted_text}},
                   FormStep::Identity);
    if (identity != Identity::Anonymous) {
        // As it will be sealed; the NIK shown masked even here (someone may stand behind).
        const std::string nik = people::mask_nik(a ? a->nik : d.nik);
        const std::string phone = a ? people::format_phone_national(a->phone) : d.phone;
        review_section(f, "aspiration.review.personal", ui.tr("aspiration.form.review.personal"),
                       {{a ? a->name : d.name, ui.fonts.bold, p.text},
                        {ui.trf("aspiration.form.review.nik", {{"nik", nik}}), ui.fonts.body, p.text},
                        {ui.trf("aspiration.form.review.phone", {{"phone", phone}}), ui.fonts.body, p.text}},
                       FormStep::Personal);
    }
    if (form.personal_cleared) {
        notice(ui, "aspiration.review.cleared", Notice::Warning, ui.tr("aspiration.form.identity.cleared"), f.width);
        ImGui::Dummy(ImVec2(1, gap));
    }
    notice(ui, "aspiration.review.final", Notice::Info, ui.tr("aspiration.form.review.final"), f.width);
    ImGui::Dummy(ImVec2(1, gap));
}

void draw_receipt(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& form = ctx.session.aspiration.form;
    if (!form.receipt) {  // cannot happen through the steps; never show an empty receipt
        form = {};
        return;
    }
    const aspirations::Receipt receipt = *form.receipt;
    const float pad = ui.theme.px(28), gap = ui.theme.px(14);
    const float w = ctx.width() - 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + pad * 0.6f));

    std::vector<Action> actions{
        {"aspiration.receipt.track", ui.tr("aspiration.form.track"), ButtonStyle::Normal, Icon::None, true}};
    if (printer_configured(ctx.kiosk))
        actions.push_back({"aspiration.receipt.print", ui.tr("aspiration.form.receipt.print"), ButtonStyle::Normal,
                           Icon::None, true});
    actions.push_back({"aspiration.receipt.another", ui.tr("aspiration.form.receipt.another"), ButtonStyle::Normal,
                       Icon::None, true});
    actions.push_back({"aspiration.receipt.done", ui.tr("aspiration.form.receipt.done"), ButtonStyle::Primary,
                       Icon::Check, true});
    const float bar_h = action_row_height(ui, actions, w) + gap;
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - bar_h - ui.theme.px(8));
    static int drawn_frame = -1;  // a receipt shown anew starts at its top
    if (drawn_frame != ImGui::GetFrameCount() - 1) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    drawn_frame = ImGui::GetFrameCount();
    const std::size_t first_target = ui.log.targets.size();
    begin_scroll_area(ui, "aspiration.receipt.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    paragraph(ui, ui.fonts.heading, ui.tr("aspiration.form.receipt.title"), inner, p.text);
    ImGui::Dummy(ImVec2(1, gap));

    // The code large, grouped for reading aloud, and as a QR code beside it (below on narrow screens).
    const std::string code = aspirations::display_tracking_code(receipt.tracking_code);
    const float qr = std::min(ui.theme.px(260), inner * 0.4f);
    const bool beside = inner > ui.theme.px(900);
    const float code_w = beside ? inner - qr - gap : inner;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.receipt.code"), code_w, p.muted_text);
    paragraph(ui, ui.fonts.heading, code, code_w, p.text);
    ImGui::Dummy(ImVec2(1, ui.theme.px(6)));
    paragraph(ui, ui.fonts.body, ui.trf("aspiration.form.receipt.what", {{"kind", kind_label(ui, receipt.kind)},
                                                                         {"title", receipt.title}}),
              code_w, p.text);
    const float text_end = ImGui::GetCursorScreenPos().y;
    if (beside) ImGui::SetCursorScreenPos(ImVec2(start.x + inner - qr, start.y));
    else ImGui::Dummy(ImVec2(1, gap));
    // The same payload as the printed slip, so the tracking screen's scan reads either.
    qr_code(ui, "aspiration.receipt.qr", aspirations::receipt_qr_text(ctx.kiosk.config.village_code, receipt.tracking_code), qr);
    if (beside) ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(text_end, start.y + qr)));
    ImGui::Dummy(ImVec2(1, gap));
    if (form.receipt_printed) {
        notice(ui, "aspiration.receipt.printed", Notice::Info, ui.tr("aspiration.form.receipt.printed"), inner);
        ImGui::Dummy(ImVec2(1, gap));
    } else if (!form.print_problem.empty()) {
        notice(ui, "aspiration.receipt.print_problem", Notice::Error, form.print_problem, inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    notice(ui, "aspiration.receipt.next", Notice::Info, ui.tr("aspiration.form.receipt.next"), inner);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.body, ui.tr("aspiration.form.receipt.how_to_track"), inner, p.text);
    if (receipt.identity == Identity::Anonymous) {
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
        paragraph(ui, ui.fonts.bold, ui.tr("aspiration.form.receipt.keep_code"), inner, p.text);
    }
    ImGui::Dummy(ImVec2(1, gap));
    clip_targets_to_area(ui, first_target);
    end_scroll_area();

    next_row(ctx, gap);
    const int tapped = action_row(ui, actions, w);
    if (tapped < 0) return;
    const std::string& id = actions[static_cast<std::size_t>(tapped)].id;
    if (id == "aspiration.receipt.track") {
        ctx.session.open(session::Screen::AspirationTrack);
    } else if (id == "aspiration.receipt.print") {
        const auto problem = print_aspiration_receipt(ctx.kiosk, receipt, ui.lang);
        form.receipt_printed = !problem;
        form.print_problem = problem.value_or("");
    } else if (id == "aspiration.receipt.another") {
        form = {};
    } else if (id == "aspiration.receipt.done") {
        form = {};
        ctx.session.go_home();
    }
}

}  // namespace desa::kiosk
