#include "db/db_pool.hpp"

namespace desa::hub {

DbPool::DbPool(std::string url, std::size_t size) : url_(std::move(url)), size_(size == 0 ? 1 : size) {}

DbPool::Lease DbPool::acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
        auto db = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(db));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, open_sql_db(url_));
    } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
    }
}

void DbPool::give_back(std::unique_ptr<SqlDb> db) {
    std::lock_guard lock(mutex_);
    if (db->healthy()) {
        try {
            db->rollback();  // a handler that threw mid-transaction leaves nothing open
            idle_.push_back(std::move(db));
        } catch (...) {
            --open_;
        }
    } else {
        --open_;
    }
    available_.notify_one();
}

}  // namespace desa::hub
