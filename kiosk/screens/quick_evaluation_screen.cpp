// Aspirations: the quick service evaluation. Choose the service, tap one of five faces (with
// words, from "Sangat buruk" to "Sangat baik"), optionally write a comment, send; a thank-you, and
// home again after a few seconds or a tap. Anonymous: nothing about the resident is asked.
#include <algorithm>
#include <cmath>

#include "aspirations/follow_up.hpp"
#include "screens/follow_up_screens.hpp"
#include "screens/lending_parts.hpp"

namespace desa::kiosk {
namespace {

// Red to green; yellow in the middle. High contrast draws outlines instead.
constexpr ImU32 kFaceColours[] = {IM_COL32(211, 47, 47, 255), IM_COL32(245, 124, 0, 255), IM_COL32(251, 192, 45, 255),
                                  IM_COL32(124, 179, 66, 255), IM_COL32(46, 125, 50, 255)};

void draw_face(const Ui& ui, ImDrawList& draw, ImVec2 centre, float radius, int rating) {
    const Palette& p = ui.theme.palette;
    const bool hc = ui.theme.high_contrast;
    const ImU32 ink = hc ? p.text : IM_COL32(33, 33, 33, 255);
    if (hc) draw.AddCircle(centre, radius, p.text, 0, ui.theme.px(4));
    else draw.AddCircleFilled(centre, radius, kFaceColours[rating - 1]);
    const float eye = radius * 0.11f;
    draw.AddCircleFilled(ImVec2(centre.x - radius * 0.35f, centre.y - radius * 0.22f), eye, ink);
    draw.AddCircleFilled(ImVec2(centre.x + radius * 0.35f, centre.y - radius * 0.22f), eye, ink);
    // The mouth: a parabola from a frown (1) through a straight line (3) to a smile (5).
    const float bend = static_cast<float>(rating - 3) * 0.5f * radius * 0.22f;
    const float half = radius * 0.45f;
    ImVec2 points[13];
    for (int i = 0; i < 13; ++i) {
        const float t = static_cast<float>(i) / 6.0f - 1.0f;  // -1..1
        points[i] = ImVec2(centre.x + t * half, centre.y + radius * 0.38f + bend * (1.0f - t * t) - bend * 0.5f);
    }
    draw.AddPolyline(points, 13, ink, 0, std::max(2.0f, radius * 0.09f));
}

// Five faces in a row; returns the rating tapped, or 0.
int face_row(ScreenContext& ctx, std::optional<int> chosen, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(10);
    const float col_w = (width - 4 * gap) / 5;
    const float radius = std::min(col_w * 0.5f - ui.theme.px(10), ui.theme.px(52));
    float label_h = 0;
    for (int r = aspirations::kRatingMin; r <= aspirations::kRatingMax; ++r)
        label_h = std::max(label_h, wrapped_height(ui.fonts.body, ui.tr("evaluation.rating." + std::to_string(r)), col_w - ui.theme.px(8)));
    const float pad = ui.theme.px(10);
    const float cell_h = pad + 2 * radius + pad + label_h + pad;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    int tapped = 0;
    for (int r = aspirations::kRatingMin; r <= aspirations::kRatingMax; ++r) {
        const std::string id = "evaluation.rating." + std::to_string(r);
        const std::string word = ui.tr(id);
        const ImVec2 min(start.x + static_cast<float>(r - 1) * (col_w + gap), start.y);
        const ImVec2 max(min.x + col_w, min.y + cell_h);
        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(r);
        if (ImGui::InvisibleButton("##face", ImVec2(col_w, cell_h))) tapped = r;
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();
        record_target(ui, id, word);
        ImDrawList& draw = *ImGui::GetWindowDrawList();
        const bool selected = chosen && *chosen == r;
        draw.AddRectFilled(min, max, held ? p.button_pressed : p.field, ui.theme.px(12));
        draw.AddRect(min, max, selected ? p.focus : p.border, ui.theme.px(12), 0, ui.theme.px(selected ? 6 : 2));
        draw_face(ui, draw, ImVec2((min.x + max.x) * 0.5f, min.y + pad + radius), radius, r);
        text_in_box(ui, id + ".word", selected ? ui.fonts.bold : ui.fonts.body, word,
                    ImVec2(min.x + ui.theme.px(4), min.y + pad + 2 * radius + pad),
                    ImVec2(max.x - ui.theme.px(4), max.y - pad), p.text);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + cell_h));
    ImGui::Dummy(ImVec2(width, 0));
    return tapped;
}

void finish(session::KioskSession& session) {
    session.aspiration.evaluation = {};
    session.go_home();
}

void draw_thanks(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float pad = ui.theme.px(28);
    const float w = ctx.width() - 2 * pad;
    const float icon = ui.theme.px(120);
    const float title_h = wrapped_height(ui.fonts.heading, ui.tr("evaluation.thanks.title"), w);
    const float body_h = wrapped_height(ui.fonts.body, ui.tr("evaluation.thanks.body"), w);
    const float button_h = button_height(ui);
    const float total = icon + pad + title_h + pad * 0.5f + body_h + pad + button_h;
    float y = ctx.area_min.y + std::max(pad, (ctx.height() - total) * 0.5f);
    const float cx = (ctx.area_min.x + ctx.area_max.x) * 0.5f;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddCircleFilled(ImVec2(cx, y + icon * 0.5f), icon * 0.5f, ui.theme.high_contrast ? p.text : p.tiles[0]);
    draw_icon(draw, Icon::Check, ImVec2(cx, y + icon * 0.5f), icon * 0.6f, ui.theme.high_contrast ? p.background : p.tile_text);
    y += icon + pad;
    text_in_box(ui, "evaluation.thanks.title", ui.fonts.heading, ui.tr("evaluation.thanks.title"),
                ImVec2(ctx.area_min.x + pad, y), ImVec2(ctx.area_max.x - pad, y + title_h), p.text);
    y += title_h + pad * 0.5f;
    text_in_box(ui, "evaluation.thanks.body", ui.fonts.body, ui.tr("evaluation.thanks.body"),
                ImVec2(ctx.area_min.x + pad, y), ImVec2(ctx.area_max.x - pad, y + body_h), p.muted_text);
    y += body_h + pad;
    const float bw = std::min(w, ui.theme.px(420));
    ImGui::SetCursorScreenPos(ImVec2(cx - bw * 0.5f, y));
    if (button(ui, "evaluation.thanks.home", ui.tr("evaluation.thanks.home"), ImVec2(bw, button_h), ButtonStyle::Primary,
               Icon::Home))
        finish(ctx.session);
}

}  // namespace

