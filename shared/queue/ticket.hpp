#pragma once
// A queue ticket and its state machine:
//   waiting -> called -> serving -> done
//                     -> no_show
//   waiting | called -> cancelled
//   called -> called (recall: the same counter calls it again)
//   waiting | called -> waiting in another service (transfer, keeping the ticket's original time)
// Each transition is recorded with the counter and the time (queue_ticket_events).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace desa::queue {

enum class TicketState { Waiting, Called, Serving, Done, NoShow, Cancelled };
// Order of calling: appointments (checked in from a hub-signed QR) first, then the priority lane
// (lansia, disabilitas, ibu hamil), then walk-ins; by ticket time within a lane.
enum class Lane { Regular = 0, Priority = 1, Appointment = 2 };
enum class TicketAction { Call, Recall, StartServing, Finish, NoShow, Cancel, Transfer };

struct Ticket {
    std::int64_t id = 0;
    std::int64_t service_day = 0;  // local date as YYYYMMDD, the day it was issued
    std::string number;            // "A012": the issuing service's prefix, kept on transfer
    std::string service_id;        // the service it waits for now
    std::string issued_service_id;
    Lane lane = Lane::Regular;
    std::string appointment_id;  // for Lane::Appointment
    TicketState state = TicketState::Waiting;
    std::int64_t issued_at = 0;                                      // unix seconds; the queue order, kept on transfer
    std::optional<int> counter;                                      // the counter that called it last
    std::optional<std::int64_t> called_at, serving_at, finished_at;  // first call, start, end
    int recalls = 0;
};

// Why an operation on the queue was refused.
enum class Refusal {
    UnknownService,
    UnknownTicket,
    UnknownCounter,     // no service is served at this counter
    Closed,             // outside the service's opening hours
    QuotaReached,       // the service's daily quota (or 999 numbers) is used up
    NoPriorityLane,     // the priority lane was asked for a service without one
    ClockNotPlausible,  // the wall clock says 1970: no ticket can be dated
    NotAllowed,         // the transition is not allowed from the ticket's state
    OtherCounter,       // another counter called this ticket
    WrongCounter,       // the counter does not serve the ticket's service
    OtherDay,           // the ticket is from another day
    SameService,        // a transfer to the service it is already in
    AlreadyCheckedIn,   // this appointment already has a ticket
};

std::string_view state_name(TicketState);  // "waiting", "called", "serving", "done", "no_show", "cancelled"
std::optional<TicketState> state_from_name(std::string_view);
std::string_view lane_name(Lane);            // "regular", "priority", "appointment"
std::string_view action_name(TicketAction);  // "call", "recall", "serving", "done", "no_show", "cancel", "transfer"
std::string_view refusal_name(Refusal);      // "unknown_service", ...

// The state a ticket is in after `action` from `from`, or nullopt when the machine forbids it.
std::optional<TicketState> next_state(TicketState from, TicketAction action);

}  // namespace desa::queue
