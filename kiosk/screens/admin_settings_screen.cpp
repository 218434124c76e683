// Operator settings after a correct PIN: what this kiosk is and where its data lives, and the
// ways out of kiosk mode. The list scrolls with a finger drag.
#include <algorithm>
#include <utility>
#include <vector>

#include "app/sync_service.hpp"
#include "app/ticket_printer.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {

namespace {

// The verdict of kiosk.db's integrity check: done at open, or (its catalogue part) in the
// background after the first frame.
std::string integrity_text(const Ui& ui, const storage::IntegrityVerdict& v) {
    using storage::IntegrityState;
    switch (v.state) {
        case IntegrityState::Ok:
            return v.at_open ? ui.tr("storage.check.ok_at_open")
                             : ui.trf("storage.check.ok", {{"ms", std::to_string(static_cast<long>(v.seconds * 1000))}});
        case IntegrityState::Running: return ui.tr("storage.check.running");
        case IntegrityState::NotChecked: return ui.tr("storage.check.not_checked");
        case IntegrityState::Failed: return ui.trf("storage.check.failed", {{"finding", v.finding}});
        case IntegrityState::Stopped: return ui.trf("storage.check.stopped", {{"finding", v.finding}});
    }
    return {};
}

// The scanning camera: the device (or folder) and whether it works.
std::string camera_line(const Ui& ui, const KioskContext& kiosk) {
    const std::string& device = kiosk.config.camera_device;
    if (kiosk.camera_fault != CameraFault::None)
        return device + "  " + ui.tr("camera.fault." + std::string(camera_fault_name(kiosk.camera_fault)));
    if (!kiosk.camera) return "-";
    return kiosk.camera->name + "  " + ui.tr("camera.fault.none");
}

}  // namespace

