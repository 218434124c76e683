// The librarian's catalogue edits, the library's daily lending and the kiosks' heartbeats, kiosk to
// hub: made by the kiosk's own code on a real kiosk.db, sent by the real sync cycle to a real
// `desa-hub serve`, listed by `desa-hub library edits|stats` and `kiosk list`; on SQLite and
// PostgreSQL. Damaged payloads are counted and skipped, never fatal.
#include <ctime>

#include "catalog/catalog_edit_outbox.hpp"
#include "catalog/catalog_editor.hpp"
#include "hub_setup.hpp"
#include "lending/lending_stats.hpp"
#include "lending/loans.hpp"
#include "lending/members.hpp"
#include "model/heartbeats.hpp"
#include "model/outbox_store.hpp"
#include "sync/enrolment.hpp"
#include "sync/heartbeat.hpp"
#include "sync/sync_engine.hpp"

using namespace desa;
using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

const std::string kNatar = "18.01.04.2001";  // Kabupaten Lampung Selatan
const std::string kMetro = "18.72.01.1001";  // Kota Metro
constexpr int kWib = 7 * 3600;

sync::OutboxRecord record(std::string_view channel, std::int64_t at, std::string payload) {
    return {sync::new_uuid(), std::string(channel), at, std::move(payload), std::nullopt};
}

sync::OutboxRecord edit_record(const std::string& village, catalog::EditAction action, std::int64_t at,
                               const std::string& title, const std::string& copy = {}) {
    catalog::Record r;
    r.id = 7;
    r.title = title;
    r.authors = {"Hirata, Andrea"};
    r.isbns = {"9789793062792"};
    r.year = 2005;
    catalog::Copy c;
    c.barcode = "LP-1";
    r.copies.push_back(c);
    return record(catalog::kEditsChannel, at, catalog::edit_payload(r, action, village, copy));
}

sync::OutboxRecord lending_record(const std::string& village, int day, int loans, int returns) {
    lending::LendingDayStats st;
    st.day = {2025, 12, day};
    st.loans = loans;
    st.returns = returns;
    st.members_served = loans;
    return {lending::lending_stats_record_uuid(village, st.day), std::string(lending::kLendingStatsChannel),
            1764522000 + day * 86400, lending::lending_stats_payload(st, village), std::nullopt};
}

sync::OutboxRecord heartbeat_record(std::int64_t at, std::int64_t pending, const std::string& version = "1.4.0") {
    const sync::HeartbeatFacts f{version, 8, 3600, 5'000'000'000, pending, at - 60, 120, 3};
    return record(sync::kHeartbeatChannel, at, sync::heartbeat_payload(f, kNatar, at));
}

std::string patched(const std::string& payload, const json& patch) {
    json j = json::parse(payload);
    j.merge_patch(patch);
    return j.dump();
}

void deliver(HubSetup& hub, const TestKiosk& kiosk, const std::vector<sync::OutboxRecord>& records) {
    const auto res = hub.post_outbox(kiosk, batch_json(records));
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
}

json kiosk_entry(HubSetup& hub, const std::string& id) {
    const auto list = run_hub(hub.args({"kiosk", "list", "--json"}));
    REQUIRE(list.exit_code == 0);
    for (const auto& k : list.json())
        if (k["id"] == id) return k;
    FAIL("kiosk " << id << " not listed");
    return {};
}

}  // namespace

