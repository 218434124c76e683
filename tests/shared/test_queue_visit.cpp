// The resident's side of the queue as the kiosk screens drive it (queue/queue_visit): choosing a
// service and lane, the signed ticket QR (the same text as `queue take --json`), refusals, checking
// a ticket by number, by QR and by camera picture (forged, altered, yesterday's, another village's
// refused), and appointment check-in ahead of walk-ins (outside its window, forged or used twice:
// refused). A real kiosk.db, real keys, real PNG files through ZXing.
#include <catch2/catch.hpp>

#include "scan/camera.hpp"
#include "barcode_png.hpp"
#include "queue/kiosk_key.hpp"
#include "queue/queue_visit.hpp"
#include "queue_fixture.hpp"
#include "scan/barcode_scan.hpp"
#include "session/kiosk_session.hpp"

using namespace desa;
using namespace desa::queue;
using desa::test::kMonday0900Wib;

namespace {

constexpr const char* kVillage = "18.01.04.2001";

struct Office : test::QueueFixture {
    sync::SignKeyPair province = sync::make_sign_key_pair();
    bool enrolled = true;

    QueueDesk desk() {
        return QueueDesk{queue, clock.unix_seconds(), dir.path(), kVillage,
                         enrolled ? std::optional(province.public_key) : std::nullopt};
    }
    std::string appointment(std::string id, std::string service, std::int64_t from, std::int64_t until,
                            const std::string& village = kVillage) {
        return appointment_qr_text(AppointmentQr{village, std::move(id), std::move(service), from, until},
                                   province.secret_key);
    }
};

// Checks `text` as if typed (or typed by a USB scanner) into a fresh check field.
bool check_text(Office& o, QueueVisit& v, const std::string& text) {
    v.clear_check();
    v.code.insert(text);
    auto d = o.desk();
    return v.check(d);
}

}  // namespace

TEST_CASE("ticket numbers as residents type them", "[queue][visit]") {
    const std::vector<std::pair<std::string, std::optional<std::string>>> cases{
        {"A012", "A012"}, {"a12", "A012"}, {" b7 ", "B007"}, {"A-012", "A012"}, {"c 1", "C001"},
        {"A", std::nullopt}, {"A0123", std::nullopt}, {"12", std::nullopt}, {"AB1", std::nullopt},
        {"A1x", std::nullopt}, {"", std::nullopt}, {"é12", std::nullopt},
    };
    for (const auto& [typed, expected] : cases) {
        INFO(typed);
        CHECK(normalize_ticket_number(typed) == expected);
    }
}

TEST_CASE("service tiles: open state, tickets left, people waiting", "[queue][visit]") {
    Office o;
    o.take("sktm");
    o.take("domisili");
    o.take("domisili");
    auto states = service_states(o.queue, o.clock.unix_seconds());
    REQUIRE(states.size() == 2);
    CHECK(states[0].service->id == "domisili");
    CHECK(states[0].open_now);
    CHECK(states[0].waiting == 2);
    CHECK(states[0].quota_left == 997);
    CHECK(states[1].quota_left == 2);  // quota 3
    CHECK(states[1].hours_today->size() == 1);
    // Saturday: closed all day.
    states = service_states(o.queue, kMonday0900Wib + 5 * 86400);
    CHECK_FALSE(states[0].open_now);
    CHECK(states[0].hours_today->empty());
    CHECK(states[0].waiting == 0);
}

