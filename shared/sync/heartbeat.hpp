#pragma once
// The kiosk's heartbeat for the hub (outbox channel "heartbeats", docs/sync-protocol.md): how the
// kiosk is doing, written by a before_upload hook of the sync cycle. Facts about the machine only:
// versions, uptime, free disk, pending outbox, last sync, catalogue size, tickets waiting.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace desa::sync {

inline constexpr std::string_view kHeartbeatChannel = "heartbeats";
// Not more often than this, whatever the sync interval ("Sync now" pressed five times in a row
// sends one heartbeat).
inline constexpr std::int64_t kHeartbeatMinIntervalSeconds = 300;

struct HeartbeatFacts {
    std::string kiosk_version;  // DESA_VERSION
    int schema_version = 0;     // kiosk.db migrations applied
    std::int64_t uptime_s = 0;  // of the kiosk process
    std::optional<std::int64_t> disk_free_bytes;  // of the data directory's file system, for the kiosk's user
    std::int64_t pending_outbox = 0;              // before this heartbeat
    std::optional<std::int64_t> last_sync_at;     // the newest "last success" of any sync step
    std::int64_t catalogue_size = 0;              // records in the local catalogue (not withdrawn)
    std::int64_t queue_waiting = 0;               // tickets waiting today
};

// Seconds since this process started (the kernel's record, core/process_uptime.hpp); 0 without /proc.
std::int64_t process_uptime_seconds();

HeartbeatFacts gather_heartbeat(storage::Database& db, const std::filesystem::path& data_dir, std::int64_t now,
                                int utc_offset_s, std::int64_t uptime_s);

std::string heartbeat_payload(const HeartbeatFacts&, std::string_view village_code, std::int64_t now);

enum class HeartbeatSkip { None, TooSoon, StillPending };

// Writes one heartbeat record at `now` unless one was written less than
// kHeartbeatMinIntervalSeconds ago, or one is still waiting in the outbox (a kiosk offline for a
// week keeps one heartbeat, not 700: the hub learns when it was made). A clock set back counts as
// due. Returns why nothing was written, or None.
HeartbeatSkip write_heartbeat(storage::Database& db, const HeartbeatFacts& facts, std::string_view village_code,
                              std::int64_t now);

}  // namespace desa::sync