TEST_CASE("library channels end to end: the librarian's edits, a lending day and a heartbeat reach the hub",
          "[hub][library][e2e]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        spdlog::set_level(spdlog::level::warn);
        desa::test::TempDir dir;
        auto db = storage::open_kiosk_database(dir.path());
        const auto enrolled = sync::enrol(db, dir.path(), {hub.hub->url(), hub.enrol_code(), std::nullopt, "Balai desa", "", false});
        REQUIRE(enrolled.identity);
        catalog::set_library_village(db, kNatar);

        catalog::CatalogEditor editor;
        editor.title.text = "Laskar Pelangi";
        editor.isbns.text = "9789793062792";
        REQUIRE(editor.save(db, 2026));
        editor.copy_barcode.text = "LP-1";
        REQUIRE(editor.add_copy(db));

        // A loan three days ago, returned two days ago: two finished days with lending.
        const std::int64_t now = std::time(nullptr);
        auto vault = lending::open_vault(db, "135790", lending::KdfLimits::minimum(), now - 4 * 86400);
        const auto member = lending::register_member(db, &*vault.key, {"Siti Aminah", ""}, now - 4 * 86400);
        const config::LibraryConfig rules{"", 14, 3, 1};
        REQUIRE(lending::check_out(db, rules, member.member->card_code, "LP-1", now - 3 * 86400).loan);
        REQUIRE(lending::check_in(db, "LP-1", now - 2 * 86400).loan);

        sync::SyncOptions options;
        options.channels = {};
        options.before_upload.push_back([](storage::Database& d, std::int64_t t) {
            lending::write_finished_lending_days(d, kNatar, t, kWib);
        });
        options.before_upload.push_back([&](storage::Database& d, std::int64_t t) {
            sync::write_heartbeat(d, sync::gather_heartbeat(d, dir.path(), t, kWib, 77), kNatar, t);
        });
        const auto first = sync::run_cycle(db, dir.path(), options);
        INFO(first.error);
        REQUIRE(first.ok);
        CHECK(first.upload.stored == 5);  // 2 edits, 2 lending days, 1 heartbeat
        CHECK(sync::count_pending(db) == 0);
        // A second cycle at once: no new heartbeat (five minutes), no day written twice.
        const auto second = sync::run_cycle(db, dir.path(), options);
        REQUIRE(second.ok);
        CHECK(second.upload.stored == 0);

        const auto edits = run_hub(hub.args({"library", "edits", "--json"}));
        REQUIRE(edits.exit_code == 0);
        const auto rows = edits.json()["edits"];
        REQUIRE(rows.size() == 2);
        CHECK(rows[0]["action"] == "record_added");
        CHECK(rows[0]["title"] == "Laskar Pelangi");
        CHECK(rows[0]["isbns"] == json::array({"9789793062792"}));
        CHECK(rows[1]["action"] == "copy_added");
        CHECK(rows[1]["copy"] == "LP-1");
        CHECK(rows[1]["village"] == kNatar);
        CHECK(rows[1]["kiosk_id"] == enrolled.identity->kiosk_id);

        const auto stats = run_hub(hub.args({"library", "stats", "--json", "--region", "18.01"}));
        REQUIRE(stats.exit_code == 0);
        const auto days = stats.json()["rows"];
        REQUIRE(days.size() == 2);
        CHECK(days[0]["loans"] == 1);
        CHECK(days[0]["members_served"] == 1);
        CHECK(days[1]["returns"] == 1);
        CHECK(stats.out.find("Siti") == std::string::npos);

        const auto k = kiosk_entry(hub, enrolled.identity->kiosk_id);
        CHECK(k["version"] == DESA_VERSION);
        CHECK(k["pending"] == 4);  // the records before the heartbeat, in the same cycle
        CHECK(k["disk_free"].get<std::int64_t>() > 0);
        CHECK(k["uptime_s"] == 77);
        CHECK(k["last_heartbeat_at"].get<std::int64_t>() >= now);
        CHECK(k["enrolled_at"].is_number());  // the original fields stay
        const auto count = hub.db()->query("SELECT count(*) FROM records WHERE channel = 'heartbeats'");
        CHECK(count[0].int64(0) == 1);
    }
}

