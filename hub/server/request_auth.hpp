#pragma once
// Checking a kiosk's signed request (docs/sync-protocol.md, "Signed requests"), independent of the
// HTTP library: which kiosk, not revoked, a valid Ed25519 signature over the canonical text,
// a time within 300 s of the hub's, and a nonce not seen in the last 600 s.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/sql_db.hpp"
#include "model/kiosks.hpp"

namespace desa::hub {

struct SignedHeaders {
    std::string kiosk_id;   // X-Desa-Kiosk
    std::string time;       // X-Desa-Time
    std::string nonce;      // X-Desa-Nonce
    std::string signature;  // X-Desa-Signature
};

struct AuthResult {
    std::optional<Kiosk> kiosk;
    // When refused: "unknown_kiosk", "revoked", "bad_signature", "clock_skew", "replayed".
    std::string error;
};

// `target` is the path with its query exactly as sent; `body` the bytes as sent (compressed, if so).
// The nonce is recorded only for a request that passed every other check.
AuthResult authenticate_request(SqlDb& db, std::string_view method, std::string_view target,
                                const SignedHeaders& headers, std::string_view body, std::int64_t now);

}  // namespace desa::hub
