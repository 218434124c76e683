// Back-off after failed sync cycles (a pure function, by table) and the worker's schedule: a cycle
// at start, back-off after failures, Retry-After honoured, "sync now" at once, stop cancels.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "sync/backoff.hpp"
#include "sync/sync_worker.hpp"

using namespace desa::sync;
using namespace std::chrono_literals;

TEST_CASE("back-off: 30 s doubling to 30 min, ±20 % jitter, Retry-After honoured", "[sync][backoff]") {
    struct Row {
        int failures;
        std::optional<std::int64_t> retry_after;
        double jitter;
        std::int64_t expected;
    };
    const Row rows[] = {
        {0, std::nullopt, 0.0, 30},        // 0 counts as the first failure
        {1, std::nullopt, 0.0, 30},
        {2, std::nullopt, 0.0, 60},
        {3, std::nullopt, 0.0, 120},
        {4, std::nullopt, 0.0, 240},
        {5, std::nullopt, 0.0, 480},
        {6, std::nullopt, 0.0, 960},
        {7, std::nullopt, 0.0, 1800},      // capped
        {8, std::nullopt, 0.0, 1800},
        {1000, std::nullopt, 0.0, 1800},   // never overflows
        {-5, std::nullopt, 0.0, 30},
        {1, std::nullopt, 1.0, 36},        // +20 %
        {1, std::nullopt, -1.0, 24},       // -20 %
        {7, std::nullopt, 1.0, 2160},      // the cap is jittered too: kiosks spread out
        {7, std::nullopt, -1.0, 1440},
        {1, std::nullopt, 5.0, 36},        // jitter outside [-1, 1] is clamped
        {1, 120, 0.0, 120},                // Retry-After longer than the back-off wins
        {5, 20, 0.0, 480},                 // ... a shorter one does not shorten it
        {1, 0, 0.0, 30},
        {1, -10, 0.0, 30},
        {1, 365 * 86400, 0.0, 6 * 3600},   // a silly Retry-After is capped at 6 h
    };
    for (const auto& r : rows) {
        INFO("failures " << r.failures << " retry_after " << r.retry_after.value_or(-1) << " jitter " << r.jitter);
        CHECK(backoff_delay(r.failures, r.retry_after, r.jitter) == r.expected);
    }
    CHECK(regular_delay(900, 0.0) == 900);
    CHECK(regular_delay(900, 1.0) == 1080);
    CHECK(regular_delay(900, -1.0) == 720);
    CHECK(regular_delay(0, 0.0) == 1);
    for (int i = 0; i < 1000; ++i) {
        const double j = random_jitter();
        REQUIRE(j >= -1.0);
        REQUIRE(j <= 1.0);
    }
}

namespace {

struct Recorder {
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> calls;
    std::size_t count() {
        std::lock_guard lock(mutex);
        return calls.size();
    }
    bool wait_for(std::size_t n, std::chrono::milliseconds limit) {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (count() < n)
            if (std::chrono::steady_clock::now() > end) return false;
            else std::this_thread::sleep_for(2ms);
        return true;
    }
    std::chrono::milliseconds gap(std::size_t i) {
        std::lock_guard lock(mutex);
        return std::chrono::duration_cast<std::chrono::milliseconds>(calls[i] - calls[i - 1]);
    }
};

}  // namespace

TEST_CASE("worker: first cycle at start, back-off after failures, Retry-After, sync now", "[sync][worker]") {
    Recorder rec;
    // Scripted outcomes: fail, fail (hub says retry after 100 s), then succeed forever.
    CycleFunction cycle = [&](const std::atomic<bool>&) {
        std::lock_guard lock(rec.mutex);
        rec.calls.push_back(std::chrono::steady_clock::now());
        if (rec.calls.size() == 1) return CycleOutcome{false, std::nullopt, "network: refused"};
        if (rec.calls.size() == 2) return CycleOutcome{false, 100, "http 503"};
        return CycleOutcome{true, std::nullopt, ""};
    };
    WorkerOptions options;
    options.interval_seconds = 100'000;  // never within the test: only "sync now" brings cycle 4
    options.second = 4ms;
    options.jitter = [] { return 0.0; };
    SyncWorker worker(cycle, options);
    const auto started = std::chrono::steady_clock::now();
    worker.start();
    REQUIRE(rec.wait_for(1, 2s));
    CHECK(std::chrono::steady_clock::now() - started < 1s);
    REQUIRE(rec.wait_for(3, 5s));
    CHECK(rec.gap(1) >= 30 * 4ms);   // back-off after the first failure: 30 "seconds"
    CHECK(rec.gap(1) < 30 * 4ms + 400ms);
    CHECK(rec.gap(2) >= 100 * 4ms);  // Retry-After 100 beat the 60 s back-off
    auto snap = worker.snapshot();
    CHECK(snap.cycles >= 2);
    std::this_thread::sleep_for(50ms);
    snap = worker.snapshot();
    CHECK(snap.cycles == 3);
    CHECK(snap.last_ok);
    CHECK(snap.consecutive_failures == 0);
    REQUIRE(snap.next_at);
    CHECK(*snap.next_at - std::chrono::steady_clock::now() > 100s);  // the regular interval

    worker.sync_now();
    REQUIRE(rec.wait_for(4, 2s));
    CHECK(rec.gap(3) < 1s);
    worker.stop();
    const auto after_stop = rec.count();
    std::this_thread::sleep_for(30ms);
    CHECK(rec.count() == after_stop);
}

TEST_CASE("worker: stop cancels a cycle in progress and a throwing cycle does not end the worker", "[sync][worker]") {
    std::atomic<int> calls{0};
    std::atomic<bool> saw_stop{false};
    CycleFunction cycle = [&](const std::atomic<bool>& stop) -> CycleOutcome {
        if (++calls == 1) throw std::runtime_error("database is locked");
        // A long transfer: returns only when asked to stop (the HTTP client aborts the same way).
        while (!stop) std::this_thread::sleep_for(1ms);
        saw_stop = true;
        return {false, std::nullopt, "network: cancelled"};
    };
    WorkerOptions options;
    options.second = 1ms;
    options.jitter = [] { return 0.0; };
    SyncWorker worker(cycle, options);
    worker.start();
    const auto end = std::chrono::steady_clock::now() + 3s;
    while (calls < 2 && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(2ms);
    REQUIRE(calls == 2);
    CHECK(worker.snapshot().running);
    const auto t0 = std::chrono::steady_clock::now();
    worker.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
    CHECK(saw_stop);
    CHECK(worker.snapshot().consecutive_failures == 2);
}
