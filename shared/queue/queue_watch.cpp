#include "queue/queue_watch.hpp"

#include <spdlog/spdlog.h>

#include "queue/local_time.hpp"
#include "storage/kiosk_schema.hpp"

namespace desa::queue {

storage::Database open_kiosk_connection(const std::filesystem::path& kiosk_db) {
    // Every table name starts with "": all are left out of the check at open (see OpenOptions).
    return storage::Database::open(kiosk_db, storage::Durability::Full, storage::kiosk_migrations(),
                                   storage::OpenOptions{{""}, 0});
}

QueueWatcher::QueueWatcher(const std::filesystem::path& kiosk_db, QueueEvents& events, const Clock& clock,
                           int utc_offset_s, std::chrono::milliseconds interval)
    : events_(events), clock_(clock), utc_offset_s_(utc_offset_s), interval_(interval) {
    auto db = std::make_shared<storage::Database>(open_kiosk_connection(kiosk_db));
    publish_new_changes(*db, events_);  // notes where the feed starts before anyone waits
    thread_ = std::thread([this, db] {
        LocalDate day = local_date(clock_.unix_seconds(), utc_offset_s_);
        std::unique_lock lock(mutex_);
        while (!stop_cv_.wait_for(lock, interval_, [this] { return stop_; })) {
            lock.unlock();
            try {
                publish_new_changes(*db, events_);
                const LocalDate now = local_date(clock_.unix_seconds(), utc_offset_s_);
                if (now != day) {
                    day = now;
                    events_.bump();
                }
            } catch (const std::exception& e) {
                // A busy or briefly unreadable database: the next round tries again.
                spdlog::warn("queue watcher: {}", e.what());
            }
            lock.lock();
        }
    });
}

QueueWatcher::~QueueWatcher() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    stop_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

}  // namespace desa::queue
