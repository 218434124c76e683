#pragma once
// A kiosk.db in a temporary directory, a manual clock on Monday 2025-12-01 09:00 WIB, and two
// services: "domisili" (A, counters 1-2, priority lane, Mon-Fri 08:00-15:00) and "sktm" (S,
// counters 2-3, quota 3, Mon-Fri 08:00-12:00).
#include <string>

#include "core/clock.hpp"
#include "queue/ticket_queue.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

namespace desa::test {

inline constexpr std::int64_t kMonday0700Wib = 1'764'547'200;  // 2025-12-01T00:00:00Z
inline constexpr std::int64_t kMonday0900Wib = kMonday0700Wib + 2 * 3600;

inline queue::Service make_service(std::string id, char prefix, std::vector<int> counters, std::string hours,
                                   int quota = 999, bool priority = false) {
    queue::Service s;
    s.id = std::move(id);
    s.name_id = "Layanan " + s.id;
    s.prefix = prefix;
    s.counters = std::move(counters);
    for (std::size_t d = 0; d < 5; ++d) s.hours[d] = *queue::parse_opening_hours(hours);
    s.daily_quota = quota;
    s.priority_lane = priority;
    return s;
}

inline queue::QueueConfig office_config() {
    queue::QueueConfig cfg;
    cfg.services.push_back(make_service("domisili", 'A', {1, 2}, "08:00-15:00", 999, true));
    cfg.services.push_back(make_service("sktm", 'S', {2, 3}, "08:00-12:00", 3, false));
    return cfg;
}

struct QueueFixture {
    TempDir dir;
    ManualClock clock;
    storage::Database db;
    queue::TicketQueue queue;

    explicit QueueFixture(queue::QueueConfig cfg = office_config())
        : db(storage::open_kiosk_database(dir.path())), queue(db, std::move(cfg), clock) {
        clock.wall_seconds = kMonday0900Wib;
    }

    void at(std::int64_t unix_seconds) {
        clock.now = Millis{0};
        clock.wall_seconds = unix_seconds;
    }
    void advance_s(std::int64_t seconds) { clock.advance(Millis{seconds * 1000}); }

    queue::Ticket take(const std::string& service, queue::Lane lane = queue::Lane::Regular) {
        auto r = queue.take(service, lane);
        if (!r.ticket)
            throw std::runtime_error("take " + service + " refused: " + std::string(queue::refusal_name(*r.refusal)));
        return *r.ticket;
    }
};

}  // namespace desa::test
