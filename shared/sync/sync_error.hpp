#pragma once
// The one-line last error of a sync cycle (sync_state "last_error", written by run_cycle) sorted
// into what an administrator can act on, so the admin screen can say it in their language: the
// step it happened in and a reason. The line itself stays English for logs and `status --json`.
#include <string>
#include <string_view>

namespace desa::sync {

enum class ErrorReason {
    Unreachable,      // network: no route, refused, timeout, stall, cancelled
    HubBusy,          // 408, 429, 5xx: the hub (or a proxy) asked to come back later
    Revoked,          // 401 revoked: this kiosk was revoked at the hub
    UnknownKiosk,     // 401 unknown_kiosk: the hub does not know this kiosk (another hub, reset)
    Refused,          // any other HTTP refusal (bad signature, 4xx)
    BadAnswer,        // a 2xx that is not the protocol's answer: captive portal, bad signature
    Conflict,         // outbox records in conflict at the hub, kept pending
    TooLarge,         // outbox records larger than a batch, kept pending
    ContentRejected,  // a channel version not newer, or not applicable: the old one stays
    DiskFull,         // not enough disk space for a channel version
    Local,            // the kiosk's own disk or database
    Other,
};
std::string_view error_reason_name(ErrorReason);  // "unreachable", "hub_busy", ... (message ids)

struct ClassifiedError {
    std::string step;  // "outbox", "aspirations", a channel name, or "" when the line names none
    ErrorReason reason = ErrorReason::Other;
};

ClassifiedError classify_sync_error(std::string_view line);

}  // namespace desa::sync