TEST_CASE("taking a ticket: lane step, signed QR as the command line makes it", "[queue][visit]") {
    Office o;
    QueueVisit v;
    auto d = o.desk();
    v.choose_service(d, "domisili");  // has a priority lane: asked first
    CHECK(v.step == QueueStep::Lane);
    CHECK_FALSE(v.issued);
    v.take(d, Lane::Priority);
    REQUIRE(v.issued);
    CHECK(v.step == QueueStep::Ticket);
    CHECK(v.issued->ticket.number == "A001");
    CHECK(v.issued->ticket.lane == Lane::Priority);
    CHECK(v.issued->line.position == 1);
    // `desa-kiosk queue take --json` signs the same way (Ed25519 is deterministic): identical text.
    const auto keys = load_ticket_keys(o.dir.path());
    CHECK(v.issued->qr == ticket_qr_text(ticket_qr_of(v.issued->ticket, kVillage), keys.signing));
    CHECK(verify_ticket_qr(v.issued->qr, keys.verifying.front(), o.queue.today(), kVillage).verdict == QrVerdict::Valid);

    // A service without a priority lane gives its ticket at once.
    v.back_to_services();
    v.choose_service(d, "sktm");
    REQUIRE(v.issued);
    CHECK(v.issued->ticket.number == "S001");
    CHECK(v.has_input());
}

TEST_CASE("refusals: closed, quota reached, unknown service", "[queue][visit]") {
    Office o;
    QueueVisit v;
    o.at(test::kMonday0700Wib);  // 07:00: before opening
    auto d = o.desk();
    v.choose_service(d, "domisili");  // closed: refused at once, not after choosing a lane
    CHECK(v.step == QueueStep::Services);
    CHECK(v.refusal == Refusal::Closed);
    CHECK(v.refused_service == "domisili");
    CHECK_FALSE(v.issued);

    o.at(kMonday0900Wib);
    auto open = o.desk();
    for (int i = 0; i < 3; ++i) {
        v.back_to_services();
        v.choose_service(open, "sktm");
        REQUIRE(v.issued);
    }
    v.back_to_services();
    v.choose_service(open, "sktm");
    CHECK(v.refusal == Refusal::QuotaReached);
    CHECK_FALSE(v.issued);
    v.choose_service(open, "no-such");
    CHECK(v.refusal == Refusal::UnknownService);
    // A later success clears the refusal.
    v.choose_service(open, "domisili");
    v.take(open, Lane::Regular);
    CHECK_FALSE(v.refusal);
    CHECK(v.issued);
}

TEST_CASE("check my ticket by number: position, wait, called, refusals", "[queue][visit]") {
    Office o;
    o.take("domisili");
    o.take("domisili");
    QueueVisit v;
    check_text(o, v, "a2");
    REQUIRE(v.checked);
    CHECK(v.checked->ticket.number == "A002");
    REQUIRE(v.checked->line);
    CHECK(v.checked->line->position == 2);
    CHECK(v.checked->line->estimated_wait_s == 2 * kDefaultServiceSeconds / 2);  // two counters
    CHECK(v.code.text == "a2");  // what was typed stays

    o.queue.call_next(1);  // A001
    o.queue.call_next(2);  // A002
    check_text(o, v, "A002");
    REQUIRE(v.checked);
    CHECK(v.checked->ticket.state == TicketState::Called);
    CHECK(v.checked->ticket.counter == 2);

    check_text(o, v, "");
    CHECK(v.problem == CodeProblem::Empty);
    check_text(o, v, "halo");
    CHECK(v.problem == CodeProblem::BadNumber);
    CHECK(v.code.text == "halo");
    check_text(o, v, "A999");
    CHECK(v.problem == CodeProblem::NotFound);
    CHECK_FALSE(v.checked);
}

