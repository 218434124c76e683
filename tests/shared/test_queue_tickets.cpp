// The queue in kiosk.db: the state machine (every transition, allowed and forbidden), taking
// tickets (numbers, quotas, opening hours), calling order, positions and wait estimates, and the
// daily reset at midnight WIB. Cases are tables.
#include <catch2/catch.hpp>

#include <array>
#include <functional>
#include <map>
#include <variant>

#include "queue_fixture.hpp"

using namespace desa::queue;
using desa::test::kMonday0700Wib;
using desa::test::kMonday0900Wib;
using desa::test::QueueFixture;

namespace {

constexpr std::array kStates{TicketState::Waiting, TicketState::Called, TicketState::Serving,
                             TicketState::Done,    TicketState::NoShow, TicketState::Cancelled};
constexpr std::array kActions{TicketAction::Call,    TicketAction::Recall, TicketAction::StartServing,
                              TicketAction::Finish,  TicketAction::NoShow, TicketAction::Cancel,
                              TicketAction::Transfer};

// The allowed transitions, written out independently of next_state().
const std::map<std::pair<TicketState, TicketAction>, TicketState>& allowed() {
    using S = TicketState;
    using A = TicketAction;
    static const std::map<std::pair<S, A>, S> table{
        {{S::Waiting, A::Call}, S::Called},         {{S::Waiting, A::Cancel}, S::Cancelled},
        {{S::Waiting, A::Transfer}, S::Waiting},    {{S::Called, A::Recall}, S::Called},
        {{S::Called, A::StartServing}, S::Serving}, {{S::Called, A::NoShow}, S::NoShow},
        {{S::Called, A::Cancel}, S::Cancelled},     {{S::Called, A::Transfer}, S::Waiting},
        {{S::Serving, A::Finish}, S::Done},
    };
    return table;
}

// A fresh domisili ticket moved to `state` by counter 1.
Ticket ticket_in(QueueFixture& f, TicketState state) {
    Ticket t = f.take("domisili");
    if (state == TicketState::Waiting) return t;
    REQUIRE(f.queue.call_next(1).ticket);
    f.advance_s(30);
    switch (state) {
        case TicketState::Serving: REQUIRE(f.queue.start_serving(t.id, 1).ticket); break;
        case TicketState::Done:
            REQUIRE(f.queue.start_serving(t.id, 1).ticket);
            REQUIRE(f.queue.finish(t.id, 1).ticket);
            break;
        case TicketState::NoShow: REQUIRE(f.queue.no_show(t.id, 1).ticket); break;
        case TicketState::Cancelled: REQUIRE(f.queue.cancel(t.id, 1).ticket); break;
        default: break;
    }
    return *f.queue.find(t.id);
}

ActionResult apply(QueueFixture& f, const Ticket& t, TicketAction action, int counter) {
    switch (action) {
        case TicketAction::Call: return f.queue.call_next(counter);
        case TicketAction::Recall: return f.queue.recall(t.id, counter);
        case TicketAction::StartServing: return f.queue.start_serving(t.id, counter);
        case TicketAction::Finish: return f.queue.finish(t.id, counter);
        case TicketAction::NoShow: return f.queue.no_show(t.id, counter);
        case TicketAction::Cancel: return f.queue.cancel(t.id, counter);
        case TicketAction::Transfer: return f.queue.transfer(t.id, "sktm", counter);
    }
    return {};
}

std::int64_t count(desa::storage::Database& db, const std::string& sql) {
    auto s = db.prepare(sql);
    s.step();
    return s.column_int64(0);
}

}  // namespace

TEST_CASE("queue state machine: next_state for every state and action", "[queue][state]") {
    for (TicketState from : kStates) {
        for (TicketAction action : kActions) {
            INFO(state_name(from) << " --" << action_name(action) << "-->");
            const auto it = allowed().find({from, action});
            if (it == allowed().end())
                CHECK_FALSE(next_state(from, action));
            else
                CHECK(next_state(from, action) == it->second);
        }
    }
    for (TicketState s : kStates) CHECK(state_from_name(state_name(s)) == s);
    CHECK_FALSE(state_from_name("finished"));
}

