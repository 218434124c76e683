#pragma once
// Sync on a worker thread so the UI never waits for the network: a cycle at start, then every
// `interval` (±20 %), at once on "sync now", and after a failure with the capped exponential
// back-off of sync/backoff.hpp (honouring the hub's Retry-After). It never gives up. The kiosk
// wires it to the admin screen; this file knows nothing of SDL.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "sync/sync_engine.hpp"

namespace desa::sync {

struct CycleOutcome {
    bool ok = false;
    std::optional<std::int64_t> retry_after;  // seconds
    std::string error;
};
// Runs one cycle; `stop` is set when the worker is asked to stop (pass it to the HTTP client).
using CycleFunction = std::function<CycleOutcome(const std::atomic<bool>& stop)>;

struct WorkerOptions {
    std::int64_t interval_seconds = 15 * 60;  // below 1 counts as 1
    // How long a "second" of the schedule lasts: tests shrink it to run the schedule fast.
    std::chrono::milliseconds second{1000};
    std::function<double()> jitter;  // in [-1, 1]; default random_jitter
    // Called on the worker's thread (never with its lock held) whenever the snapshot changed: a
    // cycle started, moved to another step, or ended. The kiosk wakes its event loop with it.
    std::function<void()> on_change;
};

struct WorkerSnapshot {
    bool started = false;  // the thread runs (between start() and stop())
    bool running = false;  // a cycle is in progress
    bool demanded = false; // "sync now" waits for the cycle in progress to end
    int cycles = 0;
    int consecutive_failures = 0;
    bool last_ok = false;
    std::string last_error;
    CycleProgress progress;  // of the cycle in progress (step "" before its first step)
    std::optional<std::chrono::steady_clock::time_point> next_at;  // next scheduled cycle
    std::optional<std::chrono::system_clock::time_point> next_at_wall;  // the same, on the wall clock
};

class SyncWorker {
public:
    SyncWorker(CycleFunction cycle, WorkerOptions options = {});
    ~SyncWorker();  // stop()
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();     // the first cycle runs at once
    void stop();      // cancels a transfer in progress and joins the thread
    void sync_now();  // the admin's button: a cycle as soon as the current one (if any) ends
    WorkerSnapshot snapshot() const;
    // The cycle in progress reports its step (SyncOptions::on_progress); thread-safe.
    void note_progress(const CycleProgress& progress);

private:
    void run();
    void changed();  // on_change, outside the lock

    CycleFunction cycle_;
    WorkerOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::atomic<bool> stop_{false};
    bool demand_ = false;
    WorkerSnapshot state_;
    std::thread thread_;
};

// The kiosk's cycle for the worker: its own connection to <data>/kiosk.db (opened on the worker
// thread at the first cycle and kept), then run_cycle with `options`.
CycleFunction kiosk_sync_cycle(std::filesystem::path data_dir, SyncOptions options = {});

}  // namespace desa::sync
