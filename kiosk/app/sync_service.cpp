#include "app/sync_service.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "app/sync_commands.hpp"
#include "core/readable_code.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/sync_engine.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {
namespace {

// A second connection to kiosk.db for a background thread, opened as the sync worker opens its own
// (the catalogue's tables are left to the app's background check).
storage::Database open_own_connection(const std::filesystem::path& data_dir) {
    return storage::Database::open(data_dir / "kiosk.db", storage::Durability::Full, storage::kiosk_migrations(),
                                   storage::OpenOptions{{"catalog_"}, 0});
}

}  // namespace

SyncService::SyncService(KioskContext& kiosk, SyncServiceOptions options)
    : kiosk_(kiosk), options_(std::move(options)) {
    options_.worker.on_change = options_.notify;
}

SyncService::~SyncService() { stop(); }

bool SyncService::enrolled() { return sync::load_identity(kiosk_.db).has_value(); }

void SyncService::start() {
    if (options_.run_worker && enrolled()) start_worker();
}

void SyncService::start_worker() {
    if (worker_) return;
    stop_ = false;
    sync::SyncOptions sync_options = kiosk_sync_options(kiosk_);
    sync_options.client = options_.client;
    // Runs on the worker's thread, only between start() and stop(): worker_ is set by then.
    sync_options.on_progress = [this](const sync::CycleProgress& p) { worker_->note_progress(p); };
    worker_ = std::make_unique<sync::SyncWorker>(sync::kiosk_sync_cycle(kiosk_.data_dir, std::move(sync_options)),
                                                 options_.worker);
    worker_->start();
    spdlog::info("sync worker started: every {} min with jitter", options_.worker.interval_seconds / 60);
}

void SyncService::stop() {
    stop_ = true;
    if (worker_) {
        worker_->stop();
        worker_.reset();
    }
    if (enrol_thread_.joinable()) enrol_thread_.join();
}

bool SyncService::sync_now() {
    if (!worker_) {
        if (!enrolled()) return false;
        start_worker();  // its first cycle runs at once
        return true;
    }
    worker_->sync_now();
    return true;
}

bool SyncService::enrol(sync::EnrolRequest request) {
    {
        std::lock_guard lock(mutex_);
        if (enrol_.phase == EnrolPhase::Working) return false;
    }
    // A finished attempt whose result poll() has not taken yet: its thread has ended its work.
    if (enrol_thread_.joinable()) enrol_thread_.join();
    if (enrolled()) return false;
    // A typo is refused at once, on this thread: no code is spent and nothing waits.
    std::optional<sync::EnrolProblem> typo;
    if (!sync::normalize_hub_url(request.hub_url)) typo = sync::EnrolProblem::BadHubUrl;
    else if (!readable_code::check(request.code, sync::kEnrolCodeLength).code) typo = sync::EnrolProblem::BadCode;
    if (typo) {
        std::lock_guard lock(mutex_);
        enrol_ = {EnrolPhase::Failed, typo, {}, {}};
        enrol_finished_ = false;
        return true;
    }
    {
        std::lock_guard lock(mutex_);
        enrol_ = {EnrolPhase::Working, std::nullopt, {}, {}};
        enrol_finished_ = false;
    }
    stop_ = false;
    enrol_thread_ = std::thread([this, request = std::move(request), data_dir = kiosk_.data_dir] {
        EnrolState result;
        try {
            auto db = open_own_connection(data_dir);
            sync::ClientOptions client = options_.client;
            client.cancel = &stop_;
            const auto outcome = sync::enrol(db, data_dir, request, client);
            if (outcome.identity) {
                result = {EnrolPhase::Done, std::nullopt,
                          outcome.village_name.empty() ? outcome.identity->village_code : outcome.village_name,
                          outcome.identity->kiosk_id};
            } else {
                result = {EnrolPhase::Failed, outcome.problem, {}, {}};
                spdlog::warn("enrolment from the admin screen refused: {} ({})",
                             sync::enrol_problem_name(*outcome.problem), outcome.detail);
            }
        } catch (const std::exception& e) {
            result = {EnrolPhase::Failed, std::nullopt, {}, {}};
            spdlog::error("enrolment from the admin screen failed: {}", e.what());
        }
        {
            std::lock_guard lock(mutex_);
            enrol_ = result;
            enrol_finished_ = true;
        }
        if (options_.notify) options_.notify();
    });
    return true;
}

bool SyncService::poll() {
    bool done = false;
    {
        std::lock_guard lock(mutex_);
        if (!enrol_finished_) return false;
        enrol_finished_ = false;
        done = enrol_.phase == EnrolPhase::Done;
    }
    if (enrol_thread_.joinable()) enrol_thread_.join();
    if (done) {
        // From now on residents' personal data is sealed to the pinned province key (as after
        // `desa-kiosk enroll`), and the kiosk syncs.
        if (const auto key = sync::pinned_seal_key(kiosk_.db)) kiosk_.config.province_public_key = *key;
        start_worker();
    }
    return true;
}

void SyncService::dismiss_enrolment() {
    std::lock_guard lock(mutex_);
    if (enrol_.phase == EnrolPhase::Done || enrol_.phase == EnrolPhase::Failed) enrol_ = {};
}

SyncPanel SyncService::panel() {
    if (sample_) return *sample_;
    SyncPanel out;
    out.status = sync::sync_status_json(kiosk_.db);
    if (worker_) out.worker = worker_->snapshot();
    std::lock_guard lock(mutex_);
    out.enrol = enrol_;
    return out;
}

void SyncService::show_sample(SyncPanel sample) { sample_ = std::move(sample); }

std::string typed_hub_url(std::string_view typed) {
    while (!typed.empty() && typed.front() == ' ') typed.remove_prefix(1);
    while (!typed.empty() && typed.back() == ' ') typed.remove_suffix(1);
    std::string lower(typed.substr(0, 8));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (typed.empty() || lower.starts_with("http://") || lower.starts_with("https://")) return std::string(typed);
    return "https://" + std::string(typed);
}

EnrolScanResult scan_enrol_qr(scan::Camera& camera, int max_frames) {
    EnrolScanResult result;
    for (int i = 0; i < max_frames; ++i) {
        const auto frame = camera.next_frame();
        if (!frame) break;
        const auto codes = scan::read_codes(*frame);
        if (codes.empty() && result.outcome == EnrolScan::NoPicture) result.outcome = EnrolScan::NoCode;
        for (const auto& code : codes) {
            if (auto ticket = sync::parse_enrol_qr(code.text)) {
                result.outcome = EnrolScan::Found;
                result.ticket = std::move(ticket);
                return result;
            }
            result.outcome = EnrolScan::NotEnrolment;  // a book, a ticket, another QR
        }
    }
    return result;
}

}  // namespace desa::kiosk
