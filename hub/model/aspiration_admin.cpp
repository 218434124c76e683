#include "model/aspiration_admin.hpp"

#include "aspirations/aspiration_store.hpp"
#include "core/readable_code.hpp"
#include "model/kiosks.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

constexpr const char* kColumns =
    "SELECT tracking_code, record_uuid, kiosk_id, village_code, type, category, identity, title, status, "
    "created_at, received_at, status_at FROM aspirations ";

AspirationRow read_row(const SqlRow& r) {
    return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8),
            r.int64(9), r.int64(10), r.int64(11)};
}

sync::StatusUpdate read_update(const SqlRow& r) { return {r.int64(0), r.text(1), r.text(2), r.int64(3), r.text(4)}; }

}  // namespace

std::vector<AspirationRow> list_aspirations(SqlDb& db, const AspirationFilter& filter) {
    SqlParams params;
    std::string where;
    if (filter.region_prefix) where = region_filter_sql("village_code", *filter.region_prefix, params);
    if (filter.status) {
        params.emplace_back(*filter.status);
        where += (where.empty() ? "" : " AND ") + std::string("status = $") + std::to_string(params.size());
    }
    params.emplace_back(static_cast<std::int64_t>(filter.limit));
    const std::string sql = std::string(kColumns) + (where.empty() ? "" : "WHERE " + where + " ") +
                            "ORDER BY created_at DESC, tracking_code LIMIT $" + std::to_string(params.size());
    std::vector<AspirationRow> out;
    for (const auto& r : db.query(sql, params)) out.push_back(read_row(r));
    return out;
}

std::optional<AspirationRow> find_aspiration(SqlDb& db, std::string_view typed_code) {
    const auto code = readable_code::check(typed_code, aspirations::kTrackingCodeLength).code;
    if (!code) return std::nullopt;
    const auto rows = db.query(std::string(kColumns) + "WHERE tracking_code = $1", {*code});
    if (rows.empty()) return std::nullopt;
    return read_row(rows[0]);
}

std::optional<std::string> aspiration_payload(SqlDb& db, const AspirationRow& row) {
    const auto rows = db.query("SELECT payload FROM records WHERE uuid = $1", {row.record_uuid});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}

std::vector<sync::StatusUpdate> status_history(SqlDb& db, std::string_view tracking_code) {
    std::vector<sync::StatusUpdate> out;
    for (const auto& r : db.query("SELECT seq, tracking_code, status, at, note FROM status_updates "
                                  "WHERE tracking_code = $1 ORDER BY seq",
                                  {std::string(tracking_code)}))
        out.push_back(read_update(r));
    return out;
}

StatusChange set_aspiration_status(SqlDb& db, std::string_view typed_code, std::string_view status,
                                   const std::string& note, std::int64_t now) {
    const auto parsed = aspirations::status_from_name(status);
    if (!parsed || *parsed == aspirations::Status::Received) return {std::nullopt, "bad_status"};
    if (!is_clean_text(note, kMaxNoteBytes, true)) return {std::nullopt, "bad_note"};
    SqlTransaction tx(db);
    const auto row = find_aspiration(db, typed_code);
    if (!row) return {std::nullopt, "unknown_code"};
    // The counter row's lock orders feed numbers by commit (see the schema).
    const std::int64_t seq =
        db.query("UPDATE counters SET value = value + 1 WHERE name = 'status_seq' RETURNING value", {}).at(0).int64(0);
    sync::StatusUpdate u{seq, row->tracking_code, std::string(status), now, note};
    db.execute("INSERT INTO status_updates (seq, kiosk_id, tracking_code, status, at, note) VALUES ($1, $2, $3, $4, "
               "$5, $6)",
               {u.seq, row->kiosk_id, u.tracking_code, u.status, u.at, u.note});
    db.execute("UPDATE aspirations SET status = $2, status_at = $3 WHERE tracking_code = $1",
               {u.tracking_code, u.status, u.at});
    tx.commit();
    return {u, {}};
}

std::vector<sync::StatusUpdate> updates_for_kiosk(SqlDb& db, std::string_view kiosk_id, std::int64_t after,
                                                  std::size_t limit) {
    std::vector<sync::StatusUpdate> out;
    for (const auto& r : db.query("SELECT seq, tracking_code, status, at, note FROM status_updates "
                                  "WHERE kiosk_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                                  {std::string(kiosk_id), after, static_cast<std::int64_t>(limit)}))
        out.push_back(read_update(r));
    return out;
}

}  // namespace desa::hub
