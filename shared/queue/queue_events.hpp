#pragma once
// The queue's change feed inside one process: a sequence number that moves whenever a ticket
// changes (issued, called, recalled, served, finished, no-show, cancelled, transferred), a
// condition variable to wait on it, and the last calls (for the display board's "last calls" and
// its voice). The counter console's long-poll and the display board both wait on the same
// QueueEvents; the source of truth stays queue_ticket_events in kiosk.db, and
// publish_new_changes() turns new rows there into a publish, whichever connection or process
// wrote them (kiosk screen, counter console, `desa-kiosk queue take`).
//
//   auto& events = queue::process_queue_events();
//   std::uint64_t seen = events.sequence();
//   for (;;) {
//       seen = events.wait_for_change(seen, std::chrono::seconds(30));  // returns early on a change
//       for (const auto& call : events.calls_after(last_call_id)) { ... announce ...; last_call_id = call.event_id; }
//   }
//
// Thread-safe throughout. A waiter never misses a change: it waits for "sequence != seen", not
// for a notification.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace desa::queue {

// One row of queue_ticket_events with the ticket's number.
struct QueueChange {
    std::int64_t event_id = 0;
    std::int64_t ticket_id = 0;
    std::string action;  // "issue", "call", "recall", "serving", "done", "no_show", "cancel", "transfer"
    std::string number;  // "A012"
    std::string service_id;
    std::optional<int> counter;
    std::int64_t at = 0;  // unix seconds
};

class QueueEvents {
public:
    static constexpr std::size_t kKeptCalls = 20;

    QueueEvents();  // the sequence starts at a random value: a client of a restarted process sees a change

    std::uint64_t sequence() const;
    // The newest event id published, nullopt before the first publish_new_changes().
    std::optional<std::int64_t> last_event_id() const;

    // Publishes `changes` (event ids ascending) that are newer than last_event_id(): bumps the
    // sequence once and wakes every waiter. Older or repeated rows are ignored, so two threads
    // publishing the same rows count once. Returns how many rows were new.
    int publish(const std::vector<QueueChange>& changes);
    // Sets where publishing starts (at start-up: the newest event already in the database).
    void start_after(std::int64_t event_id);
    // Something changed that has no event row (a new day began): bumps the sequence.
    void bump();

    // Waits until sequence() != seen, `timeout` passes or wake_all() is called; returns sequence().
    std::uint64_t wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;
    // Wakes every waiter without a change (a server shutting down).
    void wake_all();

    // The last kKeptCalls calls and recalls, oldest first; those after `event_id` only.
    std::vector<QueueChange> calls_after(std::int64_t event_id = 0) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::uint64_t sequence_;
    std::uint64_t wakes_ = 0;
    std::optional<std::int64_t> last_event_id_;
    std::deque<QueueChange> calls_;
};

// The process's feed: the console and the board of one kiosk process share it.
QueueEvents& process_queue_events();

// Reads queue_ticket_events after last_event_id() (at most `limit` rows) and publishes them. On the
// first use it only notes the newest event id. Returns the number of new rows.
int publish_new_changes(storage::Database& db, QueueEvents& events, int limit = 500);

}  // namespace desa::queue
