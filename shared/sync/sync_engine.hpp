#pragma once
// One sync cycle of the kiosk (docs/sync-protocol.md): outbox up, aspiration status down, then
// each content channel; what happened is kept in sync_state for `desa-kiosk status` and the admin
// screen. A cycle never throws for network trouble: it reports, and the caller retries later.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "storage/database.hpp"
#include "sync/content_sync.hpp"
#include "sync/hub_client.hpp"
#include "sync/outbox_upload.hpp"
#include "sync/status_updates.hpp"

namespace desa::sync {

// Where a cycle is, for the admin screen's progress: step 1..count ("outbox", "aspirations", then
// each channel by name).
struct CycleProgress {
    std::string step;
    int index = 0;
    int count = 0;
};

struct SyncOptions {
    std::optional<std::string> hub_override;  // --hub: another route; trust stays pinned
    std::vector<std::string> channels = {"slides", "catalog"};
    std::map<std::string, ChannelApplyHook> apply_hooks;  // by channel ("catalog": the kiosk wires it)
    ClientOptions client;
    std::int64_t chunk_bytes = kChunkBytes;
    // Run before the outbox goes up, with the hub-corrected time: records that become due with
    // time rather than with an action (a finished day's queue statistics) are written here.
    std::vector<std::function<void(storage::Database&, std::int64_t now)>> before_upload;
    std::function<void(const CycleProgress&)> on_progress;  // called on the cycle's thread; may be empty
};

struct CycleReport {
    bool ok = false;  // every step reached the hub and got a verified answer
    UploadReport upload;
    UpdatesReport updates;
    std::vector<ChannelReport> channels;
    std::optional<std::int64_t> retry_after;  // the hub asked for a pause (Retry-After)
    std::string error;                        // the first problem, one line; "" when ok
    std::vector<std::string> warnings;        // conflicts, rejected versions: ok, but an admin should look
    WireCounters wire;
    bool not_enrolled = false;
};

CycleReport run_cycle(storage::Database& db, const std::filesystem::path& data_dir, const SyncOptions& options = {});

// For `desa-kiosk status --json` and the admin screen: enrolment, last success per step, content
// versions, pending outbox count, last error. No personal data, no keys beyond a fingerprint.
nlohmann::json sync_status_json(storage::Database& db);

}  // namespace desa::sync
