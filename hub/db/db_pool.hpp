#pragma once
// A fixed number of connections shared by the HTTP worker threads: SQLite connections are not to
// be used by two threads at once and a libpq connection runs one command at a time. A lost
// PostgreSQL connection is dropped when returned and a new one is opened on the next lease.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/sql_db.hpp"

namespace desa::hub {

class DbPool {
public:
    DbPool(std::string url, std::size_t size);

    class Lease {
    public:
        Lease(DbPool& pool, std::unique_ptr<SqlDb> db) : pool_(&pool), db_(std::move(db)) {}
        Lease(Lease&&) noexcept = default;
        Lease& operator=(Lease&&) noexcept = default;
        ~Lease() {
            if (pool_ && db_) pool_->give_back(std::move(db_));
        }
        SqlDb& operator*() { return *db_; }
        SqlDb* operator->() { return db_.get(); }

    private:
        DbPool* pool_;
        std::unique_ptr<SqlDb> db_;
    };

    Lease acquire();  // waits while every connection is in use; throws DbError if it cannot open one
    const std::string& url() const { return url_; }

private:
    void give_back(std::unique_ptr<SqlDb> db);

    std::string url_;
    std::size_t size_;
    std::size_t open_ = 0;  // connections created and not dropped
    std::vector<std::unique_ptr<SqlDb>> idle_;
    std::mutex mutex_;
    std::condition_variable available_;
};

}  // namespace desa::hub
