#pragma once
// Records a kiosk delivers from its outbox, stored by UUID (docs/sync-protocol.md, "Up: the
// outbox"): new -> stored; same UUID, same kiosk and same (channel, created_at, payload) ->
// duplicate, acknowledged again; anything else under a known UUID -> conflict, that version kept
// in outbox_conflicts for an administrator. Aspirations are indexed by tracking code on the way in,
// and new lesson_progress records merged into each learner's progress (model/lesson_progress.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "db/sql_db.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {

struct IncomingRecord {
    std::string uuid, channel;
    std::int64_t created_at = 0;
    std::string payload;  // JSON text, kept byte for byte
};

// One transaction for the whole batch: either every result is durable or none is (the kiosk then
// sends the batch again and gets the same answers). Results in request order.
std::vector<sync::AckResult> store_records(SqlDb& db, const std::string& kiosk_id,
                                           const std::vector<IncomingRecord>& records, std::int64_t now);

struct ConflictRow {
    std::string uuid, kiosk_id, channel, content_sha256;
    std::int64_t created_at = 0, first_seen = 0, last_seen = 0, times_seen = 0;
};
std::vector<ConflictRow> list_conflicts(SqlDb& db);

}  // namespace desa::hub
