// `desa-kiosk queue services|take|status` on the demo village's services, with a manual clock:
// tickets as the screen issues them (signed QR that verifies, one changed character does not),
// translated refusals for closed, unknown and no-priority services, and the day's counts.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "app/queue_commands.hpp"
#include "kiosk_fixture.hpp"
#include "queue/kiosk_key.hpp"
#include "queue/ticket_qr.hpp"

using namespace desa;
using nlohmann::json;

namespace {

constexpr std::int64_t kMonday0900Wib = 1'764'554'400;  // 2025-12-01T02:00:00Z
constexpr std::int64_t kSunday1000Wib = kMonday0900Wib - 23 * 3600;

struct Run {
    int rc = 0;
    std::string out, err;
};

Run take(kiosk::KioskContext& ctx, const Clock& clock, std::string service, bool priority = false) {
    std::ostringstream out, err;
    kiosk::QueueArgs args{true, priority, std::move(service)};
    const int rc = kiosk::queue_take(ctx, clock, args, out, err);
    return {rc, out.str(), err.str()};
}

}  // namespace

TEST_CASE("queue take: a ticket with a signed QR, numbered per service", "[queue][cli]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    clock.wall_seconds = kMonday0900Wib;
    const auto first = take(*kiosk.ctx, clock, "domisili");
    REQUIRE(first.rc == 0);
    const auto t = json::parse(first.out);
    CHECK(t["number"] == "A001");
    CHECK(t["service"] == "domisili");
    CHECK(t["position"] == 1);
    CHECK(t["estimated_wait_minutes"].is_number_integer());
    const std::string qr = t["qr"];
    CHECK(qr.starts_with("DESA-ANTRI:1:18.01.04.2001:20251201:A001:domisili:"));

    const auto keys = queue::ticket_verify_keys(kiosk.data_dir);
    REQUIRE(keys.size() == 1);
    const queue::LocalDate today{2025, 12, 1};
    CHECK(queue::verify_ticket_qr(qr, keys[0], today, "18.01.04.2001").verdict == queue::QrVerdict::Valid);
    std::string altered = qr;
    altered[altered.find("A001") + 3] = '2';
    CHECK(queue::verify_ticket_qr(altered, keys[0], today, "18.01.04.2001").verdict == queue::QrVerdict::Forged);

    const auto second = json::parse(take(*kiosk.ctx, clock, "domisili", true).out);
    CHECK(second["number"] == "A002");
    CHECK(second["lane"] == "priority");
    CHECK(second["position"] == 1);  // the priority lane goes first

    std::ostringstream status;
    REQUIRE(kiosk::queue_status(*kiosk.ctx, clock, kiosk::QueueArgs{true, false, ""}, status) == 0);
    const auto s = json::parse(status.str());
    CHECK(s["day"] == "2025-12-01");
    REQUIRE(s["services"].size() == 5);
    CHECK(s["services"][0]["id"] == "domisili");
    CHECK(s["services"][0]["waiting"] == 2);
    CHECK(s["services"][0]["issued"] == 2);
    CHECK(s["services"][1]["waiting"] == 0);

    std::ostringstream services;
    REQUIRE(kiosk::queue_services(*kiosk.ctx, clock, kiosk::QueueArgs{true, false, ""}, services) == 0);
    const auto list = json::parse(services.str());
    REQUIRE(list.size() == 5);
    CHECK(list[2]["prefix"] == "C");
    CHECK(list[2]["open_now"] == true);
}

TEST_CASE("queue take: refusals are one translated line and a non-zero exit", "[queue][cli]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    clock.wall_seconds = kSunday1000Wib;
    const auto closed = take(*kiosk.ctx, clock, "sktm");
    CHECK(closed.rc == 2);
    const auto c = json::parse(closed.out);
    CHECK(c["refused"] == "closed");
    CHECK(c["message"] == "Layanan Surat Keterangan Tidak Mampu (SKTM) tutup hari ini.");

    clock.wall_seconds = kMonday0900Wib;
    const auto unknown = take(*kiosk.ctx, clock, "paspor");
    CHECK(unknown.rc == 2);
    CHECK(json::parse(unknown.out)["refused"] == "unknown_service");
    const auto no_lane = take(*kiosk.ctx, clock, "usaha", true);
    CHECK(no_lane.rc == 2);
    CHECK(json::parse(no_lane.out)["refused"] == "no_priority_lane");

    std::ostringstream out, err;
    CHECK(kiosk::queue_take(*kiosk.ctx, clock, kiosk::QueueArgs{false, false, "paspor"}, out, err) == 2);
    CHECK(out.str().empty());
    CHECK(err.str() == "Layanan itu tidak ada di kantor desa ini.\n");
}
