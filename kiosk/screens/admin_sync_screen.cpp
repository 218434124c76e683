// Staff settings > Sync: the kiosk's link to the province hub. Enrolled: which hub and village,
// the last success per step, what waits in the outbox, the last error in words, and "sync now"
// with the cycle's progress. Not enrolled: scan the hub's enrolment QR or type its address and
// code. The work happens on the sync threads (app/sync_service); this screen only shows and asks.
#include <algorithm>
#include <utility>
#include <vector>

#include "app/sync_service.hpp"
#include "aspirations/follow_up.hpp"
#include "screens/lending_parts.hpp"
#include "screens/screens.hpp"
#include "sync/sync_error.hpp"

namespace desa::kiosk {
namespace {

using nlohmann::json;

constexpr std::string_view kKnownSteps[] = {"outbox", "aspirations", "slides", "catalog"};

bool is_known_step(std::string_view step) {
    return std::find(std::begin(kKnownSteps), std::end(kKnownSteps), step) != std::end(kKnownSteps);
}

// "Kirim data" for "outbox"; a channel this kiosk has no words for keeps its own name.
std::string step_text(const Ui& ui, const std::string& step) {
    return is_known_step(step) ? ui.tr("sync.step." + step) : step;
}

std::string when_text(const Ui& ui, const json& at) {
    if (!at.is_number_integer() || at.get<std::int64_t>() <= 0) return ui.tr("sync.never");
    return aspirations::format_day_time(at.get<std::int64_t>());
}

std::string wall_time_text(const std::optional<std::chrono::system_clock::time_point>& at) {
    if (!at) return "-";
    return aspirations::format_day_time(std::chrono::duration_cast<std::chrono::seconds>(at->time_since_epoch()).count());
}

// The engine's one-line error, in the reader's language.
std::string error_text(const Ui& ui, const json& status) {
    if (!status.contains("last_error") || !status["last_error"].is_string()) return ui.tr("sync.error.none");
    const auto c = sync::classify_sync_error(status["last_error"].get<std::string>());
    const std::string reason = ui.tr("sync.error." + std::string(sync::error_reason_name(c.reason)));
    const std::string line =
        c.step.empty() ? reason : ui.trf("sync.error.in_step", {{"step", step_text(ui, c.step)}, {"reason", reason}});
    return ui.trf("sync.error.at", {{"error", line}, {"when", when_text(ui, status.value("last_error_at", json()))}});
}

// Label and value rows in alternating bands, values wrapping (like the settings screen).
void fact_rows(Ui& ui, const std::vector<std::pair<std::string, std::string>>& rows, float w) {
    const Palette& p = ui.theme.palette;
    const float label_w = w * 0.38f;
    const float value_w = w - label_w - ui.theme.px(36);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& [label, value] = rows[i];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float label_h = wrapped_height(ui.fonts.bold, label, label_w - ui.theme.px(24));
        const float value_h = wrapped_height(ui.fonts.body, value, value_w);
        const float row_h = std::max(label_h, value_h) + ui.theme.px(20);
        if (i % 2 == 0) ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + row_h), p.button);
        text_in_box(ui, "sync.fact." + std::to_string(i), ui.fonts.bold, label, ImVec2(at.x + ui.theme.px(12), at.y),
                    ImVec2(at.x + label_w, at.y + row_h), p.text, Align::Left);
        text_in_box(ui, "sync.value." + std::to_string(i), ui.fonts.body, value,
                    ImVec2(at.x + label_w + ui.theme.px(12), at.y), ImVec2(at.x + label_w + ui.theme.px(12) + value_w, at.y + row_h),
                    p.text, Align::Left);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h));
    }
    ImGui::Dummy(ImVec2(w, 1));
}

// The cycle's step as a bar: steps done of the cycle's count.
void progress_bar(Ui& ui, const sync::CycleProgress& progress, float w) {
    const Palette& p = ui.theme.palette;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ui.theme.px(14);
    const float done = progress.count > 0 ? static_cast<float>(std::max(0, progress.index - 1)) / progress.count : 0.0f;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(at, ImVec2(at.x + w, at.y + h), p.field, h * 0.5f);
    draw.AddRect(at, ImVec2(at.x + w, at.y + h), p.border, h * 0.5f);
    // At least a sliver: the cycle has started.
    draw.AddRectFilled(at, ImVec2(at.x + std::max(h, w * done), at.y + h), p.focus, h * 0.5f);
    ImGui::Dummy(ImVec2(w, h));
}

