#include "queue/ticket_qr.hpp"

#include <algorithm>
#include <vector>

#include "queue/service.hpp"

namespace desa::queue {

namespace {

constexpr std::size_t kSignatureChars = 86;  // 64 bytes in base64url without padding
constexpr std::size_t kMaxText = 400;        // ours are ~150; anything far longer is not ours

std::vector<std::string_view> split(std::string_view text) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t colon = text.find(':');
        parts.push_back(text.substr(0, colon));
        if (colon == std::string_view::npos) return parts;
        text.remove_prefix(colon + 1);
    }
}

// base64 (sync::sign_text's form) <-> base64url without padding (shorter, no '+' '/' '=' in a QR).
std::string to_base64url(std::string b64) {
    while (!b64.empty() && b64.back() == '=') b64.pop_back();
    std::replace(b64.begin(), b64.end(), '+', '-');
    std::replace(b64.begin(), b64.end(), '/', '_');
    return b64;
}

std::optional<std::string> from_base64url(std::string_view url) {
    if (url.size() != kSignatureChars) return std::nullopt;
    std::string b64(url);
    for (char& c : b64) {
        if (c == '-')
            c = '+';
        else if (c == '_')
            c = '/';
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return std::nullopt;
    }
    return b64 + "==";
}

bool signed_by(std::string_view text, const sync::SignPublicKey& key) {
    const std::size_t last = text.rfind(':');
    const auto sig = from_base64url(text.substr(last + 1));
    return sig && sync::verify_text(text.substr(0, last), *sig, key);
}

std::string with_signature(const std::string& body, const sync::SignSecretKey& key) {
    return body + ":" + to_base64url(sync::sign_text(body, key));
}

bool is_village_code(std::string_view s) {
    return !s.empty() && s.size() <= 20 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

bool is_ticket_number(std::string_view s) {
    return s.size() == 4 && s[0] >= 'A' && s[0] <= 'Z' &&
           std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_appointment_id(std::string_view s) {
    return !s.empty() && s.size() <= 40 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// Plain decimal seconds: no sign, no leading zero, at most 12 digits (year 33658).
std::optional<std::int64_t> parse_unix(std::string_view s) {
    if (s.empty() || s.size() > 12 || (s.size() > 1 && s[0] == '0')) return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

// A format this kiosk does not know yet ("DESA-ANTRI:2:..."): not judged. A missing or garbled
// version is a damaged code, judged as forged.
bool later_version(const std::vector<std::string_view>& f) {
    const auto v = f.size() >= 2 ? parse_unix(f[1]) : std::nullopt;
    return v && *v > 1;
}

}  // namespace

std::string_view verdict_name(QrVerdict v) {
    switch (v) {
        case QrVerdict::Valid: return "valid";
        case QrVerdict::Forged: return "forged";
        case QrVerdict::Expired: return "expired";
        case QrVerdict::TooEarly: return "too_early";
        case QrVerdict::OtherVillage: return "other_village";
        case QrVerdict::Unknown: return "unknown";
    }
    return "unknown";
}

TicketQr ticket_qr_of(const Ticket& t, std::string_view village_code) {
    return TicketQr{std::string(village_code), date_from_number(t.service_day), t.number, t.service_id, t.issued_at};
}

std::string ticket_qr_text(const TicketQr& t, const sync::SignSecretKey& key) {
    const std::string body = std::string(kTicketQrPrefix) + "1:" + t.village_code + ":" + date_text(t.day) + ":" +
                             t.number + ":" + t.service_id + ":" + std::to_string(t.issued_at);
    return with_signature(body, key);
}

TicketQrCheck verify_ticket_qr(std::string_view text, const sync::SignPublicKey& key, LocalDate today,
                               std::string_view own_village_code) {
    if (!text.starts_with(kTicketQrPrefix)) return {QrVerdict::Unknown, std::nullopt};
    if (text.size() > kMaxText) return {QrVerdict::Forged, std::nullopt};
    const auto f = split(text);
    if (later_version(f)) return {QrVerdict::Unknown, std::nullopt};
    if (f.size() != 8) return {QrVerdict::Forged, std::nullopt};
    const auto day = parse_date_text(f[3]);
    const auto issued = parse_unix(f[6]);
    if (!is_village_code(f[2]) || !day || !is_ticket_number(f[4]) || !valid_service_id(f[5]) || !issued)
        return {QrVerdict::Forged, std::nullopt};
    // The signature first: an altered date is a forgery, not an expired ticket.
    if (!signed_by(text, key)) return {QrVerdict::Forged, std::nullopt};
    TicketQr t{std::string(f[2]), *day, std::string(f[4]), std::string(f[5]), *issued};
    if (t.village_code != own_village_code) return {QrVerdict::OtherVillage, std::move(t)};
    if (t.day != today) return {QrVerdict::Expired, std::move(t)};
    return {QrVerdict::Valid, std::move(t)};
}

std::string appointment_qr_text(const AppointmentQr& a, const sync::SignSecretKey& key) {
    const std::string body = std::string(kAppointmentQrPrefix) + "1:" + a.village_code + ":" + a.appointment_id + ":" +
                             a.service_id + ":" + std::to_string(a.valid_from) + ":" + std::to_string(a.valid_until);
    return with_signature(body, key);
}

AppointmentQrCheck verify_appointment_qr(std::string_view text, const sync::SignPublicKey& key, std::int64_t now,
                                         std::string_view own_village_code) {
    if (!text.starts_with(kAppointmentQrPrefix)) return {QrVerdict::Unknown, std::nullopt};
    if (text.size() > kMaxText) return {QrVerdict::Forged, std::nullopt};
    const auto f = split(text);
    if (later_version(f)) return {QrVerdict::Unknown, std::nullopt};
    if (f.size() != 8) return {QrVerdict::Forged, std::nullopt};
    const auto from = parse_unix(f[5]);
    const auto until = parse_unix(f[6]);
    if (!is_village_code(f[2]) || !is_appointment_id(f[3]) || !valid_service_id(f[4]) || !from || !until ||
        *from >= *until)
        return {QrVerdict::Forged, std::nullopt};
    if (!signed_by(text, key)) return {QrVerdict::Forged, std::nullopt};
    AppointmentQr a{std::string(f[2]), std::string(f[3]), std::string(f[4]), *from, *until};
    if (a.village_code != own_village_code) return {QrVerdict::OtherVillage, std::move(a)};
    if (now < a.valid_from) return {QrVerdict::TooEarly, std::move(a)};
    if (now >= a.valid_until) return {QrVerdict::Expired, std::move(a)};
    return {QrVerdict::Valid, std::move(a)};
}

}  // namespace desa::queue
