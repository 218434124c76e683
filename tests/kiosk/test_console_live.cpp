// The console's push and its concurrency over real HTTP: a long-poll answers as soon as another
// counter acts or the kiosk issues a ticket (not at its timeout), and many counters pressing "call
// next" at the same instant, each on its own connection, never get the same ticket and skip none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "test_console_fixture.hpp"

using namespace desa;
using namespace std::chrono_literals;
using desa::test::Browser;
using desa::test::ConsoleFixture;
using nlohmann::json;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Long-polls from `seq` until `done(state)`: a poll may also wake for an older change (the page's
// first state can be newer than its sequence), so the page, like this, simply polls again.
template <typename Done>
desa::test::Reply poll_until(Browser& b, std::string seq, Done done) {
    const auto t0 = std::chrono::steady_clock::now();
    for (;;) {
        auto r = b.state(seq);
        if (r.status != 200 || done(r.body) || seconds_since(t0) > 10) return r;
        seq = r.body["seq"];
    }
}

}  // namespace

TEST_CASE("console: a long-poll returns promptly on another counter's call and on a kiosk ticket",
          "[console][live]") {
    ConsoleFixture f;
    f.take("domisili");
    Browser watcher(f.port()), actor(f.port());
    REQUIRE(watcher.login(2, test::kPinCounters23).status == 200);
    REQUIRE(actor.login(1, test::kPinCounter1).status == 200);
    const auto first = watcher.state();
    REQUIRE(first.status == 200);
    const std::string seq = first.body["seq"];
    CHECK(first.body["services"][0]["waiting"] == 1);

    // Counter 1 calls while counter 2's page waits.
    auto t0 = std::chrono::steady_clock::now();
    auto poll = std::async(std::launch::async, [&] {
        return poll_until(watcher, seq, [](const json& s) { return !s["last_calls"].empty(); });
    });
    std::this_thread::sleep_for(300ms);
    REQUIRE(actor.act("call_next").status == 200);
    auto pushed = poll.get();
    const double waited = seconds_since(t0);
    CHECK(waited < 1.5);  // 0.3 s before the call, then at once; the poll's timeout is 25 s
    CHECK(pushed.body["seq"] != seq);
    CHECK(pushed.body["services"][0]["waiting"] == 0);
    CHECK(pushed.body["last_calls"][0]["counter"] == 1);
    WARN("long-poll answered " << waited << " s after it started (call made at 0.3 s)");

    // A ticket taken at the kiosk screen (another connection): the watcher publishes it.
    const std::string seq2 = pushed.body["seq"];
    t0 = std::chrono::steady_clock::now();
    poll = std::async(std::launch::async, [&] {
        return poll_until(watcher, seq2, [](const json& s) { return s["services"][1]["waiting"] == 1; });
    });
    std::this_thread::sleep_for(200ms);
    f.take("sktm");
    pushed = poll.get();
    CHECK(seconds_since(t0) < 1.5);
    CHECK(pushed.body["services"][1]["waiting"] == 1);

    // A stale sequence (a page from before a restart) is answered at once.
    t0 = std::chrono::steady_clock::now();
    CHECK(watcher.state("12345").status == 200);
    CHECK(watcher.state("not-a-number").status == 200);
    CHECK(seconds_since(t0) < 1.0);
}

TEST_CASE("console: a long-poll without changes waits for its timeout, and stop() ends it", "[console][live]") {
    ConsoleFixture f;
    f.options.long_poll = 600ms;
    f.restart();
    Browser b(f.port());
    REQUIRE(b.login(1, test::kPinCounter1).status == 200);
    const std::string seq = b.state().body["seq"];
    auto t0 = std::chrono::steady_clock::now();
    const auto same = b.state(seq);
    CHECK(same.body["seq"] == seq);
    CHECK(seconds_since(t0) >= 0.55);

    f.options.long_poll = 30s;
    f.restart();
    Browser c(f.port());
    REQUIRE(c.login(1, test::kPinCounter1).status == 200);
    const std::string seq2 = c.state().body["seq"];
    auto poll = std::async(std::launch::async, [&] {
        try {
            return c.state(seq2).status;
        } catch (const std::exception&) {
            return -1;
        }
    });
    std::this_thread::sleep_for(200ms);
    t0 = std::chrono::steady_clock::now();
    f.server.reset();  // the kiosk shutting down must not hang on a waiting page
    CHECK(seconds_since(t0) < 4.0);  // the woken poll, then idle keep-alive connections (2 s)
    CHECK(poll.wait_for(5s) == std::future_status::ready);
}