TEST_CASE("check my ticket by QR: valid, altered, forged, yesterday's, another village's", "[queue][visit]") {
    Office o;
    QueueVisit taker;
    auto d = o.desk();
    taker.choose_service(d, "sktm");
    REQUIRE(taker.issued);
    const std::string qr = taker.issued->qr;

    QueueVisit v;
    CHECK_FALSE(check_text(o, v, qr));  // a USB scanner types the whole text
    REQUIRE(v.checked);
    CHECK(v.checked->ticket.number == "S001");
    CHECK(v.checked->line->position == 1);

    std::string altered = qr;
    altered[altered.find(":S001:") + 4] = '2';  // S001 -> S002, signature kept
    o.take("sktm");                              // S002 exists: still refused
    check_text(o, v, altered);
    CHECK(v.problem == CodeProblem::Forged);
    CHECK_FALSE(v.checked);

    const auto stranger = sync::make_sign_key_pair();  // another kiosk claiming this office
    check_text(o, v, ticket_qr_text(ticket_qr_of(taker.issued->ticket, kVillage), stranger.secret_key));
    CHECK(v.problem == CodeProblem::Forged);

    const auto keys = load_ticket_keys(o.dir.path());
    check_text(o, v, ticket_qr_text(ticket_qr_of(taker.issued->ticket, "18.01.04.2002"), keys.signing));
    CHECK(v.problem == CodeProblem::OtherVillage);

    check_text(o, v, "DESA-ANTRI:2:" + std::string(kVillage) + ":whatever");  // a later format
    CHECK(v.problem == CodeProblem::NotQueueCode);
    check_text(o, v, "DESA-ANTRI:1:garbage");
    CHECK(v.problem == CodeProblem::Forged);

    // The next day the same genuine ticket is yesterday's.
    o.at(kMonday0900Wib + 86400);
    check_text(o, v, qr);
    CHECK(v.problem == CodeProblem::Expired);
    CHECK_FALSE(v.checked);
}

TEST_CASE("a genuine QR whose ticket the office no longer has is not found", "[queue][visit]") {
    Office o;
    const auto keys = load_ticket_keys(o.dir.path());
    Ticket ghost;
    ghost.service_day = 20251201;
    ghost.number = "A050";
    ghost.service_id = "domisili";
    ghost.issued_at = kMonday0900Wib - 60;
    QueueVisit v;
    check_text(o, v, ticket_qr_text(ticket_qr_of(ghost, kVillage), keys.signing));
    CHECK(v.problem == CodeProblem::NotFound);
}

TEST_CASE("appointment check-in: ahead of walk-ins within its window, once", "[queue][visit]") {
    Office o;
    o.take("domisili");
    o.take("domisili", Lane::Priority);
    const std::int64_t now = o.clock.unix_seconds();
    const std::string qr = o.appointment("JNJ-42", "domisili", now - 600, now + 1800);

    QueueVisit v;
    CHECK(check_text(o, v, qr));
    REQUIRE(v.issued);
    CHECK(v.appointment_checked_in);
    CHECK(v.step == QueueStep::Ticket);
    CHECK(v.issued->ticket.lane == Lane::Appointment);
    CHECK(v.issued->ticket.number == "A003");
    CHECK(v.issued->line.position == 1);  // before the priority lane and the walk-in
    CHECK(v.code.empty());
    const auto keys = load_ticket_keys(o.dir.path());
    CHECK(verify_ticket_qr(v.issued->qr, keys.verifying.front(), o.queue.today(), kVillage).verdict == QrVerdict::Valid);
    const auto called = o.queue.call_next(1);
    REQUIRE(called.ticket);
    CHECK(called.ticket->number == "A003");

    // Used twice: refused, the first ticket stands.
    QueueVisit again;
    CHECK_FALSE(check_text(o, again, qr));
    CHECK(again.problem == CodeProblem::AlreadyCheckedIn);
    CHECK_FALSE(again.issued);
}

