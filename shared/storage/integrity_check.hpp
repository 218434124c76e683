#pragma once
// The full PRAGMA quick_check of a database file, run on its own read-only connection in a
// background thread. Database::open can leave large, re-downloadable tables (the catalogue) out
// of its check at start-up, so the first frame does not wait for it; this finishes the job
// afterwards. WAL lets the check read a consistent snapshot while the kiosk keeps writing.
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

struct sqlite3;

namespace desa::storage {

enum class IntegrityState {
    NotChecked,  // part of the file was left for start_integrity_check(), not started yet
    Running,
    Ok,
    Failed,      // corrupt: `finding` says where
    Stopped,     // the program ended (or the file could not be opened) before the check finished
};

struct IntegrityVerdict {
    IntegrityState state = IntegrityState::NotChecked;
    std::string finding;  // Failed/Stopped: SQLite's first findings or error, on one line
    double seconds = 0;   // Ok/Failed: how long the check took
    bool at_open = false; // true: open() checked the whole file itself (or created it)
};

std::string_view integrity_state_name(IntegrityState state);  // "ok", "failed", ... for logs

class BackgroundIntegrityCheck {
public:
    // Starts the thread at once (at a low CPU priority, so the UI thread keeps its core).
    explicit BackgroundIntegrityCheck(std::filesystem::path file);
    // Interrupts a running check and waits for the thread (milliseconds).
    ~BackgroundIntegrityCheck();
    BackgroundIntegrityCheck(const BackgroundIntegrityCheck&) = delete;
    BackgroundIntegrityCheck& operator=(const BackgroundIntegrityCheck&) = delete;

    IntegrityVerdict verdict() const;  // thread-safe
    IntegrityVerdict wait();           // blocks until the check has finished

private:
    void run();

    std::filesystem::path file_;
    mutable std::mutex mutex_;
    IntegrityVerdict verdict_;
    sqlite3* connection_ = nullptr;  // while the check runs, for sqlite3_interrupt; under mutex_
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace desa::storage
