#include "app/learner_progress_fetch.hpp"

#include <spdlog/spdlog.h>

#include "storage/kiosk_schema.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {

LearnerProgressFetch::~LearnerProgressFetch() {
    if (thread_.joinable()) thread_.join();
}

void LearnerProgressFetch::start(const std::string& learner) {
    if (thread_.joinable()) thread_.join();  // at most one request at a time; the last one is short
    thread_ = std::thread([this, learner] {
        lessons::RemoteProgress result;
        try {
            // Its own connection: the loop keeps using the app's.
            auto db = storage::open_kiosk_database(data_dir_);
            if (!sync::load_identity(db)) return;  // not enrolled: nothing to ask
            sync::ClientOptions options;
            options.connect_timeout_s = 5;
            options.total_timeout_s = 10;
            result = lessons::fetch_learner_progress(db, data_dir_, learner, options);
        } catch (const std::exception& e) {
            result.problem = lessons::RemoteProblem::Unreachable;
            result.detail = e.what();
        }
        if (!result.ok())
            spdlog::info("learner progress from the hub: {} ({})", lessons::remote_problem_name(*result.problem), result.detail);
        {
            std::lock_guard lock(mutex_);
            done_ = std::make_pair(learner, std::move(result));
        }
        if (wake_) wake_();
    });
}

int LearnerProgressFetch::merge_finished(storage::Database& db, const std::optional<std::string>& current) {
    std::optional<std::pair<std::string, lessons::RemoteProgress>> done;
    {
        std::lock_guard lock(mutex_);
        done.swap(done_);
    }
    if (!done || !done->second.ok() || !current || *current != done->first) return 0;
    return lessons::merge_progress(db, done->first, done->second.rows);
}

}  // namespace desa::kiosk
