// The kiosk's sync worker (shared/sync/sync_worker) against the real `desa-hub serve` on
// 127.0.0.1: the first cycle at start, the regular schedule, "sync now", capped back-off while the
// hub is down, recovery by itself when it is back; and the outbox's size limits end to end (a
// photo at the configured maximum goes through, a record no batch can carry does not hold up the
// rest). The schedule runs with a short "second" so the test takes seconds, not hours.
#include <mutex>
#include <thread>

#include "aspirations/aspiration_store.hpp"
#include "config/kiosk_config.hpp"
#include "hub_setup.hpp"
#include "sync/enrolment.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_engine.hpp"
#include "sync/sync_error.hpp"
#include "sync/sync_worker.hpp"

using namespace desa;
using namespace desa::hub::test;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

// An enrolled kiosk data directory (its kiosk.db and key), made by the real enrolment.
struct EnrolledKiosk {
    desa::test::TempDir dir;
    security::BoxPublicKey seal{};

    explicit EnrolledKiosk(HubSetup& hub) {
        spdlog::set_level(spdlog::level::warn);
        auto db = storage::open_kiosk_database(dir.path());
        const auto outcome = sync::enrol(db, dir.path(), {hub.hub->url(), hub.enrol_code(), std::nullopt, "Balai desa", "", false});
        REQUIRE(outcome.identity);
        seal = *security::parse_box_public_key(outcome.identity->province_seal_key);
    }
    void submit(int n, std::int64_t at) {
        auto db = storage::open_kiosk_database(dir.path());
        for (int i = 0; i < n; ++i) {
            aspirations::Accepted a{aspirations::Kind::Complaint, aspirations::Category::Infrastructure,
                                    "Jalan rusak " + std::to_string(at + i), "Jalan di dusun kami berlubang besar.",
                                    "Dusun Satu", "002", "001", std::nullopt, {}, aspirations::Identity::Anonymous, {}, {}, {}};
            REQUIRE(aspirations::submit(db, a, {"18.01.04.2001", seal, 1000}, at + i).receipt);
        }
    }
    std::int64_t pending() {
        auto db = storage::open_kiosk_database(dir.path());
        return sync::count_pending(db);
    }
};

struct CycleRecord {
    Clock::time_point start, end;
    bool ok = false;
    std::string error;
};

// Wraps the kiosk's real cycle and remembers when each ran and how it ended.
struct CycleLog {
    std::mutex mutex;
    std::vector<CycleRecord> cycles;

    sync::CycleFunction wrap(sync::CycleFunction inner) {
        return [this, inner = std::move(inner)](const std::atomic<bool>& stop) {
            const auto start = Clock::now();
            auto outcome = inner(stop);
            std::lock_guard lock(mutex);
            cycles.push_back({start, Clock::now(), outcome.ok, outcome.error});
            return outcome;
        };
    }
    std::size_t count() {
        std::lock_guard lock(mutex);
        return cycles.size();
    }
    CycleRecord at(std::size_t i) {
        std::lock_guard lock(mutex);
        return cycles.at(i);
    }
    bool wait_for(std::size_t n, std::chrono::milliseconds limit) {
        const auto end = Clock::now() + limit;
        while (count() < n && Clock::now() < end) std::this_thread::sleep_for(5ms);
        return count() >= n;
    }
};

std::int64_t hub_records(HubSetup& hub) { return hub.db()->query("SELECT count(*) FROM records", {}).at(0).int64(0); }

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

}  // namespace

