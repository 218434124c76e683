// Statistics per service per day from the tickets table, and their outbox records: written once a
// day is over, idempotent per (village, service, day).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "queue/queue_stats.hpp"
#include "queue_fixture.hpp"
#include "sync/outbox.hpp"

using namespace desa::queue;
using desa::test::kMonday0700Wib;
using desa::test::QueueFixture;

namespace {

const std::string kVillage = "18.01.04.2001";
constexpr std::int64_t kMonday = kMonday0700Wib - 7 * 3600;  // 2025-12-01 00:00 WIB
const LocalDate kMondayDate{2025, 12, 1};

std::int64_t at(int hour, int minute) {
    return kMonday + hour * 3600 + minute * 60;
}

// A morning at the office (times WIB):
//   t1 A 09:00, t2 A 09:10, t3 A 09:20 priority, t4 A 10:05, t5 S 10:20, t6 A 10:40
//   t3 called 10:50 at counter 1, served 10:51-11:01;  t1 called 11:02, no-show 11:05
//   t2 called 11:06 at counter 2, transferred to sktm 11:07, called 11:08 at counter 3, served 11:09-11:14
//   t4 cancelled by the resident 11:20; t5 and t6 still waiting.
void office_morning(QueueFixture& f) {
    f.at(at(9, 0));
    const Ticket t1 = f.take("domisili");
    f.at(at(9, 10));
    const Ticket t2 = f.take("domisili");
    f.at(at(9, 20));
    const Ticket t3 = f.take("domisili", Lane::Priority);
    f.at(at(10, 5));
    const Ticket t4 = f.take("domisili");
    f.at(at(10, 20));
    f.take("sktm");
    f.at(at(10, 40));
    f.take("domisili");
    f.at(at(10, 50));
    REQUIRE(f.queue.call_next(1).ticket->id == t3.id);
    f.at(at(10, 51));
    f.queue.start_serving(t3.id, 1);
    f.at(at(11, 1));
    f.queue.finish(t3.id, 1);
    f.at(at(11, 2));
    REQUIRE(f.queue.call_next(1).ticket->id == t1.id);
    f.at(at(11, 5));
    f.queue.no_show(t1.id, 1);
    f.at(at(11, 6));
    REQUIRE(f.queue.call_next(2).ticket->id == t2.id);
    f.at(at(11, 7));
    REQUIRE(f.queue.transfer(t2.id, "sktm", 2).ticket);
    f.at(at(11, 8));
    REQUIRE(f.queue.call_next(3).ticket->id == t2.id);
    f.at(at(11, 9));
    f.queue.start_serving(t2.id, 3);
    f.at(at(11, 14));
    f.queue.finish(t2.id, 3);
    f.at(at(11, 20));
    REQUIRE(f.queue.cancel(t4.id, std::nullopt).ticket);
}

}  // namespace

TEST_CASE("queue stats: a day per service", "[queue][stats]") {
    QueueFixture f;
    office_morning(f);
    const auto stats = day_stats(f.db, kMondayDate, kWibOffsetSeconds);
    REQUIRE(stats.size() == 2);
    const ServiceDayStats& a = stats[0];
    const ServiceDayStats& s = stats[1];
    CHECK(a.service_id == "domisili");
    CHECK(a.issued == 5);
    CHECK(a.served == 1);
    CHECK(a.no_shows == 1);
    CHECK(a.cancelled == 1);
    CHECK(a.unserved == 1);
    CHECK(a.average_wait_s == (5400 + 7320) / 2);  // t3 and t1, called in this service
    CHECK(a.average_service_s == 600);
    CHECK(a.peak_hour == 9);
    CHECK(a.issued_per_hour[9] == 3);
    CHECK(a.issued_per_hour[10] == 2);

    CHECK(s.service_id == "sktm");
    CHECK(s.issued == 1);
    CHECK(s.served == 1);  // the transferred t2
    CHECK(s.unserved == 1);
    CHECK(s.no_shows == 0);
    CHECK(s.average_wait_s == 7080);  // from its ticket time, 09:10, to its call in sktm at 11:08
    CHECK(s.average_service_s == 300);
    CHECK(s.peak_hour == 10);

    CHECK(day_stats(f.db, LocalDate{2025, 12, 2}, kWibOffsetSeconds).empty());
    const auto json = nlohmann::json::parse(stats_payload(a, kVillage));
    CHECK(json["village"] == kVillage);
    CHECK(json["service"] == "domisili");
    CHECK(json["day"] == "2025-12-01");
    CHECK(json["issued"] == 5);
    CHECK(json["average_service_s"] == 600);
    CHECK(json["peak_hour"] == 9);
    CHECK(json["issued_per_hour"].size() == 24);
    ServiceDayStats empty;
    empty.service_id = "x";
    const auto none = nlohmann::json::parse(stats_payload(empty, kVillage));
    CHECK(none["average_wait_s"].is_null());
    CHECK(none["peak_hour"].is_null());
}

