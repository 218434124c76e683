// Course certificates: signed by the kiosk, vouched for by the province, checked offline.
#include <catch2/catch.hpp>

#include "lessons/certificate.hpp"
#include "lessons/learner_card.hpp"

using namespace desa;
using namespace desa::lessons;

namespace {
struct Kiosk {
    sync::SignKeyPair keys = sync::make_sign_key_pair();
    std::string id = "kiosk-a1";
    std::string village = "18.01.04.2001";
    std::string endorsement(const sync::SignSecretKey& province) const {
        return sync::sign_text(endorsement_text(id, village, keys.public_key), province);
    }
};

Certificate sample(const Kiosk& k) {
    return {k.id, k.village, "literasi-digital", {2026, 11, 29}, new_learner_code(), "Ibu Sari Wulandari"};
}
}  // namespace

TEST_CASE("a certificate from an endorsed kiosk is valid at any kiosk of the province", "[lessons]") {
    const auto province = sync::make_sign_key_pair();
    const Kiosk issuer, other;
    const Certificate c = sample(issuer);
    const std::string qr = certificate_qr_text(c, issuer.keys.secret_key, issuer.endorsement(province.secret_key));
    CHECK(qr.size() < 400);
    const auto check = verify_certificate(qr, province.public_key, {other.keys.public_key});
    REQUIRE(check.verdict == CertificateVerdict::Valid);
    CHECK_FALSE(check.issued_here);
    CHECK(check.certificate->display_name == "Ibu Sari Wulandari");
    CHECK(check.certificate->course_id == "literasi-digital");
    CHECK(check.certificate->learner_code == c.learner_code);
    CHECK(check.certificate->day == queue::LocalDate{2026, 11, 29});
}

TEST_CASE("altered, unknown-kiosk and foreign certificates are told apart", "[lessons]") {
    const auto province = sync::make_sign_key_pair();
    const auto other_province = sync::make_sign_key_pair();
    const Kiosk issuer, verifier;
    const Certificate c = sample(issuer);
    const std::string qr = certificate_qr_text(c, issuer.keys.secret_key, issuer.endorsement(province.secret_key));

    SECTION("every single character altered is caught") {
        const std::size_t body_start = kCertificatePrefix.size();
        for (std::size_t i = body_start; i < qr.size(); i += 7) {
            std::string altered = qr;
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            if (altered == qr) continue;
            INFO("position " << i);
            CHECK(verify_certificate(altered, province.public_key, {verifier.keys.public_key}).verdict !=
                  CertificateVerdict::Valid);
        }
    }
    SECTION("another name with the same signature is forged") {
        Certificate renamed = c;
        renamed.display_name = "Orang Lain";
        const std::string other = certificate_qr_text(renamed, issuer.keys.secret_key, "");
        const std::string spliced = other.substr(0, other.rfind(':')) + qr.substr(qr.rfind(':'));
        CHECK(verify_certificate(spliced, province.public_key, {}).verdict == CertificateVerdict::Forged);
    }
    SECTION("a kiosk the province never vouched for") {
        const Kiosk stranger;
        const std::string self_made = certificate_qr_text(sample(stranger), stranger.keys.secret_key,
                                                          stranger.endorsement(other_province.secret_key));
        CHECK(verify_certificate(self_made, province.public_key, {verifier.keys.public_key}).verdict ==
              CertificateVerdict::UnknownKiosk);
        const std::string unendorsed = certificate_qr_text(sample(stranger), stranger.keys.secret_key, "");
        CHECK(verify_certificate(unendorsed, province.public_key, {}).verdict == CertificateVerdict::UnknownKiosk);
    }
    SECTION("an endorsement moved to another kiosk id does not vouch") {
        Kiosk thief;
        thief.id = issuer.id;  // same id, its own key, the issuer's endorsement
        const std::string stolen = certificate_qr_text(sample(thief), thief.keys.secret_key, issuer.endorsement(province.secret_key));
        CHECK(verify_certificate(stolen, province.public_key, {}).verdict == CertificateVerdict::UnknownKiosk);
    }
    SECTION("a kiosk not yet enrolled recognises its own certificates") {
        Certificate local = c;
        local.kiosk_id = "lokal";
        const std::string own = certificate_qr_text(local, issuer.keys.secret_key, "");
        const auto check = verify_certificate(own, std::nullopt, {issuer.keys.public_key});
        CHECK(check.verdict == CertificateVerdict::Valid);
        CHECK(check.issued_here);
        CHECK(verify_certificate(own, std::nullopt, {verifier.keys.public_key}).verdict == CertificateVerdict::UnknownKiosk);
    }
    SECTION("not a certificate, and malformed ones") {
        CHECK(verify_certificate("DESA-ANTRI:1:18.01:20261129:A001", province.public_key, {}).verdict ==
              CertificateVerdict::Unknown);
        CHECK(verify_certificate("DESA-SERTIFIKAT:1:x", province.public_key, {}).verdict == CertificateVerdict::Forged);
        CHECK(verify_certificate(qr + ":extra", province.public_key, {}).verdict == CertificateVerdict::Forged);
        CHECK(verify_certificate(std::string(kCertificatePrefix) + std::string(900, 'A'), province.public_key, {}).verdict ==
              CertificateVerdict::Forged);
    }
}

TEST_CASE("display names: trimmed, limited, no control characters", "[lessons]") {
    CHECK(clean_display_name("  Pak Budi  ") == "Pak Budi");
    CHECK(clean_display_name("Siti Nurhaliza Ñ") == "Siti Nurhaliza Ñ");
    CHECK_FALSE(clean_display_name(""));
    CHECK_FALSE(clean_display_name("   "));
    CHECK_FALSE(clean_display_name(std::string(41, 'a')));
    CHECK(clean_display_name(std::string(40, 'a')));
    CHECK_FALSE(clean_display_name("Budi\nSantoso"));
    CHECK_FALSE(clean_display_name("Budi:Santoso"));
    CHECK_FALSE(clean_display_name("\xC3\x28"));
}
