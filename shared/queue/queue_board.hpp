#pragma once
// What the display board shows, read from kiosk.db in a few indexed queries (well under a
// millisecond): for each counter the ticket it called or is serving, today's last calls, and how
// many wait per service. And the calls to announce: those after the last one announced.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "queue/queue_config.hpp"
#include "queue/ticket.hpp"
#include "storage/database.hpp"

namespace desa::queue {

struct BoardCall {
    std::int64_t event_id = 0;  // queue_ticket_events.id: announce each once, in this order
    std::string number;         // "A012"
    std::string service_id;
    int counter = 0;
    std::int64_t at = 0;  // unix seconds
    bool recall = false;
};

struct CounterNow {
    int counter = 0;
    // The ticket this counter called or is serving (its latest, if staff called twice); none when idle.
    std::optional<std::string> number;
    std::string service_id;
    TicketState state = TicketState::Called;
    std::int64_t last_event_id = 0;  // of its latest call, recall or start
};

struct ServiceLine {
    std::string service_id;
    char prefix = 'A';
    int waiting = 0;
};

struct BoardState {
    std::int64_t service_day = 0;     // YYYYMMDD read
    std::vector<CounterNow> counters;  // every counter of the configured services, ascending
    std::vector<BoardCall> last_calls;  // newest first
    std::vector<ServiceLine> lines;     // every configured service, in config order
    std::int64_t newest_event_id = 0;  // the newest queue_ticket_events row (any day)
};

// The board for the local day of `now`; `last_calls` (1..50) limits the list.
BoardState read_board(storage::Database& db, const QueueConfig& config, std::int64_t now, int last_calls);

// Calls and recalls of the local day of `now` after event `after`, oldest first, at most `limit`
// (the newest kept when there are more).
std::vector<BoardCall> calls_after(storage::Database& db, const QueueConfig& config, std::int64_t now,
                                   std::int64_t after, int limit);

// The newest queue_ticket_events id (0 when there is none): where announcing starts.
std::int64_t newest_event_id(storage::Database& db);

}  // namespace desa::queue
