// Aspirasi Warga: the resident's form, one step at a time (type, category, text, photo, identity,
// personal data, review), then the receipt. This file holds the step frame and what the steps
// share; the steps are in aspiration_steps_*.cpp.
#include <algorithm>

#include <imgui_internal.h>

#include "screens/aspiration_form_parts.hpp"

namespace desa::kiosk {
namespace {

using aspirations::Field;
using aspirations::FormStep;

const char* step_title_id(FormStep s) {
    switch (s) {
        case FormStep::Type: return "aspiration.form.step.type";
        case FormStep::Category: return "aspiration.form.step.category";
        case FormStep::Text: return "aspiration.form.step.text";
        case FormStep::Photo: return "aspiration.form.step.photo";
        case FormStep::Identity: return "aspiration.form.step.identity";
        case FormStep::Personal: return "aspiration.form.step.personal";
        case FormStep::Review: return "aspiration.form.step.review";
        case FormStep::Receipt: return "aspiration.form.receipt.title";
    }
    return "aspiration.form.step.type";
}

bool has_choice(const aspirations::AspirationForm& form) {
    switch (form.step) {
        case FormStep::Type: return form.kind.has_value();
        case FormStep::Category: return form.category.has_value();
        case FormStep::Identity: return form.identity.has_value();
        case FormStep::Text:
        case FormStep::Photo:
        case FormStep::Personal: return true;
        default: return false;
    }
}

std::vector<Action> nav_actions(const FormFrame& f) {
    const Ui& ui = f.ctx.ui;
    std::vector<Action> actions;
    if (f.form.step == FormStep::Type)
        actions.push_back({"aspiration.track", ui.tr("aspiration.form.track"), ButtonStyle::Normal, Icon::None, true});
    else
        actions.push_back({"aspiration.back", ui.tr("aspiration.form.back"), ButtonStyle::Normal, Icon::Back, true});
    if (f.form.step == FormStep::Review)
        actions.push_back({"aspiration.send", ui.tr("aspiration.form.send"), ButtonStyle::Primary, Icon::Check, true});
    else if (has_choice(f.form))
        actions.push_back({"aspiration.next", ui.tr("aspiration.form.next"), ButtonStyle::Primary, Icon::None, true});
    return actions;
}

// The fields of the focused step in the order the keyboard's "done" key walks them.
std::vector<session::TextField*> field_order(aspirations::AspirationForm& form) {
    if (form.step == FormStep::Text) return {&form.title, &form.text, &form.dusun, &form.rt, &form.rw};
    if (form.step == FormStep::Personal) return {&form.name, &form.nik, &form.phone};
    return {};
}

}  // namespace

aspirations::FormOffer form_offer(const ScreenContext& ctx, const aspirations::AspirationForm& form) {
    const bool province = !ctx.kiosk.config.province_public_key.empty();
    // A photo already attached stays visible (and removable) even if the camera went away.
    return {province && (ctx.kiosk.camera.has_value() || !form.photo.empty()), province};
}

aspirations::Validation validate_form(ScreenContext& ctx, const aspirations::AspirationForm& form) {
    // The kecamatan registry (~7,800 rows) is loaded only once a NIK is being checked.
    static const regions::RegionRegistry kNoDistricts{};
    const bool needs_districts = form.identity && *form.identity != aspirations::Identity::Anonymous && !form.nik.empty();
    return aspirations::validate(form.to_draft(), needs_districts ? nik_districts(ctx.kiosk) : kNoDistricts,
                                 kiosk_today(ctx.unix_now), aspiration_limits(ctx.kiosk));
}

void advance(ScreenContext& ctx) {
    auto& form = ctx.session.aspiration.form;
    ctx.session.focus(nullptr);
    form.note_focus(std::nullopt);
    form.next(validate_form(ctx, form), form_offer(ctx, form));
}

void send_form(ScreenContext& ctx) {
    auto& form = ctx.session.aspiration.form;
    ctx.session.focus(nullptr);
    form.submit_problem.reset();
    form.submit_failed = false;
    const auto v = validate_form(ctx, form);
    if (!v.accepted) {  // a rule the steps did not catch (limits changed): back to its step
        form.show_problems_of(FormStep::Review);
        const auto offer = form_offer(ctx, form);
        for (FormStep s : form.flow(offer)) {
            const auto fields = aspirations::fields_of(s);
            const bool faulty = std::any_of(v.problems.begin(), v.problems.end(), [&](const auto& p) {
                return std::find(fields.begin(), fields.end(), p.field) != fields.end();
            });
            if (faulty && s != FormStep::Review) {
                form.edit(s);
                break;
            }
        }
        return;
    }
    try {
        form.submitted(aspirations::submit(ctx.kiosk.db, *v.accepted, submit_rules(ctx.kiosk), ctx.unix_now));
    } catch (const std::exception&) {
        // Disk full or a locked database: nothing was stored, everything typed stays on screen.
        form.submit_failed = true;
    }
}

std::string problem_text(const FormFrame& f, Field field) {
    if (!f.form.problem_shown(field)) return {};
    for (const auto& p : f.validation.problems)
        if (p.field == field) return describe(p, f.ctx.kiosk.catalog, f.ctx.ui.lang);
    return {};
}

void field_problem(FormFrame& f, Field field, std::string_view id) {
    const std::string text = problem_text(f, field);
    if (text.empty()) return;
    ImGui::Dummy(ImVec2(1, f.ctx.ui.theme.px(6)));
    notice(f.ctx.ui, id, Notice::Error, text, f.width);
}

namespace {
float after_width(const Ui& ui, std::string_view after_label, float width) {
    if (after_label.empty()) return 0.0f;
    const float w = ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0, after_label.data(),
                                                  after_label.data() + after_label.size()).x + ui.theme.px(4);
    return std::min(w, width * 0.45f);
}
}  // namespace

