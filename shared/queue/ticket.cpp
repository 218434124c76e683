#include "queue/ticket.hpp"

#include <array>

namespace desa::queue {

namespace {
constexpr std::array<std::string_view, 6> kStateNames{"waiting", "called", "serving", "done", "no_show", "cancelled"};
}

std::string_view state_name(TicketState s) {
    return kStateNames[static_cast<std::size_t>(s)];
}

std::optional<TicketState> state_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kStateNames.size(); ++i)
        if (kStateNames[i] == name) return static_cast<TicketState>(i);
    return std::nullopt;
}

std::string_view lane_name(Lane l) {
    switch (l) {
        case Lane::Regular: return "regular";
        case Lane::Priority: return "priority";
        case Lane::Appointment: return "appointment";
    }
    return "regular";
}

std::string_view action_name(TicketAction a) {
    switch (a) {
        case TicketAction::Call: return "call";
        case TicketAction::Recall: return "recall";
        case TicketAction::StartServing: return "serving";
        case TicketAction::Finish: return "done";
        case TicketAction::NoShow: return "no_show";
        case TicketAction::Cancel: return "cancel";
        case TicketAction::Transfer: return "transfer";
    }
    return "?";
}

std::string_view refusal_name(Refusal r) {
    switch (r) {
        case Refusal::UnknownService: return "unknown_service";
        case Refusal::UnknownTicket: return "unknown_ticket";
        case Refusal::UnknownCounter: return "unknown_counter";
        case Refusal::Closed: return "closed";
        case Refusal::QuotaReached: return "quota_reached";
        case Refusal::NoPriorityLane: return "no_priority_lane";
        case Refusal::ClockNotPlausible: return "clock_not_plausible";
        case Refusal::NotAllowed: return "not_allowed";
        case Refusal::OtherCounter: return "other_counter";
        case Refusal::WrongCounter: return "wrong_counter";
        case Refusal::OtherDay: return "other_day";
        case Refusal::SameService: return "same_service";
        case Refusal::AlreadyCheckedIn: return "already_checked_in";
    }
    return "?";
}

std::optional<TicketState> next_state(TicketState from, TicketAction action) {
    using S = TicketState;
    switch (action) {
        case TicketAction::Call: return from == S::Waiting ? std::optional(S::Called) : std::nullopt;
        case TicketAction::Recall: return from == S::Called ? std::optional(S::Called) : std::nullopt;
        case TicketAction::StartServing: return from == S::Called ? std::optional(S::Serving) : std::nullopt;
        case TicketAction::Finish: return from == S::Serving ? std::optional(S::Done) : std::nullopt;
        case TicketAction::NoShow: return from == S::Called ? std::optional(S::NoShow) : std::nullopt;
        case TicketAction::Cancel:
            return from == S::Waiting || from == S::Called ? std::optional(S::Cancelled) : std::nullopt;
        case TicketAction::Transfer:
            return from == S::Waiting || from == S::Called ? std::optional(S::Waiting) : std::nullopt;
    }
    return std::nullopt;
}

}  // namespace desa::queue
