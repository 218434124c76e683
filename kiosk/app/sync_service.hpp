#pragma once
// The kiosk's link to the province hub while the app runs: the sync worker (started with the app
// when the kiosk is enrolled, stopped on exit) and enrolment from the admin screen. Both run on
// their own threads with their own connection to kiosk.db, so the UI never waits for the network;
// `notify` is called from those threads when something changed (the app turns it into an SDL user
// event that wakes its event loop). No SDL here.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/kiosk_context.hpp"
#include "sync/enrolment.hpp"
#include "sync/sync_worker.hpp"

namespace desa::kiosk {

enum class EnrolPhase { Idle, Working, Done, Failed };

struct EnrolState {
    EnrolPhase phase = EnrolPhase::Idle;
    std::optional<sync::EnrolProblem> problem;  // Failed: the hub's or the network's refusal; none: a local error
    std::string village;   // Done: the village's name from the hub (or its code)
    std::string kiosk_id;  // Done
};

// Everything the admin sync screen shows. Live: kiosk.db's sync status and the threads'
// snapshots; screenshots set a sample (nothing written anywhere).
struct SyncPanel {
    nlohmann::json status;  // sync::sync_status_json
    sync::WorkerSnapshot worker;
    EnrolState enrol;
};

struct SyncServiceOptions {
    bool run_worker = false;      // start the worker with the app (the real kiosk); "sync now" starts it anyway
    std::function<void()> notify;  // from any thread; may be empty
    sync::WorkerOptions worker;    // schedule; its on_change is set to `notify`
    sync::ClientOptions client;    // timeouts (tests shorten them)
};

class SyncService {
public:
    SyncService(KioskContext& kiosk, SyncServiceOptions options);
    ~SyncService();  // stop()
    SyncService(const SyncService&) = delete;
    SyncService& operator=(const SyncService&) = delete;

    void start();  // the worker, when run_worker is set and the kiosk is enrolled
    void stop();   // cancels transfers in progress, joins both threads
    // The admin's button: a cycle now (after the one in progress). Starts the worker if enrolled.
    // False when not enrolled.
    bool sync_now();
    // Starts enrolment on its own thread; false (nothing started) while one runs or once enrolled.
    bool enrol(sync::EnrolRequest request);
    // UI thread, after each wake-up: applies a finished enrolment (the pinned sealing key, the
    // worker started). True when the panel changed.
    bool poll();
    void dismiss_enrolment();  // the visit ended: a finished enrolment's message goes (not one in progress)

    SyncPanel panel();  // UI thread (reads kiosk.db through the UI's connection)
    void show_sample(SyncPanel sample);
    bool enrolled();

private:
    void start_worker();

    KioskContext& kiosk_;
    SyncServiceOptions options_;
    std::atomic<bool> stop_{false};
    std::unique_ptr<sync::SyncWorker> worker_;
    std::optional<SyncPanel> sample_;
    mutable std::mutex mutex_;  // guards enrol_ and enrol_finished_
    EnrolState enrol_;
    bool enrol_finished_ = false;  // the thread ended; poll() joins it and applies the result
    std::thread enrol_thread_;
};

// What an administrator typed as the hub's address: "hub.lampungprov.go.id" or "10.0.0.5:8443"
// become https:// addresses (plain http only when typed, e.g. a hub on the same LAN); spaces
// around are dropped. The result still goes through sync::normalize_hub_url at enrolment.
std::string typed_hub_url(std::string_view typed);

// The enrolment QR from the camera (the hub's `desa-hub kiosk enroll --hub-url ...`): up to
// `max_frames` waiting pictures are read.
enum class EnrolScan { Found, NoPicture, NoCode, NotEnrolment };
struct EnrolScanResult {
    EnrolScan outcome = EnrolScan::NoPicture;
    std::optional<sync::EnrolTicket> ticket;
};
EnrolScanResult scan_enrol_qr(scan::Camera& camera, int max_frames = 8);

}  // namespace desa::kiosk