void draw_quick_evaluation_screen(ScreenContext& ctx) {
    auto& e = ctx.session.aspiration.evaluation;
    if (e.thanked()) {
        draw_thanks(ctx);
        return;
    }
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    section_intro(ctx, Icon::Speech, "evaluation.title", "evaluation.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(14);
    begin_scroll_area(ui, "evaluation.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);

    paragraph(ui, ui.fonts.bold, ui.tr("evaluation.service.question"), inner_w, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    std::vector<Action> services;
    for (const auto s : aspirations::kServices) {
        const std::string name(aspirations::service_name(s));
        services.push_back({"evaluation.service." + name, ui.tr("evaluation.service." + name),
                            e.service == s ? ButtonStyle::Primary : ButtonStyle::Normal,
                            e.service == s ? Icon::Check : Icon::None, true});
    }
    if (const int tapped = action_row(ui, services, inner_w); tapped >= 0)
        e.service = aspirations::kServices[static_cast<std::size_t>(tapped)];
    ImGui::Dummy(ImVec2(1, gap));

    paragraph(ui, ui.fonts.bold, ui.tr("evaluation.rating.question"), inner_w, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    if (const int r = face_row(ctx, e.rating, inner_w); r > 0) e.rating = r;
    ImGui::Dummy(ImVec2(1, gap));

    paragraph(ui, ui.fonts.body,
              ui.trf("evaluation.comment.label", {{"count", std::to_string(e.comment.length())},
                                                  {"max", std::to_string(aspirations::kEvaluationCommentMax)}}),
              inner_w, p.muted_text);
    if (text_field(ui, "evaluation.comment", e.comment, ui.tr("evaluation.comment.placeholder"),
                   ctx.session.focused() == &e.comment, ImVec2(inner_w, field_height(ui))))
        ctx.session.focus(&e.comment);
    keep_in_view(ctx, e.comment);
    ImGui::Dummy(ImVec2(1, gap));

    for (const auto& problem : e.problems) {
        notice(ui, "evaluation.problem." + problem.field, Notice::Error,
               ui.trf(problem.message_id, {{"max", problem.detail}}), inner_w);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
    }
    if (e.refused) {
        notice(ui, "evaluation.refused", Notice::Warning, ui.tr("evaluation.rate_limited"), inner_w);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
    }
    const bool ready = e.service && e.rating;
    if (action_row(ui, {{"evaluation.send", ui.tr("evaluation.send"), ButtonStyle::Primary, Icon::Check, ready}}, inner_w) ==
        0) {
        aspirations::EvaluationRules rules{ctx.kiosk.config.village_code, ctx.kiosk.config.aspirations.max_per_minute};
        if (e.send(ctx.kiosk.db, rules, ctx.unix_now, ctx.now)) ctx.session.focus(nullptr);
    }
    ImGui::Dummy(ImVec2(1, gap));
    end_scroll_area();
}

void open_quick_evaluation(session::KioskSession& session, std::optional<aspirations::Service> service) {
    session.aspiration.evaluation = {};
    session.aspiration.evaluation.service = service;
    session.aspiration.evaluation.service_from_ticket = service.has_value();
    session.open(session::Screen::QuickEvaluation);
}

std::optional<Millis> follow_up_wake_at(const session::KioskSession& session) {
    if (session.screen() != session::Screen::QuickEvaluation) return std::nullopt;
    return session.aspiration.evaluation.home_at();
}

bool apply_follow_up_timers(session::KioskSession& session, Millis now) {
    if (session.screen() != session::Screen::QuickEvaluation || !session.aspiration.evaluation.due_home(now)) return false;
    finish(session);
    return true;
}

}  // namespace desa::kiosk
