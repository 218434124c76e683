#pragma once
// Down: status changes of aspirations sent from this kiosk (docs/sync-protocol.md "Down:
// aspiration status"), applied with aspirations::record_status together with the new cursor in
// one transaction, so a power cut never applies an update twice or skips one.
#include <cstdint>
#include <optional>
#include <vector>

#include "sync/hub_client.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_session.hpp"

namespace desa::sync {

inline constexpr std::size_t kMaxUpdatesPerAnswer = 500;

// The answer to GET /v1/aspirations/updates?after=`after`: well-formed updates with seq strictly
// ascending above `after`, signed by the pinned key over updates_text. nullopt + BadAnswer otherwise.
std::optional<std::vector<StatusUpdate>> verify_updates(const HubResponse& response, const std::string& kiosk_id,
                                                        std::int64_t after, const SignPublicKey& province_key,
                                                        HubFailure& failure);

struct UpdatesReport {
    int applied = 0;
    int skipped = 0;  // an aspiration this kiosk does not know, or a status it does not know
    std::int64_t cursor = 0;
    std::optional<HubFailure> failure;
};

UpdatesReport pull_status_updates(SyncSession& session);

}  // namespace desa::sync