TEST_CASE("queue stats: outbox records once the day is over, never twice", "[queue][stats]") {
    QueueFixture f;
    office_morning(f);
    const std::int64_t tuesday = kMonday + 86400;
    struct Step {
        const char* name;
        std::int64_t now;
        int written, already;
    };
    const std::vector<Step> steps{
        {"the same evening", at(23, 59), 0, 0},
        {"after midnight, within the grace period", tuesday + 2 * 3600 - 1, 0, 0},
        {"two hours after midnight", tuesday + 2 * 3600, 2, 0},
        {"again", tuesday + 3 * 3600, 0, 0},
        {"a week later", tuesday + 7 * 86400, 0, 0},
    };
    for (const Step& s : steps) {
        INFO(s.name);
        const auto r = write_finished_days(f.db, kVillage, s.now, kWibOffsetSeconds);
        CHECK(r.written == s.written);
        CHECK(r.already_written == s.already);
    }
    const auto records = desa::sync::pending(f.db, kStatsChannel, 10);
    REQUIRE(records.size() == 2);
    CHECK(records[0].uuid == stats_record_uuid(kVillage, "domisili", kMondayDate));
    CHECK(records[1].uuid == stats_record_uuid(kVillage, "sktm", kMondayDate));
    CHECK(records[0].created_at == tuesday);  // the end of the day: the same bytes whenever written
    CHECK(records[0].payload == stats_payload(day_stats(f.db, kMondayDate, kWibOffsetSeconds)[0], kVillage));

    // The note of the last day written lost (an older backup, a crash): the ids still dedupe.
    f.db.set_setting("queue.stats_written_through", "0");
    const auto again = write_finished_days(f.db, kVillage, tuesday + 3 * 3600, kWibOffsetSeconds);
    CHECK(again.written == 0);
    CHECK(again.already_written == 2);
    CHECK(desa::sync::count_pending(f.db) == 2);

    // Later days with tickets are written as they end; days without tickets make no records.
    f.at(kMonday + 2 * 86400 + 9 * 3600);  // Wednesday
    f.take("sktm");
    const auto wednesday = write_finished_days(f.db, kVillage, kMonday + 4 * 86400 + 9 * 3600, kWibOffsetSeconds);
    CHECK(wednesday.written == 1);
    CHECK(desa::sync::find(f.db, stats_record_uuid(kVillage, "sktm", LocalDate{2025, 12, 3})));
}

TEST_CASE("queue stats: record ids are name-based UUIDs", "[queue][stats]") {
    const std::string id = stats_record_uuid(kVillage, "domisili", kMondayDate);
    INFO(id);
    CHECK(desa::sync::looks_like_uuid(id));
    CHECK(id[14] == '8');                                          // version 8
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // RFC variant
    CHECK(stats_record_uuid(kVillage, "domisili", kMondayDate) == id);
    const std::vector<std::string> others{
        stats_record_uuid("18.01.04.2002", "domisili", kMondayDate),
        stats_record_uuid(kVillage, "sktm", kMondayDate),
        stats_record_uuid(kVillage, "domisili", LocalDate{2025, 12, 2}),
        stats_record_uuid(kVillage, "domisil", kMondayDate),
    };
    for (const auto& other : others) {
        CHECK(other != id);
        CHECK(desa::sync::looks_like_uuid(other));
    }
}
