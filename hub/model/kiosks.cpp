#include "model/kiosks.hpp"

#include <atomic>

#include "aspirations/aspiration.hpp"
#include "core/readable_code.hpp"
#include "model/regions.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {
namespace {

constexpr const char* kKioskColumns =
    "SELECT id, village_code, name, public_key, enrolled_at, revoked_at, last_seen FROM kiosks ";

Kiosk read_kiosk(const SqlRow& r) {
    return {r.text(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.opt_int64(5), r.opt_int64(6)};
}

std::string new_kiosk_id(SqlDb& db) {
    for (;;) {  // 31^9 ids: a clash is rare, but the table decides
        std::string id = readable_code::make(9);
        if (db.query("SELECT 1 FROM kiosks WHERE id = $1", {id}).empty()) return id;
    }
}

}  // namespace

bool is_clean_text(std::string_view text, std::size_t max_bytes, bool allow_newlines) {
    if (text.size() > max_bytes) return false;
    if (aspirations::check_free_text(text) != aspirations::TextFault::None) return false;
    if (!allow_newlines && text.find_first_of("\r\n\t") != std::string_view::npos) return false;
    return true;
}

std::string display_enrol_code(std::string_view code) { return readable_code::group(code, 4); }

EnrolCode create_enrol_code(SqlDb& db, const std::string& village_code, const std::string& name,
                            std::int64_t valid_seconds, std::int64_t now) {
    EnrolCode c{{}, village_code, name, now, now + valid_seconds};
    SqlTransaction tx(db);
    do {
        c.code = readable_code::make(kEnrolCodeLength - 1);
    } while (!db.query("SELECT 1 FROM enrol_codes WHERE code = $1", {c.code}).empty());
    db.execute("INSERT INTO enrol_codes (code, village_code, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
               {c.code, c.village_code, c.name, c.created_at, c.expires_at});
    tx.commit();
    return c;
}

EnrolOutcome enrol_kiosk(SqlDb& db, std::string_view typed_code, const std::string& public_key_base64,
                         const std::string& requested_name, std::int64_t now) {
    const auto checked = readable_code::check(typed_code, kEnrolCodeLength);
    if (!checked.code) return {std::nullopt, "code_unknown"};
    const std::string code = *checked.code;

    SqlTransaction tx(db);
    const auto rows =
        db.query("SELECT village_code, name, expires_at, used_at FROM enrol_codes WHERE code = $1", {code});
    if (rows.empty()) return {std::nullopt, "code_unknown"};
    if (!rows[0].is_null(3)) return {std::nullopt, "code_used"};
    if (rows[0].int64(2) <= now) return {std::nullopt, "code_expired"};
    if (!db.query("SELECT 1 FROM kiosks WHERE public_key = $1", {public_key_base64}).empty())
        return {std::nullopt, "key_in_use"};

    Kiosk k;
    k.id = new_kiosk_id(db);
    k.village_code = rows[0].text(0);
    k.name = rows[0].text(1);
    if (k.name.empty()) k.name = requested_name;
    if (k.name.empty()) k.name = region_name(db, k.village_code).value_or(k.village_code);
    k.public_key = public_key_base64;
    k.enrolled_at = now;
    // A second enrolment racing for the same code finds used_at set once the first commits.
    if (db.execute("UPDATE enrol_codes SET used_at = $2, kiosk_id = $3 WHERE code = $1 AND used_at IS NULL",
                   {code, now, k.id}) != 1)
        return {std::nullopt, "code_used"};
    db.execute("INSERT INTO kiosks (id, village_code, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4, $5)",
               {k.id, k.village_code, k.name, k.public_key, k.enrolled_at});
    tx.commit();
    return {k, {}};
}

std::optional<Kiosk> find_kiosk(SqlDb& db, std::string_view id) {
    const auto rows = db.query(std::string(kKioskColumns) + "WHERE id = $1", {std::string(id)});
    if (rows.empty()) return std::nullopt;
    return read_kiosk(rows[0]);
}

std::vector<Kiosk> list_kiosks(SqlDb& db, const std::optional<std::string>& region_prefix) {
    SqlParams params;
    std::string sql = kKioskColumns;
    if (region_prefix) sql += "WHERE " + region_filter_sql("village_code", *region_prefix, params) + " ";
    sql += "ORDER BY village_code, enrolled_at, id";
    std::vector<Kiosk> out;
    for (const auto& r : db.query(sql, params)) out.push_back(read_kiosk(r));
    return out;
}

bool revoke_kiosk(SqlDb& db, std::string_view id, std::int64_t now) {
    SqlTransaction tx(db);
    if (!find_kiosk(db, id)) return false;
    db.execute("UPDATE kiosks SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL", {std::string(id), now});
    tx.commit();
    return true;
}

void touch_kiosk(SqlDb& db, std::string_view id, std::int64_t now) {
    db.execute("UPDATE kiosks SET last_seen = $2 WHERE id = $1 AND (last_seen IS NULL OR last_seen < $3)",
               {std::string(id), now, now - 60});
}

bool remember_nonce(SqlDb& db, std::string_view kiosk_id, std::string_view nonce, std::int64_t now) {
    const std::int64_t forget_before = now - sync::kNonceMemorySeconds;
    // A nonce seen long ago (kept only because pruning is occasional) counts as new again.
    const bool fresh = db.execute(
                           "INSERT INTO nonces (kiosk_id, nonce, seen_at) VALUES ($1, $2, $3) "
                           "ON CONFLICT (kiosk_id, nonce) DO UPDATE SET seen_at = excluded.seen_at "
                           "WHERE nonces.seen_at < $4",
                           {std::string(kiosk_id), std::string(nonce), now, forget_before}) == 1;
    static std::atomic<std::int64_t> last_prune{0};
    std::int64_t previous = last_prune.load();
    // At most once a minute (a clock set back counts as due).
    if ((now - previous >= 60 || now < previous) && last_prune.compare_exchange_strong(previous, now))
        db.execute("DELETE FROM nonces WHERE seen_at < $1", {forget_before});
    return fresh;
}

}  // namespace desa::hub
