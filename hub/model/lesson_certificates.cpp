#include "model/lesson_certificates.hpp"

#include "sync/enrolment.hpp"

namespace desa::hub {

std::optional<std::string> endorse_kiosk(const Kiosk& kiosk, const sync::SignSecretKey& province) {
    const auto key = sync::parse_sign_public_key(kiosk.public_key);
    if (!key) return std::nullopt;
    return sync::sign_text(lessons::endorsement_text(kiosk.id, kiosk.village_code, *key), province);
}

HubCertificateVerdict check_certificate(SqlDb& db, const sync::SignPublicKey& province, std::string_view qr_text) {
    const auto check = lessons::verify_certificate(qr_text, province, {});
    HubCertificateVerdict out;
    out.verdict = std::string(lessons::certificate_verdict_name(check.verdict));
    // Forged and unknown texts carry nothing worth showing.
    if (!check.certificate || !check.kiosk_key) return out;
    out.certificate = check.certificate;
    const auto& c = *check.certificate;
    const auto kiosk = sync::is_kiosk_id(c.kiosk_id) ? find_kiosk(db, c.kiosk_id) : std::nullopt;
    if (!kiosk || kiosk->public_key != sync::encode_sign_public_key(*check.kiosk_key) ||
        kiosk->village_code != c.village_code) {
        out.verdict = "unknown_kiosk";
    } else if (kiosk->revoked_at) {
        out.verdict = "revoked";
    } else {
        out.verdict = "valid";
    }
    return out;
}

nlohmann::json certificate_verdict_json(const HubCertificateVerdict& v) {
    nlohmann::json out{{"verdict", v.verdict}};
    if (v.certificate) {
        out["kiosk_id"] = v.certificate->kiosk_id;
        out["village"] = v.certificate->village_code;
        out["course"] = v.certificate->course_id;
        out["day"] = queue::date_iso(v.certificate->day);
        out["display_name"] = v.certificate->display_name;
    }
    return out;
}

}  // namespace desa::hub
