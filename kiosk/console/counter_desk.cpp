#include "console/counter_desk.hpp"

#include "app/ticket_printer.hpp"
#include "queue/queue_ops.hpp"
#include "queue/queue_stats.hpp"

namespace desa::console {

namespace {

using nlohmann::json;

constexpr int kLastCalls = 8;

json nullable(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

DeskOutcome from(const queue::ActionResult& r) {
    if (r.ticket) return DeskOutcome{r.ticket, {}};
    return DeskOutcome{std::nullopt, r.refusal ? std::string(queue::refusal_name(*r.refusal)) : "nobody_waiting"};
}

json events_of(storage::Database& db, std::int64_t ticket_id) {
    auto s = db.prepare(
        "SELECT action, from_state, to_state, counter, service_id, at FROM queue_ticket_events "
        "WHERE ticket_id = ?1 ORDER BY id");
    s.bind(1, ticket_id);
    json list = json::array();
    while (s.step())
        list.push_back({{"action", s.column_text(0)}, {"from", s.column_is_null(1) ? json(nullptr) : json(s.column_text(1))},
                        {"to", s.column_text(2)}, {"counter", s.column_is_null(3) ? json(nullptr) : json(s.column_int64(3))},
                        {"service", s.column_text(4)}, {"at", s.column_int64(5)}});
    return list;
}

json last_calls(storage::Database& db, std::int64_t day) {
    auto s = db.prepare(
        "SELECT t.number, e.service_id, e.counter, e.at, e.action FROM queue_ticket_events e "
        "JOIN queue_tickets t ON t.id = e.ticket_id WHERE e.action IN ('call', 'recall') AND t.service_day = ?1 "
        "ORDER BY e.id DESC LIMIT ?2");
    s.bind(1, day).bind(2, kLastCalls);
    json list = json::array();
    while (s.step())
        list.push_back({{"number", s.column_text(0)}, {"service", s.column_text(1)},
                        {"counter", s.column_is_null(2) ? json(nullptr) : json(s.column_int64(2))},
                        {"at", s.column_int64(3)}, {"recall", s.column_text(4) == "recall"}});
    return list;
}

}  // namespace

std::optional<DeskAction> desk_action_from_name(std::string_view name) {
    for (DeskAction a : {DeskAction::CallNext, DeskAction::Recall, DeskAction::Serving, DeskAction::Finish,
                         DeskAction::NoShow, DeskAction::Transfer})
        if (desk_action_name(a) == name) return a;
    return std::nullopt;
}

std::string_view desk_action_name(DeskAction a) {
    switch (a) {
        case DeskAction::CallNext: return "call_next";
        case DeskAction::Recall: return "recall";
        case DeskAction::Serving: return "serving";
        case DeskAction::Finish: return "finish";
        case DeskAction::NoShow: return "no_show";
        case DeskAction::Transfer: return "transfer";
    }
    return "call_next";
}

std::optional<DeskRequest> parse_desk_request(const json& body) {
    if (!body.is_object() || !body.contains("action") || !body["action"].is_string()) return std::nullopt;
    const auto action = desk_action_from_name(body["action"].get<std::string>());
    if (!action) return std::nullopt;
    DeskRequest request;
    request.action = *action;
    if (body.contains("ticket_id")) {
        if (!body["ticket_id"].is_number_integer()) return std::nullopt;
        request.ticket_id = body["ticket_id"].get<std::int64_t>();
    }
    if (body.contains("to_service")) {
        if (!body["to_service"].is_string() || !queue::valid_service_id(body["to_service"].get<std::string>()))
            return std::nullopt;
        request.to_service = body["to_service"].get<std::string>();
    }
    if (request.action == DeskAction::Transfer && request.to_service.empty()) return std::nullopt;
    return request;
}

std::optional<queue::Ticket> current_ticket(queue::TicketQueue& queue, int counter) {
    std::optional<queue::Ticket> current;
    const queue::LocalDate today = queue.today();
    for (auto& t : queue.tickets_of_day(today)) {
        if (t.counter != counter) continue;
        if (t.state != queue::TicketState::Called && t.state != queue::TicketState::Serving) continue;
        if (!current || t.called_at.value_or(0) >= current->called_at.value_or(0)) current = std::move(t);
    }
    if (current) return current;
    // A resident still being served at midnight can still be finished (TicketQueue allows it).
    const int offset = queue.config().utc_offset_s;
    for (auto& t : queue.tickets_of_day(queue::local_date(queue::local_day_start(today, offset) - 1, offset)))
        if (t.counter == counter && t.state == queue::TicketState::Serving) current = std::move(t);
    return current;
}

DeskOutcome perform(queue::TicketQueue& queue, int counter, DeskAction action, std::int64_t ticket_id,
                    std::string_view to_service) {
    if (action == DeskAction::CallNext) {
        // One resident at a time per counter: an unfinished ticket would otherwise be forgotten
        // in "called" and never counted as served or no-show.
        if (current_ticket(queue, counter)) return DeskOutcome{std::nullopt, "busy"};
        return from(queue.call_next(counter));
    }
    if (ticket_id <= 0) return DeskOutcome{std::nullopt, "no_ticket"};
    switch (action) {
        case DeskAction::Recall: return from(queue.recall(ticket_id, counter));
        case DeskAction::Serving: return from(queue.start_serving(ticket_id, counter));
        case DeskAction::Finish: return from(queue.finish(ticket_id, counter));
        case DeskAction::NoShow: return from(queue.no_show(ticket_id, counter));
        case DeskAction::Transfer: {
            // Only the ticket this counter holds: a waiting ticket of someone else's line is not ours to move.
            const auto t = queue.find(ticket_id);
            if (!t) return DeskOutcome{std::nullopt, "unknown_ticket"};
            if (t->state == queue::TicketState::Waiting || t->counter != counter)
                return DeskOutcome{std::nullopt, std::string(queue::refusal_name(queue::Refusal::OtherCounter))};
            return from(queue.transfer(ticket_id, to_service, counter));
        }
        case DeskAction::CallNext: break;
    }
    return DeskOutcome{std::nullopt, "no_ticket"};
}

json ticket_json(const queue::Ticket& t) {
    return json{{"id", t.id},
                {"number", t.number},
                {"service", t.service_id},
                {"issued_service", t.issued_service_id},
                {"lane", queue::lane_name(t.lane)},
                {"state", queue::state_name(t.state)},
                {"issued_at", t.issued_at},
                {"counter", t.counter ? json(*t.counter) : json(nullptr)},
                {"called_at", nullable(t.called_at)},
                {"serving_at", nullable(t.serving_at)},
                {"finished_at", nullable(t.finished_at)},
                {"recalls", t.recalls}};
}

json desk_state(queue::TicketQueue& queue, storage::Database& db, int counter) {
    const queue::LocalDate today = queue.today();
    const auto& cfg = queue.config();
    json state{{"counter", counter}, {"day", queue::date_iso(today)}, {"utc_offset_s", cfg.utc_offset_s},
               {"current", nullptr}};
    if (const auto current = current_ticket(queue, counter)) {
        json t = ticket_json(*current);
        t["events"] = events_of(db, current->id);
        state["current"] = std::move(t);
    }
    const auto stats = queue::day_stats(db, today, cfg.utc_offset_s);
    json services = json::array();
    for (const auto& s : cfg.services) {
        json row{{"id", s.id}, {"prefix", std::string(1, s.prefix)}, {"name_id", s.name_id},
                 {"name_en", s.name_en.empty() ? s.name_id : s.name_en}, {"mine", queue::serves(s, counter)}, {"withdrawn", s.withdrawn},
                 {"waiting", queue.waiting_count(s.id)}, {"issued", 0}, {"served", 0}, {"no_shows", 0},
                 {"cancelled", 0}, {"average_wait_s", nullptr}, {"average_service_s", nullptr}, {"peak_hour", nullptr}};
        for (const auto& st : stats) {
            if (st.service_id != s.id) continue;
            row["issued"] = st.issued;
            row["served"] = st.served;
            row["no_shows"] = st.no_shows;
            row["cancelled"] = st.cancelled;
            row["average_wait_s"] = nullable(st.average_wait_s);
            row["average_service_s"] = nullable(st.average_service_s);
            row["peak_hour"] = st.peak_hour ? json(*st.peak_hour) : json(nullptr);
        }
        services.push_back(std::move(row));
    }
    state["services"] = std::move(services);
    state["last_calls"] = last_calls(db, queue::date_number(today));
    // The ticket printer's last fault (cleared by the next ticket printed): the counters see it too.
    const auto trouble = kiosk::printer_trouble(db);
    state["printer"] = trouble ? json{{"attention", true},
                                      {"state", queue::printer_state_name(queue::printer_state(true, trouble->problem))},
                                      {"problem", trouble->problem},
                                      {"at", trouble->at}}
                               : json{{"attention", false}, {"state", nullptr}, {"problem", nullptr}, {"at", nullptr}};
    return state;
}

}  // namespace desa::console