void draw_enrolled(ScreenContext& ctx, const SyncPanel& panel, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(14);
    const json& s = panel.status;
    const auto& worker = panel.worker;
    if (panel.enrol.phase == EnrolPhase::Done) {
        notice(ui, "sync.enrolled_now", Notice::Info,
               ui.trf("sync.enrol.done_screen", {{"kiosk", panel.enrol.kiosk_id}, {"village", panel.enrol.village}}), w);
        ImGui::Dummy(ImVec2(1, gap));
    }
    std::string label = ui.tr("sync.now");
    if (worker.running && worker.progress.count > 0)
        label = ui.trf("sync.now.running", {{"index", std::to_string(worker.progress.index)},
                                            {"count", std::to_string(worker.progress.count)}});
    else if (worker.running || worker.demanded)
        label = ui.tr("sync.now.starting");
    const bool busy = worker.running || worker.demanded;
    // While busy the button is the plain kind: a disabled primary button's label is hard to read.
    if (action_row(ui, {{"sync.now", label, busy ? ButtonStyle::Normal : ButtonStyle::Primary, Icon::Globe, !busy}}, w) == 0 &&
        ctx.sync)
        ctx.sync->sync_now();
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    std::string state;
    if (worker.running) {
        progress_bar(ui, worker.progress, w);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
        state = worker.progress.step.empty() ? ui.tr("sync.state.connecting")
                                             : ui.trf("sync.state.step", {{"step", step_text(ui, worker.progress.step)}});
    } else if (!worker.started) {
        state = ui.tr("sync.state.not_started");
    } else if (worker.consecutive_failures > 0) {
        state = ui.trf("sync.state.retrying", {{"failures", std::to_string(worker.consecutive_failures)},
                                               {"when", wall_time_text(worker.next_at_wall)}});
    } else {
        state = ui.trf("sync.state.next", {{"when", wall_time_text(worker.next_at_wall)}});
    }
    paragraph(ui, worker.running ? ui.fonts.bold : ui.fonts.body, state, w, worker.running ? p.text : p.muted_text);
    ImGui::Dummy(ImVec2(1, gap));

    const std::string village_code = s.value("village_code", "");
    std::string village = village_code;
    if (village_code == ctx.kiosk.config.village_code && !ctx.kiosk.village_name.empty())
        village += "  " + ctx.kiosk.village_name;
    std::vector<std::pair<std::string, std::string>> rows{
        {ui.tr("sync.fact.hub"), s.value("hub", "")},
        {ui.tr("sync.fact.village"), village},
        {ui.tr("sync.fact.kiosk"), s.value("kiosk_id", "")},
        {ui.tr("sync.fact.province_key"), s.value("province_key", "")},
        {ui.tr("sync.fact.pending"), ui.trf("sync.pending", {{"count", std::to_string(s.value("pending_outbox", 0))}})},
        {ui.tr("sync.fact.last_error"), error_text(ui, s)},
    };
    const json last = s.contains("last_success") && s["last_success"].is_object() ? s["last_success"] : json::object();
    std::vector<std::string> steps(std::begin(kKnownSteps), std::end(kKnownSteps));
    for (const auto& [step, at] : last.items())
        if (!is_known_step(step)) steps.push_back(step);
    for (const auto& step : steps) {
        std::string value = when_text(ui, last.value(step, json()));
        if (s.contains("channels") && s["channels"].is_array())
            for (const auto& c : s["channels"])
                if (c.value("channel", "") == step)
                    value += "  " + ui.trf("sync.version", {{"version", std::to_string(c.value("version", 0))}});
        rows.push_back({ui.trf("sync.fact.last_success", {{"step", step_text(ui, step)}}), value});
    }
    fact_rows(ui, rows, w);
}

void start_enrolment(ScreenContext& ctx, const std::optional<sync::EnrolTicket>& ticket) {
    auto& forms = ctx.session.forms;
    sync::EnrolRequest request;
    if (ticket) {
        // Show what the QR said, so a refusal can be read against it.
        forms.enrol_hub.text.clear();
        forms.enrol_hub.insert(ticket->hub_url);
        forms.enrol_code.text.clear();
        forms.enrol_code.insert(ticket->code);
        request.hub_url = ticket->hub_url;
        request.code = ticket->code;
        request.fingerprint = ticket->fingerprint;
    } else {
        request.hub_url = typed_hub_url(forms.enrol_hub.text);
        request.code = forms.enrol_code.text;
    }
    request.kiosk_name = ctx.kiosk.village_name;
    request.expected_village = ctx.kiosk.config.village_code;
    ctx.memory.sync_message.clear();
    ctx.session.focus(nullptr);
    if (ctx.sync) ctx.sync->enrol(std::move(request));
}