TEST_CASE("queue state machine: every transition in kiosk.db, allowed and forbidden", "[queue][state]") {
    for (TicketState from : kStates) {
        for (TicketAction action : kActions) {
            QueueFixture f;
            const Ticket t = ticket_in(f, from);
            const auto before_events = count(f.db, "SELECT count(*) FROM queue_ticket_events");
            f.advance_s(45);
            const std::int64_t now = f.clock.unix_seconds();
            const ActionResult r = apply(f, t, action, 1);
            const auto it = allowed().find({from, action});
            INFO(state_name(from) << " --" << action_name(action) << "--> "
                                  << (r.refusal ? refusal_name(*r.refusal) : "ok"));
            const Ticket after = *f.queue.find(t.id);
            if (it == allowed().end()) {
                if (action == TicketAction::Call) {
                    CHECK_FALSE(r.ticket);  // nobody waiting: call_next finds nothing
                    CHECK_FALSE(r.refusal);
                } else {
                    CHECK(r.refusal == Refusal::NotAllowed);
                }
                CHECK(after.state == from);
                CHECK(count(f.db, "SELECT count(*) FROM queue_ticket_events") == before_events);
                continue;
            }
            REQUIRE(r.ticket);
            CHECK(r.ticket->id == t.id);
            CHECK(after.state == it->second);
            // The transition is recorded with its counter and time.
            auto e = f.db.prepare(
                "SELECT action, from_state, to_state, counter, service_id, at FROM queue_ticket_events "
                "ORDER BY id DESC LIMIT 1");
            REQUIRE(e.step());
            CHECK(e.column_text(0) == action_name(action));
            CHECK(e.column_text(1) == state_name(from));
            CHECK(e.column_text(2) == state_name(it->second));
            CHECK(e.column_int64(3) == 1);
            CHECK(e.column_int64(5) == now);
            switch (action) {
                case TicketAction::Call: CHECK((after.counter == 1 && after.called_at == now)); break;
                case TicketAction::Recall: CHECK((after.recalls == 1 && after.called_at < now)); break;
                case TicketAction::StartServing: CHECK(after.serving_at == now); break;
                case TicketAction::Finish:
                case TicketAction::NoShow:
                case TicketAction::Cancel: CHECK(after.finished_at == now); break;
                case TicketAction::Transfer:
                    CHECK(after.service_id == "sktm");
                    CHECK(e.column_text(4) == "sktm");
                    CHECK(after.issued_service_id == "domisili");
                    CHECK(after.number == t.number);
                    CHECK(after.issued_at == t.issued_at);
                    CHECK_FALSE(after.counter);
                    CHECK_FALSE(after.called_at);
                    break;
            }
        }
    }
}

TEST_CASE("queue state machine: counters, unknown tickets and other days are refused", "[queue][state]") {
    struct Case {
        const char* name;
        std::function<ActionResult(QueueFixture&, const Ticket&)> act;
        Refusal refusal;
    };
    const std::vector<Case> cases{
        {"recall by another counter", [](QueueFixture& f, const Ticket& t) { return f.queue.recall(t.id, 2); },
         Refusal::OtherCounter},
        {"serve at a counter without the service",
         [](QueueFixture& f, const Ticket& t) { return f.queue.start_serving(t.id, 3); }, Refusal::WrongCounter},
        {"no-show by another counter", [](QueueFixture& f, const Ticket& t) { return f.queue.no_show(t.id, 2); },
         Refusal::OtherCounter},
        {"cancel by another counter", [](QueueFixture& f, const Ticket& t) { return f.queue.cancel(t.id, 2); },
         Refusal::OtherCounter},
        {"unknown ticket", [](QueueFixture& f, const Ticket& t) { return f.queue.recall(t.id + 100, 1); },
         Refusal::UnknownTicket},
        {"transfer to an unknown service",
         [](QueueFixture& f, const Ticket& t) { return f.queue.transfer(t.id, "nikah", 1); }, Refusal::UnknownService},
        {"transfer to its own service",
         [](QueueFixture& f, const Ticket& t) { return f.queue.transfer(t.id, "domisili", 1); }, Refusal::SameService},
        {"transfer by a counter without the service",
         [](QueueFixture& f, const Ticket& t) { return f.queue.transfer(t.id, "sktm", 3); }, Refusal::WrongCounter},
        {"call at a counter that serves nothing", [](QueueFixture& f, const Ticket&) { return f.queue.call_next(9); },
         Refusal::UnknownCounter},
        {"recall tomorrow",
         [](QueueFixture& f, const Ticket& t) {
             f.advance_s(86400);
             return f.queue.recall(t.id, 1);
         },
         Refusal::OtherDay},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        QueueFixture f;
        const Ticket t = ticket_in(f, TicketState::Called);
        const ActionResult r = c.act(f, t);
        CHECK_FALSE(r.ticket);
        CHECK(r.refusal == c.refusal);
        CHECK(f.queue.find(t.id)->state == TicketState::Called);
    }
    SECTION("the resident cancels at the kiosk, without a counter") {
        QueueFixture f;
        const Ticket t = f.take("domisili");
        CHECK(f.queue.cancel(t.id, std::nullopt).ticket->state == TicketState::Cancelled);
        CHECK(f.queue.recall(t.id, 1).refusal == Refusal::NotAllowed);
    }
    SECTION("a ticket served across midnight can still be finished the next day") {
        QueueFixture f;
        const Ticket t = ticket_in(f, TicketState::Serving);
        f.advance_s(86400);
        CHECK(f.queue.finish(t.id, 1).ticket->state == TicketState::Done);
    }
}

