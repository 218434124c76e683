// The operator's figures (queue/queue_ops): today and the last 7 days per service from a real
// kiosk.db (averages weighted by the tickets behind them, days outside the week left out), the
// number waiting now, and the printer's state from its last fault.
#include <catch2/catch.hpp>

#include "queue/queue_ops.hpp"
#include "queue_fixture.hpp"

using namespace desa;
using namespace desa::queue;
using desa::test::kMonday0900Wib;

namespace {

// Takes a domisili ticket at `at`, and when `service_s` is set serves it at counter 1: called
// `wait_s` after it was taken, done `service_s` later.
void visit(test::QueueFixture& o, std::int64_t at, std::optional<std::int64_t> wait_s, std::optional<std::int64_t> service_s,
           bool no_show = false) {
    o.at(at);
    const auto t = o.take("domisili");
    if (!wait_s) return;
    o.at(at + *wait_s);
    const auto called = o.queue.call_next(1);
    REQUIRE(called.ticket);
    REQUIRE(called.ticket->id == t.id);
    if (no_show) {
        REQUIRE(o.queue.no_show(t.id, 1).ticket);
        return;
    }
    REQUIRE(o.queue.start_serving(t.id, 1).ticket);
    o.at(at + *wait_s + *service_s);
    REQUIRE(o.queue.finish(t.id, 1).ticket);
}

}  // namespace

TEST_CASE("operator figures: today, the last 7 days, waiting now", "[queue][ops]") {
    test::QueueFixture o;
    const std::int64_t day = 86400;
    // 8 days ago (outside the week): one long visit that must not count.
    visit(o, kMonday0900Wib - 7 * day, 60, 3000);
    // Friday (3 days ago): two served (wait 10 and 20 min, service 10 min each) at 09:xx, a no-show.
    visit(o, kMonday0900Wib - 3 * day, 600, 600);
    visit(o, kMonday0900Wib - 3 * day + 60, 1200, 600);
    visit(o, kMonday0900Wib - 3 * day + 120, 1800, std::nullopt, true);
    // Today: one served (wait 2 min, service 4 min) at 09:00, two waiting at 10:xx, an sktm waiting.
    visit(o, kMonday0900Wib, 120, 240);
    visit(o, kMonday0900Wib + 3600, std::nullopt, std::nullopt);
    visit(o, kMonday0900Wib + 3660, std::nullopt, std::nullopt);
    o.at(kMonday0900Wib + 3700);
    o.take("sktm");

    const auto report = ops_report(o.db, o.queue.config(), kMonday0900Wib + 4000);
    CHECK(report.today == LocalDate{2025, 12, 1});
    REQUIRE(report.services.size() == 2);
    const ServiceOps& d = report.services[0];
    CHECK(d.service_id == "domisili");
    REQUIRE(d.service != nullptr);
    CHECK(d.waiting_now == 2);
    CHECK(d.today.issued == 3);
    CHECK(d.today.served == 1);
    CHECK(d.today.no_shows == 0);
    CHECK(d.today.average_wait_s == 120);
    CHECK(d.today.average_service_s == 240);
    CHECK(d.today.peak_hour == 10);  // two tickets at 10:xx, one at 09:00
    CHECK(d.week.issued == 6);
    CHECK(d.week.served == 3);
    CHECK(d.week.no_shows == 1);
    // Waits: 600, 1200, 1800 (the no-show was called too), 120 -> 930; services 600, 600, 240 -> 480.
    CHECK(d.week.average_wait_s == 930);
    CHECK(d.week.average_service_s == 480);
    CHECK(d.week.peak_hour == 9);  // four at 09:xx over the week
    const ServiceOps& s = report.services[1];
    CHECK(s.service_id == "sktm");
    CHECK(s.waiting_now == 1);
    CHECK(s.today.issued == 1);
    CHECK_FALSE(s.today.average_wait_s);
    CHECK_FALSE(s.week.peak_hour == std::nullopt);

    // A service no longer in the config still shows its past week.
    QueueConfig only_sktm = o.queue.config();
    only_sktm.services.erase(only_sktm.services.begin());
    const auto later = ops_report(o.db, only_sktm, kMonday0900Wib + 4000);
    REQUIRE(later.services.size() == 2);
    CHECK(later.services[1].service_id == "domisili");
    CHECK(later.services[1].service == nullptr);
    CHECK(later.services[1].week.issued == 6);

    // An empty office: services with zero figures, nothing averaged.
    test::QueueFixture empty;
    const auto none = ops_report(empty.db, empty.queue.config(), kMonday0900Wib);
    REQUIRE(none.services.size() == 2);
    CHECK(none.services[0].week.issued == 0);
    CHECK_FALSE(none.services[0].week.average_service_s);
    CHECK_FALSE(none.services[0].week.peak_hour);
}

TEST_CASE("operator figures: combining days weights averages by their tickets", "[queue][ops]") {
    ServiceDayStats a, b;
    a.issued = 10;
    a.average_wait_s = 100;
    a.wait_samples = 9;
    a.issued_per_hour[8] = 10;
    b.issued = 1;
    b.average_wait_s = 1000;
    b.wait_samples = 1;
    b.issued_per_hour[14] = 1;
    const auto f = combine({a, b});
    CHECK(f.issued == 11);
    CHECK(f.average_wait_s == 190);
    CHECK_FALSE(f.average_service_s);
    CHECK(f.peak_hour == 8);
    CHECK(combine({}).issued == 0);
    CHECK_FALSE(combine({}).peak_hour);
}

TEST_CASE("the ticket printer as the operator sees it", "[queue][ops]") {
    const std::vector<std::tuple<bool, std::optional<std::string>, PrinterState, bool>> cases{
        {false, std::nullopt, PrinterState::NotConfigured, false},
        {false, std::string("missing"), PrinterState::NotConfigured, false},
        {true, std::nullopt, PrinterState::Ok, false},
        {true, std::string("missing"), PrinterState::Absent, true},
        {true, std::string("unreachable"), PrinterState::Offline, true},
        {true, std::string("timeout"), PrinterState::Offline, true},
        {true, std::string("paper_out"), PrinterState::PaperOut, true},
        {true, std::string("bad_target"), PrinterState::Fault, true},
        {true, std::string("not_writable"), PrinterState::Fault, true},
        {true, std::string("write_failed"), PrinterState::Fault, true},
        {true, std::string("something_new"), PrinterState::Fault, true},
        {true, std::string(""), PrinterState::Fault, true},
    };
    for (const auto& [configured, problem, state, attention] : cases) {
        INFO(configured << " " << problem.value_or("(none)"));
        CHECK(printer_state(configured, problem) == state);
        CHECK(needs_attention(printer_state(configured, problem)) == attention);
        CHECK_FALSE(printer_state_name(state).empty());
    }
}
