#pragma once
// What one counter does through the console, on top of TicketQueue: the actions (call next,
// recall, serving, finish, no-show, transfer) with the console's own rules, and the counter's view
// of the queue as JSON (its current ticket with who-did-what-when, the waiting count per service,
// today's statistics and today's last calls, read from kiosk.db).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "queue/ticket_queue.hpp"

namespace desa::console {

enum class DeskAction { CallNext, Recall, Serving, Finish, NoShow, Transfer };

std::optional<DeskAction> desk_action_from_name(std::string_view);  // "call_next", "recall", "serving", ...
std::string_view desk_action_name(DeskAction);

struct DeskRequest {
    DeskAction action = DeskAction::CallNext;
    std::int64_t ticket_id = 0;  // 0: none given
    std::string to_service;      // for Transfer
};

// {"action": "finish", "ticket_id": 12} or {"action": "transfer", "ticket_id": 12, "to_service": "sktm"};
// nullopt for anything else (unknown action, wrong types, a transfer without a valid service id).
std::optional<DeskRequest> parse_desk_request(const nlohmann::json& body);

struct DeskOutcome {
    std::optional<queue::Ticket> ticket;  // the ticket after the action
    // Why not: a queue::refusal_name(), or "busy" (call next while this counter still has a called
    // or serving ticket), "nobody_waiting", "no_ticket" (an action without a ticket id).
    std::string error;
};

// `ticket_id` is the ticket the page shows (ignored by CallNext): acting on the ticket the staff
// saw, not on "whatever is current now", so a stale page cannot finish the wrong resident.
// The caller serialises actions of one counter (busy check, then call, without a gap).
DeskOutcome perform(queue::TicketQueue& queue, int counter, DeskAction action, std::int64_t ticket_id,
                    std::string_view to_service);

// The counter's called or serving ticket of today (the latest called one), if any.
std::optional<queue::Ticket> current_ticket(queue::TicketQueue& queue, int counter);

nlohmann::json ticket_json(const queue::Ticket&);

// {"counter", "day", "current" (ticket + "events"), "services" (waiting and today's figures, "mine"
// for those this counter serves), "last_calls"}.
nlohmann::json desk_state(queue::TicketQueue& queue, storage::Database& db, int counter);

}  // namespace desa::console
