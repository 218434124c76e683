#pragma once
// Course certificates (issue: "signed by the kiosk, verifiable offline by any kiosk"). The QR text:
//   DESA-SERTIFIKAT:1:<kiosk id>:<village>:<course>:<YYYYMMDD>:<learner>:<name>:<kiosk key>:<endorsement>:<signature>
// <name> is the display name the learner chose (UTF-8, base64url), <kiosk key> the issuing kiosk's
// Ed25519 public key and <endorsement> the province's signature over
// "desa-kiosk-endorsement:1:<kiosk id>:<village>:<kiosk key>" given at enrolment (base64url), so
// any kiosk that pinned the same province key checks a certificate with no network: the province
// vouches for the kiosk, the kiosk for the certificate. A kiosk not yet enrolled signs with its own
// key and an empty endorsement: only that kiosk recognises it. <signature> (the kiosk's, base64url)
// covers everything before the last ':'. About 330 characters: a version-13 QR.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/local_time.hpp"
#include "sync/protocol.hpp"

namespace desa::lessons {

inline constexpr std::string_view kCertificatePrefix = "DESA-SERTIFIKAT:1:";
inline constexpr std::size_t kMaxDisplayNameChars = 40;

struct Certificate {
    std::string kiosk_id;      // "lokal" when the kiosk was not enrolled
    std::string village_code;  // "18.01.04.2001"
    std::string course_id;
    queue::LocalDate day;
    std::string learner_code;
    std::string display_name;  // as the learner chose, 1..40 characters, no control characters
};

// What the province signs at enrolment, and the signature a kiosk keeps (base64, sync::sign_text).
std::string endorsement_text(std::string_view kiosk_id, std::string_view village_code, const sync::SignPublicKey&);

// nullopt for a display name that is empty, too long, not UTF-8 or has control characters or ':'.
std::optional<std::string> clean_display_name(std::string_view typed);

// `endorsement` (base64 from the enrolment) may be empty for a kiosk not yet enrolled.
std::string certificate_qr_text(const Certificate&, const sync::SignSecretKey& kiosk_key, std::string_view endorsement);

enum class CertificateVerdict {
    Valid,        // signature good and the kiosk vouched for (by the province, or it is this kiosk)
    Forged,       // ours in form but a signature or field is wrong (altered, made up)
    UnknownKiosk, // well signed, but by a kiosk no province key this kiosk trusts vouches for
    Unknown,      // not a certificate
};
std::string_view certificate_verdict_name(CertificateVerdict);  // "valid", "forged", "unknown_kiosk", "unknown"

struct CertificateCheck {
    CertificateVerdict verdict = CertificateVerdict::Unknown;
    std::optional<Certificate> certificate;  // with Valid and UnknownKiosk
    std::optional<sync::SignPublicKey> kiosk_key;
    bool issued_here = false;  // signed by one of `own_keys`
};

// `province_key`: the pinned province key (none before enrolment); `own_keys`: this kiosk's keys.
CertificateCheck verify_certificate(std::string_view text, const std::optional<sync::SignPublicKey>& province_key,
                                    const std::vector<sync::SignPublicKey>& own_keys);

}  // namespace desa::lessons
