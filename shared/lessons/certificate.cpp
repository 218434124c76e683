#include "lessons/certificate.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/utf8.hpp"
#include "lessons/learner_card.hpp"
#include "sync/enrolment.hpp"

namespace desa::lessons {

namespace {

constexpr std::size_t kMaxText = 600;

std::string b64url(const unsigned char* bytes, std::size_t size) {
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

std::optional<std::string> from_b64url(std::string_view text, std::size_t max_bytes) {
    std::string out(max_bytes, '\0');
    std::size_t size = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &size, &end, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(size);
    return out;
}

// sync::sign_text gives standard base64; the QR carries base64url.
std::string std_to_url(std::string_view b64) {
    std::string bytes(crypto_sign_BYTES, '\0');
    std::size_t size = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.data(), b64.size(), nullptr,
                          &size, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return {};
    return b64url(reinterpret_cast<const unsigned char*>(bytes.data()), size);
}

std::string url_to_std(std::string_view url) {
    const auto bytes = from_b64url(url, crypto_sign_BYTES);
    if (!bytes || bytes->size() != crypto_sign_BYTES) return {};
    std::string out(sodium_base64_encoded_len(bytes->size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);
    return out;
}

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    for (;;) {
        const std::size_t colon = text.find(':');
        parts.push_back(text.substr(0, colon));
        if (colon == std::string_view::npos) return parts;
        text.remove_prefix(colon + 1);
    }
}

bool is_village_code(std::string_view s) {
    return !s.empty() && s.size() <= 20 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

bool is_course_id(std::string_view s) {
    return !s.empty() && s.size() <= 40 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

std::string endorsement_text(std::string_view kiosk_id, std::string_view village_code, const sync::SignPublicKey& key) {
    return "desa-kiosk-endorsement:1:" + std::string(kiosk_id) + ":" + std::string(village_code) + ":" +
           sync::encode_sign_public_key(key);
}

std::optional<std::string> clean_display_name(std::string_view typed) {
    while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
    while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
    std::size_t chars = 0;
    for (std::string_view rest = typed; !rest.empty(); ++chars) {
        char32_t cp = 0;
        const std::size_t used = decode_utf8(rest, cp);
        if (used == 0 || cp < 0x20 || cp == 0x7F || cp == ':') return std::nullopt;
        rest.remove_prefix(used);
    }
    if (chars == 0 || chars > kMaxDisplayNameChars) return std::nullopt;
    return std::string(typed);
}

std::string certificate_qr_text(const Certificate& c, const sync::SignSecretKey& kiosk_key, std::string_view endorsement) {
    const auto public_key = [&] {
        sync::SignPublicKey pk;
        crypto_sign_ed25519_sk_to_pk(pk.bytes.data(), kiosk_key.bytes.data());
        return pk;
    }();
    const std::string body = std::string(kCertificatePrefix) + c.kiosk_id + ":" + c.village_code + ":" + c.course_id +
                             ":" + queue::date_text(c.day) + ":" + c.learner_code + ":" +
                             b64url(reinterpret_cast<const unsigned char*>(c.display_name.data()), c.display_name.size()) +
                             ":" + b64url(public_key.bytes.data(), public_key.bytes.size()) + ":" +
                             (endorsement.empty() ? std::string() : std_to_url(endorsement));
    return body + ":" + std_to_url(sync::sign_text(body, kiosk_key));
}

std::string_view certificate_verdict_name(CertificateVerdict verdict) {
    switch (verdict) {
        case CertificateVerdict::Valid: return "valid";
        case CertificateVerdict::Forged: return "forged";
        case CertificateVerdict::UnknownKiosk: return "unknown_kiosk";
        case CertificateVerdict::Unknown: return "unknown";
    }
    return "unknown";
}

CertificateCheck verify_certificate(std::string_view text, const std::optional<sync::SignPublicKey>& province_key,
                                    const std::vector<sync::SignPublicKey>& own_keys) {
    CertificateCheck check;
    if (text.substr(0, kCertificatePrefix.size()) != kCertificatePrefix) return check;
    check.verdict = CertificateVerdict::Forged;
    if (text.size() > kMaxText) return check;
    const auto parts = split(text.substr(kCertificatePrefix.size()));
    if (parts.size() != 9) return check;
    Certificate c;
    c.kiosk_id = std::string(parts[0]);
    c.village_code = std::string(parts[1]);
    c.course_id = std::string(parts[2]);
    const auto day = queue::parse_date_text(parts[3]);
    c.learner_code = std::string(parts[4]);
    const auto name = from_b64url(parts[5], kMaxDisplayNameChars * 4);
    const auto key_bytes = from_b64url(parts[6], 32);
    if (!(c.kiosk_id == "lokal" || sync::is_kiosk_id(c.kiosk_id)) || !is_village_code(c.village_code) ||
        !is_course_id(c.course_id) || !day || !is_learner_code(c.learner_code) || !name || !key_bytes ||
        key_bytes->size() != 32)
        return check;
    const auto clean = clean_display_name(*name);
    if (!clean || *clean != *name) return check;
    c.day = *day;
    c.display_name = *name;
    sync::SignPublicKey kiosk_key;
    std::copy(key_bytes->begin(), key_bytes->end(), kiosk_key.bytes.begin());
    const std::size_t last = text.rfind(':');
    const std::string signature = url_to_std(parts[8]);
    if (signature.empty() || !sync::verify_text(text.substr(0, last), signature, kiosk_key)) return check;
    check.kiosk_key = kiosk_key;
    check.certificate = c;
    check.issued_here = std::find(own_keys.begin(), own_keys.end(), kiosk_key) != own_keys.end();
    bool endorsed = false;
    if (province_key && !parts[7].empty()) {
        const std::string endorsement = url_to_std(parts[7]);
        endorsed = !endorsement.empty() &&
                   sync::verify_text(endorsement_text(c.kiosk_id, c.village_code, kiosk_key), endorsement, *province_key);
    }
    // The kiosk's own key needs no voucher: a certificate issued before enrolment stays good here.
    check.verdict = endorsed || check.issued_here ? CertificateVerdict::Valid : CertificateVerdict::UnknownKiosk;
    return check;
}

}  // namespace desa::lessons
