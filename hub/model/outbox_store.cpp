#include "model/outbox_store.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

#include "aspirations/aspiration.hpp"
#include "aspirations/aspiration_store.hpp"
#include "core/readable_code.hpp"
#include "model/heartbeats.hpp"
#include "model/lesson_progress.hpp"

namespace desa::hub {
namespace {

std::string content_sha256(const IncomingRecord& r) {
    return sync::sha256_hex(r.channel + "\n" + std::to_string(r.created_at) + "\n" + r.payload);
}

const std::string* text_field(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// The non-personal index of an aspiration (what `aspirations list` filters on). Its village is
// the one the kiosk enrolled for, not what the payload claims. A payload this hub does not
// understand stays stored as a record, only unindexed, and is logged without its content.
void index_aspiration(SqlDb& db, const std::string& kiosk_id, const std::string& village_code,
                      const IncomingRecord& r, std::int64_t now) {
    const auto j = nlohmann::json::parse(r.payload, nullptr, false);
    const std::string *code = nullptr, *type = nullptr, *category = nullptr, *identity = nullptr, *title = nullptr;
    if (j.is_object()) {
        code = text_field(j, "tracking_code");
        type = text_field(j, "type");
        category = text_field(j, "category");
        identity = text_field(j, "identity");
        title = text_field(j, "title");
    }
    const bool valid = code && type && category && identity && title &&
                       readable_code::check(*code, aspirations::kTrackingCodeLength).code == *code &&
                       aspirations::kind_from_name(*type) && aspirations::category_from_name(*category) &&
                       aspirations::identity_from_name(*identity);
    if (!valid) {
        spdlog::warn("outbox: aspiration record {} from kiosk {} is not understood; stored unindexed", r.uuid,
                     kiosk_id);
        return;
    }
    const std::int64_t added = db.execute(
        "INSERT INTO aspirations (tracking_code, record_uuid, kiosk_id, village_code, type, category, identity, "
        "title, created_at, received_at, status, status_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
        "$10) ON CONFLICT (tracking_code) DO NOTHING",
        {*code, r.uuid, kiosk_id, village_code, *type, *category, *identity, *title, r.created_at, now,
         std::string(aspirations::status_name(aspirations::Status::Sent))});
    if (added == 0)
        spdlog::warn("outbox: tracking code {} of record {} already belongs to another record; not indexed", *code,
                     r.uuid);
}

}  // namespace

std::vector<sync::AckResult> store_records(SqlDb& db, const std::string& kiosk_id,
                                           const std::vector<IncomingRecord>& records, std::int64_t now) {
    std::vector<sync::AckResult> results(records.size());
    // Rows are written in UUID order, answers kept in request order: two transactions holding
    // overlapping batches then lock rows in the same order and cannot deadlock on PostgreSQL.
    std::vector<std::size_t> order(records.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return records[a].uuid < records[b].uuid; });
    SqlTransaction tx(db);
    const auto kiosk = db.query("SELECT village_code FROM kiosks WHERE id = $1", {kiosk_id});
    const std::string village = kiosk.empty() ? std::string() : kiosk[0].text(0);
    bool heartbeats = false;
    std::vector<lessons::ProgressRecord> progress;  // merged after the loop, in key order
    for (const std::size_t index : order) {
        const auto& r = records[index];
        const std::int64_t inserted = db.execute(
            "INSERT INTO records (uuid, kiosk_id, channel, created_at, payload, received_at) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (uuid) DO NOTHING",
            {r.uuid, kiosk_id, r.channel, r.created_at, r.payload, now});
        if (inserted == 1) {
            if (r.channel == "aspirations") index_aspiration(db, kiosk_id, village, r, now);
            if (r.channel == lessons::kLessonProgressChannel) {
                if (auto row = read_progress_record(r.payload)) progress.push_back(std::move(*row));
                else  // the learner code stays out of the log, like the rest of the payload
                    spdlog::warn("outbox: lesson progress record {} from kiosk {} is not understood; stored unmerged",
                                 r.uuid, kiosk_id);
            }
            if (r.channel == kHeartbeatChannel) {
                heartbeats = true;
                if (!index_heartbeat(db, kiosk_id, r.uuid, r.created_at, r.payload, now))
                    spdlog::warn("outbox: heartbeat record {} from kiosk {} is not understood; stored unindexed",
                                 r.uuid, kiosk_id);
            }
            results[index] = {r.uuid, "stored"};
            continue;
        }
        const auto kept =
            db.query("SELECT kiosk_id, channel, created_at, payload FROM records WHERE uuid = $1", {r.uuid});
        const bool same = !kept.empty() && kept[0].text(0) == kiosk_id && kept[0].text(1) == r.channel &&
                          kept[0].int64(2) == r.created_at && kept[0].text(3) == r.payload;
        if (same) {
            results[index] = {r.uuid, "duplicate"};
            continue;
        }
        // Another kiosk with the same UUID (a cloned SD card) is a conflict too.
        db.execute(
            "INSERT INTO outbox_conflicts (uuid, content_sha256, kiosk_id, channel, created_at, payload, first_seen, "
            "last_seen, times_seen) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1) "
            "ON CONFLICT (uuid, content_sha256) DO UPDATE SET last_seen = excluded.last_seen, "
            "times_seen = outbox_conflicts.times_seen + 1",
            {r.uuid, content_sha256(r), kiosk_id, r.channel, r.created_at, r.payload, now});
        spdlog::warn("outbox: conflict for record {} from kiosk {}", r.uuid, kiosk_id);
        results[index] = {r.uuid, "conflict"};
    }
    merge_lesson_progress(db, std::move(progress), now);
    // Old heartbeats go at most once an hour per process, with a batch that brings new ones.
    static std::atomic<std::int64_t> last_prune{0};
    std::int64_t previous = last_prune.load();
    if (heartbeats && (now - previous >= 3600 || now < previous) && last_prune.compare_exchange_strong(previous, now))
        prune_heartbeats(db, now);
    tx.commit();
    return results;
}

std::vector<ConflictRow> list_conflicts(SqlDb& db) {
    std::vector<ConflictRow> out;
    for (const auto& r : db.query("SELECT uuid, kiosk_id, channel, content_sha256, created_at, first_seen, last_seen, "
                                  "times_seen FROM outbox_conflicts ORDER BY first_seen, uuid",
                                  {}))
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.int64(5), r.int64(6), r.int64(7)});
    return out;
}

}  // namespace desa::hub
