#include "app/sync_screenshots.hpp"

#include <algorithm>

namespace desa::kiosk {

std::vector<std::string> sync_screenshot_names() {
    return {"admin-sync-enrolled", "admin-sync-running", "admin-sync-refused"};
}

bool prepare_sync_screenshot(const KioskContext& kiosk, SyncService& sync, session::KioskSession& session,
                             std::string_view name, std::int64_t unix_now) {
    const auto names = sync_screenshot_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) return false;
    const std::int64_t now = unix_now > 0 ? unix_now : 1'767'225'600;  // 2026-01-01 on a manual clock
    SyncPanel panel;
    if (name == "admin-sync-refused") {
        panel.status = {{"enrolled", false}};
        panel.enrol.phase = EnrolPhase::Failed;
        panel.enrol.problem = sync::EnrolProblem::CodeUsed;
        session.forms.enrol_hub.insert("https://hub.lampungprov.go.id");
        session.forms.enrol_code.insert("K7MQ-9XD4-PA3R");
    } else {
        panel.status = {{"enrolled", true},
                        {"kiosk_id", "k-1801042001-7f3a"},
                        {"hub", "https://hub.lampungprov.go.id"},
                        {"village_code", kiosk.config.village_code},
                        {"province_key", "3f9a1c2b7d4e8f60"},
                        {"last_success", {{"outbox", now - 3 * 3600}, {"aspirations", now - 3 * 3600},
                                          {"slides", now - 26 * 3600}, {"catalog", 0}}},
                        {"channels", {{{"channel", "slides"}, {"version", 12}}}},
                        {"pending_outbox", 7}};
        panel.worker.started = true;
        if (name == "admin-sync-running") {
            panel.worker.running = true;
            panel.worker.progress = {"aspirations", 2, 4};
        } else {
            panel.status["last_error"] = "outbox: network: Couldn't connect to server";
            panel.status["last_error_at"] = now - 600;
            panel.worker.consecutive_failures = 3;
            panel.worker.next_at_wall = std::chrono::system_clock::time_point(std::chrono::seconds(now + 240));
        }
    }
    sync.show_sample(std::move(panel));
    session.open(session::Screen::AdminSettings);
    session.open(session::Screen::AdminSync);
    return true;
}

}  // namespace desa::kiosk
