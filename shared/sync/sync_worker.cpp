#include "sync/sync_worker.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "storage/kiosk_schema.hpp"
#include "sync/backoff.hpp"

namespace desa::sync {

SyncWorker::SyncWorker(CycleFunction cycle, WorkerOptions options)
    : cycle_(std::move(cycle)), options_(std::move(options)) {
    if (!options_.jitter) options_.jitter = random_jitter;
}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stop_ = false;
    state_.started = true;
    state_.next_at = std::chrono::steady_clock::now();
    state_.next_at_wall = std::chrono::system_clock::now();
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    std::lock_guard lock(mutex_);
    state_.started = false;
    state_.running = false;
    state_.demanded = false;
}

void SyncWorker::sync_now() {
    {
        std::lock_guard lock(mutex_);
        demand_ = true;
        state_.demanded = true;
    }
    wake_.notify_all();
    changed();
}

WorkerSnapshot SyncWorker::snapshot() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void SyncWorker::note_progress(const CycleProgress& progress) {
    {
        std::lock_guard lock(mutex_);
        state_.progress = progress;
    }
    changed();
}

void SyncWorker::changed() {
    if (options_.on_change) options_.on_change();
}

void SyncWorker::run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        const auto next = *state_.next_at;
        wake_.wait_until(lock, next, [&] { return stop_ || demand_ || std::chrono::steady_clock::now() >= next; });
        if (stop_) break;
        demand_ = false;
        state_.demanded = false;
        state_.running = true;
        state_.progress = {};
        lock.unlock();
        changed();
        CycleOutcome outcome;
        try {
            outcome = cycle_(stop_);
        } catch (const std::exception& e) {
            // A database that cannot be opened must not end the worker: it is retried like the network.
            outcome = {false, std::nullopt, e.what()};
        }
        lock.lock();
        state_.running = false;
        ++state_.cycles;
        state_.last_ok = outcome.ok;
        state_.last_error = outcome.error;
        std::int64_t delay = 0;
        if (outcome.ok) {
            state_.consecutive_failures = 0;
            delay = regular_delay(options_.interval_seconds, options_.jitter());
        } else {
            ++state_.consecutive_failures;
            delay = backoff_delay(state_.consecutive_failures, outcome.retry_after, options_.jitter());
        }
        state_.next_at = std::chrono::steady_clock::now() + options_.second * delay;
        state_.next_at_wall = std::chrono::system_clock::now() + options_.second * delay;
        if (!outcome.ok && !stop_)
            spdlog::info("sync failed ({} in a row), next attempt in {} s: {}", state_.consecutive_failures, delay,
                         outcome.error);
        lock.unlock();
        changed();
        lock.lock();
    }
}

CycleFunction kiosk_sync_cycle(std::filesystem::path data_dir, SyncOptions options) {
    auto db = std::make_shared<std::optional<storage::Database>>();
    return [data_dir = std::move(data_dir), options = std::move(options), db](const std::atomic<bool>& stop) {
        if (!*db)
            // The catalogue's tables are left to the kiosk's own background check (see kiosk_context).
            db->emplace(storage::Database::open(data_dir / "kiosk.db", storage::Durability::Full,
                                                storage::kiosk_migrations(), storage::OpenOptions{{"catalog_"}, 0}));
        SyncOptions run = options;
        run.client.cancel = &stop;
        const auto report = run_cycle(**db, data_dir, run);
        return CycleOutcome{report.ok, report.retry_after, report.error};
    };
}

}  // namespace desa::sync