float label_height(const Ui& ui, std::string_view label, float width, std::string_view after_label) {
    const float after_w = after_width(ui, after_label, width);
    const float label_w = width - after_w - (after_w > 0 ? ui.theme.px(12) : 0.0f);
    float h = wrapped_height(ui.fonts.bold, label, label_w);
    if (after_w > 0) h = std::max(h, wrapped_height(ui.fonts.small, after_label, after_w));
    return h;
}

void labelled_field(FormFrame& f, std::string_view id, std::string_view label, session::TextField& field,
                    std::string_view placeholder, float width, std::string_view after_label) {
    Ui& ui = f.ctx.ui;
    const Palette& p = ui.theme.palette;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float after_w = after_width(ui, after_label, width);
    const float label_w = width - after_w - (after_w > 0 ? ui.theme.px(12) : 0.0f);
    const float h = label_height(ui, label, width, after_label);
    text_in_box(ui, std::string(id) + ".label", ui.fonts.bold, label, at, ImVec2(at.x + label_w, at.y + h), p.text,
                Align::Left);
    if (after_w > 0)
        text_in_box(ui, std::string(id) + ".count", ui.fonts.small, after_label, ImVec2(at.x + width - after_w, at.y),
                    ImVec2(at.x + width, at.y + h), p.muted_text, Align::Left);
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + ui.theme.px(4)));
    if (text_field(ui, id, field, placeholder, f.ctx.session.focused() == &field, ImVec2(width, field_height(ui))))
        f.ctx.session.focus(&field);
    keep_in_view(f.ctx, field);
}

void clip_targets_to_area(Ui& ui, std::size_t first_target) {
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    for (std::size_t i = first_target; i < ui.log.targets.size(); ++i) {
        auto& t = ui.log.targets[i];
        if (t.container || !t.visible) continue;
        t.min = ImVec2(std::max(t.min.x, clip.Min.x), std::max(t.min.y, clip.Min.y));
        t.max = ImVec2(std::min(t.max.x, clip.Max.x), std::min(t.max.y, clip.Max.y));
    }
}

bool choice_card(Ui& ui, std::string_view id, std::string_view title, std::string_view explanation, bool selected,
                 float width) {
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(16);
    const float mark = selected ? ui.fonts.bold->FontSize + pad * 0.5f : 0.0f;
    const float text_w = width - 2 * pad - mark;
    const float title_h = wrapped_height(ui.fonts.bold, title, text_w);
    const float expl_h = explanation.empty() ? 0.0f : wrapped_height(ui.fonts.body, explanation, text_w);
    const float h = std::max(title_h + expl_h + 2 * pad, ui.theme.px(80));
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool tapped = ImGui::InvisibleButton("##card", ImVec2(width, h));
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    record_target(ui, id, title);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, held ? p.button_pressed : p.field, ui.theme.px(10));
    draw.AddRect(min, max, selected ? p.focus : (ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 40)),
                 ui.theme.px(10), 0, ui.theme.px(selected ? 5 : 2));
    if (selected)
        draw_icon(draw, Icon::Check, ImVec2(min.x + pad + mark * 0.4f, min.y + pad + title_h * 0.5f),
                  ui.fonts.bold->FontSize, p.focus);
    const float x = min.x + pad + mark;
    float y = min.y + (h - title_h - expl_h) * 0.5f;
    text_in_box(ui, std::string(id) + ".title", ui.fonts.bold, title, ImVec2(x, y), ImVec2(x + text_w, y + title_h),
                p.text, Align::Left);
    y += title_h;
    if (!explanation.empty())
        text_in_box(ui, std::string(id) + ".explain", ui.fonts.body, explanation, ImVec2(x, y),
                    ImVec2(x + text_w, y + expl_h), p.muted_text, Align::Left);
    ImGui::Dummy(ImVec2(width, ui.theme.px(10)));
    return tapped;
}

