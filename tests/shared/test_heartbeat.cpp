// The kiosk's heartbeat record: facts gathered from a real kiosk.db and data directory, at most
// one per five minutes, and at most one waiting in the outbox however long the kiosk is offline.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "catalog/catalog_store.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/heartbeat.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_store.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::sync;
using nlohmann::json;

namespace {

const std::string kVillage = "18.01.04.2001";
constexpr std::int64_t kT0 = 1'764'561'600;  // 2025-12-01 11:00 WIB

struct Kiosk {
    test::TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    std::vector<OutboxRecord> beats() { return pending(db, kHeartbeatChannel, 100); }
    void deliver_all() {
        for (const auto& r : beats()) mark_sent(db, r.uuid, kT0);
    }
};

}  // namespace

TEST_CASE("heartbeats: not more often than every five minutes, one pending at most", "[heartbeat]") {
    Kiosk k;
    const HeartbeatFacts facts{"1.2.3", 8, 60, 1'000'000, 0, std::nullopt, 10, 2};
    struct Step {
        std::int64_t now;
        bool delivered_before;  // the previous one was acknowledged by the hub
        HeartbeatSkip expected;
        const char* why;
    };
    const Step steps[] = {
        {kT0, false, HeartbeatSkip::None, "the first one"},
        {kT0 + 60, true, HeartbeatSkip::TooSoon, "a minute later (sync now)"},
        {kT0 + 299, true, HeartbeatSkip::TooSoon, "a second short of five minutes"},
        {kT0 + 300, true, HeartbeatSkip::None, "five minutes later"},
        {kT0 + 900, false, HeartbeatSkip::StillPending, "the last one never reached the hub"},
        {kT0 + 86'400, false, HeartbeatSkip::StillPending, "offline for a day: still one"},
        {kT0 + 86'400, true, HeartbeatSkip::None, "back online"},
        {kT0 - 3'600, true, HeartbeatSkip::None, "the clock was set back an hour: due"},
    };
    std::size_t written = 0;
    for (const auto& s : steps) {
        INFO(s.why);
        if (s.delivered_before) k.deliver_all();
        CHECK(write_heartbeat(k.db, facts, kVillage, s.now) == s.expected);
        if (s.expected == HeartbeatSkip::None) ++written;
        CHECK(k.beats().size() <= 1);
    }
    auto s = k.db.prepare("SELECT count(*) FROM outbox WHERE channel = 'heartbeats'");
    s.step();
    CHECK(static_cast<std::size_t>(s.column_int64(0)) == written);
}

TEST_CASE("heartbeat facts come from the kiosk's database and disk", "[heartbeat]") {
    Kiosk k;
    {
        catalog::CatalogStore store(k.db);
        std::int64_t last = 0;
        for (const char* title : {"Laskar Pelangi", "Bumi Manusia", "Rindu"}) {
            catalog::Record r;
            r.title = title;
            store.upsert(r);
            last = r.id;
        }
        store.withdraw(last);  // withdrawn records are not the catalogue's size
    }
    append(k.db, {new_uuid(), "aspirations", kT0, "{}", std::nullopt});
    set_state_int(k.db, last_success_key("outbox"), kT0 - 600);
    set_state_int(k.db, last_success_key("catalog"), kT0 - 300);
    // Two tickets waiting today (WIB), one yesterday (not counted), one served.
    k.db.exec(
        "INSERT INTO queue_tickets (service_day, number, service_id, issued_service_id, lane, state, issued_at) VALUES "
        "(20251201, 'A001', 'ktp', 'ktp', 0, 'waiting', 1764561000), "
        "(20251201, 'A002', 'ktp', 'ktp', 0, 'waiting', 1764561100), "
        "(20251201, 'A003', 'ktp', 'ktp', 0, 'done', 1764561200), "
        "(20251130, 'A001', 'ktp', 'ktp', 0, 'waiting', 1764475000)");
    const auto f = gather_heartbeat(k.db, k.dir.path(), kT0, 7 * 3600, 4242);
    CHECK(f.kiosk_version == DESA_VERSION);
    CHECK(f.schema_version == k.db.schema_version());
    CHECK(f.uptime_s == 4242);
    REQUIRE(f.disk_free_bytes);
    CHECK(*f.disk_free_bytes > 0);
    CHECK(f.pending_outbox == 1);
    CHECK(f.last_sync_at == kT0 - 300);
    CHECK(f.catalogue_size == 2);
    CHECK(f.queue_waiting == 2);

    const json p = json::parse(heartbeat_payload(f, kVillage, kT0));
    CHECK(p["kiosk_version"] == DESA_VERSION);
    CHECK(p["pending_outbox"] == 1);
    CHECK(p["catalogue_size"] == 2);
    CHECK(p["village"] == kVillage);
    CHECK(p["at"] == kT0);
    // A data directory that is gone: free space unknown (null), not an error.
    const auto gone = gather_heartbeat(k.db, k.dir.path() / "missing", kT0, 7 * 3600, 1);
    CHECK_FALSE(gone.disk_free_bytes);
    CHECK(json::parse(heartbeat_payload(gone, kVillage, kT0))["disk_free_bytes"].is_null());
    CHECK(process_uptime_seconds() >= 0);
}
