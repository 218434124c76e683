#pragma once
// When a learner card is presented at an enrolled kiosk, what the hub knows of that learner (from
// every kiosk) is fetched on a thread of its own, so the screen never waits for the network; the
// loop merges the rows into kiosk.db when they arrive (progress only grows: best score, mastery,
// newest position). Offline, the card simply shows this kiosk's progress.
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "lessons/progress_remote.hpp"
#include "storage/database.hpp"

namespace desa::kiosk {

class LearnerProgressFetch {
public:
    LearnerProgressFetch(std::filesystem::path data_dir, std::function<void()> wake)
        : data_dir_(std::move(data_dir)), wake_(std::move(wake)) {}
    ~LearnerProgressFetch();
    LearnerProgressFetch(const LearnerProgressFetch&) = delete;
    LearnerProgressFetch& operator=(const LearnerProgressFetch&) = delete;

    // Starts fetching `learner`'s progress (a fetch still running for another card is left to end).
    void start(const std::string& learner);
    // On the loop's thread: merges a finished fetch into `db`. Returns the rows changed (0 when none
    // arrived, the card changed meanwhile, or the hub could not be asked).
    int merge_finished(storage::Database& db, const std::optional<std::string>& current_learner);

private:
    std::filesystem::path data_dir_;
    std::function<void()> wake_;
    std::mutex mutex_;
    std::optional<std::pair<std::string, lessons::RemoteProgress>> done_;
    std::thread thread_;
};

}  // namespace desa::kiosk
