// desa-hub queue stats: the kiosks' daily queue statistics (made by the kiosk's own
// queue::stats_payload) go up through the real outbox endpoint and come back out by region.
#include "hub_setup.hpp"
#include "model/queue_reports.hpp"
#include "queue/queue_stats.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

desa::sync::OutboxRecord stats_record(const std::string& village, const std::string& service, desa::queue::LocalDate day,
                                      int issued, int served, std::optional<std::int64_t> wait_s) {
    desa::queue::ServiceDayStats st;
    st.service_id = service;
    st.day = day;
    st.issued = issued;
    st.served = served;
    st.no_shows = issued - served;
    st.average_wait_s = wait_s;
    st.average_service_s = wait_s ? std::optional<std::int64_t>(240) : std::nullopt;
    st.issued_per_hour[9] = issued;
    st.peak_hour = issued > 0 ? std::optional<int>(9) : std::nullopt;
    return {desa::queue::stats_record_uuid(village, service, day), std::string(desa::queue::kStatsChannel),
            1764600000, desa::queue::stats_payload(st, village), std::nullopt};
}

std::string with_field(const std::string& payload, const json& patch) {
    json j = json::parse(payload);
    j.merge_patch(patch);
    return j.dump();
}

void deliver(HubSetup& hub, const TestKiosk& kiosk, const std::vector<desa::sync::OutboxRecord>& records) {
    const auto res = hub.post_outbox(kiosk, batch_json(records));
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
}

}  // namespace

TEST_CASE("queue stats: by region and day, the enrolled village counts, damaged payloads are skipped",
          "[hub][queue]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        const std::string natar = "18.01.04.2001";      // Kabupaten Lampung Selatan
        const std::string metro = "18.72.01.1001";      // Kota Metro
        auto natar_kiosk = hub.enrol_kiosk(natar);
        auto metro_kiosk = hub.enrol_kiosk(metro);
        const desa::queue::LocalDate d1{2025, 12, 1}, d2{2025, 12, 2};

        deliver(hub, natar_kiosk,
                {stats_record(natar, "domisili", d1, 12, 10, 420), stats_record(natar, "ktp", d1, 5, 5, 180),
                 stats_record(natar, "domisili", d2, 3, 0, std::nullopt)});
        // A payload claiming another village still counts for the village the kiosk was enrolled for.
        auto claims_other = stats_record(natar, "domisili", d1, 7, 7, 60);
        claims_other.uuid = desa::queue::stats_record_uuid(metro, "domisili", d1);
        deliver(hub, metro_kiosk, {claims_other});
        // Damaged (the hub takes any JSON object on any channel): no service, a negative count,
        // an impossible day.
        auto no_service = claims_other;
        no_service.uuid = desa::sync::new_uuid();
        no_service.payload = "{\"day\":\"2025-12-01\",\"issued\":1}";
        auto negative = stats_record(metro, "ktp", d1, 2, 2, 60);
        negative.uuid = desa::sync::new_uuid();
        negative.payload = with_field(negative.payload, {{"issued", -4}});
        auto bad_day = stats_record(metro, "ktp", d1, 2, 2, 60);
        bad_day.uuid = desa::sync::new_uuid();
        bad_day.payload = with_field(bad_day.payload, {{"day", "2025-02-30"}});
        deliver(hub, metro_kiosk, {no_service, negative, bad_day});

        const auto all = run_hub(hub.args({"queue", "stats", "--json"}));
        REQUIRE(all.exit_code == 0);
        const auto rows = all.json()["rows"];
        REQUIRE(rows.size() == 4);
        CHECK(all.json()["unreadable"] == 3);
        // Sorted by day, village, service.
        CHECK(rows[0]["day"] == "2025-12-01");
        CHECK(rows[0]["village"] == natar);
        CHECK(rows[0]["service"] == "domisili");
        CHECK(rows[0]["issued"] == 12);
        CHECK(rows[0]["served"] == 10);
        CHECK(rows[0]["no_shows"] == 2);
        CHECK(rows[0]["average_wait_s"] == 420);
        CHECK(rows[0]["peak_hour"] == 9);
        CHECK(rows[2]["village"] == metro);  // enrolled village, not the payload's
        CHECK(rows[2]["issued"] == 7);
        CHECK(rows[3]["day"] == "2025-12-02");
        CHECK(rows[3]["average_wait_s"].is_null());

        const auto selatan = run_hub(hub.args({"queue", "stats", "--json", "--region", "1801"})).json()["rows"];
        CHECK(selatan.size() == 3);
        const auto one_day =
            run_hub(hub.args({"queue", "stats", "--json", "--region", "18.01", "--from", "2025-12-02", "--to", "20251202"}))
                .json()["rows"];
        REQUIRE(one_day.size() == 1);
        CHECK(one_day[0]["issued"] == 3);
        const auto ktp = run_hub(hub.args({"queue", "stats", "--json", "--service", "ktp"})).json()["rows"];
        CHECK(ktp.size() == 1);

        const auto text = run_hub(hub.args({"queue", "stats", "--region", "18.01"}));
        CHECK(text.exit_code == 0);
        CHECK(text.out.find("3 service-day(s): 20 issued, 15 served, 5 no-shows") != std::string::npos);
        CHECK(text.out.find("wait 7 min") != std::string::npos);
    }
}

TEST_CASE("queue stats: bad region, dates and ranges are refused with the reason", "[hub][queue][cli]") {
    desa::test::TempDir dir;
    const auto args = [&](std::vector<std::string> a) {
        a.insert(a.begin(), {"queue", "stats"});
        a.insert(a.end(), {"--data-dir", dir.path().string()});
        return a;
    };
    struct Case {
        std::vector<std::string> args;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {{"--region", "18.x"}, "--region '18.x' is not a region code"},
        {{"--from", "2025-13-01"}, "--from '2025-13-01' is not a date"},
        {{"--to", "yesterday"}, "--to 'yesterday' is not a date"},
        {{"--from", "2025-12-05", "--to", "2025-12-01"}, "--from 2025-12-05 is after --to 2025-12-01"},
    };
    for (const auto& c : cases) {
        INFO(c.reason);
        const auto r = run_hub(args(c.args));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.reason) != std::string::npos);
    }
    const auto empty = run_hub(args({"--json"}));
    CHECK(empty.exit_code == 0);
    CHECK(empty.json()["rows"].empty());
}

TEST_CASE("queue stats: day normalisation", "[hub][queue]") {
    CHECK(normalize_day("2025-12-01") == "2025-12-01");
    CHECK(normalize_day("20251201") == "2025-12-01");
    CHECK(normalize_day("2024-02-29") == "2024-02-29");
    CHECK_FALSE(normalize_day("2025-02-29"));
    CHECK_FALSE(normalize_day("2025/12/01"));
    CHECK_FALSE(normalize_day(""));
}