TEST_CASE("queue take: numbers, refusals, quotas and opening hours", "[queue][take]") {
    QueueFixture f;
    CHECK(f.take("domisili").number == "A001");
    CHECK(f.take("domisili", Lane::Priority).number == "A002");
    CHECK(f.take("sktm").number == "S001");
    const Ticket a3 = f.take("domisili");
    CHECK(a3.number == "A003");
    CHECK(a3.service_day == 20251201);
    CHECK(a3.issued_at == kMonday0900Wib);
    CHECK(a3.state == TicketState::Waiting);

    struct Case {
        const char* name;
        std::int64_t at;
        std::string service;
        Lane lane;
        std::optional<Refusal> refusal;
    };
    const std::int64_t monday = kMonday0700Wib - 7 * 3600;  // 00:00 WIB
    const std::vector<Case> cases{
        {"unknown service", kMonday0900Wib, "nikah", Lane::Regular, Refusal::UnknownService},
        {"priority lane where there is none", kMonday0900Wib, "sktm", Lane::Priority, Refusal::NoPriorityLane},
        {"appointment lane without an appointment", kMonday0900Wib, "domisili", Lane::Appointment, Refusal::NotAllowed},
        {"07:59 before opening", monday + 7 * 3600 + 59 * 60, "domisili", Lane::Regular, Refusal::Closed},
        {"08:00 opening", monday + 8 * 3600, "domisili", Lane::Regular, std::nullopt},
        {"14:59 just before closing", monday + 14 * 3600 + 59 * 60, "domisili", Lane::Regular, std::nullopt},
        {"15:00 closed", monday + 15 * 3600, "domisili", Lane::Regular, Refusal::Closed},
        {"12:00 sktm closed, domisili open", monday + 12 * 3600, "sktm", Lane::Regular, Refusal::Closed},
        {"Saturday", monday + 5 * 86400 + 9 * 3600, "domisili", Lane::Regular, Refusal::Closed},
        {"Sunday", monday + 6 * 86400 + 9 * 3600, "domisili", Lane::Regular, Refusal::Closed},
        {"a clock in 1970", 9 * 3600, "domisili", Lane::Regular, Refusal::ClockNotPlausible},
        {"sktm ticket 2 of 3", kMonday0900Wib, "sktm", Lane::Regular, std::nullopt},
        {"sktm ticket 3 of 3", kMonday0900Wib, "sktm", Lane::Regular, std::nullopt},
        {"sktm quota reached", kMonday0900Wib, "sktm", Lane::Regular, Refusal::QuotaReached},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        f.at(c.at);
        const TakeResult r = f.queue.take(c.service, c.lane);
        CHECK(r.refusal == c.refusal);
        CHECK(r.ticket.has_value() == !c.refusal.has_value());
    }
    // A cancelled ticket still counts: the quota is what the office can handle in a day issued.
    f.at(kMonday0900Wib);
    CHECK(f.queue.cancel(f.queue.find_number(LocalDate{2025, 12, 1}, "S001")->id, std::nullopt).ticket);
    CHECK(f.queue.take("sktm").refusal == Refusal::QuotaReached);
    // The next day the quota and the numbers start again.
    f.at(kMonday0900Wib + 86400);
    CHECK(f.take("sktm").number == "S001");
    // An appointment was booked by the hub: neither the walk-in quota nor the hours apply to it.
    CHECK(f.take("sktm").number == "S002");
    CHECK(f.take("sktm").number == "S003");
    CHECK(f.queue.take("sktm").refusal == Refusal::QuotaReached);
    CHECK(f.queue.check_in("sktm", "JNJ-7").ticket->number == "S004");
    f.at(kMonday0700Wib + 86400 + 8 * 3600 + 30 * 60);  // Tuesday 15:30 WIB
    CHECK(f.queue.take("domisili").refusal == Refusal::Closed);
    CHECK(f.queue.check_in("domisili", "JNJ-8").ticket->lane == Lane::Appointment);
    CHECK(f.queue.check_in("nikah", "JNJ-9").refusal == Refusal::UnknownService);
    CHECK(f.queue.check_in("domisili", "").refusal == Refusal::NotAllowed);
}

