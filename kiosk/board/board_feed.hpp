#pragma once
// How the board learns that the queue changed, without redrawing or querying on a timer of its
// own: the queue's change feed (queue/queue_events.hpp) kept up to date from kiosk.db by a
// QueueWatcher (one indexed "newer events?" query every 250 ms on its own connection, which also
// sees calls made by another process: the kiosk, its counter console), and a thread blocked on
// that feed that calls `on_change` once per change. The board's `on_change` pushes an SDL event,
// so its loop sleeps in SDL_WaitEvent until something happens.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "core/clock.hpp"
#include "queue/queue_events.hpp"
#include "queue/queue_watch.hpp"

namespace desa::kiosk {

class BoardFeed {
public:
    // Throws storage::StorageError when kiosk.db cannot be opened.
    BoardFeed(const std::filesystem::path& kiosk_db, const Clock& clock, int utc_offset_s, std::function<void()> on_change);
    ~BoardFeed();  // stops the thread and the watcher
    BoardFeed(const BoardFeed&) = delete;
    BoardFeed& operator=(const BoardFeed&) = delete;

private:
    // Its own feed rather than the process's: the display role runs no console to share it with,
    // and a feed never mixes event ids of two databases (tests open many).
    queue::QueueEvents events_;
    std::function<void()> on_change_;
    std::unique_ptr<queue::QueueWatcher> watcher_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace desa::kiosk
