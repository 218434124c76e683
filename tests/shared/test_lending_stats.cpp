// The library's lending per finished day (lending/lending_stats): counted from real loans, returns
// and renewals on a real kiosk.db, written to the outbox once per finished day with a name-based
// UUID, never for a day still running, and without any member's identity.
#include <catch2/catch.hpp>

#include <ctime>
#include <nlohmann/json.hpp>

#include "catalog/catalog_store.hpp"
#include "lending/lending_stats.hpp"
#include "lending/loans.hpp"
#include "lending/members.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::lending;
using nlohmann::json;

namespace {

const std::string kVillage = "18.01.04.2001";
constexpr int kWib = 7 * 3600;
constexpr std::int64_t kDec1 = 1'764'522'000;  // 2025-12-01 00:00 WIB
constexpr std::int64_t kHour = 3600, kDay = 86'400;

std::int64_t at(int day, int hour) { return kDec1 + (day - 1) * kDay + hour * kHour; }  // December `day`, WIB

struct WibZone {  // due dates are local days (loans.cpp uses the process's zone)
    test::ScopedEnv tz{"TZ", std::string("WIB-7")};
    WibZone() { tzset(); }
    ~WibZone() { tzset(); }
};

struct Library {
    WibZone zone;
    test::TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    SecretKey key = std::move(*open_vault(db, "135790", KdfLimits::minimum(), at(1, 8)).key);
    config::LibraryConfig rules{"", 1, 3, 2};  // one-day loans: overdue comes quickly
    std::string siti, budi;

    Library() {
        catalog::CatalogStore store(db);
        for (const char* barcode : {"LP-1", "LP-2", "BM-1"}) {
            catalog::Record r;
            r.title = std::string("Buku ") + barcode;
            catalog::Copy c;
            c.barcode = barcode;
            r.copies.push_back(c);
            store.upsert(r);
        }
        siti = register_member(db, &key, {"Siti Aminah", ""}, at(1, 8)).member->card_code;
        budi = register_member(db, &key, {"Budi Santoso", ""}, at(1, 8)).member->card_code;
    }
    std::vector<sync::OutboxRecord> records() { return sync::pending(db, kLendingStatsChannel, 100); }
};

}  // namespace

TEST_CASE("lending per day: loans, returns, renewals, overdue at the day's end, members served", "[lending_stats]") {
    Library lib;
    // 1 Dec: Siti borrows LP-1 and LP-2, Budi BM-1 (all due 2 Dec 23:59:59).
    REQUIRE(check_out(lib.db, lib.rules, lib.siti, "LP-1", at(1, 10)).loan);
    REQUIRE(check_out(lib.db, lib.rules, lib.budi, "BM-1", at(1, 11)).loan);
    REQUIRE(check_out(lib.db, lib.rules, lib.siti, "LP-2", at(1, 12)).loan);
    // 2 Dec: Budi returns; Siti renews LP-1 (due 3 Dec); LP-2 goes overdue at midnight.
    REQUIRE(check_in(lib.db, "BM-1", at(2, 9)).loan);
    REQUIRE(renew(lib.db, lib.rules, "LP-1", at(2, 10)).loan);
    // 3 Dec: nobody comes; LP-1 is overdue too at midnight. 4 Dec: Siti returns both.
    REQUIRE(check_in(lib.db, "LP-1", at(4, 9)).loan);
    REQUIRE(check_in(lib.db, "LP-2", at(4, 9)).loan);

    struct Case {
        int day, loans, returns, renewals, overdue, members;
    };
    const Case cases[] = {
        {1, 3, 0, 0, 0, 2}, {2, 0, 1, 1, 1, 2}, {3, 0, 0, 0, 2, 0}, {4, 0, 2, 0, 0, 1}, {5, 0, 0, 0, 0, 0},
    };
    for (const auto& c : cases) {
        INFO("December " << c.day);
        const auto st = lending_day_stats(lib.db, {2025, 12, c.day}, kWib);
        CHECK(st.loans == c.loans);
        CHECK(st.returns == c.returns);
        CHECK(st.renewals == c.renewals);
        CHECK(st.overdue_at_end == c.overdue);
        CHECK(st.members_served == c.members);
    }
}

TEST_CASE("lending stats go to the outbox once per finished day, never for a running day", "[lending_stats]") {
    Library lib;
    REQUIRE(check_out(lib.db, lib.rules, lib.siti, "LP-1", at(1, 10)).loan);
    REQUIRE(check_out(lib.db, lib.rules, lib.budi, "BM-1", at(1, 11)).loan);

    struct Step {
        std::int64_t now;
        int written, already;
        const char* why;
    };
    const Step steps[] = {
        {at(1, 23), 0, 0, "1 December is still running"},
        {at(2, 1) + 59 * 60, 0, 0, "1 December ended less than two hours ago"},
        {at(2, 2), 1, 0, "1 December is final"},
        {at(2, 3), 0, 0, "a second run writes nothing"},
    };
    for (const auto& s : steps) {
        INFO(s.why);
        const auto r = write_finished_lending_days(lib.db, kVillage, s.now, kWib);
        CHECK(r.written == s.written);
        CHECK(r.already_written == s.already);
    }
    auto records = lib.records();
    REQUIRE(records.size() == 1);
    CHECK(records[0].uuid == lending_stats_record_uuid(kVillage, {2025, 12, 1}));
    CHECK(sync::looks_like_uuid(records[0].uuid));
    CHECK(records[0].created_at == at(2, 0));  // the end of the day: written again, the same bytes
    const json p = json::parse(records[0].payload);
    CHECK(p == json{{"village", kVillage}, {"day", "2025-12-01"}, {"loans", 2}, {"returns", 0}, {"renewals", 0},
                    {"overdue_at_end", 0}, {"members_served", 2}});
    // No member's identity in any form.
    for (const auto& needle : {lib.siti, lib.budi, std::string("Siti"), std::string("member_id")})
        CHECK(records[0].payload.find(needle) == std::string::npos);

    // Days later: 2 Dec (loans overdue at its end) and 3 Dec are written; the idle days after the
    // returns are not.
    REQUIRE(check_in(lib.db, "LP-1", at(4, 9)).loan);
    REQUIRE(check_in(lib.db, "BM-1", at(4, 9)).loan);
    CHECK(write_finished_lending_days(lib.db, kVillage, at(9, 12), kWib).written == 3);
    records = lib.records();
    REQUIRE(records.size() == 4);
    CHECK(json::parse(records[1].payload)["overdue_at_end"] == 2);
    CHECK(json::parse(records[3].payload)["day"] == "2025-12-04");

    // The progress note lost (a power cut, a restored backup): the same records, not new ones.
    lib.db.set_setting("lending.stats_written_through", "0");
    const auto again = write_finished_lending_days(lib.db, kVillage, at(9, 12), kWib);
    CHECK(again.written == 0);
    CHECK(again.already_written == 4);
    CHECK(lib.records().size() == 4);
}

TEST_CASE("lending stats: nothing lent yet writes nothing, and the UUID depends on village and day", "[lending_stats]") {
    Library lib;
    CHECK(write_finished_lending_days(lib.db, kVillage, at(20, 12), kWib).written == 0);
    CHECK(lib.records().empty());
    const auto a = lending_stats_record_uuid(kVillage, {2025, 12, 1});
    CHECK(a == lending_stats_record_uuid(kVillage, {2025, 12, 1}));
    CHECK(a != lending_stats_record_uuid(kVillage, {2025, 12, 2}));
    CHECK(a != lending_stats_record_uuid("18.01.04.2002", {2025, 12, 1}));
    CHECK(a[14] == '8');  // version 8
}