void draw_admin_settings_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    section_intro(ctx, Icon::Lock, "admin.settings.title", "admin.settings.intro");
    const float pad = ui.theme.px(28);
    const float w = ctx.width() - 2 * pad;
    const float button_h = std::max(ui.theme.px(84), ui.fonts.body->FontSize * 2.2f + ui.theme.px(12));
    const float gap = ui.theme.px(16);

    // Actions first: they must never scroll out of reach.
    const float action_w = (w - 2 * gap) / 3;
    const ImVec2 row = ImGui::GetCursorScreenPos();
    if (button(ui, "admin.resume", ui.tr("admin.resume"), ImVec2(action_w, button_h), ButtonStyle::Primary, Icon::Home))
        ctx.session.go_home();
    ImGui::SetCursorScreenPos(ImVec2(row.x + action_w + gap, row.y));
    if (button(ui, "admin.attract", ui.tr("admin.attract"), ImVec2(action_w, button_h)))
        ctx.session.open(session::Screen::Attract);
    ImGui::SetCursorScreenPos(ImVec2(row.x + 2 * (action_w + gap), row.y));
    if (button(ui, "admin.quit", ui.tr("admin.quit"), ImVec2(action_w, button_h))) ctx.requests.quit = true;

    // The hub link: one line of state beside the button that opens its screen.
    const ImVec2 sync_row(row.x, row.y + button_h + gap);
    ImGui::SetCursorScreenPos(sync_row);
    if (button(ui, "admin.sync", ui.tr("admin.sync"), ImVec2(action_w, button_h), ButtonStyle::Normal, Icon::Globe))
        ctx.session.open(session::Screen::AdminSync);
    std::string sync_line = ui.tr("admin.sync.unknown");
    if (ctx.sync != nullptr) {
        const auto status = ctx.sync->panel().status;
        sync_line = !status.value("enrolled", false)
                        ? ui.tr("admin.sync.not_enrolled")
                        : ui.trf("admin.sync.enrolled", {{"count", std::to_string(status.value("pending_outbox", 0))}});
    }
    text_in_box(ui, "admin.sync.state", ui.fonts.body, sync_line, ImVec2(sync_row.x + action_w + gap, sync_row.y),
                ImVec2(row.x + w, sync_row.y + button_h), p.text, Align::Left);

    // The office queue: statistics and the ticket printer, whose trouble shows here too.
    const ImVec2 queue_row(row.x, sync_row.y + button_h + gap);
    ImGui::SetCursorScreenPos(queue_row);
    if (button(ui, "admin.queue_ops", ui.tr("admin.queue_ops"), ImVec2(action_w, button_h), ButtonStyle::Normal,
               Icon::Ticket))
        ctx.session.open(session::Screen::QueueOps);
    const auto printer = ticket_printer_state(ctx.kiosk);
    text_in_box(ui, "admin.queue_ops.printer", ui.fonts.body,
                ui.tr("queue_ops.printer.short." + std::string(queue::printer_state_name(printer))),
                ImVec2(queue_row.x + action_w + gap, queue_row.y), ImVec2(queue_row.x + 2 * action_w + gap, queue_row.y + button_h),
                queue::needs_attention(printer) ? p.error : p.text, Align::Left);

    // Lessons: the figures and installing packages from a USB stick, at the end of the queue's row.
    ImGui::SetCursorScreenPos(ImVec2(row.x + 2 * (action_w + gap), queue_row.y));
    if (button(ui, "admin.lessons", ui.tr("admin.lessons"), ImVec2(action_w, button_h), ButtonStyle::Normal, Icon::Globe))
        ctx.session.open(session::Screen::LessonAdmin);

    const auto& cfg = ctx.kiosk.config;
    const std::vector<std::pair<const char*, std::string>> facts{
        {"admin.fact.version", DESA_VERSION},
        {"admin.fact.village", cfg.village_code + "  " + ctx.kiosk.village_name},
        {"admin.fact.district", ctx.kiosk.district_name},
        {"admin.fact.regency", ctx.kiosk.regency_name},
        {"admin.fact.config", ctx.kiosk.config_file.string() + (ctx.kiosk.demo_config ? "  (demo)" : "")},
        {"admin.fact.data_dir", ctx.kiosk.data_dir.string()},
        {"admin.fact.database", ctx.kiosk.db.file().string() + "  v" + std::to_string(ctx.kiosk.schema_version)},
        {"storage.check.title", integrity_text(ui, ctx.kiosk.db.integrity())},
        {"admin.fact.assets", ctx.kiosk.assets_dir.string()},
        {"admin.fact.screen", std::to_string(static_cast<int>(ctx.display.x)) + " x " +
                                  std::to_string(static_cast<int>(ctx.display.y))},
        {"admin.fact.renderer", ctx.renderer_name},
        {"admin.fact.idle", std::to_string(cfg.idle_reset_after_s) + " s / " + std::to_string(cfg.attract_after_s) + " s"},
        {"admin.fact.slides", std::to_string(cfg.slides.size())},
        {"admin.lessons", ui.trf("admin.lessons.courses", {{"count", std::to_string(ctx.kiosk.courses.courses.size())}}) +
                              (ctx.kiosk.courses.broken.empty()
                                   ? std::string()
                                   : "  " + ui.trf("admin.lessons.broken", {{"count", std::to_string(ctx.kiosk.courses.broken.size())}}))},
        {"camera.status", camera_line(ui, ctx.kiosk)},
    };

    ImGui::SetCursorScreenPos(ImVec2(row.x, queue_row.y + button_h + gap));
    const float list_h = ctx.area_max.y - ImGui::GetCursorScreenPos().y - pad * 0.5f;
    begin_scroll_area(ui, "admin.facts", ImVec2(w, list_h));
    const float label_w = w * 0.35f;
    const float line_h = ui.fonts.body->FontSize * 1.25f;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const auto& [label_id, value] = facts[i];
        const ImVec2 at = ImGui::GetCursorScreenPos();
        // Values like paths may wrap to several lines; measure before drawing the row.
        const float value_w = w - label_w - ui.theme.px(40);
        const float value_h = ui.fonts.body->CalcTextSizeA(ui.fonts.body->FontSize, FLT_MAX, value_w, value.c_str()).y;
        const std::string& label = ui.tr(label_id);
        const float label_h = ui.fonts.bold->CalcTextSizeA(ui.fonts.bold->FontSize, FLT_MAX, label_w - ui.theme.px(24),
                                                           label.c_str()).y;
        const float row_h = std::max({line_h, value_h, label_h + ui.fonts.bold->FontSize * 0.3f}) + ui.theme.px(20);
        if (i % 2 == 0) ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + row_h), p.button);
        text_in_box(ui, label_id, ui.fonts.bold, label, ImVec2(at.x + ui.theme.px(12), at.y),
                    ImVec2(at.x + label_w, at.y + row_h), p.text, Align::Left);
        ImGui::SetCursorScreenPos(ImVec2(at.x + label_w + ui.theme.px(12), at.y + ui.theme.px(10)));
        paragraph(ui, ui.fonts.body, value, value_w, p.text);
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + row_h));
    }
    ImGui::Dummy(ImVec2(w, 1));
    end_scroll_area();
}

}  // namespace desa::kiosk
