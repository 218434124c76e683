#pragma once
// Kiosks, their one-time enrolment codes and the nonces of their signed requests.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sql_db.hpp"

namespace desa::hub {

inline constexpr std::size_t kEnrolCodeLength = 12;  // 11 random symbols + check, shown XXXX-XXXX-XXXX
inline constexpr std::int64_t kDefaultEnrolMinutes = 60;
inline constexpr std::int64_t kMaxEnrolMinutes = 7 * 24 * 60;
inline constexpr std::size_t kMaxKioskNameBytes = 200;

struct EnrolCode {
    std::string code;  // canonical, no dashes
    std::string village_code, name;
    std::int64_t created_at = 0, expires_at = 0;
};

struct Kiosk {
    std::string id, village_code, name, public_key;
    std::int64_t enrolled_at = 0;
    std::optional<std::int64_t> revoked_at, last_seen;
};

EnrolCode create_enrol_code(SqlDb& db, const std::string& village_code, const std::string& name,
                            std::int64_t valid_seconds, std::int64_t now);
std::string display_enrol_code(std::string_view code);  // "XXXX-XXXX-XXXX"

struct EnrolOutcome {
    std::optional<Kiosk> kiosk;
    std::string error;  // "code_unknown", "code_used", "code_expired", "key_in_use"
};

// Consumes the code and registers the kiosk in one transaction. The kiosk's name is the one given
// with the code, else `requested_name`, else the village's. The caller has validated the key.
EnrolOutcome enrol_kiosk(SqlDb& db, std::string_view typed_code, const std::string& public_key_base64,
                         const std::string& requested_name, std::int64_t now);

std::optional<Kiosk> find_kiosk(SqlDb& db, std::string_view id);
std::vector<Kiosk> list_kiosks(SqlDb& db, const std::optional<std::string>& region_prefix);
// False when there is no such kiosk; revoking twice keeps the first time.
bool revoke_kiosk(SqlDb& db, std::string_view id, std::int64_t now);
void touch_kiosk(SqlDb& db, std::string_view id, std::int64_t now);  // last_seen, at most once a minute

// Records a request nonce; false when this kiosk used it within the memory window (a replay).
// Nonces older than the window are forgotten on the way.
bool remember_nonce(SqlDb& db, std::string_view kiosk_id, std::string_view nonce, std::int64_t now);

// Text that is safe to show and store: valid UTF-8 without control characters, at most max_bytes.
bool is_clean_text(std::string_view text, std::size_t max_bytes, bool allow_newlines = false);

}  // namespace desa::hub
