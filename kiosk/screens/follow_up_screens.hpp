#pragma once
// What the follow-up screens (track, quick evaluation) offer the rest of the kiosk: opening the
// evaluation for a served queue ticket, the thank-you's return home (the app loop wakes for it),
// and named screenshot states.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aspirations/evaluation.hpp"
#include "core/clock.hpp"
#include "session/kiosk_session.hpp"

namespace desa::kiosk {

// Opens the quick evaluation with a fresh form; `service` preselected (the queue passes the
// service of the ticket just served; the resident can still change it).
void open_quick_evaluation(session::KioskSession& session, std::optional<aspirations::Service> service = std::nullopt);

// When the evaluation's thank-you returns home; apply_follow_up_timers() goes home once it is due
// and returns true if it changed the screen.
std::optional<Millis> follow_up_wake_at(const session::KioskSession& session);
bool apply_follow_up_timers(session::KioskSession& session, Millis now);

// "aspiration-track-timeline" (a submission with its answer), "evaluation-chosen" (service, face and
// comment chosen), "evaluation-thanks". Sample states only: nothing is written to the database.
std::vector<std::string> follow_up_screenshot_names();
bool prepare_follow_up_screenshot(std::string_view name, session::KioskSession& session, Millis now);

}  // namespace desa::kiosk
