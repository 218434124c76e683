#include "queue/queue_events.hpp"

#include <random>

namespace desa::queue {

QueueEvents::QueueEvents() {
    std::random_device random;
    // Below 2^48, so the page can hold it as a JavaScript number too.
    sequence_ = (static_cast<std::uint64_t>(random() & 0x0FFF'FFFFu) << 20) + 1;
}

std::uint64_t QueueEvents::sequence() const {
    std::lock_guard lock(mutex_);
    return sequence_;
}

std::optional<std::int64_t> QueueEvents::last_event_id() const {
    std::lock_guard lock(mutex_);
    return last_event_id_;
}

int QueueEvents::publish(const std::vector<QueueChange>& changes) {
    int fresh = 0;
    {
        std::lock_guard lock(mutex_);
        for (const QueueChange& c : changes) {
            if (last_event_id_ && c.event_id <= *last_event_id_) continue;
            last_event_id_ = c.event_id;
            ++fresh;
            if (c.action != "call" && c.action != "recall") continue;
            calls_.push_back(c);
            if (calls_.size() > kKeptCalls) calls_.pop_front();
        }
        if (fresh == 0) return 0;
        ++sequence_;
    }
    changed_.notify_all();
    return fresh;
}

void QueueEvents::start_after(std::int64_t event_id) {
    std::lock_guard lock(mutex_);
    if (!last_event_id_ || *last_event_id_ < event_id) last_event_id_ = event_id;
}

void QueueEvents::bump() {
    {
        std::lock_guard lock(mutex_);
        ++sequence_;
    }
    changed_.notify_all();
}

std::uint64_t QueueEvents::wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    const std::uint64_t wakes = wakes_;
    changed_.wait_for(lock, timeout, [&] { return sequence_ != seen || wakes_ != wakes; });
    return sequence_;
}

void QueueEvents::wake_all() {
    {
        std::lock_guard lock(mutex_);
        ++wakes_;
    }
    changed_.notify_all();
}

std::vector<QueueChange> QueueEvents::calls_after(std::int64_t event_id) const {
    std::lock_guard lock(mutex_);
    std::vector<QueueChange> out;
    for (const QueueChange& c : calls_)
        if (c.event_id > event_id) out.push_back(c);
    return out;
}

QueueEvents& process_queue_events() {
    static QueueEvents events;
    return events;
}

int publish_new_changes(storage::Database& db, QueueEvents& events, int limit) {
    const std::optional<std::int64_t> after = events.last_event_id();
    if (!after) {
        auto newest = db.prepare("SELECT coalesce(max(id), 0) FROM queue_ticket_events");
        newest.step();
        events.start_after(newest.column_int64(0));
        return 0;
    }
    auto s = db.prepare(
        "SELECT e.id, e.ticket_id, e.action, t.number, e.service_id, e.counter, e.at "
        "FROM queue_ticket_events e JOIN queue_tickets t ON t.id = e.ticket_id WHERE e.id > ?1 ORDER BY e.id LIMIT ?2");
    s.bind(1, *after).bind(2, limit);
    std::vector<QueueChange> changes;
    while (s.step()) {
        QueueChange c;
        c.event_id = s.column_int64(0);
        c.ticket_id = s.column_int64(1);
        c.action = s.column_text(2);
        c.number = s.column_text(3);
        c.service_id = s.column_text(4);
        if (!s.column_is_null(5)) c.counter = static_cast<int>(s.column_int64(5));
        c.at = s.column_int64(6);
        changes.push_back(std::move(c));
    }
    return changes.empty() ? 0 : events.publish(changes);
}

}  // namespace desa::queue
