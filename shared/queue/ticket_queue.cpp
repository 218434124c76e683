#include "queue/ticket_queue.hpp"

#include <algorithm>
#include <cstdio>

namespace desa::queue {

namespace {

constexpr std::int64_t kLongestPlausibleService = 4 * 3600;  // a longer "service" was a forgotten finish

constexpr const char* kColumns =
    "SELECT id, service_day, number, service_id, issued_service_id, lane, coalesce(appointment_id, ''), state, "
    "issued_at, counter, called_at, serving_at, finished_at, recalls FROM queue_tickets ";

std::optional<std::int64_t> optional_int(const storage::Statement& s, int col) {
    if (s.column_is_null(col)) return std::nullopt;
    return s.column_int64(col);
}

Ticket read_ticket(const storage::Statement& s) {
    Ticket t;
    t.id = s.column_int64(0);
    t.service_day = s.column_int64(1);
    t.number = s.column_text(2);
    t.service_id = s.column_text(3);
    t.issued_service_id = s.column_text(4);
    t.lane = static_cast<Lane>(std::clamp<std::int64_t>(s.column_int64(5), 0, 2));
    t.appointment_id = s.column_text(6);
    t.state = state_from_name(s.column_text(7)).value_or(TicketState::Cancelled);
    t.issued_at = s.column_int64(8);
    if (auto c = optional_int(s, 9)) t.counter = static_cast<int>(*c);
    t.called_at = optional_int(s, 10);
    t.serving_at = optional_int(s, 11);
    t.finished_at = optional_int(s, 12);
    t.recalls = static_cast<int>(s.column_int64(13));
    return t;
}

std::optional<Ticket> load(storage::Database& db, std::int64_t id) {
    auto s = db.prepare(std::string(kColumns) + "WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_ticket(s);
}

void record_event(storage::Database& db, std::int64_t ticket_id, std::string_view action,
                  std::optional<TicketState> from, TicketState to, std::optional<int> counter,
                  std::string_view service_id, std::int64_t at) {
    auto s = db.prepare(
        "INSERT INTO queue_ticket_events (ticket_id, action, from_state, to_state, counter, service_id, at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    s.bind(1, ticket_id).bind(2, action).bind(4, state_name(to)).bind(6, service_id).bind(7, at);
    if (from)
        s.bind(3, state_name(*from));
    else
        s.bind_null(3);
    if (counter)
        s.bind(5, *counter);
    else
        s.bind_null(5);
    s.step();
}

ActionResult refuse(Refusal r) {
    return ActionResult{std::nullopt, r};
}

// ?1 ticket id, ?2 now, ?3 the new service.
const char* update_sql(TicketAction action) {
    switch (action) {
        case TicketAction::Recall: return "UPDATE queue_tickets SET recalls = recalls + 1 WHERE id = ?1";
        case TicketAction::StartServing:
            return "UPDATE queue_tickets SET state = 'serving', serving_at = ?2 WHERE id = ?1";
        case TicketAction::Finish: return "UPDATE queue_tickets SET state = 'done', finished_at = ?2 WHERE id = ?1";
        case TicketAction::NoShow: return "UPDATE queue_tickets SET state = 'no_show', finished_at = ?2 WHERE id = ?1";
        case TicketAction::Cancel:
            return "UPDATE queue_tickets SET state = 'cancelled', finished_at = ?2 WHERE id = ?1";
        case TicketAction::Transfer:
            // Waiting again in the new service: the next call there starts a new wait for a counter.
            return "UPDATE queue_tickets SET state = 'waiting', service_id = ?3, counter = NULL, called_at = NULL, "
                   "recalls = 0 WHERE id = ?1";
        case TicketAction::Call: break;
    }
    return "SELECT 1";
}

}  // namespace

TicketQueue::TicketQueue(storage::Database& db, QueueConfig config, const Clock& clock)
    : db_(db), config_(std::move(config)), clock_(clock) {}

LocalDate TicketQueue::today() const {
    return local_date(clock_.unix_seconds(), config_.utc_offset_s);
}

TakeResult TicketQueue::take(std::string_view service_id, Lane lane) {
    const std::int64_t now = clock_.unix_seconds();
    const Service* service = find_service(config_.services, service_id);
    if (service == nullptr || service->withdrawn) return TakeResult{std::nullopt, Refusal::UnknownService, {}};
    if (!clock_plausible(now)) return TakeResult{std::nullopt, Refusal::ClockNotPlausible, {}};
    if (lane == Lane::Appointment) return TakeResult{std::nullopt, Refusal::NotAllowed, {}};  // check_in() only
    if (lane == Lane::Priority && !service->priority_lane) return TakeResult{std::nullopt, Refusal::NoPriorityLane, {}};
    const LocalMoment at = local_moment(now, config_.utc_offset_s);
    if (!is_open(*service, at.weekday, at.minute_of_day)) return TakeResult{std::nullopt, Refusal::Closed, {}};
    return issue(*service, lane, "", now);
}

TakeResult TicketQueue::check_in(std::string_view service_id, std::string_view appointment_id) {
    const std::int64_t now = clock_.unix_seconds();
    const Service* service = find_service(config_.services, service_id);
    if (service == nullptr || service->withdrawn) return TakeResult{std::nullopt, Refusal::UnknownService, {}};
    if (!clock_plausible(now)) return TakeResult{std::nullopt, Refusal::ClockNotPlausible, {}};
    if (appointment_id.empty()) return TakeResult{std::nullopt, Refusal::NotAllowed, {}};
    return issue(*service, Lane::Appointment, appointment_id, now);
}

TakeResult TicketQueue::issue(const Service& service, Lane lane, std::string_view appointment_id, std::int64_t now) {
    const std::int64_t day = date_number(local_date(now, config_.utc_offset_s));
    storage::Transaction tx(db_);
    if (lane == Lane::Appointment) {
        auto seen = db_.prepare("SELECT 1 FROM queue_tickets WHERE appointment_id = ?1");
        seen.bind(1, appointment_id);
        if (seen.step()) return TakeResult{std::nullopt, Refusal::AlreadyCheckedIn, {}};
    } else {
        auto count = db_.prepare(
            "SELECT count(*) FROM queue_tickets WHERE service_day = ?1 AND issued_service_id = ?2 AND lane <> 2");
        count.bind(1, day).bind(2, service.id);
        count.step();
        if (count.column_int64(0) >= service.daily_quota) return TakeResult{std::nullopt, Refusal::QuotaReached, {}};
    }
    // The day's numbers of this prefix; the UNIQUE (service_day, number) index answers it.
    const std::string low = std::string(1, service.prefix) + "000", high = std::string(1, service.prefix) + "999";
    auto last =
        db_.prepare("SELECT max(number) FROM queue_tickets WHERE service_day = ?1 AND number BETWEEN ?2 AND ?3");
    last.bind(1, day).bind(2, low).bind(3, high);
    last.step();
    const int seq = last.column_is_null(0) ? 1 : std::stoi(last.column_text(0).substr(1)) + 1;
    if (seq > kMaxTicketsPerDay) return TakeResult{std::nullopt, Refusal::QuotaReached, {}};
    char number[16];
    std::snprintf(number, sizeof number, "%c%03d", service.prefix, seq);

    auto insert = db_.prepare(
        "INSERT INTO queue_tickets (service_day, number, service_id, issued_service_id, lane, appointment_id, state, "
        "issued_at) VALUES (?1, ?2, ?3, ?3, ?4, ?5, 'waiting', ?6) RETURNING id");
    insert.bind(1, day)
        .bind(2, std::string_view(number))
        .bind(3, service.id)
        .bind(4, static_cast<int>(lane))
        .bind(6, now);
    if (appointment_id.empty())
        insert.bind_null(5);
    else
        insert.bind(5, appointment_id);
    insert.step();
    const std::int64_t id = insert.column_int64(0);
    insert.reset();  // a RETURNING statement left mid-way would keep the write open past COMMIT
    record_event(db_, id, "issue", std::nullopt, TicketState::Waiting, std::nullopt, service.id, now);
    std::optional<Ticket> ticket = load(db_, id);
    const LinePosition line = line_of(*ticket);
    tx.commit();
    return TakeResult{std::move(ticket), std::nullopt, line};
}

ActionResult TicketQueue::call_next(int counter) {
    std::vector<std::string> ids;
    for (const Service& s : config_.services)
        if (serves(s, counter)) ids.push_back(s.id);
    if (ids.empty()) return refuse(Refusal::UnknownCounter);
    const std::int64_t now = clock_.unix_seconds();
    const std::int64_t day = date_number(local_date(now, config_.utc_offset_s));

    // The services of this counter as a JSON array: one statement for any number of them.
    std::string list = "[";
    for (const std::string& id : ids) list += (list.size() > 1 ? ",\"" : "\"") + id + "\"";  // ids are [a-z0-9_-]
    list += "]";

    storage::Transaction tx(db_);
    auto next = db_.prepare(
        "SELECT id FROM queue_tickets WHERE state = 'waiting' AND service_day = ?1 "
        "AND service_id IN (SELECT value FROM json_each(?2)) ORDER BY lane DESC, issued_at, id LIMIT 1");
    next.bind(1, day).bind(2, list);
    if (!next.step()) return ActionResult{};
    const std::int64_t id = next.column_int64(0);
    next.reset();
    db_.prepare("UPDATE queue_tickets SET state = 'called', counter = ?2, called_at = ?3 WHERE id = ?1")
        .bind(1, id)
        .bind(2, counter)
        .bind(3, now)
        .step();
    std::optional<Ticket> ticket = load(db_, id);
    record_event(db_, id, "call", TicketState::Waiting, TicketState::Called, counter, ticket->service_id, now);
    tx.commit();
    return ActionResult{std::move(ticket), std::nullopt};
}

ActionResult TicketQueue::recall(std::int64_t id, int counter) {
    return act(id, TicketAction::Recall, counter);
}
ActionResult TicketQueue::start_serving(std::int64_t id, int counter) {
    return act(id, TicketAction::StartServing, counter);
}
ActionResult TicketQueue::finish(std::int64_t id, int counter) {
    return act(id, TicketAction::Finish, counter);
}
ActionResult TicketQueue::no_show(std::int64_t id, int counter) {
    return act(id, TicketAction::NoShow, counter);
}
ActionResult TicketQueue::cancel(std::int64_t id, std::optional<int> counter) {
    return act(id, TicketAction::Cancel, counter);
}

ActionResult TicketQueue::transfer(std::int64_t id, std::string_view to_service, int counter) {
    const Service* to = find_service(config_.services, to_service);
    if (to == nullptr || to->withdrawn) return refuse(Refusal::UnknownService);
    return act(id, TicketAction::Transfer, counter, to);
}

ActionResult TicketQueue::act(std::int64_t id, TicketAction action, std::optional<int> counter, const Service* to) {
    const std::int64_t now = clock_.unix_seconds();
    storage::Transaction tx(db_);
    std::optional<Ticket> t = load(db_, id);
    if (!t) return refuse(Refusal::UnknownTicket);
    const std::optional<TicketState> after = next_state(t->state, action);
    if (!after) return refuse(Refusal::NotAllowed);
    // A ticket being served at midnight may still be finished; nothing else crosses the day.
    if (action != TicketAction::Finish && t->service_day != date_number(local_date(now, config_.utc_offset_s)))
        return refuse(Refusal::OtherDay);
    if (counter) {
        const Service* current = find_service(config_.services, t->service_id);
        if (current == nullptr || !serves(*current, *counter)) return refuse(Refusal::WrongCounter);
        if (t->state != TicketState::Waiting && t->counter != counter) return refuse(Refusal::OtherCounter);
    } else if (action != TicketAction::Cancel) {
        return refuse(Refusal::WrongCounter);  // only the resident's own cancel comes without a counter
    }
    if (to != nullptr && to->id == t->service_id) return refuse(Refusal::SameService);

    if (action == TicketAction::Call) return refuse(Refusal::NotAllowed);  // call_next() only
    const char* sql = update_sql(action);
    auto update = db_.prepare(sql);
    update.bind(1, id);
    if (action != TicketAction::Recall && action != TicketAction::Transfer) update.bind(2, now);
    if (to != nullptr) update.bind(3, to->id);
    update.step();
    const std::string service_after = to != nullptr ? to->id : t->service_id;
    record_event(db_, id, action_name(action), t->state, *after, counter, service_after, now);
    std::optional<Ticket> changed = load(db_, id);
    tx.commit();
    return ActionResult{std::move(changed), std::nullopt};
}

std::optional<Ticket> TicketQueue::find(std::int64_t id) {
    return load(db_, id);
}

std::optional<Ticket> TicketQueue::find_number(LocalDate day, std::string_view number) {
    auto s = db_.prepare(std::string(kColumns) + "WHERE service_day = ?1 AND number = ?2");
    s.bind(1, date_number(day)).bind(2, number);
    if (!s.step()) return std::nullopt;
    return read_ticket(s);
}

std::optional<LinePosition> TicketQueue::position(const Ticket& t) {
    if (t.service_day != date_number(today())) return std::nullopt;
    const std::optional<Ticket> now = load(db_, t.id);
    if (!now) return std::nullopt;
    if (now->state == TicketState::Called || now->state == TicketState::Serving) return LinePosition{0, 0};
    if (now->state != TicketState::Waiting) return std::nullopt;
    return line_of(*now);
}

LinePosition TicketQueue::line_of(const Ticket& t) {
    auto s = db_.prepare(
        "SELECT count(*) FROM queue_tickets WHERE state = 'waiting' AND service_day = ?1 AND service_id = ?2 "
        "AND (lane > ?3 OR (lane = ?3 AND (issued_at < ?4 OR (issued_at = ?4 AND id < ?5))))");
    s.bind(1, t.service_day).bind(2, t.service_id).bind(3, static_cast<int>(t.lane)).bind(4, t.issued_at).bind(5, t.id);
    s.step();
    const int position = static_cast<int>(s.column_int64(0)) + 1;
    const Service* service = find_service(config_.services, t.service_id);
    const std::int64_t counters =
        service != nullptr ? std::max<std::int64_t>(1, static_cast<std::int64_t>(service->counters.size())) : 1;
    // Everyone ahead plus the resident's own turn at the counter, shared by the counters serving it:
    // a rough figure, but it moves the right way and uses this office's own recent pace.
    const std::int64_t wait = typical_service_seconds(t.service_id) * position / counters;
    return LinePosition{position, wait};
}

std::int64_t TicketQueue::typical_service_seconds(std::string_view service_id) {
    auto s = db_.prepare(
        "SELECT finished_at - serving_at FROM queue_tickets WHERE service_id = ?1 AND state = 'done' "
        "AND serving_at IS NOT NULL AND finished_at - serving_at BETWEEN 1 AND ?2 "
        "ORDER BY finished_at DESC, id DESC LIMIT ?3");
    s.bind(1, service_id).bind(2, kLongestPlausibleService).bind(3, kServiceSamples);
    std::vector<std::int64_t> durations;
    while (s.step()) durations.push_back(s.column_int64(0));
    if (durations.size() < static_cast<std::size_t>(kMinServiceSamples)) return kDefaultServiceSeconds;
    std::sort(durations.begin(), durations.end());
    const std::size_t mid = durations.size() / 2;
    // The median: one resident with a complicated case does not double everyone's estimate.
    return durations.size() % 2 == 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2;
}

int TicketQueue::waiting_count(std::string_view service_id) {
    auto s = db_.prepare(
        "SELECT count(*) FROM queue_tickets WHERE state = 'waiting' AND service_day = ?1 AND service_id = ?2");
    s.bind(1, date_number(today())).bind(2, service_id);
    s.step();
    return static_cast<int>(s.column_int64(0));
}

std::vector<Ticket> TicketQueue::tickets_of_day(LocalDate day) {
    auto s = db_.prepare(std::string(kColumns) + "WHERE service_day = ?1 ORDER BY id");
    s.bind(1, date_number(day));
    std::vector<Ticket> out;
    while (s.step()) out.push_back(read_ticket(s));
    return out;
}

}  // namespace desa::queue