TEST_CASE("library edits and stats: by region and date, the enrolled village counts, damaged payloads skipped",
          "[hub][library]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto natar = hub.enrol_kiosk(kNatar);
        auto metro = hub.enrol_kiosk(kMetro);
        const std::int64_t dec1 = 1764547200;  // 2025-12-01 00:00 UTC
        using A = catalog::EditAction;
        deliver(hub, natar,
                {edit_record(kNatar, A::RecordAdded, dec1 + 3600, "Laskar Pelangi"),
                 edit_record(kNatar, A::CopyStatusChanged, dec1 + 86400 + 60, "Laskar Pelangi", "LP-1"),
                 lending_record(kNatar, 1, 4, 1), lending_record(kNatar, 2, 2, 3)});
        // A payload naming another village still counts for the kiosk's enrolled one.
        auto claims_natar = lending_record(kNatar, 1, 7, 0);
        claims_natar.uuid = lending::lending_stats_record_uuid(kMetro, {2025, 12, 1});
        deliver(hub, metro, {edit_record(kNatar, A::RecordWithdrawn, dec1 + 2 * 86400, "Bumi Manusia"), claims_natar});

        struct Damage {
            std::string_view channel;
            std::string payload;
            const char* what;
        };
        const auto good_edit = edit_record(kMetro, A::CopyAdded, dec1, "Rindu", "R-1").payload;
        const auto good_day = lending_record(kMetro, 3, 1, 1).payload;
        const std::vector<Damage> damaged = {
            {catalog::kEditsChannel, patched(good_edit, {{"action", "record_deleted"}}), "unknown action"},
            {catalog::kEditsChannel, patched(good_edit, {{"record", {{"title", ""}}}}), "empty title"},
            {catalog::kEditsChannel, patched(good_edit, {{"copies", json::array({{{"barcode", "R-1"}, {"status", "borrowed"}}})}}), "bad copy status"},
            {catalog::kEditsChannel, patched(good_edit, {{"copy", nullptr}}), "copy action without its copy"},
            {catalog::kEditsChannel, patched(good_edit, {{"record_id", -3}}), "negative record id"},
            {catalog::kEditsChannel, "[1, 2, 3]", "not an object"},
            {lending::kLendingStatsChannel, patched(good_day, {{"loans", -1}}), "negative loans"},
            {lending::kLendingStatsChannel, patched(good_day, {{"day", "2025-02-30"}}), "impossible day"},
            {lending::kLendingStatsChannel, patched(good_day, {{"returns", "3"}}), "a count as text"},
        };
        std::vector<sync::OutboxRecord> bad;
        for (const auto& d : damaged) bad.push_back(record(d.channel, dec1, d.payload));
        deliver(hub, metro, bad);

        const auto all = run_hub(hub.args({"library", "edits", "--json"}));
        REQUIRE(all.exit_code == 0);
        CHECK(all.json()["unreadable"] == 6);
        const auto edits = all.json()["edits"];
        REQUIRE(edits.size() == 3);
        CHECK(edits[0]["action"] == "record_added");  // by time
        CHECK(edits[2]["village"] == kMetro);
        CHECK(edits[2]["withdrawn"] == false);
        CHECK(run_hub(hub.args({"library", "edits", "--json", "--village", "1801"})).json()["edits"].size() == 2);
        CHECK(run_hub(hub.args({"library", "edits", "--json", "--village", "18.72.01.1001"})).json()["edits"].size() == 1);
        const auto since = run_hub(hub.args({"library", "edits", "--json", "--since", "2025-12-02"})).json()["edits"];
        REQUIRE(since.size() == 2);
        CHECK(since[0]["copy"] == "LP-1");
        const auto text = run_hub(hub.args({"library", "edits", "--village", "18.01"}));
        CHECK(text.out.find("copy_status_changed  \"Laskar Pelangi\" (9789793062792)  copy LP-1") != std::string::npos);
        CHECK(text.out.find("2 edit(s)") != std::string::npos);
        CHECK(text.err.find("6 record(s) were not readable") == std::string::npos);  // none in this region

        const auto stats = run_hub(hub.args({"library", "stats", "--json"}));
        REQUIRE(stats.exit_code == 0);
        CHECK(stats.json()["unreadable"] == 3);
        const auto rows = stats.json()["rows"];
        REQUIRE(rows.size() == 3);
        CHECK(rows[0]["day"] == "2025-12-01");
        CHECK(rows[0]["village"] == kNatar);
        CHECK(rows[1]["village"] == kMetro);
        CHECK(rows[1]["loans"] == 7);
        const auto one = run_hub(hub.args({"library", "stats", "--json", "--region", "18.01", "--from", "2025-12-02", "--to", "20251202"}));
        REQUIRE(one.json()["rows"].size() == 1);
        CHECK(one.json()["rows"][0]["returns"] == 3);
        const auto stats_text = run_hub(hub.args({"library", "stats", "--region", "18.01"}));
        CHECK(stats_text.out.find("2 library-day(s): 6 loans, 4 returns, 0 renewals") != std::string::npos);
    }
}

