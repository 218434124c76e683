#include "server/request_auth.hpp"

#include <charconv>

#include "sync/protocol.hpp"

namespace desa::hub {
namespace {

bool is_nonce(std::string_view s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::optional<std::int64_t> parse_time(std::string_view s) {
    if (s.empty() || s.size() > 20) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    if (value < 0 || value > 100'000'000'000) return std::nullopt;  // keeps the skew arithmetic in range
    return value;
}

}  // namespace

AuthResult authenticate_request(SqlDb& db, std::string_view method, std::string_view target,
                                const SignedHeaders& h, std::string_view body, std::int64_t now) {
    if (h.kiosk_id.empty() || h.kiosk_id.size() > 64) return {std::nullopt, "unknown_kiosk"};
    auto kiosk = find_kiosk(db, h.kiosk_id);
    if (!kiosk) return {std::nullopt, "unknown_kiosk"};
    if (kiosk->revoked_at) return {std::nullopt, "revoked"};
    const auto time = parse_time(h.time);
    const auto key = sync::parse_sign_public_key(kiosk->public_key);
    if (!time || !is_nonce(h.nonce) || !key ||
        !sync::verify_text(sync::request_text(method, target, *time, h.nonce, body), h.signature, *key))
        return {std::nullopt, "bad_signature"};
    // Checked after the signature: only the kiosk itself learns that its clock is off (and the
    // answer carries the hub's time so it can correct it).
    const std::int64_t skew = *time > now ? *time - now : now - *time;
    if (skew > sync::kClockSkewSeconds) return {std::nullopt, "clock_skew"};
    if (!remember_nonce(db, kiosk->id, h.nonce, now)) return {std::nullopt, "replayed"};
    touch_kiosk(db, kiosk->id, now);
    return {std::move(kiosk), {}};
}

}  // namespace desa::hub
