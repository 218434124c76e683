#pragma once
// The short signed texts in queue QR codes, checked offline:
//   ticket       DESA-ANTRI:1:<village>:<YYYYMMDD>:<number>:<service>:<issued unix>:<signature>
//                signed by the kiosk that issued it (its Ed25519 key, sync/protocol.hpp)
//   appointment  DESA-JANJI:1:<village>:<appointment id>:<service>:<from unix>:<until unix>:<signature>
//                signed by the province (the hub's booking), valid within [from, until)
// The signature (Ed25519, base64url without padding, 86 characters) covers everything before the
// last ':'; the prefix keeps a ticket signature from ever passing as an appointment or a sync text.
// About 150 characters: a version-8 QR code, easy for a phone and for ZXing.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "queue/local_time.hpp"
#include "queue/ticket.hpp"
#include "sync/protocol.hpp"

namespace desa::queue {

inline constexpr std::string_view kTicketQrPrefix = "DESA-ANTRI:";
inline constexpr std::string_view kAppointmentQrPrefix = "DESA-JANJI:";

enum class QrVerdict {
    Valid,
    Forged,        // starts like ours but the signature or a field is wrong (altered, made up)
    Expired,       // a genuine ticket of another day; an appointment whose window has passed
    TooEarly,      // an appointment before its window
    OtherVillage,  // genuine, but for another village's office
    Unknown,       // not a queue code at all (or a version this kiosk does not know)
};
std::string_view verdict_name(QrVerdict);  // "valid", "forged", "expired", "too_early", "other_village", "unknown"

struct TicketQr {
    std::string village_code;  // "18.01.04.2001"
    LocalDate day;
    std::string number;  // "A012"
    std::string service_id;
    std::int64_t issued_at = 0;
};

TicketQr ticket_qr_of(const Ticket&, std::string_view village_code);
std::string ticket_qr_text(const TicketQr&, const sync::SignSecretKey& kiosk_key);

struct TicketQrCheck {
    QrVerdict verdict = QrVerdict::Unknown;
    std::optional<TicketQr> ticket;  // with Valid, Expired and OtherVillage: what the code says
};
TicketQrCheck verify_ticket_qr(std::string_view text, const sync::SignPublicKey& kiosk_key, LocalDate today,
                               std::string_view own_village_code);

struct AppointmentQr {
    std::string village_code;
    std::string appointment_id;  // [A-Za-z0-9-], 1..40: the hub's booking id
    std::string service_id;
    std::int64_t valid_from = 0, valid_until = 0;  // unix seconds, from < until
};

// The hub signs these; the kiosk only verifies (and tests make them).
std::string appointment_qr_text(const AppointmentQr&, const sync::SignSecretKey& province_key);

struct AppointmentQrCheck {
    QrVerdict verdict = QrVerdict::Unknown;
    std::optional<AppointmentQr> appointment;  // with Valid, Expired, TooEarly and OtherVillage
};
AppointmentQrCheck verify_appointment_qr(std::string_view text, const sync::SignPublicKey& province_key,
                                         std::int64_t now, std::string_view own_village_code);

}  // namespace desa::queue
