// What the display board reads from kiosk.db: each counter's ticket, today's last calls, the
// lines per service, and the calls still to announce.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "queue/queue_board.hpp"
#include "queue_fixture.hpp"

using namespace desa;
using namespace desa::queue;

namespace {

const CounterNow& at_counter(const BoardState& b, int counter) {
    for (const auto& c : b.counters)
        if (c.counter == counter) return c;
    FAIL("no counter " << counter);
    throw std::logic_error("unreachable");
}

int waiting_for(const BoardState& b, const std::string& service) {
    for (const auto& l : b.lines)
        if (l.service_id == service) return l.waiting;
    return -1;
}

}  // namespace

TEST_CASE("board: a quiet morning shows every counter idle and nobody waiting", "[queue][board]") {
    test::QueueFixture f;
    const auto b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(b.service_day == 20251201);
    REQUIRE(b.counters.size() == 3);  // 1, 2 (both services) and 3, once each
    CHECK(b.counters[0].counter == 1);
    CHECK(b.counters[2].counter == 3);
    for (const auto& c : b.counters) CHECK_FALSE(c.number);
    CHECK(b.last_calls.empty());
    REQUIRE(b.lines.size() == 2);
    CHECK(b.lines[0].prefix == 'A');
    CHECK(waiting_for(b, "domisili") == 0);
    CHECK(b.newest_event_id == 0);
    CHECK(calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), 0, 10).empty());
}

TEST_CASE("board: calls, serving, recalls and the lines", "[queue][board]") {
    test::QueueFixture f;
    const auto a1 = f.take("domisili");
    f.take("domisili");
    f.take("domisili");
    f.take("sktm");
    auto b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(waiting_for(b, "domisili") == 3);
    CHECK(waiting_for(b, "sktm") == 1);
    CHECK(b.last_calls.empty());  // issuing is not calling
    const std::int64_t before_calls = b.newest_event_id;

    f.advance_s(60);
    REQUIRE(f.queue.call_next(1).ticket->number == "A001");
    f.advance_s(5);
    REQUIRE(f.queue.call_next(3).ticket->number == "S001");
    b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(at_counter(b, 1).number == "A001");
    CHECK(at_counter(b, 1).state == TicketState::Called);
    CHECK(at_counter(b, 3).number == "S001");
    CHECK_FALSE(at_counter(b, 2).number);
    CHECK(waiting_for(b, "domisili") == 2);
    CHECK(waiting_for(b, "sktm") == 0);
    REQUIRE(b.last_calls.size() == 2);
    CHECK(b.last_calls[0].number == "S001");  // newest first
    CHECK(b.last_calls[0].counter == 3);
    CHECK(b.last_calls[1].number == "A001");
    CHECK_FALSE(b.last_calls[0].recall);

    // The calls to announce, oldest first, and only once each.
    auto calls = calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), before_calls, 10);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].number == "A001");
    CHECK(calls[1].number == "S001");
    CHECK(calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), calls[1].event_id, 10).empty());

    REQUIRE(f.queue.recall(a1.id, 1).ticket);
    calls = calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), calls[1].event_id, 10);
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].recall);
    CHECK(calls[0].number == "A001");

    REQUIRE(f.queue.start_serving(a1.id, 1).ticket);
    b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(at_counter(b, 1).state == TicketState::Serving);
    REQUIRE(f.queue.finish(a1.id, 1).ticket);
    b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK_FALSE(at_counter(b, 1).number);  // done: the counter is free again
    CHECK(b.last_calls.size() == 3);       // the history stays
}

TEST_CASE("board: a counter that calls twice shows its latest ticket, the list is limited", "[queue][board]") {
    test::QueueFixture f;
    for (int i = 0; i < 8; ++i) f.take("domisili");
    for (int i = 0; i < 7; ++i) {
        f.advance_s(30);
        REQUIRE(f.queue.call_next(1).ticket);  // nobody finished: several called at once
    }
    const auto b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(at_counter(b, 1).number == "A007");
    REQUIRE(b.last_calls.size() == 5);
    CHECK(b.last_calls.front().number == "A007");
    CHECK(b.last_calls.back().number == "A003");
    // At most `limit` calls to announce, the newest kept.
    const auto calls = calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), 0, 3);
    REQUIRE(calls.size() == 3);
    CHECK(calls.front().number == "A005");
    CHECK(calls.back().number == "A007");
}

