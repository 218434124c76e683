#pragma once
// One resident's way through the queue at the kiosk: pick a service (and the priority lane where
// it has one) and get a ticket with its signed QR; check a ticket (its QR shown to the camera, or
// its number typed) for position and wait; check in with an appointment QR signed by the province.
// Part of the visit (session::KioskSession): the idle wipe resets it. The screens only draw it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "print/printer_output.hpp"
#include "queue/ticket_qr.hpp"
#include "queue/ticket_queue.hpp"
#include "session/text_field.hpp"
#include "sync/protocol.hpp"

namespace desa::scan {
struct Camera;
}

namespace desa::queue {

// What the visit acts with: the office's queue (on the kiosk's clock), where the ticket signing key
// lives, the village, and the province's sign key pinned at enrolment (appointments).
struct QueueDesk {
    TicketQueue& queue;
    std::int64_t now = 0;  // the queue's clock, for appointment windows
    std::filesystem::path data_dir;
    std::string village_code;
    std::optional<sync::SignPublicKey> province_key;
};

// A service as the resident's tile shows it now.
struct ServiceState {
    const Service* service = nullptr;
    bool open_now = false;
    const std::vector<TimeRange>* hours_today = nullptr;  // empty: closed today
    int quota_left = 0;                                    // walk-in tickets still to be had today
    int waiting = 0;
};
std::vector<ServiceState> service_states(TicketQueue& queue, std::int64_t now);

struct IssuedTicket {
    Ticket ticket;
    LinePosition line;  // at issue
    std::string qr;     // exactly what `desa-kiosk queue take --json` prints as "qr" for it
};

// Why a typed or scanned code gave no answer; each has its own message for the resident.
enum class CodeProblem {
    Empty,             // nothing typed
    BadNumber,         // neither a ticket number (A012, a12, A-12) nor a queue QR text
    NotFound,          // a ticket number (or a genuine QR) with no ticket today at this office
    Forged,            // a queue QR whose signature or fields are wrong: made up or altered
    Expired,           // a ticket of another day; an appointment whose time has passed
    TooEarly,          // an appointment before its time
    OtherVillage,      // genuine, but for another village's office
    CannotVerify,      // an appointment on a kiosk without the province key (not enrolled)
    AlreadyCheckedIn,  // this appointment has its ticket already
    UnknownService,    // a genuine appointment for a service this office does not offer
    NotQueueCode,      // the camera read a code, but not a ticket or appointment
    Refused,           // the queue refused the check-in (clock not set, ...): see `check_refusal`
};
std::string_view code_problem_name(CodeProblem);  // "empty", "bad_number", ...

enum class ScanProblem { NoCamera, NoPicture, NoCode };

// A ticket looked up: its state now and, while waiting, where it stands.
struct TicketStatus {
    Ticket ticket;
    std::optional<LinePosition> line;
};

enum class QueueStep { Services, Lane, Ticket };

// "A12", "a-012", " b7 " -> "A012", "B007"; nullopt unless a letter then 1..3 digits.
std::optional<std::string> normalize_ticket_number(std::string_view typed);

struct QueueVisit {
    // Taking a ticket (Screen::Queue).
    QueueStep step = QueueStep::Services;
    std::string service_id;          // the service chosen
    std::optional<Refusal> refusal;  // the last attempt was refused: why
    std::string refused_service;
    std::optional<IssuedTicket> issued;
    bool appointment_checked_in = false;  // `issued` came from an appointment QR
    // Printing the issued ticket: tried once on its own, again on request.
    bool print_tried = false;
    bool printed = false;
    std::optional<print::PrinterProblem> print_problem;

    // Checking a ticket or an appointment (Screen::QueueCheck). Room for a whole QR text typed by
    // a USB scanner.
    session::TextField code{session::FieldKind::Text, 400, {}};
    std::optional<TicketStatus> checked;
    std::optional<CodeProblem> problem;
    std::optional<AppointmentQr> appointment;  // with appointment problems: what it says
    std::optional<Refusal> check_refusal;      // with CodeProblem::Refused (unset: no signing key)
    std::optional<ScanProblem> scan_problem;

    // Services step: a service with a priority lane asks for the lane next; any other takes a
    // regular ticket at once (or stays with the refusal).
    void choose_service(QueueDesk& desk, std::string_view service_id);
    // Takes the ticket for the chosen service; on success the ticket step shows it.
    void take(QueueDesk& desk, Lane lane);
    void back_to_services();  // a fresh start of the taking side; the check side is kept

    // What `code` holds: a ticket number, or a whole ticket or appointment QR text. An
    // appointment checked in becomes `issued` (step Ticket) and the call returns true: the kiosk
    // shows the ticket. The typed text stays in the field whatever the outcome.
    bool check(QueueDesk& desk);
    // The camera's next picture: the first ticket or appointment QR in it is put in the field and
    // checked, as check() does. Returns check()'s answer; false with scan_problem set otherwise.
    bool scan(QueueDesk& desk, scan::Camera* camera);

    void clear_check();
    // Anything a resident chose or typed that the idle wipe must clear.
    bool has_input() const;

private:
    bool check_text(QueueDesk& desk, std::string_view text);
    void check_ticket_qr(QueueDesk& desk, std::string_view text);
    bool check_in_appointment(QueueDesk& desk, std::string_view text);
    void issue(const Ticket& ticket, const LinePosition& line, std::string qr);
};

}  // namespace desa::queue
