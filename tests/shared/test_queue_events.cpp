// The in-process queue change feed: the sequence moves once per batch of new event rows, repeated
// rows count once, waiters wake on a change (and only time out without one), the last calls are
// kept, and publish_new_changes() reads rows written by any connection.
#include <catch2/catch.hpp>

#include <future>
#include <thread>

#include "queue/queue_events.hpp"
#include "queue/queue_watch.hpp"
#include "queue_fixture.hpp"

using namespace desa::queue;
using namespace std::chrono_literals;

namespace {

QueueChange change(std::int64_t id, std::string action, int counter = 1) {
    return QueueChange{id, id, std::move(action), "A00" + std::to_string(id), "domisili", counter, 100 + id};
}

}  // namespace

TEST_CASE("queue events: publish moves the sequence once and ignores rows already seen", "[queue][events]") {
    QueueEvents events;
    const auto start = events.sequence();
    CHECK_FALSE(events.last_event_id());
    CHECK(events.publish({change(1, "issue"), change(2, "call")}) == 2);
    CHECK(events.sequence() == start + 1);
    CHECK(events.publish({change(1, "issue"), change(2, "call")}) == 0);  // a second publisher, same rows
    CHECK(events.sequence() == start + 1);
    CHECK(events.publish({change(2, "call"), change(3, "recall"), change(4, "done")}) == 2);
    CHECK(events.sequence() == start + 2);
    CHECK(events.last_event_id() == 4);
    const auto calls = events.calls_after();
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].action == "call");
    CHECK(calls[1].action == "recall");
    CHECK(events.calls_after(2).size() == 1);
    for (int i = 5; i < 60; ++i) events.publish({change(i, "call")});
    CHECK(events.calls_after().size() == QueueEvents::kKeptCalls);
    CHECK(events.calls_after().back().event_id == 59);
}

TEST_CASE("queue events: a waiter wakes on a change, times out without one, and on wake_all", "[queue][events]") {
    QueueEvents events;
    const auto seen = events.sequence();
    auto t0 = std::chrono::steady_clock::now();
    CHECK(events.wait_for_change(seen, 100ms) == seen);
    CHECK(std::chrono::steady_clock::now() - t0 >= 100ms);

    auto waiter = std::async(std::launch::async, [&] { return events.wait_for_change(seen, 10s); });
    std::this_thread::sleep_for(50ms);
    t0 = std::chrono::steady_clock::now();
    events.publish({change(7, "call")});
    CHECK(waiter.get() == seen + 1);
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);

    // A change that happened before the wait started is not missed: the wait compares sequences.
    CHECK(events.wait_for_change(seen, 10s) == seen + 1);

    auto stopped = std::async(std::launch::async, [&] { return events.wait_for_change(seen + 1, 10s); });
    std::this_thread::sleep_for(50ms);
    events.wake_all();
    CHECK(stopped.wait_for(2s) == std::future_status::ready);
    CHECK(stopped.get() == seen + 1);
}

TEST_CASE("queue events: rows from another connection are published by publish_new_changes and the watcher",
          "[queue][events]") {
    desa::test::QueueFixture f;
    f.take("domisili");  // before the feed starts: not published
    QueueEvents events;
    auto reader = desa::storage::open_kiosk_database(f.dir.path());
    CHECK(publish_new_changes(reader, events) == 0);  // first use: notes where to start
    const auto seq = events.sequence();
    const auto called = f.queue.call_next(1);
    REQUIRE(called.ticket);
    CHECK(publish_new_changes(reader, events) == 1);
    CHECK(events.sequence() == seq + 1);
    const auto calls = events.calls_after();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].number == called.ticket->number);
    CHECK(calls[0].counter == 1);

    // The watcher thread: a ticket taken on another connection wakes a waiter within its interval.
    QueueWatcher watcher(f.dir.path() / "kiosk.db", events, f.clock, kWibOffsetSeconds, 50ms);
    const auto before = events.sequence();
    auto waiter = std::async(std::launch::async, [&] { return events.wait_for_change(before, 5s); });
    const auto t0 = std::chrono::steady_clock::now();
    f.take("domisili");
    CHECK(waiter.get() == before + 1);
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
}