TEST_CASE("kiosk list shows each kiosk's newest valid heartbeat", "[hub][library][heartbeat]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto natar = hub.enrol_kiosk(kNatar);
        auto metro = hub.enrol_kiosk(kMetro);
        const std::int64_t t = 1764561600;
        // The newer one first (a retried batch may arrive late): the older must not replace it.
        deliver(hub, natar, {heartbeat_record(t + 900, 2, "1.4.1")});
        deliver(hub, natar, {heartbeat_record(t, 9, "1.4.0")});
        auto damaged = heartbeat_record(t + 1800, 1);
        damaged.payload = patched(damaged.payload, {{"pending_outbox", -5}});
        auto no_version = heartbeat_record(t + 2000, 1);
        no_version.payload = patched(no_version.payload, {{"kiosk_version", nullptr}});
        deliver(hub, natar, {damaged, no_version});
        deliver(hub, metro, {record(sync::kHeartbeatChannel, t, "{\"kiosk_version\": 5}")});

        const auto n = kiosk_entry(hub, natar.id);
        CHECK(n["last_heartbeat_at"] == t + 900);
        CHECK(n["version"] == "1.4.1");
        CHECK(n["pending"] == 2);
        CHECK(n["disk_free"] == 5'000'000'000);
        const auto m = kiosk_entry(hub, metro.id);
        CHECK(m["last_heartbeat_at"].is_null());
        CHECK(m["version"].is_null());
        CHECK(m["disk_free"].is_null());
        const auto only_metro = run_hub(hub.args({"kiosk", "list", "--json", "--region", "18.72"})).json();
        REQUIRE(only_metro.size() == 1);
        CHECK(only_metro[0]["id"] == metro.id);
        const auto text = run_hub(hub.args({"kiosk", "list", "--region", "18.01"}));
        CHECK(text.out.find(" v1.4.1 pending 2 disk free 4768 MiB") != std::string::npos);
    }
}

TEST_CASE("old heartbeat records are pruned, each kiosk's latest and other channels kept", "[hub][library][heartbeat]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        const std::int64_t t = 1764561600;
        const auto incoming = [](const sync::OutboxRecord& r) {
            return IncomingRecord{r.uuid, r.channel, r.created_at, r.payload};
        };
        store_records(*db, "kiosk-a",
                      {incoming(heartbeat_record(t, 1)), incoming(heartbeat_record(t + 300, 1)),
                       incoming(heartbeat_record(t + 600, 1)), incoming(edit_record(kNatar, catalog::EditAction::RecordAdded, t, "Rindu"))},
                      t + 700);
        store_records(*db, "kiosk-b", {incoming(heartbeat_record(t, 4))}, t + 700);
        const auto count = [&](const char* channel) {
            return db->query("SELECT count(*) FROM records WHERE channel = $1", {std::string(channel)})[0].int64(0);
        };
        REQUIRE(count("heartbeats") == 4);
        CHECK(prune_heartbeats(*db, t + 86400) == 0);  // a day old: kept
        CHECK(prune_heartbeats(*db, t + 8 * 86400) == 2);
        CHECK(count("heartbeats") == 2);
        CHECK(count("catalog_edits") == 1);
        const auto last = last_heartbeats(*db);
        REQUIRE(last.size() == 2);
        CHECK(last.at("kiosk-a").created_at == t + 600);
        CHECK(last.at("kiosk-b").pending_outbox == 4);
    }
}

TEST_CASE("library commands: bad region, dates and ranges are refused with the reason", "[hub][library][cli]") {
    desa::test::TempDir dir;
    struct Case {
        std::vector<std::string> args;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {{"library", "edits", "--village", "18.x"}, "--village '18.x' is not a region code"},
        {{"library", "edits", "--since", "2025-13-01"}, "--since '2025-13-01' is not a date"},
        {{"library", "stats", "--region", "abc"}, "--region 'abc' is not a region code"},
        {{"library", "stats", "--to", "yesterday"}, "--to 'yesterday' is not a date"},
        {{"library", "stats", "--from", "2025-12-05", "--to", "2025-12-01"}, "--from 2025-12-05 is after --to 2025-12-01"},
    };
    for (const auto& c : cases) {
        INFO(c.reason);
        auto args = c.args;
        args.insert(args.end(), {"--data-dir", dir.path().string()});
        const auto r = run_hub(args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.reason) != std::string::npos);
    }
    const auto empty = run_hub({"library", "stats", "--json", "--data-dir", dir.path().string()});
    CHECK(empty.exit_code == 0);
    CHECK(empty.json()["rows"].empty());
}
