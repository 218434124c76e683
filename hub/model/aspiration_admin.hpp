#pragma once
// The province's side of aspirations: lists by region and status, one aspiration in full, status
// changes and answers, and the per-kiosk feed of those changes (GET /v1/aspirations/updates).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sql_db.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {

inline constexpr std::size_t kMaxUpdatesPerAnswer = 500;
inline constexpr std::size_t kMaxNoteBytes = 4000;

struct AspirationRow {
    std::string tracking_code, record_uuid, kiosk_id, village_code, type, category, identity, title, status;
    std::int64_t created_at = 0, received_at = 0, status_at = 0;
};

struct AspirationFilter {
    std::optional<std::string> region_prefix;  // canonical region code
    std::optional<std::string> status;         // a status name
    std::size_t limit = 1000;
};

// Newest first.
std::vector<AspirationRow> list_aspirations(SqlDb& db, const AspirationFilter& filter);
// A typed code (any case, dashes allowed); nullopt when unknown.
std::optional<AspirationRow> find_aspiration(SqlDb& db, std::string_view typed_code);
std::optional<std::string> aspiration_payload(SqlDb& db, const AspirationRow& row);
std::vector<sync::StatusUpdate> status_history(SqlDb& db, std::string_view tracking_code);

struct StatusChange {
    std::optional<sync::StatusUpdate> update;
    std::string error;  // "unknown_code", "bad_status", "bad_note"
};
// Appends a status update (the next number of the feed) and sets the aspiration's current status.
// "received" is refused: it is implied by the submission itself.
StatusChange set_aspiration_status(SqlDb& db, std::string_view typed_code, std::string_view status,
                                   const std::string& note, std::int64_t now);

// The updates of aspirations sent by this kiosk with seq > after, ascending, at most `limit`.
std::vector<sync::StatusUpdate> updates_for_kiosk(SqlDb& db, std::string_view kiosk_id, std::int64_t after,
                                                  std::size_t limit = kMaxUpdatesPerAnswer);

}  // namespace desa::hub
