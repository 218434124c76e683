#include "app/queue_screenshots.hpp"

#include <algorithm>
#include <chrono>

#include "queue/ticket_qr.hpp"

namespace desa::kiosk {
namespace {

constexpr const char* kNames[] = {"queue-closed",      "queue-lane",         "queue-ticket",
                                  "queue-ticket-paper-out", "queue-ticket-appointment", "queue-check-waiting",
                                  "queue-check-called", "queue-check-done",  "queue-check-forged",
                                  "queue-check-too-early"};

queue::Ticket sample_ticket(queue::Lane lane) {
    queue::Ticket t;
    t.id = 12;
    t.service_day = 20251201;
    t.number = lane == queue::Lane::Appointment ? "B004" : "A012";
    t.service_id = t.issued_service_id = lane == queue::Lane::Appointment ? "pengantar-ktp-kk" : "domisili";
    t.lane = lane;
    t.issued_at = kQueueScreenshotTime - 300;
    return t;
}

// A QR of the real form, signed by a throwaway key (a screenshot must not create the kiosk's key).
std::string sample_qr(const queue::Ticket& t) {
    const auto key = sync::make_sign_key_pair();
    return queue::ticket_qr_text(queue::ticket_qr_of(t, "18.01.04.2001"), key.secret_key);
}

}  // namespace

std::vector<std::string> queue_screenshot_names() { return {std::begin(kNames), std::end(kNames)}; }

bool prepare_queue_screenshot(std::string_view name, session::KioskSession& session, ManualClock& clock) {
    const bool check = name == "queue-check" || name.starts_with("queue-check-");
    if (name != "queue" && !check && std::find(std::begin(kNames), std::end(kNames), name) == std::end(kNames))
        return false;
    // The wall clock at office hours (the idle timers run on the monotonic part).
    if (name != "queue-closed") clock.wall_seconds = kQueueScreenshotTime - clock.now.count() / 1000;
    session.open(session::Screen::Queue);
    auto& v = session.queue;
    if (name == "queue-closed") {
        v.service_id = v.refused_service = "domisili";
        v.refusal = queue::Refusal::Closed;
    } else if (name == "queue-lane") {
        v.service_id = "domisili";
        v.step = queue::QueueStep::Lane;
    } else if (name.starts_with("queue-ticket")) {
        const bool appointment = name == "queue-ticket-appointment";
        const auto t = sample_ticket(appointment ? queue::Lane::Appointment : queue::Lane::Regular);
        v.service_id = t.service_id;
        v.issued = queue::IssuedTicket{t, {3, 15 * 60}, sample_qr(t)};
        v.step = queue::QueueStep::Ticket;
        v.appointment_checked_in = appointment;
        v.print_tried = true;
        v.printed = name == "queue-ticket";
        if (name == "queue-ticket-paper-out") v.print_problem = print::PrinterProblem::PaperOut;
    }
    if (!check) return true;
    session.open(session::Screen::QueueCheck);
    auto t = sample_ticket(queue::Lane::Regular);
    if (name == "queue-check-waiting") {
        v.code.insert("A012");
        v.checked = queue::TicketStatus{t, queue::LinePosition{3, 15 * 60}};
    } else if (name == "queue-check-called") {
        v.code.insert("A012");
        t.state = queue::TicketState::Called;
        t.counter = 2;
        v.checked = queue::TicketStatus{t, queue::LinePosition{0, 0}};
    } else if (name == "queue-check-done") {
        v.code.insert("A012");
        t.state = queue::TicketState::Done;
        t.counter = 1;
        v.checked = queue::TicketStatus{t, std::nullopt};
    } else if (name == "queue-check-forged") {
        v.problem = queue::CodeProblem::Forged;
    } else if (name == "queue-check-too-early") {
        v.problem = queue::CodeProblem::TooEarly;
        v.appointment = queue::AppointmentQr{"18.01.04.2001", "JNJ-42", "sktm", kQueueScreenshotTime + 3600,
                                             kQueueScreenshotTime + 5400};
    }
    return true;
}

}  // namespace desa::kiosk