TEST_CASE("console: 8 counters pressing call next at once over HTTP: no ticket twice, none skipped",
          "[console][concurrency]") {
    queue::QueueConfig hall;
    hall.services.push_back(test::all_day_service("umum", 'U', {1, 2, 3, 4, 5, 6, 7, 8}, true));
    ConsoleFixture f(hall, {1, 2, 3, 4, 5, 6, 7, 8});
    constexpr int kTickets = 160;
    std::vector<queue::Ticket> issued;
    for (int i = 0; i < kTickets; ++i) {
        issued.push_back(f.take("umum", i % 7 == 0 ? queue::Lane::Priority : queue::Lane::Regular));
        f.clock.advance(Millis{1000});
    }

    constexpr int kCounters = 8;
    std::vector<std::unique_ptr<Browser>> counters;
    for (int c = 1; c <= kCounters; ++c) {
        counters.push_back(std::make_unique<Browser>(f.port()));
        REQUIRE(counters.back()->login(c, c == 1 ? test::kPinCounter1 : test::kPinCounters23).status == 200);
    }
    std::mutex mutex;
    std::vector<std::pair<int, std::string>> calls;  // (counter, number) in the order answered
    std::vector<std::string> errors;
    std::atomic<int> ready{0};
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> threads;
    for (int c = 1; c <= kCounters; ++c) {
        threads.emplace_back([&, c] {
            Browser& b = *counters[static_cast<std::size_t>(c - 1)];
            ++ready;
            while (ready.load() < kCounters) std::this_thread::yield();  // press together
            try {
                for (;;) {
                    auto r = b.act("call_next");
                    if (r.status == 409 && r.body["error"] == "nobody_waiting") return;
                    if (r.status != 200) throw std::runtime_error("call_next: " + r.text);
                    const auto id = r.body["ticket"]["id"].get<std::int64_t>();
                    {
                        std::lock_guard lock(mutex);
                        calls.emplace_back(c, r.body["ticket"]["number"].get<std::string>());
                    }
                    if (b.act("serving", id).status != 200 || b.act("finish", id).status != 200)
                        throw std::runtime_error("serve/finish refused");
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                errors.push_back(e.what());
            }
        });
    }
    for (auto& t : threads) t.join();
    const double elapsed = seconds_since(t0);
    for (const auto& e : errors) FAIL_CHECK(e);

    REQUIRE(calls.size() == kTickets);
    std::set<std::string> numbers;
    std::map<int, int> per_counter;
    for (const auto& [counter, number] : calls) {
        numbers.insert(number);
        ++per_counter[counter];
    }
    CHECK(numbers.size() == kTickets);  // no ticket twice
    for (const auto& t : issued) CHECK(numbers.count(t.number) == 1);  // none skipped
    CHECK(per_counter.size() == kCounters);  // every counter got work
    // Priority tickets were all called before any regular one.
    std::size_t last_priority = 0, first_regular = calls.size();
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const auto t = std::find_if(issued.begin(), issued.end(), [&](const auto& x) { return x.number == calls[i].second; });
        if (t->lane == queue::Lane::Priority) last_priority = std::max(last_priority, i);
        else first_regular = std::min(first_regular, i);
    }
    CHECK(last_priority < first_regular + kCounters);  // answers of simultaneous calls may interleave
    queue::TicketQueue q(f.db, f.options.queue, f.clock);
    for (const auto& t : q.tickets_of_day(q.today())) CHECK(t.state == queue::TicketState::Done);
    WARN(kTickets << " tickets called, served and finished by " << kCounters << " counters over HTTP in " << elapsed
                  << " s (" << (3 * kTickets) / elapsed << " actions/s)");
}
