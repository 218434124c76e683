#include "app/ticket_printer.hpp"

#include <spdlog/spdlog.h>

#include "print/printer_status.hpp"
#include "print/ticket.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {
namespace {

constexpr std::string_view kStateProblem = "printer_problem";
constexpr std::string_view kStateProblemAt = "printer_problem_at";

void note_for_operator(storage::Database& db, const print::PrintOutcome& outcome, std::int64_t now) {
    try {
        if (outcome.ok()) {
            sync::clear_state(db, kStateProblem);
            sync::clear_state(db, kStateProblemAt);
        } else {
            sync::set_state(db, kStateProblem, print::printer_problem_name(*outcome.problem));
            sync::set_state_int(db, kStateProblemAt, now);
        }
    } catch (const std::exception& e) {  // a busy database must not take the ticket screen down
        spdlog::warn("printer state not noted: {}", e.what());
    }
}

}  // namespace

std::string service_label(const queue::Service& service, i18n::Language lang) {
    return lang == i18n::Language::English && !service.name_en.empty() ? service.name_en : service.name_id;
}

std::string ticket_bytes(const KioskContext& ctx, const queue::IssuedTicket& issued, i18n::Language lang) {
    const auto* service = queue::find_service(ctx.config.queue.services, issued.ticket.service_id);
    const print::TicketSlipFacts facts{
        issued.ticket,
        issued.line,
        service != nullptr ? service_label(*service, lang) : issued.ticket.service_id,
        ctx.catalog.format(lang, ctx.kelurahan ? "queue.slip.village.kelurahan" : "queue.slip.village",
                           {{"name", ctx.village_name}}),
        issued.qr,
        ctx.config.queue.utc_offset_s};
    return print::build_ticket(print::ticket_slip(facts, ctx.catalog, lang));
}

print::PrintOutcome print_ticket(KioskContext& ctx, const queue::IssuedTicket& issued, i18n::Language lang,
                                 std::int64_t now, std::chrono::milliseconds timeout) {
    print::PrintOutcome outcome;
    try {
        outcome = print::print_checking_paper(ctx.config.printer, ticket_bytes(ctx, issued, lang), timeout);
    } catch (const std::exception& e) {  // e.g. out of memory: the ticket stays on screen
        outcome = {print::PrinterProblem::WriteFailed, e.what()};
    }
    if (outcome.ok())
        spdlog::info("queue ticket {} printed", issued.ticket.number);
    else  // the number is on the board for everyone anyway; nothing personal is on a ticket
        spdlog::warn("queue ticket {} not printed: {} {}", issued.ticket.number,
                     print::printer_problem_name(*outcome.problem), outcome.detail);
    // "Not configured" is the kiosk's set-up, not a fault to report.
    if (!outcome.problem || *outcome.problem != print::PrinterProblem::NotConfigured)
        note_for_operator(ctx.db, outcome, now);
    return outcome;
}

std::optional<PrinterTrouble> printer_trouble(storage::Database& db) {
    const auto problem = sync::get_state(db, kStateProblem);
    if (!problem) return std::nullopt;
    return PrinterTrouble{*problem, sync::get_state_int(db, kStateProblemAt)};
}

queue::PrinterState ticket_printer_state(KioskContext& ctx) {
    const auto trouble = printer_trouble(ctx.db);
    return queue::printer_state(!ctx.config.printer.empty(),
                                trouble ? std::optional<std::string>(trouble->problem) : std::nullopt);
}

}  // namespace desa::kiosk
