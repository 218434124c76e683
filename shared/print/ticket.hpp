#pragma once
// The queue ticket slip: the number very large (read from across the hall), the service, the
// position and estimated wait at issue, the time, and the ticket's signed QR (queue/ticket_qr)
// printed natively, so "check my ticket" at the kiosk reads the paper as it reads the screen.
// A ticket holds no personal data; neither does its slip.
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "print/receipt.hpp"
#include "queue/ticket.hpp"
#include "queue/ticket_queue.hpp"

namespace desa::print {

struct TicketSlip {
    std::string heading;   // "NOMOR ANTRIAN"
    std::string village;   // "Desa Hajimena"
    std::string number;    // "A012": four times the normal size
    std::string service;   // in the resident's language
    std::string lane;      // "Jalur prioritas" / "Janji temu"; empty for walk-ins
    std::string position;  // "Urutan ke-3, perkiraan menunggu 15 menit"
    std::string issued;    // "01-12-2025 09:05"
    std::string qr_payload;
    std::vector<std::string> notes;
};

std::string build_ticket(const TicketSlip& slip, const ReceiptLayout& layout = {});

// "01-12-2025 09:05" in the office's time zone (not the process's TZ).
std::string office_time_text(std::int64_t unix_seconds, int utc_offset_s);

// Minutes shown for an estimated wait: rounded up, so "0 minutes" is never promised.
std::int64_t wait_minutes(std::int64_t estimated_wait_s);

struct TicketSlipFacts {
    const queue::Ticket& ticket;
    queue::LinePosition line;
    std::string service_name;  // already in `lang`
    std::string village_name;  // "Desa Hajimena"
    std::string qr_payload;    // queue::ticket_qr_text for this ticket
    int utc_offset_s = queue::kWibOffsetSeconds;
};
TicketSlip ticket_slip(const TicketSlipFacts& facts, const i18n::Catalog& catalog, i18n::Language lang);

}  // namespace desa::print