void draw_aspirations_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& form = ctx.session.aspiration.form;
    if (form.step == FormStep::Receipt) {
        draw_receipt(ctx);
        return;
    }
    form.note_focus(form.field_of(ctx.session.focused()));
    FormFrame f{ctx, form, form_offer(ctx, form), validate_form(ctx, form)};
    const float pad = ui.theme.px(28), gap = ui.theme.px(12);
    const float w = ctx.width() - 2 * pad;

    // Where the resident is: "Aspirasi Warga · Langkah 3 dari 6", then the step's question.
    const ImVec2 top(ctx.area_min.x + pad, ctx.area_min.y + pad * 0.6f);
    const std::string where = ui.trf("aspiration.form.where", {{"n", std::to_string(form.step_number(f.offer))},
                                                                {"total", std::to_string(form.flow(f.offer).size())}});
    const float where_h = wrapped_height(ui.fonts.small, where, w);
    text_in_box(ui, "aspiration.where", ui.fonts.small, where, top, ImVec2(top.x + w, top.y + where_h), p.muted_text,
                Align::Left);
    const std::string title = ui.tr(step_title_id(form.step));
    const float title_h = wrapped_height(ui.fonts.heading, title, w);
    text_in_box(ui, "aspiration.step", ui.fonts.heading, title, ImVec2(top.x, top.y + where_h),
                ImVec2(top.x + w, top.y + where_h + title_h), p.text, Align::Left);
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + where_h + title_h + gap));

    const auto actions = nav_actions(f);
    const float bar_h = action_row_height(ui, actions, w) + gap;
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - bar_h - ui.theme.px(8));
    // A step starts at its top: when it changed, or the form was not on screen the frame before.
    // A refusal of "Kirim" is shown at the top of the review: scroll there too.
    static FormStep drawn_step = FormStep::Type;
    static int drawn_frame = -1;
    static bool drawn_refusal = false;
    const bool refusal = form.submit_problem || form.submit_failed;
    if (drawn_step != form.step || drawn_frame != ImGui::GetFrameCount() - 1 || (refusal && !drawn_refusal))
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    drawn_step = form.step;
    drawn_frame = ImGui::GetFrameCount();
    drawn_refusal = refusal;
    const std::size_t first_target = ui.log.targets.size();
    begin_scroll_area(ui, "aspiration.area", ImVec2(w, h));
    f.width = w - ui.theme.px(20);
    switch (form.step) {
        case FormStep::Type: draw_type_step(f); break;
        case FormStep::Category: draw_category_step(f); break;
        case FormStep::Text: draw_text_step(f); break;
        case FormStep::Photo: draw_photo_step(f); break;
        case FormStep::Identity: draw_identity_step(f); break;
        case FormStep::Personal: draw_personal_step(f); break;
        case FormStep::Review: draw_review_step(f); break;
        case FormStep::Receipt: break;
    }
    clip_targets_to_area(ui, first_target);
    end_scroll_area();
    if (form.step == FormStep::Receipt) return;  // sent from inside the step
    next_row(ctx, gap);
    const int tapped = action_row(ui, actions, w);
    if (tapped < 0) return;
    const std::string& id = actions[static_cast<std::size_t>(tapped)].id;
    if (id == "aspiration.track") {
        ctx.session.open(session::Screen::AspirationTrack);
    } else if (id == "aspiration.back") {
        ctx.session.focus(nullptr);
        form.note_focus(std::nullopt);
        form.back(f.offer);
    } else if (id == "aspiration.next") {
        advance(ctx);
    } else if (id == "aspiration.send") {
        send_form(ctx);
    }
}

// The keyboard's "done": the next field of the step, and from its last field the next step.
void submit_aspiration(ScreenContext& ctx) {
    auto& form = ctx.session.aspiration.form;
    const auto order = field_order(form);
    const auto at = std::find(order.begin(), order.end(), ctx.session.focused());
    if (at != order.end() && at + 1 != order.end()) {
        ctx.session.focus(*(at + 1));
        return;
    }
    if (at != order.end()) {
        advance(ctx);
        return;
    }
    ctx.session.focus(nullptr);
}

}  // namespace desa::kiosk
