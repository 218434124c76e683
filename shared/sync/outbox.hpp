#pragma once
// The append-only outbox: everything a kiosk must deliver to the hub (aspirations, evaluations,
// ...) is one row here, written in the same transaction as the action that made it, with a UUID
// made at creation as its idempotency key. Rows are never changed; the sync engine only marks them
// sent once the hub's signed acknowledgement arrives (../shared/BRIEF.md §5).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace desa::sync {

struct OutboxRecord {
    std::string uuid;        // "1b4e28ba-2fa1-41d2-883f-0016d3cca427" (v4, random)
    std::string channel;     // "aspirations", "evaluations", ...
    std::int64_t created_at = 0;  // unix seconds
    std::string payload;     // JSON; personal parts already sealed
    std::optional<std::int64_t> sent_at;
};

std::string new_uuid();  // RFC 4122 version 4 from libsodium's random bytes
// The same name always gives the same UUID (version 8 over SHA-256): a record about one thing
// (a village's day of statistics) keeps its id however often it is written, so the hub keeps one.
std::string name_uuid(std::string_view name);
bool looks_like_uuid(std::string_view);

// Inside the caller's transaction (so the record and the action that made it commit together).
void append(storage::Database& db, const OutboxRecord& record);
std::vector<OutboxRecord> pending(storage::Database& db, std::string_view channel, std::size_t limit);
std::optional<OutboxRecord> find(storage::Database& db, std::string_view uuid);
// After the hub's acknowledgement; a second call keeps the first time.
void mark_sent(storage::Database& db, std::string_view uuid, std::int64_t at);
std::int64_t count_pending(storage::Database& db);

}  // namespace desa::sync
