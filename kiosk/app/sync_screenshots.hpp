#pragma once
// Screenshot states of the admin sync screen: "admin-sync-enrolled" (the state of an enrolled
// kiosk with an outbox waiting and a last error), "admin-sync-running" (a cycle at its second
// step) and "admin-sync-refused" (a used enrolment code). Sample values shown through
// SyncService::show_sample: nothing is written to the database and no hub is called.
#include <string>
#include <string_view>
#include <vector>

#include "app/kiosk_context.hpp"
#include "app/sync_service.hpp"
#include "session/kiosk_session.hpp"

namespace desa::kiosk {

std::vector<std::string> sync_screenshot_names();
// Opens the sync screen (through the settings) with the sample for `name`; false when the name is
// not one of sync_screenshot_names().
bool prepare_sync_screenshot(const KioskContext& kiosk, SyncService& sync, session::KioskSession& session,
                             std::string_view name, std::int64_t unix_now);

}  // namespace desa::kiosk
