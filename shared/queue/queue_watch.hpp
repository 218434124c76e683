#pragma once
// Keeps a QueueEvents up to date with kiosk.db: a thread with its own connection looks for new
// queue_ticket_events rows every `interval` (one indexed query, about 0.1 ms) and publishes them,
// so changes made by another connection or process (the kiosk's ticket screen, a console run
// alone on a staff PC, `desa-kiosk queue take`) reach every waiter within that interval. Writers
// in this process may call publish_new_changes() themselves right after their commit to skip the
// wait. It also bumps the sequence when the office's local day changes (the lines empty at midnight).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "queue/queue_events.hpp"

namespace desa::queue {

class QueueWatcher {
public:
    // Opens kiosk.db (already opened and checked by the process) and starts the thread. Throws
    // storage::StorageError when the file cannot be opened.
    QueueWatcher(const std::filesystem::path& kiosk_db, QueueEvents& events, const Clock& clock, int utc_offset_s,
                 std::chrono::milliseconds interval = std::chrono::milliseconds(250));
    ~QueueWatcher();  // stops and joins the thread
    QueueWatcher(const QueueWatcher&) = delete;
    QueueWatcher& operator=(const QueueWatcher&) = delete;

private:
    QueueEvents& events_;
    const Clock& clock_;
    int utc_offset_s_;
    std::chrono::milliseconds interval_;
    std::mutex mutex_;
    std::condition_variable stop_cv_;
    bool stop_ = false;
    std::thread thread_;
};

// kiosk.db opened for one more connection of a running process: the schema and migrations were
// checked by the process's first open, so no table is checked again (an open costs ~1 ms).
storage::Database open_kiosk_connection(const std::filesystem::path& kiosk_db);

}  // namespace desa::queue
