#pragma once
// Course certificates seen from the hub (docs/sync-protocol.md "Certificates"): the province's
// endorsement of each kiosk's key, and the hub's verdict on a certificate's QR text. The hub
// checks what a kiosk checks offline (lessons::verify_certificate with the province key) and then
// its own registry, which the endorsement only stands in for: the issuing kiosk must be enrolled
// here, for the certificate's village, with the key that signed it, and not revoked.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "db/sql_db.hpp"
#include "lessons/certificate.hpp"
#include "model/kiosks.hpp"

namespace desa::hub {

// sync::sign_text(lessons::endorsement_text(id, village, key), province secret) for an enrolled
// kiosk; nullopt when its stored key is unreadable.
std::optional<std::string> endorse_kiosk(const Kiosk& kiosk, const sync::SignSecretKey& province);

struct HubCertificateVerdict {
    std::string verdict;  // "valid", "forged", "unknown_kiosk", "revoked", "unknown"
    std::optional<lessons::Certificate> certificate;  // valid, unknown_kiosk, revoked
};

// A kiosk's own certificate made before it had an endorsement is still valid here when its key is
// the one this hub enrolled: the hub needs no voucher for its own registry.
HubCertificateVerdict check_certificate(SqlDb& db, const sync::SignPublicKey& province, std::string_view qr_text);

// {"verdict"} and, when the certificate was readable, "kiosk_id", "village", "course", "day"
// (YYYY-MM-DD), "display_name". Never the learner code: that opens the learner's progress.
nlohmann::json certificate_verdict_json(const HubCertificateVerdict& v);

}  // namespace desa::hub