TEST_CASE("queue take: three digits are all a day has", "[queue][take]") {
    QueueFixture f;
    {
        desa::storage::Transaction tx(f.db);
        auto s = f.db.prepare(
            "INSERT INTO queue_tickets (service_day, number, service_id, issued_service_id, lane, state, issued_at) "
            "VALUES (20251201, printf('A%03d', ?1), 'other', 'other', 0, 'done', 0)");
        for (int i = 1; i <= 998; ++i) {
            s.bind(1, i).step();
            s.reset();
        }
        tx.commit();
    }
    CHECK(f.take("domisili").number == "A999");
    CHECK(f.queue.take("domisili").refusal == Refusal::QuotaReached);
}

TEST_CASE("queue call next: appointments, priority lane, then ticket time, only the counter's services",
          "[queue][call]") {
    QueueFixture f;
    const Ticket s1 = f.take("sktm");  // the oldest ticket, in another service
    f.advance_s(10);
    const Ticket r1 = f.take("domisili");
    f.advance_s(10);
    const Ticket p1 = f.take("domisili", Lane::Priority);
    f.advance_s(10);
    const Ticket r2 = f.take("domisili");
    f.advance_s(10);
    const Ticket p2 = f.take("domisili", Lane::Priority);
    f.advance_s(10);
    const TakeResult ap = f.queue.check_in("domisili", "JNJ-0001");
    REQUIRE(ap.ticket);
    CHECK(ap.ticket->lane == Lane::Appointment);
    CHECK(ap.line.position == 1);
    CHECK(f.queue.check_in("domisili", "JNJ-0001").refusal == Refusal::AlreadyCheckedIn);

    // Counter 1 serves domisili only; counter 3 sktm only; counter 2 both.
    std::vector<std::string> order;
    for (int i = 0; i < 3; ++i) order.push_back(f.queue.call_next(1).ticket->number);
    CHECK(order == std::vector<std::string>{ap.ticket->number, p1.number, p2.number});
    CHECK(f.queue.call_next(2).ticket->id == s1.id);  // older than r1, and counter 2 serves sktm too
    CHECK_FALSE(f.queue.call_next(3).ticket);         // sktm is empty now
    // A transfer keeps the original time: r2, moved to sktm, goes ahead of the newer s2 there.
    const Ticket s2 = f.take("sktm");
    REQUIRE(f.queue.transfer(r2.id, "sktm", 1).ticket);
    CHECK(f.queue.call_next(3).ticket->id == r2.id);
    CHECK(f.queue.call_next(3).ticket->id == s2.id);
    CHECK(f.queue.call_next(1).ticket->id == r1.id);
    CHECK_FALSE(f.queue.call_next(1).ticket);
    CHECK_FALSE(f.queue.call_next(1).refusal);
}

