#include "board/board_feed.hpp"

namespace desa::kiosk {

BoardFeed::BoardFeed(const std::filesystem::path& kiosk_db, const Clock& clock, int utc_offset_s,
                     std::function<void()> on_change)
    : on_change_(std::move(on_change)) {
    watcher_ = std::make_unique<queue::QueueWatcher>(kiosk_db, events_, clock, utc_offset_s);
    const std::uint64_t start = events_.sequence();
    thread_ = std::thread([this, start] {
        std::uint64_t seen = start;
        while (!stop_) {
            // The timeout only bounds how late a stop is noticed if wake_all() came before the wait.
            const std::uint64_t now = events_.wait_for_change(seen, std::chrono::seconds(1));
            if (stop_) break;
            if (now != seen) {
                seen = now;
                on_change_();
            }
        }
    });
}

BoardFeed::~BoardFeed() {
    stop_ = true;
    events_.wake_all();
    thread_.join();
    watcher_.reset();
}

}  // namespace desa::kiosk
