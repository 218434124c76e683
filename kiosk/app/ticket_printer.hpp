#pragma once
// Printing a queue ticket on the kiosk's thermal printer (config `printer`): the slip in the
// resident's language with the ticket's signed QR printed natively. The printer is asked about its
// paper first (print/printer_status.hpp). A fault never costs the ticket: it is in the queue and on
// screen already; the fault is returned for the screen and noted for the operator (log and the
// kiosk's state, cleared by the next ticket that prints).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "app/kiosk_context.hpp"
#include "print/printer_output.hpp"
#include "queue/queue_ops.hpp"
#include "queue/queue_visit.hpp"

namespace desa::kiosk {

// The service's name in `lang` (English falls back to Indonesian).
std::string service_label(const queue::Service& service, i18n::Language lang);

// The ESC/POS bytes of the ticket slip.
std::string ticket_bytes(const KioskContext& ctx, const queue::IssuedTicket& issued, i18n::Language lang);

// Sends the slip; the problem if any byte did not reach a printer with paper. Never throws; blocks
// at most about `timeout`. `now` (unix seconds) dates the operator's note.
print::PrintOutcome print_ticket(KioskContext& ctx, const queue::IssuedTicket& issued, i18n::Language lang,
                                 std::int64_t now, std::chrono::milliseconds timeout = print::kPrintTimeout);

// The printer problem the operator should know about: the last print that failed, until one
// succeeds again (sync_state keys "printer_problem" and "printer_problem_at").
struct PrinterTrouble {
    std::string problem;  // printer_problem_name(): "paper_out", "missing", ...
    std::int64_t at = 0;
};
std::optional<PrinterTrouble> printer_trouble(storage::Database& db);

// The ticket printer as the operator should know it: not configured, fine, or its last fault.
queue::PrinterState ticket_printer_state(KioskContext& ctx);

}  // namespace desa::kiosk