std::string scan_message(const Ui& ui, EnrolScan outcome) {
    switch (outcome) {
        case EnrolScan::NoPicture: return ui.tr("sync.scan.no_picture");
        case EnrolScan::NoCode: return ui.tr("sync.scan.no_code");
        case EnrolScan::NotEnrolment: return ui.tr("sync.scan.not_enrolment");
        case EnrolScan::Found: return {};
    }
    return {};
}

void draw_enrolment(ScreenContext& ctx, const SyncPanel& panel, float w) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    const float gap = ui.theme.px(14);
    auto& forms = ctx.session.forms;
    const bool working = panel.enrol.phase == EnrolPhase::Working;
    if (working) {
        notice(ui, "sync.enrol.working", Notice::Info, ui.tr("sync.enrol.working"), w);
    } else if (panel.enrol.phase == EnrolPhase::Failed) {
        const std::string reason = panel.enrol.problem
                                       ? ui.tr("sync.problem." + std::string(sync::enrol_problem_name(*panel.enrol.problem)))
                                       : ui.tr("sync.enrol.local_error");
        notice(ui, "sync.enrol.refused", Notice::Error, ui.trf("sync.enrol.failed", {{"reason", reason}}), w);
    } else if (!ctx.memory.sync_message.empty()) {
        notice(ui, "sync.scan.problem", Notice::Warning, ctx.memory.sync_message, w);
    } else {
        notice(ui, "sync.not_enrolled", Notice::Info, ui.tr("sync.enrol.not_enrolled"), w);
    }
    ImGui::Dummy(ImVec2(1, gap));
    const bool seen = camera_panel(ctx, w) && !working;
    if (ctx.kiosk.camera) {
        if (action_row(ui, {{"sync.enrol.scan", ui.tr("sync.enrol.scan"), ButtonStyle::Primary, Icon::None, !working}}, w) == 0 ||
            seen) {
            const auto scanned = scan_enrol_qr(*ctx.kiosk.camera);
            if (scanned.ticket) start_enrolment(ctx, scanned.ticket);
            else ctx.memory.sync_message = scan_message(ui, scanned.outcome);
        }
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
        paragraph(ui, ui.fonts.body, ui.tr("sync.enrol.or_type"), w, p.muted_text);
        ImGui::Dummy(ImVec2(1, gap));
    }
    paragraph(ui, ui.fonts.bold, ui.tr("sync.enrol.hub_label"), w, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    // The on-screen keyboard has no ':' or '/': these two keys cover an address like http://10.0.0.5:8080.
    const int chip = field_with_actions(ctx, "sync.enrol.hub", forms.enrol_hub, ui.tr("sync.enrol.hub_placeholder"),
                                        {{"sync.enrol.http", "http://", ButtonStyle::Normal, Icon::None, !working},
                                         {"sync.enrol.colon", ":", ButtonStyle::Normal, Icon::None, !working}},
                                        w);
    if (chip == 0 && !forms.enrol_hub.text.starts_with("http")) forms.enrol_hub.text = "http://" + forms.enrol_hub.text;
    if (chip == 1) forms.enrol_hub.insert(":");
    if (chip >= 0) ctx.session.focus(&forms.enrol_hub);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.bold, ui.tr("sync.enrol.code_label"), w, p.text);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    const bool ready = !working && !forms.enrol_hub.text.empty() && !forms.enrol_code.text.empty();
    if (field_with_actions(ctx, "sync.enrol.code", forms.enrol_code, "XXXX-XXXX-XXXX",
                           {{"sync.enrol.submit", ui.tr("sync.enrol.submit"), ButtonStyle::Primary, Icon::Check, ready}},
                           w) == 0)
        start_enrolment(ctx, std::nullopt);
    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.body, ui.tr("sync.enrol.hint"), w, p.muted_text);
}

}  // namespace

void draw_admin_sync_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Globe, "sync.screen.title", "sync.screen.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    begin_scroll_area(ui, "sync.area", ImVec2(w, h));
    const float inner_w = w - ui.theme.px(20);
    if (ctx.sync != nullptr) {
        const SyncPanel panel = ctx.sync->panel();
        if (panel.status.value("enrolled", false)) draw_enrolled(ctx, panel, inner_w);
        else draw_enrolment(ctx, panel, inner_w);
    }
    end_scroll_area();
}

// Done on the address goes to the code; done on the code enrols.
void submit_admin_sync(ScreenContext& ctx) {
    auto& forms = ctx.session.forms;
    if (ctx.session.focused() == &forms.enrol_hub) {
        ctx.session.focus(&forms.enrol_code);
    } else if (ctx.session.focused() == &forms.enrol_code && !forms.enrol_hub.text.empty() &&
               !forms.enrol_code.text.empty()) {
        start_enrolment(ctx, std::nullopt);
    } else {
        ctx.session.focus(nullptr);
    }
}

}  // namespace desa::kiosk
