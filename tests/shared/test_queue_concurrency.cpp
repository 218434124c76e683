// Many counters at the same instant: 8 threads, each with its own connection to the same kiosk.db,
// call next until the line is empty. Every ticket is called exactly once, in calling order, none
// skipped. Also 4 kiosks' worth of threads taking tickets at once: numbers stay unique and gapless.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "queue_fixture.hpp"

using namespace desa::queue;
using desa::test::QueueFixture;

namespace {

QueueConfig hall_config() {
    QueueConfig cfg;
    auto s = desa::test::make_service("umum", 'U', {1, 2, 3, 4, 5, 6, 7, 8}, "00:00-24:00", 999, true);
    for (auto& day : s.hours) day = *parse_opening_hours("00:00-24:00");
    cfg.services.push_back(s);
    return cfg;
}

// Runs `work(thread index, its own queue)` on `threads` threads; returns the errors they met.
std::vector<std::string> run_threads(QueueFixture& f, int threads, const std::function<void(int, TicketQueue&)>& work) {
    std::vector<std::string> errors;
    std::mutex mutex;
    std::atomic<int> ready{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
            try {
                auto db = desa::storage::open_kiosk_database(f.dir.path());
                TicketQueue queue(db, hall_config(), f.clock);
                ++ready;
                while (ready.load() < threads) std::this_thread::yield();  // start together
                work(i, queue);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                errors.push_back(e.what());
            }
        });
    }
    for (auto& t : pool) t.join();
    return errors;
}

}  // namespace

TEST_CASE("queue concurrency: 8 counters calling next never get the same ticket, none is skipped",
          "[queue][concurrency]") {
    QueueFixture f(hall_config());
    constexpr int kTickets = 240;
    std::vector<Ticket> issued;
    for (int i = 0; i < kTickets; ++i) {
        issued.push_back(f.take("umum", i % 5 == 0 ? Lane::Priority : Lane::Regular));
        if (i % 3 == 0) f.advance_s(1);  // some tickets share a second: the id breaks the tie
    }
    // The order the counters must call them in, worked out independently of the SQL.
    std::vector<Ticket> expected = issued;
    std::stable_sort(expected.begin(), expected.end(), [](const Ticket& a, const Ticket& b) {
        if (a.lane != b.lane) return a.lane > b.lane;
        return a.issued_at < b.issued_at;
    });

    std::mutex mutex;
    std::vector<std::pair<int, std::int64_t>> calls;  // (counter, ticket id)
    // Each counter presses "next" the same number of times, so the work is shared whatever the
    // scheduler does (a free-running loop let one thread drain the line on a loaded machine).
    constexpr int kCounters = 8, kCallsEach = kTickets / kCounters;
    const auto errors = run_threads(f, kCounters, [&](int i, TicketQueue& queue) {
        for (int n = 0; n < kCallsEach; ++n) {
            const ActionResult r = queue.call_next(i + 1);
            if (r.refusal) throw std::runtime_error("refused: " + std::string(refusal_name(*r.refusal)));
            if (!r.ticket) throw std::runtime_error("the line ran dry early");
            std::lock_guard lock(mutex);
            calls.emplace_back(i + 1, r.ticket->id);
        }
    });
    INFO(errors.size() << " errors; first: " << (errors.empty() ? "" : errors.front()));
    REQUIRE(errors.empty());
    REQUIRE(calls.size() == kTickets);
    std::set<std::int64_t> unique;
    std::set<int> counters;
    for (const auto& [counter, id] : calls) {
        unique.insert(id);
        counters.insert(counter);
    }
    CHECK(unique.size() == kTickets);
    CHECK(counters.size() == kCounters);
    CHECK_FALSE(f.queue.call_next(1).ticket);  // the line is empty now

    // The commit order of the calls (event ids) is exactly the calling order: none skipped.
    auto events = f.db.prepare("SELECT ticket_id, counter FROM queue_ticket_events WHERE action = 'call' ORDER BY id");
    std::size_t k = 0;
    while (events.step()) {
        REQUIRE(k < expected.size());
        CHECK(events.column_int64(0) == expected[k].id);
        const Ticket now = *f.queue.find(expected[k].id);
        CHECK(now.state == TicketState::Called);
        CHECK(now.counter == static_cast<int>(events.column_int64(1)));
        ++k;
    }
    CHECK(k == expected.size());
    CHECK(f.queue.waiting_count("umum") == 0);
}

TEST_CASE("queue concurrency: tickets taken at once get unique, gapless numbers", "[queue][concurrency]") {
    QueueFixture f(hall_config());
    constexpr int kThreads = 4, kEach = 40;
    const auto errors = run_threads(f, kThreads, [&](int, TicketQueue& queue) {
        for (int n = 0; n < kEach; ++n) {
            const TakeResult r = queue.take("umum");
            if (!r.ticket) throw std::runtime_error("refused: " + std::string(refusal_name(*r.refusal)));
        }
    });
    INFO(errors.size() << " errors; first: " << (errors.empty() ? "" : errors.front()));
    REQUIRE(errors.empty());
    const auto tickets = f.queue.tickets_of_day(f.queue.today());
    REQUIRE(tickets.size() == kThreads * kEach);
    std::set<std::string> numbers;
    for (const Ticket& t : tickets) numbers.insert(t.number);
    CHECK(numbers.size() == tickets.size());
    CHECK(*numbers.begin() == "U001");
    CHECK(*numbers.rbegin() == "U160");
}