TEST_CASE("queue position and estimated wait", "[queue][wait]") {
    QueueFixture f;
    // No history yet: 5 minutes a resident, shared by domisili's two counters.
    std::vector<Ticket> line;
    for (int i = 0; i < 4; ++i) line.push_back(f.take("domisili"));
    const TakeResult fifth = f.queue.take("domisili");
    CHECK(fifth.line.position == 5);
    CHECK(fifth.line.estimated_wait_s == kDefaultServiceSeconds * 5 / 2);
    CHECK(f.queue.position(line[2])->position == 3);
    CHECK(f.queue.waiting_count("domisili") == 5);

    // Serve the first four with 60, 180, 120 and 3000 s; the median of them is 150 s.
    const std::vector<std::int64_t> durations{60, 180, 120, 3000};
    for (std::size_t i = 0; i < durations.size(); ++i) {
        const Ticket t = *f.queue.call_next(1).ticket;
        CHECK(f.queue.position(t)->position == 0);
        f.queue.start_serving(t.id, 1);
        f.advance_s(durations[i]);
        f.queue.finish(t.id, 1);
        CHECK_FALSE(f.queue.position(*f.queue.find(t.id)));
        if (i == 1) CHECK(f.queue.typical_service_seconds("domisili") == kDefaultServiceSeconds);  // 2 samples
    }
    CHECK(f.queue.typical_service_seconds("domisili") == 150);
    CHECK(f.queue.position(*fifth.ticket)->position == 1);
    CHECK(f.queue.position(*fifth.ticket)->estimated_wait_s == 150 * 1 / 2);
    CHECK(f.queue.typical_service_seconds("sktm") == kDefaultServiceSeconds);

    // Only the last 20 count: 20 quick ones after the slow ones.
    for (int i = 0; i < 20; ++i) {
        const Ticket t = f.take("domisili");
        f.queue.cancel(t.id, std::nullopt);  // cancelled tickets do not count
    }
    f.queue.call_next(1);
    for (int i = 0; i < 20; ++i) {
        const Ticket t = f.take("domisili");
        REQUIRE(f.queue.call_next(2).ticket->id == t.id);
        f.queue.start_serving(t.id, 2);
        f.advance_s(40);
        f.queue.finish(t.id, 2);
    }
    CHECK(f.queue.typical_service_seconds("domisili") == 40);
    const TakeResult next = f.queue.take("domisili");
    CHECK(next.line.position == 1);
    CHECK(next.line.estimated_wait_s == 20);
}

TEST_CASE("queue daily reset at midnight WIB, not at midnight UTC", "[queue][day]") {
    desa::queue::QueueConfig cfg;
    auto svc = desa::test::make_service("informasi", 'I', {1}, "00:00-24:00");
    for (auto& day : svc.hours) day = *parse_opening_hours("00:00-24:00");
    cfg.services.push_back(svc);
    QueueFixture f(cfg);
    const std::int64_t midnight_wib = kMonday0700Wib + 17 * 3600;  // Tuesday 00:00 WIB = 17:00Z

    f.at(kMonday0700Wib - 1);  // 06:59:59 WIB, 23:59:59 UTC the day before
    const Ticket first = f.take("informasi");
    f.at(kMonday0700Wib + 1);  // UTC's midnight passed: still the same WIB day
    CHECK(f.take("informasi").number == "I002");
    f.at(midnight_wib - 30);
    const Ticket last = f.take("informasi");
    CHECK(last.number == "I003");
    CHECK(last.service_day == 20251201);

    f.at(midnight_wib + 30);
    const Ticket tuesday = f.take("informasi");
    CHECK(tuesday.number == "I001");
    CHECK(tuesday.service_day == 20251202);
    CHECK(first.service_day == 20251201);
    CHECK(f.queue.today() == LocalDate{2025, 12, 2});
    // Yesterday's waiting tickets are not called today and have no place in today's line.
    CHECK(f.queue.position(tuesday)->position == 1);
    CHECK_FALSE(f.queue.position(last));
    CHECK(f.queue.call_next(1).ticket->id == tuesday.id);
    CHECK_FALSE(f.queue.call_next(1).ticket);
    CHECK(f.queue.find_number(LocalDate{2025, 12, 1}, "I001")->id == first.id);
    CHECK(f.queue.find_number(LocalDate{2025, 12, 2}, "I001")->id == tuesday.id);
    CHECK(f.queue.tickets_of_day(LocalDate{2025, 12, 1}).size() == 3);
    CHECK(f.queue.cancel(last.id, std::nullopt).refusal == Refusal::OtherDay);
}
