#include "sync/heartbeat.hpp"

#include <nlohmann/json.hpp>
#include <system_error>

#include "catalog/catalog_store.hpp"
#include "core/process_uptime.hpp"
#include "queue/local_time.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {
namespace {

constexpr std::string_view kStateHeartbeatAt = "heartbeat_written_at";

}  // namespace

std::int64_t process_uptime_seconds() {
    const double ms = ms_since_process_start();  // the kernel's record; -1 without /proc
    return ms < 0 ? 0 : static_cast<std::int64_t>(ms / 1000);
}

HeartbeatFacts gather_heartbeat(storage::Database& db, const std::filesystem::path& data_dir, std::int64_t now,
                                int utc_offset_s, std::int64_t uptime_s) {
    HeartbeatFacts f;
    f.kiosk_version = DESA_VERSION;
    f.schema_version = db.schema_version();
    f.uptime_s = uptime_s;
    std::error_code ec;
    const auto space = std::filesystem::space(data_dir, ec);
    if (!ec) f.disk_free_bytes = static_cast<std::int64_t>(space.available);
    f.pending_outbox = count_pending(db);
    {
        auto s = db.prepare("SELECT max(CAST(value AS INTEGER)) FROM sync_state WHERE key LIKE 'last_success:%'");
        if (s.step() && !s.column_is_null(0)) f.last_sync_at = s.column_int64(0);
    }
    f.catalogue_size = catalog::CatalogStore(db).count();
    auto waiting = db.prepare("SELECT count(*) FROM queue_tickets WHERE state = 'waiting' AND service_day = ?1");
    waiting.bind(1, queue::date_number(queue::local_date(now, utc_offset_s)));
    waiting.step();
    f.queue_waiting = waiting.column_int64(0);
    return f;
}

std::string heartbeat_payload(const HeartbeatFacts& f, std::string_view village_code, std::int64_t now) {
    using nlohmann::json;
    return json{{"at", now},
                {"village", village_code},
                {"kiosk_version", f.kiosk_version},
                {"schema_version", f.schema_version},
                {"uptime_s", f.uptime_s},
                {"disk_free_bytes", f.disk_free_bytes ? json(*f.disk_free_bytes) : json(nullptr)},
                {"pending_outbox", f.pending_outbox},
                {"last_sync_at", f.last_sync_at ? json(*f.last_sync_at) : json(nullptr)},
                {"catalogue_size", f.catalogue_size},
                {"queue_waiting", f.queue_waiting}}
        .dump();
}

HeartbeatSkip write_heartbeat(storage::Database& db, const HeartbeatFacts& facts, std::string_view village_code,
                              std::int64_t now) {
    storage::Transaction tx(db);
    if (get_state(db, kStateHeartbeatAt)) {
        const std::int64_t at = get_state_int(db, kStateHeartbeatAt, 0);
        if (now >= at && now - at < kHeartbeatMinIntervalSeconds) return HeartbeatSkip::TooSoon;
    }
    auto pending = db.prepare("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND channel = ?1");
    pending.bind(1, kHeartbeatChannel);
    pending.step();
    if (pending.column_int64(0) > 0) return HeartbeatSkip::StillPending;
    append(db, OutboxRecord{new_uuid(), std::string(kHeartbeatChannel), now,
                            heartbeat_payload(facts, village_code, now), std::nullopt});
    set_state_int(db, kStateHeartbeatAt, now);
    tx.commit();
    return HeartbeatSkip::None;
}

}  // namespace desa::sync
