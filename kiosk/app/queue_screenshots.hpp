#pragma once
// Screenshot states of the queue screens ("queue-lane", "queue-ticket", "queue-check-done", ...),
// so `desa-kiosk screenshot` and the every-screen test show each state in both languages. Sample
// data in the session only: nothing is written to the database, no key file is created.
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "session/kiosk_session.hpp"

namespace desa::kiosk {

// Monday 2025-12-01 09:00 WIB: the demo services are open.
inline constexpr std::int64_t kQueueScreenshotTime = 1'764'554'400;

// The extra states; "queue" and "queue-check" themselves come with the screens.
std::vector<std::string> queue_screenshot_names();
// Prepares `name` (one of queue_screenshot_names(), or "queue" / "queue-check") and sets the clock
// to office hours; false (and nothing changed) for any other name.
bool prepare_queue_screenshot(std::string_view name, session::KioskSession& session, ManualClock& clock);

}  // namespace desa::kiosk
