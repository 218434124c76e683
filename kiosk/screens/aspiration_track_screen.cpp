// Aspirations: tracking a submission. The resident types the code from the receipt (or scans its
// QR code) and sees the status timeline: steps reached with their dates, the rest greyed, and the
// answer once the hub sends one. Each way a code can be wrong has its own message.
#include <algorithm>

#include "aspirations/follow_up.hpp"
#include "screens/follow_up_screens.hpp"
#include "screens/lending_parts.hpp"

namespace desa::kiosk {
namespace {

using aspirations::LookupProblem;
using aspirations::Status;

constexpr Status kSteps[] = {Status::Received, Status::Sent,     Status::Verified,
                             Status::Forwarded, Status::Answered, Status::Closed};

std::size_t typed_characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return c != ' ' && c != '-' && c != '\t';
    }));
}

std::string village_label(const KioskContext& kiosk, const std::string& code) {
    if (const auto* region = kiosk.regions.find(code)) return region->name + " (" + code + ")";
    return code;
}

std::string problem_text(const Ui& ui, const KioskContext& kiosk, const aspirations::TrackingLookup& t) {
    switch (*t.problem) {
        case LookupProblem::Empty: return ui.tr("track.problem.empty");
        case LookupProblem::BadCharacter: return ui.tr("track.problem.bad_character");
        case LookupProblem::WrongLength:
            return ui.trf("track.problem.wrong_length", {{"count", std::to_string(typed_characters(t.code.text))}});
        case LookupProblem::Typo: return ui.tr("track.problem.typo");
        case LookupProblem::Unknown: return ui.tr("track.problem.unknown");
        case LookupProblem::OtherVillage:
            return ui.trf("track.problem.other_village", {{"village", village_label(kiosk, t.other_village_code)}});
        case LookupProblem::DamagedQr: return ui.tr("track.problem.damaged_qr");
    }
    return ui.tr("track.problem.empty");
}

std::string scan_text(const Ui& ui, aspirations::ScanResult r) {
    switch (r) {
        case aspirations::ScanResult::NoPicture: return ui.tr("track.scan.no_picture");
        case aspirations::ScanResult::NoCode: return ui.tr("track.scan.no_code");
        default: return ui.tr("track.scan.not_receipt");
    }
}

void look_up(ScreenContext& ctx) {
    auto& t = ctx.session.aspiration.tracking;
    t.last_scan.reset();
    t.look_up(ctx.kiosk.db, ctx.kiosk.config.village_code);
    // Found: the keyboard closes so the whole timeline is in view. Not found: it stays open for
    // the correction.
    if (t.found) ctx.session.focus(nullptr);
}

const aspirations::StatusStep* step_of(const aspirations::Summary& s, Status status) {
    for (const auto& step : s.timeline)
        if (step.status == status) return &step;
    return nullptr;
}

// One step: a dot (filled when reached) on a line joining the steps, its name, and its date or
// "not yet"; an answer below when it has one.
void timeline_row(Ui& ui, Status status, const aspirations::StatusStep* step, bool last, float width) {
    const Palette& p = ui.theme.palette;
    const float dot = ui.theme.px(26);
    const float gap = ui.theme.px(16);
    const float text_x = dot + gap;
    const float text_w = width - text_x;
    const std::string id = "track.step." + std::string(aspirations::status_name(status));
    const std::string name = ui.tr("track.status." + std::string(aspirations::status_name(status)));
    const std::string when = step ? aspirations::format_day_time(step->at) : ui.tr("track.step.not_yet");
    std::string answer;
    if (step && !step->answer.empty()) answer = ui.trf("track.answer", {{"answer", step->answer}});
    ImFont* name_font = step ? ui.fonts.bold : ui.fonts.body;
    const float name_h = wrapped_height(name_font, name, text_w);
    const float when_h = wrapped_height(ui.fonts.small, when, text_w);
    const float answer_h = answer.empty() ? 0 : wrapped_height(ui.fonts.body, answer, text_w - ui.theme.px(24));
    const float answer_box = answer.empty() ? 0 : answer_h + ui.theme.px(24) + ui.theme.px(8);
    const float row_h = std::max(dot, name_h + when_h) + answer_box + ui.theme.px(18);

    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const ImVec2 centre(top.x + dot * 0.5f, top.y + std::max(dot, name_h) * 0.5f);
    const ImU32 reached = ui.theme.high_contrast ? p.text : p.focus;
    const ImU32 pending = ui.theme.high_contrast ? p.muted_text : p.border;
    if (!last) draw.AddLine(ImVec2(centre.x, centre.y), ImVec2(centre.x, top.y + row_h + dot * 0.5f), pending,
                            ui.theme.px(4));
    if (step) {
        draw.AddCircleFilled(centre, dot * 0.5f, reached);
        draw_icon(draw, Icon::Check, centre, dot * 0.7f, ui.theme.high_contrast ? p.background : p.field);
    } else {
        draw.AddCircleFilled(centre, dot * 0.5f, ui.theme.high_contrast ? p.background : p.field);
        draw.AddCircle(centre, dot * 0.5f, pending, 0, ui.theme.px(3));
    }
    const ImU32 text_colour = step ? p.text : p.muted_text;
    text_in_box(ui, id, name_font, name, ImVec2(top.x + text_x, top.y), ImVec2(top.x + width, top.y + name_h), text_colour,
                Align::Left);
    text_in_box(ui, id + ".when", ui.fonts.small, when, ImVec2(top.x + text_x, top.y + name_h),
                ImVec2(top.x + width, top.y + name_h + when_h), p.muted_text, Align::Left);
    if (!answer.empty()) {
        const ImVec2 box_min(top.x + text_x, top.y + name_h + when_h + ui.theme.px(8));
        const ImVec2 box_max(top.x + width, box_min.y + answer_h + ui.theme.px(24));
        draw.AddRectFilled(box_min, box_max, p.field, ui.theme.px(8));
        draw.AddRect(box_min, box_max, p.border, ui.theme.px(8));
        text_in_box(ui, id + ".answer", ui.fonts.body, answer, ImVec2(box_min.x + ui.theme.px(12), box_min.y + ui.theme.px(12)),
                    ImVec2(box_max.x - ui.theme.px(12), box_max.y - ui.theme.px(12)), p.text, Align::Left);
    }
    ImGui::Dummy(ImVec2(width, row_h));
}

