#include "storage/integrity_check.hpp"

#include <sqlite3.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>

namespace desa::storage {

namespace {

// quick_check lists up to 100 findings (one per line, in one or more rows); the first few say
// enough for a log line and the admin screen.
constexpr int kFindingsKept = 3;
constexpr int kBusyTimeoutMs = 5000;

void add_findings(std::string& out, int& kept, std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.empty() || line.starts_with("*** in database")) continue;
        if (kept == kFindingsKept) {
            out += "; ...";
            ++kept;
        }
        if (kept > kFindingsKept) return;
        out += (out.empty() ? "" : "; ") + std::string(line);
        ++kept;
    }
}

}  // namespace

std::string_view integrity_state_name(IntegrityState state) {
    switch (state) {
        case IntegrityState::NotChecked: return "not checked";
        case IntegrityState::Running: return "running";
        case IntegrityState::Ok: return "ok";
        case IntegrityState::Failed: return "failed";
        case IntegrityState::Stopped: return "stopped";
    }
    return "?";
}

BackgroundIntegrityCheck::BackgroundIntegrityCheck(std::filesystem::path file) : file_(std::move(file)) {
    verdict_.state = IntegrityState::Running;
    thread_ = std::thread([this] { run(); });
}

BackgroundIntegrityCheck::~BackgroundIntegrityCheck() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        if (connection_ != nullptr) sqlite3_interrupt(connection_);
    }
    if (thread_.joinable()) thread_.join();
}

IntegrityVerdict BackgroundIntegrityCheck::verdict() const {
    std::lock_guard lock(mutex_);
    return verdict_;
}

IntegrityVerdict BackgroundIntegrityCheck::wait() {
    if (thread_.joinable()) thread_.join();
    return verdict();
}

void BackgroundIntegrityCheck::run() {
    // Linux applies a nice value to one thread: the check yields to the UI and to llvmpipe.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
    const auto started = std::chrono::steady_clock::now();
    IntegrityVerdict v;
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(file_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    {
        std::lock_guard lock(mutex_);
        if (rc == SQLITE_OK && !stop_) connection_ = db;
    }
    if (rc != SQLITE_OK) {
        v.state = IntegrityState::Stopped;
        v.finding = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    } else {
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        sqlite3_stmt* stmt = nullptr;
        rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &stmt, nullptr);
        std::string findings;
        int kept = 0;
        while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
            if (text != nullptr) add_findings(findings, kept, text);
            rc = SQLITE_OK;
        }
        const int primary = rc & 0xff;
        if (rc == SQLITE_DONE && findings == "ok") {
            v.state = IntegrityState::Ok;
        } else if (rc == SQLITE_DONE) {
            v.state = IntegrityState::Failed;
            v.finding = findings;
        } else if (primary == SQLITE_INTERRUPT) {
            v.state = IntegrityState::Stopped;
            v.finding = "interrupted";
        } else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
            v.state = IntegrityState::Failed;
            v.finding = findings.empty() ? sqlite3_errmsg(db) : findings + "; " + sqlite3_errmsg(db);
        } else {
            v.state = IntegrityState::Stopped;  // busy, I/O: no verdict on the file itself
            v.finding = sqlite3_errmsg(db);
        }
        sqlite3_finalize(stmt);
    }
    {
        std::lock_guard lock(mutex_);
        connection_ = nullptr;
    }
    sqlite3_close_v2(db);
    v.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::string name = file_.filename().string();
    if (v.state == IntegrityState::Ok) {
        spdlog::info("{}: full integrity check ok ({:.2f} s, in the background)", name, v.seconds);
    } else if (v.state == IntegrityState::Failed) {
        spdlog::error("{}: full integrity check FAILED ({}); restore the file from a backup or re-import "
                      "the catalogue", name, v.finding);
    } else if (v.finding == "interrupted") {
        spdlog::info("{}: full integrity check stopped: the program is ending", name);
    } else {
        spdlog::warn("{}: full integrity check did not finish ({})", name, v.finding);
    }
    std::lock_guard lock(mutex_);
    verdict_ = std::move(v);
}

}  // namespace desa::storage
