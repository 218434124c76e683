#include "queue/queue_board.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "queue/local_time.hpp"

namespace desa::queue {
namespace {

// Today's events all come after the first event of today's first ticket: a lower bound on the
// event id that keeps the "last calls" scan to today's rows instead of the whole history.
// nullopt when nothing was issued today.
std::optional<std::int64_t> first_event_of_day(storage::Database& db, std::int64_t day) {
    auto s = db.prepare(
        "SELECT min(e.id) FROM queue_ticket_events e WHERE e.ticket_id = "
        "(SELECT min(t.id) FROM queue_tickets t WHERE t.service_day = ?1)");
    s.bind(1, day);
    if (!s.step() || s.column_is_null(0)) return std::nullopt;
    return s.column_int64(0);
}

BoardCall call_from_row(storage::Statement& s) {
    BoardCall c;
    c.event_id = s.column_int64(0);
    c.number = s.column_text(1);
    c.service_id = s.column_text(2);
    c.counter = s.column_is_null(3) ? 0 : static_cast<int>(s.column_int64(3));
    c.at = s.column_int64(4);
    c.recall = s.column_text(5) == "recall";
    return c;
}

std::vector<BoardCall> read_calls(storage::Database& db, std::int64_t day, std::int64_t after, int limit) {
    const auto first = first_event_of_day(db, day);
    if (!first) return {};
    auto s = db.prepare(
        "SELECT e.id, t.number, e.service_id, e.counter, e.at, e.action "
        "FROM queue_ticket_events e JOIN queue_tickets t ON t.id = e.ticket_id "
        "WHERE e.id > ?2 AND e.action IN ('call', 'recall') AND t.service_day = ?1 ORDER BY e.id DESC LIMIT ?3");
    s.bind(1, day).bind(2, std::max(after, *first - 1)).bind(3, limit);
    std::vector<BoardCall> calls;
    while (s.step()) calls.push_back(call_from_row(s));
    return calls;  // newest first
}

std::int64_t today_number(const QueueConfig& config, std::int64_t now) {
    return date_number(local_date(now, config.utc_offset_s));
}

}  // namespace

std::int64_t newest_event_id(storage::Database& db) {
    auto s = db.prepare("SELECT coalesce(max(id), 0) FROM queue_ticket_events");
    s.step();
    return s.column_int64(0);
}

BoardState read_board(storage::Database& db, const QueueConfig& config, std::int64_t now, int last_calls) {
    BoardState board;
    board.service_day = today_number(config, now);
    board.newest_event_id = newest_event_id(db);
    board.last_calls = read_calls(db, board.service_day, 0, std::clamp(last_calls, 1, 50));

    std::set<int> counters;
    for (const Service& service : config.services) counters.insert(service.counters.begin(), service.counters.end());
    std::map<int, CounterNow> now_at;
    for (int c : counters) now_at[c].counter = c;
    auto active = db.prepare(
        "SELECT t.counter, t.number, t.service_id, t.state, "
        "(SELECT coalesce(max(e.id), 0) FROM queue_ticket_events e WHERE e.ticket_id = t.id "
        "AND e.action IN ('call', 'recall', 'serving')) "
        "FROM queue_tickets t WHERE t.service_day = ?1 AND t.state IN ('called', 'serving') AND t.counter IS NOT NULL");
    active.bind(1, board.service_day);
    while (active.step()) {
        const auto it = now_at.find(static_cast<int>(active.column_int64(0)));
        if (it == now_at.end()) continue;  // a counter no longer in the config
        const std::int64_t last = active.column_int64(4);
        CounterNow& c = it->second;
        if (c.number && c.last_event_id >= last) continue;  // staff called twice: the latest counts
        c.number = active.column_text(1);
        c.service_id = active.column_text(2);
        c.state = state_from_name(active.column_text(3)).value_or(TicketState::Called);
        c.last_event_id = last;
    }
    for (auto& [number, c] : now_at) board.counters.push_back(std::move(c));

    std::map<std::string, int, std::less<>> waiting;
    auto lines = db.prepare(
        "SELECT service_id, count(*) FROM queue_tickets WHERE service_day = ?1 AND state = 'waiting' GROUP BY service_id");
    lines.bind(1, board.service_day);
    while (lines.step()) waiting[lines.column_text(0)] = static_cast<int>(lines.column_int64(1));
    for (const Service& service : config.services) {
        const auto it = waiting.find(service.id);
        board.lines.push_back({service.id, service.prefix, it == waiting.end() ? 0 : it->second});
    }
    return board;
}

std::vector<BoardCall> calls_after(storage::Database& db, const QueueConfig& config, std::int64_t now,
                                   std::int64_t after, int limit) {
    auto calls = read_calls(db, today_number(config, now), after, std::max(1, limit));
    std::reverse(calls.begin(), calls.end());
    return calls;
}

}  // namespace desa::queue
