#pragma once
// Kiosk heartbeats (outbox channel "heartbeats", shared/sync/heartbeat.hpp): each arrives as an
// ordinary record; the newest valid one per kiosk is also kept in kiosk_heartbeats for
// `desa-hub kiosk list`. A payload that does not read as a heartbeat stays a stored record but is
// skipped here (counted in the log), never failing the batch.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "db/sql_db.hpp"

namespace desa::hub {

inline constexpr std::string_view kHeartbeatChannel = "heartbeats";
// Heartbeat records older than this (by arrival) are pruned, except each kiosk's latest.
inline constexpr std::int64_t kHeartbeatKeepSeconds = 7 * 86400;

struct Heartbeat {
    std::string record_uuid;
    std::int64_t created_at = 0, received_at = 0;
    std::string kiosk_version;
    std::int64_t schema_version = 0, uptime_s = 0, pending_outbox = 0, catalogue_size = 0, queue_waiting = 0;
    std::optional<std::int64_t> disk_free_bytes, last_sync_at;
};

// The heartbeat in a record's payload, or nullopt when it is damaged or foreign.
std::optional<Heartbeat> parse_heartbeat(const std::string& payload);

// Inside the outbox batch's transaction: keeps the heartbeat as the kiosk's last one when it is
// newer (by its created_at) than the one kept; false when the payload is not a heartbeat.
bool index_heartbeat(SqlDb& db, const std::string& kiosk_id, const std::string& uuid, std::int64_t created_at,
                     const std::string& payload, std::int64_t now);

// Deletes heartbeat records received before now - kHeartbeatKeepSeconds, except the one each kiosk's
// last heartbeat came from. Why: a kiosk sends one every sync cycle (up to ~290 a day), and nothing
// reads old ones but an administrator looking at the last week; aspirations, edits and statistics
// are never pruned. A kiosk that sends a pruned heartbeat again (its acknowledgement lost for a
// week) gets "stored" instead of "duplicate": harmless, it is only older than the one kept.
// Returns the number deleted.
std::int64_t prune_heartbeats(SqlDb& db, std::int64_t now);

// The kept heartbeat of every kiosk that sent one, by kiosk id.
std::map<std::string, Heartbeat> last_heartbeats(SqlDb& db);

}  // namespace desa::hub