void draw_found(ScreenContext& ctx, const aspirations::Summary& s, float width) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(12);
    const std::string details =
        ui.trf("track.found.details", {{"kind", ui.tr("follow_up.kind." + std::string(aspirations::kind_name(s.kind)))},
                                       {"category", ui.tr("follow_up.category." + std::string(aspirations::category_name(s.category)))},
                                       {"identity", ui.tr("follow_up.identity." + std::string(aspirations::identity_name(s.identity)))}});
    list_row(ui, "",
             {{s.title, ui.fonts.bold, p.text},
              {details, ui.fonts.body, p.muted_text},
              {ui.trf("track.found.code", {{"code", aspirations::display_tracking_code(s.tracking_code)}}), ui.fonts.body,
               p.muted_text}},
             width);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("track.timeline"), width, p.text);
    ImGui::Dummy(ImVec2(1, gap));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < std::size(kSteps); ++i) {
        ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetCursorScreenPos().y));
        timeline_row(ui, kSteps[i], step_of(s, kSteps[i]), i + 1 == std::size(kSteps), width);
    }
    if (s.timeline.size() == 1) {
        ImGui::Dummy(ImVec2(1, gap));
        notice(ui, "track.pending", Notice::Info, ui.tr("track.pending_note"), width);
    }
}

}  // namespace

void draw_aspiration_track_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    auto& t = ctx.session.aspiration.tracking;
    section_intro(ctx, Icon::Speech, "track.title", "track.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    begin_scroll_area(ui, "track.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);
    std::vector<Action> actions{{"track.submit", ui.tr("track.submit"), ButtonStyle::Primary, Icon::Check, !t.code.empty()}};
    if (ctx.kiosk.camera) actions.push_back({"track.scan", ui.tr("track.scan"), ButtonStyle::Normal, Icon::None, true});
    const int tapped = field_with_actions(ctx, "track.code", t.code, ui.tr("track.placeholder"), actions, inner_w);
    ImGui::Dummy(ImVec2(1, gap));
    const bool seen = camera_panel(ctx, inner_w);
    if (tapped == 0) look_up(ctx);
    if (tapped == 1 || seen) {
        t.scan(ctx.kiosk.camera ? &*ctx.kiosk.camera : nullptr, ctx.kiosk.db, ctx.kiosk.config.village_code);
        if (t.found) ctx.session.focus(nullptr);
    }
    if (t.last_scan && *t.last_scan != aspirations::ScanResult::Read) {
        notice(ui, "track.scan.problem", Notice::Warning, scan_text(ui, *t.last_scan), inner_w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (t.problem) {
        notice(ui, "track.problem", Notice::Error, problem_text(ui, ctx.kiosk, t), inner_w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (t.found) draw_found(ctx, *t.found, inner_w);
    end_scroll_area();
}

// The keyboard's done key (or Enter from a USB scanner) looks the code up.
void submit_aspiration_track(ScreenContext& ctx) {
    if (ctx.session.focused() == &ctx.session.aspiration.tracking.code) look_up(ctx);
    else ctx.session.focus(nullptr);
}

}  // namespace desa::kiosk
