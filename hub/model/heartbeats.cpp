#include "model/heartbeats.hpp"

#include <nlohmann/json.hpp>

#include "model/kiosks.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

constexpr std::int64_t kMaxCount = 1'000'000'000'000;  // far above any real figure; refuses nonsense

std::optional<std::int64_t> count_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > kMaxCount) return std::nullopt;
    return v;
}

// Absent or null: unknown (no file system answer, never synced); otherwise a sane count.
bool optional_count(const json& j, const char* key, std::optional<std::int64_t>& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    out = count_field(j, key);
    return out.has_value();
}

SqlValue opt(const std::optional<std::int64_t>& v) { return v ? SqlValue(*v) : SqlValue(nullptr); }

}  // namespace

std::optional<Heartbeat> parse_heartbeat(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    Heartbeat h;
    const auto version = j.find("kiosk_version");
    if (version == j.end() || !version->is_string() || !is_clean_text(version->get<std::string>(), 40) ||
        version->get<std::string>().empty())
        return std::nullopt;
    h.kiosk_version = version->get<std::string>();
    const auto schema = count_field(j, "schema_version"), uptime = count_field(j, "uptime_s"),
               pending = count_field(j, "pending_outbox"), catalogue = count_field(j, "catalogue_size"),
               waiting = count_field(j, "queue_waiting");
    if (!schema || !uptime || !pending || !catalogue || !waiting) return std::nullopt;
    h.schema_version = *schema;
    h.uptime_s = *uptime;
    h.pending_outbox = *pending;
    h.catalogue_size = *catalogue;
    h.queue_waiting = *waiting;
    if (!optional_count(j, "disk_free_bytes", h.disk_free_bytes) || !optional_count(j, "last_sync_at", h.last_sync_at))
        return std::nullopt;
    return h;
}

bool index_heartbeat(SqlDb& db, const std::string& kiosk_id, const std::string& uuid, std::int64_t created_at,
                     const std::string& payload, std::int64_t now) {
    const auto h = parse_heartbeat(payload);
    if (!h) return false;
    // Batches may arrive out of order (a retry): only a newer heartbeat replaces the one kept.
    db.execute(
        "INSERT INTO kiosk_heartbeats (kiosk_id, record_uuid, created_at, received_at, kiosk_version, schema_version, "
        "uptime_s, disk_free_bytes, pending_outbox, last_sync_at, catalogue_size, queue_waiting) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
        "ON CONFLICT (kiosk_id) DO UPDATE SET record_uuid = excluded.record_uuid, created_at = excluded.created_at, "
        "received_at = excluded.received_at, kiosk_version = excluded.kiosk_version, "
        "schema_version = excluded.schema_version, uptime_s = excluded.uptime_s, "
        "disk_free_bytes = excluded.disk_free_bytes, pending_outbox = excluded.pending_outbox, "
        "last_sync_at = excluded.last_sync_at, catalogue_size = excluded.catalogue_size, "
        "queue_waiting = excluded.queue_waiting WHERE kiosk_heartbeats.created_at < excluded.created_at",
        {kiosk_id, uuid, created_at, now, h->kiosk_version, h->schema_version, h->uptime_s, opt(h->disk_free_bytes),
         h->pending_outbox, opt(h->last_sync_at), h->catalogue_size, h->queue_waiting});
    return true;
}

std::int64_t prune_heartbeats(SqlDb& db, std::int64_t now) {
    return db.execute(
        "DELETE FROM records WHERE channel = $1 AND received_at < $2 "
        "AND uuid NOT IN (SELECT record_uuid FROM kiosk_heartbeats)",
        {std::string(kHeartbeatChannel), now - kHeartbeatKeepSeconds});
}

std::map<std::string, Heartbeat> last_heartbeats(SqlDb& db) {
    std::map<std::string, Heartbeat> out;
    for (const auto& r : db.query(
             "SELECT kiosk_id, record_uuid, created_at, received_at, kiosk_version, schema_version, uptime_s, "
             "disk_free_bytes, pending_outbox, last_sync_at, catalogue_size, queue_waiting FROM kiosk_heartbeats")) {
        Heartbeat h;
        h.record_uuid = r.text(1);
        h.created_at = r.int64(2);
        h.received_at = r.int64(3);
        h.kiosk_version = r.text(4);
        h.schema_version = r.int64(5);
        h.uptime_s = r.int64(6);
        h.disk_free_bytes = r.opt_int64(7);
        h.pending_outbox = r.int64(8);
        h.last_sync_at = r.opt_int64(9);
        h.catalogue_size = r.int64(10);
        h.queue_waiting = r.int64(11);
        out.emplace(r.text(0), std::move(h));
    }
    return out;
}

}  // namespace desa::hub