TEST_CASE("appointment refusals: window, forged, altered, other village, not enrolled", "[queue][visit]") {
    Office o;
    const std::int64_t now = o.clock.unix_seconds();
    QueueVisit v;

    check_text(o, v, o.appointment("JNJ-1", "domisili", now + 3600, now + 5400));
    CHECK(v.problem == CodeProblem::TooEarly);
    REQUIRE(v.appointment);
    CHECK(v.appointment->valid_from == now + 3600);
    CHECK_FALSE(v.issued);

    check_text(o, v, o.appointment("JNJ-2", "domisili", now - 5400, now - 3600));
    CHECK(v.problem == CodeProblem::Expired);
    CHECK(v.appointment);

    const auto other = sync::make_sign_key_pair();
    check_text(o, v, appointment_qr_text(AppointmentQr{kVillage, "JNJ-3", "domisili", now - 60, now + 60}, other.secret_key));
    CHECK(v.problem == CodeProblem::Forged);

    std::string altered = o.appointment("JNJ-4", "domisili", now - 60, now + 60);
    altered.replace(altered.find("domisili"), 8, "sktm-xyz");  // another service, same signature
    check_text(o, v, altered);
    CHECK(v.problem == CodeProblem::Forged);

    check_text(o, v, o.appointment("JNJ-5", "domisili", now - 60, now + 60, "18.01.04.2002"));
    CHECK(v.problem == CodeProblem::OtherVillage);

    check_text(o, v, o.appointment("JNJ-6", "kebun", now - 60, now + 60));
    CHECK(v.problem == CodeProblem::UnknownService);

    o.enrolled = false;
    check_text(o, v, o.appointment("JNJ-7", "domisili", now - 60, now + 60));
    CHECK(v.problem == CodeProblem::CannotVerify);
    CHECK_FALSE(v.issued);
    CHECK(o.queue.tickets_of_day(o.queue.today()).empty());  // nothing was issued by any of them
}

TEST_CASE("the camera: ticket and appointment QR pictures, and pictures without one", "[queue][visit]") {
    Office o;
    QueueVisit taker;
    auto d = o.desk();
    taker.choose_service(d, "sktm");
    REQUIRE(taker.issued);
    const std::int64_t now = o.clock.unix_seconds();
    test::TempDir folder;
    test::write_barcode_png(folder / "01-ticket.png", ZXing::BarcodeFormat::QRCode, taker.issued->qr);
    test::write_blank_png(folder / "02-blank.png");
    test::write_barcode_png(folder / "03-isbn.png", ZXing::BarcodeFormat::EAN13, "9789799731234");
    test::write_barcode_png(folder / "04-appointment.png", ZXing::BarcodeFormat::QRCode,
                            o.appointment("JNJ-9", "domisili", now - 60, now + 600));
    auto camera = scan::folder_camera(folder.path());

    QueueVisit v;
    CHECK_FALSE(v.scan(d, nullptr));
    CHECK(v.scan_problem == ScanProblem::NoCamera);
    CHECK_FALSE(v.scan(d, &camera));
    REQUIRE(v.checked);
    CHECK(v.checked->ticket.number == "S001");
    CHECK(v.code.text == "S001");  // the number read, not the long QR text
    CHECK_FALSE(v.scan(d, &camera));
    CHECK(v.scan_problem == ScanProblem::NoCode);
    CHECK_FALSE(v.checked);
    CHECK_FALSE(v.scan(d, &camera));
    CHECK(v.problem == CodeProblem::NotQueueCode);
    CHECK(v.scan(d, &camera));  // the appointment checks in
    REQUIRE(v.issued);
    CHECK(v.issued->ticket.lane == Lane::Appointment);
    CHECK_FALSE(v.scan(d, &camera));
    CHECK(v.scan_problem == ScanProblem::NoPicture);
}

TEST_CASE("the queue visit is part of the resident's visit: fresh from Home, wiped when idle", "[queue][visit]") {
    Office o;
    session::KioskSession s({}, i18n::Language::Indonesian, Millis{0});
    s.open(session::Screen::Queue);
    auto d = o.desk();
    s.queue.choose_service(d, "sktm");
    REQUIRE(s.queue.issued);
    CHECK(s.has_visit_state());
    s.open(session::Screen::QueueCheck);
    s.back();  // back from checking: the ticket is still there
    CHECK(s.queue.issued);
    s.go_home();
    CHECK(s.queue.issued);  // until the next resident opens the queue...
    s.open(session::Screen::Queue);
    CHECK_FALSE(s.queue.issued);
    CHECK_FALSE(s.queue.has_input());
    s.queue.code.insert("A001");
    CHECK(s.has_visit_state());
    s.wipe();  // ... or the idle timeout ends the visit
    CHECK(s.queue.code.empty());
    CHECK(s.screen() == session::Screen::Home);
}