TEST_CASE("board: yesterday's calls and tickets do not show today", "[queue][board]") {
    test::QueueFixture f;
    f.take("domisili");
    f.take("domisili");
    REQUIRE(f.queue.call_next(1).ticket);
    f.at(test::kMonday0900Wib + 24 * 3600);  // Tuesday 09:00
    const auto b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
    CHECK(b.service_day == 20251202);
    CHECK(b.last_calls.empty());
    CHECK_FALSE(at_counter(b, 1).number);
    CHECK(waiting_for(b, "domisili") == 0);
    CHECK(b.newest_event_id > 0);
    CHECK(calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), 0, 10).empty());
    f.take("domisili");
    REQUIRE(f.queue.call_next(2).ticket->number == "A001");
    const auto today = calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), 0, 10);
    REQUIRE(today.size() == 1);
    CHECK(today[0].counter == 2);
}

TEST_CASE("board: a counter no longer in the config is left out", "[queue][board]") {
    test::QueueFixture f;
    f.take("sktm");
    REQUIRE(f.queue.call_next(3).ticket);
    auto config = test::office_config();
    config.services[1].counters = {2};  // counter 3 closed
    const auto b = read_board(f.db, config, f.clock.unix_seconds(), 5);
    REQUIRE(b.counters.size() == 2);
    CHECK(b.last_calls.size() == 1);  // its call still happened
}

TEST_CASE("board: reading it stays cheap with months of history", "[queue][board]") {
    test::QueueFixture f;
    // 120 past days of 100 tickets with 4 events each (48,000 events), written directly.
    {
        storage::Transaction tx(f.db);
        auto ticket = f.db.prepare(
            "INSERT INTO queue_tickets (service_day, number, service_id, issued_service_id, lane, state, issued_at, counter) "
            "VALUES (?1, ?2, 'domisili', 'domisili', 0, 'done', ?3, 1) RETURNING id");
        auto event = f.db.prepare(
            "INSERT INTO queue_ticket_events (ticket_id, action, to_state, counter, service_id, at) "
            "VALUES (?1, ?2, 'done', 1, 'domisili', ?3)");
        for (int day = 120; day >= 1; --day) {
            const std::int64_t start = test::kMonday0900Wib - static_cast<std::int64_t>(day) * 86400;
            const auto date = date_number(local_date(start, kWibOffsetSeconds));
            for (int n = 1; n <= 100; ++n) {
                char number[8];
                std::snprintf(number, sizeof number, "A%03d", n);
                ticket.reset();
                ticket.bind(1, date).bind(2, std::string_view(number)).bind(3, start + n * 60);
                REQUIRE(ticket.step());
                const std::int64_t id = ticket.column_int64(0);
                while (ticket.step()) {
                }
                for (const char* action : {"issue", "call", "serving", "done"}) {
                    event.reset();
                    event.bind(1, id).bind(2, std::string_view(action)).bind(3, start + n * 60);
                    event.step();
                }
            }
        }
        tx.commit();
    }
    for (int i = 0; i < 30; ++i) f.take(i % 10 == 0 ? "sktm" : "domisili");  // sktm's quota is 3
    for (int i = 0; i < 10; ++i) REQUIRE(f.queue.call_next(i % 2 + 1).ticket);

    const auto t0 = std::chrono::steady_clock::now();
    constexpr int kRuns = 50;
    std::int64_t newest = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto b = read_board(f.db, f.queue.config(), f.clock.unix_seconds(), 5);
        REQUIRE(b.last_calls.size() == 5);
        newest = b.newest_event_id;
        calls_after(f.db, f.queue.config(), f.clock.unix_seconds(), newest - 5, 10);
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / kRuns;
    WARN("board read with 48,000 past events: " << ms << " ms");
    CHECK(newest > 48'000);
    CHECK(ms < 5.0);  // a frame's worth would be 16 ms; it is well under one
}