TEST_CASE("sync worker with a real hub: start, schedule, sync now, back-off while down, recovery", "[hub][sync][worker]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        EnrolledKiosk kiosk(hub);
        kiosk.submit(3, 1'700'000'000);

        CycleLog log;
        std::atomic<int> changes{0};
        sync::WorkerOptions options;
        options.interval_seconds = 60;  // 1.2 s at 20 ms a "second"
        options.second = 20ms;          // back-off: 30 -> 0.6 s, 60 -> 1.2 s, 120 -> 2.4 s
        options.jitter = [] { return 0.0; };
        options.on_change = [&] { ++changes; };
        sync::SyncOptions sync_options;
        sync_options.client.connect_timeout_s = 2;
        sync::SyncWorker* self = nullptr;
        sync_options.on_progress = [&](const sync::CycleProgress& p) { self->note_progress(p); };
        sync::SyncWorker worker(log.wrap(sync::kiosk_sync_cycle(kiosk.dir.path(), sync_options)), options);
        self = &worker;

        // At start: the first cycle at once, the outbox delivered.
        worker.start();
        REQUIRE(log.wait_for(1, 10s));
        CHECK(log.at(0).ok);
        CHECK(kiosk.pending() == 0);
        CHECK(hub_records(hub) == 3);
        CHECK(changes >= 4);  // started, steps, ended: the UI was woken

        // The schedule: the next cycle one interval after the last ended.
        REQUIRE(log.wait_for(2, 10s));
        const double scheduled = seconds(log.at(1).start - log.at(0).end);
        CHECK(scheduled >= 1.1);
        CHECK(scheduled < 2.5);

        // "Sync now" right after a cycle: at once, not at the next interval.
        const auto asked = Clock::now();
        worker.sync_now();
        REQUIRE(log.wait_for(3, 10s));
        CHECK(seconds(log.at(2).start - asked) < 0.6);
        CHECK(log.at(2).ok);

        // The hub goes away; a resident submits meanwhile; cycles fail with a growing back-off.
        const int port = hub.hub->port();
        REQUIRE(hub.hub->stop() == 0);
        kiosk.submit(1, 1'700'001'000);
        worker.sync_now();
        REQUIRE(log.wait_for(6, 20s));
        for (std::size_t i = 3; i < 6; ++i) {
            CHECK_FALSE(log.at(i).ok);
            const auto c = sync::classify_sync_error(log.at(i).error);
            CHECK(c.reason == sync::ErrorReason::Unreachable);
            CHECK(c.step == "outbox");
        }
        const double first_backoff = seconds(log.at(4).start - log.at(3).end);
        const double second_backoff = seconds(log.at(5).start - log.at(4).end);
        CHECK(first_backoff >= 0.55);
        CHECK(first_backoff < 1.1);
        CHECK(second_backoff >= 1.15);
        CHECK(second_backoff < 2.0);
        auto snap = worker.snapshot();
        CHECK(snap.consecutive_failures == 3);
        CHECK_FALSE(snap.last_ok);
        CHECK(kiosk.pending() == 1);

        // Back where the kiosk knows it: the next attempt (2.4 s later) succeeds by itself.
        hub.hub = std::make_unique<HubProcess>(hub.args({}), "127.0.0.1:" + std::to_string(port));
        REQUIRE(log.wait_for(7, 20s));
        CHECK(log.at(6).ok);
        CHECK(seconds(log.at(6).start - log.at(5).end) >= 2.3);
        snap = worker.snapshot();
        CHECK(snap.consecutive_failures == 0);
        CHECK(snap.last_ok);
        CHECK(kiosk.pending() == 0);
        CHECK(hub_records(hub) == 4);

        const auto t0 = Clock::now();
        worker.stop();
        CHECK(seconds(Clock::now() - t0) < 2.0);
        CHECK_FALSE(worker.snapshot().started);
    }
}

TEST_CASE("outbox sizes end to end: a photo at the configured maximum is sent, an oversized record does not block", "[hub][sync][outbox]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        EnrolledKiosk kiosk(hub);
        {
            auto db = storage::open_kiosk_database(kiosk.dir.path());
            // The largest photo the configuration allows (after the camera's JPEG), confidential.
            std::vector<std::uint8_t> photo(static_cast<std::size_t>(config::kMaxPhotoKb) * 1024, 0x5A);
            photo[0] = 0xFF, photo[1] = 0xD8, photo[2] = 0xFF;
            aspirations::Accepted a{aspirations::Kind::Complaint, aspirations::Category::Infrastructure,
                                    "Jembatan putus", std::string(2000, '"'), "Dusun Satu", "002", "001",
                                    std::nullopt, photo, aspirations::Identity::Confidential,
                                    "Siti Aminah", "1801044501900001", "+6281234567890"};
            REQUIRE(aspirations::submit(db, a, {"18.01.04.2001", kiosk.seal, 1000}, 1'700'000'000).receipt);
            // A record from an older kiosk version that no batch can carry, between two ordinary ones.
            storage::Transaction tx(db);
            sync::append(db, {sync::new_uuid(), "evaluations", 1'700'000'001, R"({"x":")" + std::string(1200 * 1024, 'a') + "\"}", {}});
            tx.commit();
        }
        kiosk.submit(1, 1'700'000'002);
        auto db = storage::open_kiosk_database(kiosk.dir.path());
        const auto report = sync::run_cycle(db, kiosk.dir.path());
        CHECK(report.ok);
        CHECK(report.upload.stored == 2);
        REQUIRE(report.upload.too_large.size() == 1);
        CHECK(sync::count_pending(db) == 1);
        CHECK(hub_records(hub) == 2);
        // Shown to the administrator as such, and the next cycle still delivers new records.
        const auto status = sync::sync_status_json(db);
        REQUIRE(status["last_error"].is_string());
        CHECK(sync::classify_sync_error(status["last_error"].get<std::string>()).reason == sync::ErrorReason::TooLarge);
        kiosk.submit(1, 1'700'000'100);
        const auto again = sync::run_cycle(db, kiosk.dir.path());
        CHECK(again.upload.stored == 1);
        CHECK(sync::count_pending(db) == 1);
        CHECK(hub_records(hub) == 3);
    }
}
