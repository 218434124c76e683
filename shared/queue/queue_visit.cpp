#include "queue/queue_visit.hpp"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>

#include "queue/kiosk_key.hpp"
#include "scan/barcode_scan.hpp"
#include "scan/camera.hpp"

namespace desa::queue {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The kiosk's ticket key, or nullopt (logged) when its file is damaged: no ticket is then issued,
// since one without a QR could never be checked.
std::optional<TicketKeys> ticket_keys(const std::filesystem::path& data_dir) {
    try {
        return load_ticket_keys(data_dir);
    } catch (const std::exception& e) {
        spdlog::error("queue: no ticket signing key: {}", e.what());
        return std::nullopt;
    }
}

}  // namespace

std::string_view code_problem_name(CodeProblem p) {
    switch (p) {
        case CodeProblem::Empty: return "empty";
        case CodeProblem::BadNumber: return "bad_number";
        case CodeProblem::NotFound: return "not_found";
        case CodeProblem::Forged: return "forged";
        case CodeProblem::Expired: return "expired";
        case CodeProblem::TooEarly: return "too_early";
        case CodeProblem::OtherVillage: return "other_village";
        case CodeProblem::CannotVerify: return "cannot_verify";
        case CodeProblem::AlreadyCheckedIn: return "already_checked_in";
        case CodeProblem::UnknownService: return "unknown_service";
        case CodeProblem::NotQueueCode: return "not_queue_code";
        case CodeProblem::Refused: return "refused";
    }
    return "refused";
}

std::vector<ServiceState> service_states(TicketQueue& queue, std::int64_t now) {
    const QueueConfig& config = queue.config();
    const LocalMoment at = local_moment(now, config.utc_offset_s);
    // One read of the day's tickets for every tile.
    std::map<std::string, int, std::less<>> walk_ins, waiting;
    std::map<char, int> numbers_used;
    for (const Ticket& t : queue.tickets_of_day(at.date)) {
        if (t.lane != Lane::Appointment) ++walk_ins[t.issued_service_id];
        if (t.state == TicketState::Waiting) ++waiting[t.service_id];
        if (!t.number.empty()) ++numbers_used[t.number.front()];
    }
    std::vector<ServiceState> out;
    for (const Service& s : config.services) {
        if (s.withdrawn) continue;  // its waiting tickets are still called; no new ones
        ServiceState st;
        st.service = &s;
        st.hours_today = &s.hours[static_cast<std::size_t>(at.weekday)];
        st.open_now = is_open(s, at.weekday, at.minute_of_day);
        const auto used = walk_ins.find(s.id);
        const auto in_line = waiting.find(s.id);
        st.quota_left = std::max(0, std::min(s.daily_quota - (used == walk_ins.end() ? 0 : used->second),
                                             kMaxTicketsPerDay - numbers_used[s.prefix]));
        st.waiting = in_line == waiting.end() ? 0 : in_line->second;
        out.push_back(st);
    }
    return out;
}

std::optional<std::string> normalize_ticket_number(std::string_view typed) {
    std::string s;
    for (char c : trimmed(typed)) {
        if (c == '-' || c == ' ') continue;
        s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    if (s.size() < 2 || s.size() > 4 || s[0] < 'A' || s[0] > 'Z') return std::nullopt;
    if (!std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return s.substr(0, 1) + std::string(4 - s.size(), '0') + s.substr(1);
}

void QueueVisit::choose_service(QueueDesk& desk, std::string_view id) {
    service_id = std::string(id);
    refusal.reset();
    const Service* s = find_service(desk.queue.config().services, id);
    if (s != nullptr && s->priority_lane) {
        // Asking for the lane only makes sense when a ticket can be had: a closed service says so
        // at once rather than after the resident has chosen a lane.
        const LocalMoment at = local_moment(desk.now, desk.queue.config().utc_offset_s);
        if (is_open(*s, at.weekday, at.minute_of_day)) {
            step = QueueStep::Lane;
            return;
        }
    }
    take(desk, Lane::Regular);
}

void QueueVisit::take(QueueDesk& desk, Lane lane) {
    refusal.reset();
    refused_service = service_id;
    const auto keys = ticket_keys(desk.data_dir);
    if (!keys) {
        refusal = Refusal::NotAllowed;
        step = QueueStep::Services;
        return;
    }
    const TakeResult result = desk.queue.take(service_id, lane);
    if (!result.ticket) {
        refusal = result.refusal.value_or(Refusal::UnknownService);
        step = QueueStep::Services;
        return;
    }
    issue(*result.ticket, result.line, ticket_qr_text(ticket_qr_of(*result.ticket, desk.village_code), keys->signing));
    appointment_checked_in = false;
}

void QueueVisit::issue(const Ticket& ticket, const LinePosition& line, std::string qr) {
    issued = IssuedTicket{ticket, line, std::move(qr)};
    step = QueueStep::Ticket;
    refusal.reset();
    print_tried = printed = false;
    print_problem.reset();
}

void QueueVisit::back_to_services() {
    step = QueueStep::Services;
    service_id.clear();
    refusal.reset();
    refused_service.clear();
    issued.reset();
    appointment_checked_in = false;
    print_tried = printed = false;
    print_problem.reset();
}

void QueueVisit::clear_check() {
    code.clear();
    checked.reset();
    problem.reset();
    appointment.reset();
    check_refusal.reset();
    scan_problem.reset();
}

bool QueueVisit::check(QueueDesk& desk) {
    scan_problem.reset();
    const std::string text = code.text;  // check_text may clear the field
    return check_text(desk, text);
}

bool QueueVisit::check_text(QueueDesk& desk, std::string_view text) {
    checked.reset();
    problem.reset();
    appointment.reset();
    check_refusal.reset();
    text = trimmed(text);
    if (text.empty()) {
        problem = CodeProblem::Empty;
        return false;
    }
    if (text.starts_with(kAppointmentQrPrefix)) return check_in_appointment(desk, text);
    if (text.starts_with(kTicketQrPrefix)) {
        check_ticket_qr(desk, text);
        return false;
    }
    const auto number = normalize_ticket_number(text);
    if (!number) {
        problem = CodeProblem::BadNumber;
        return false;
    }
    const auto ticket = desk.queue.find_number(desk.queue.today(), *number);
    if (!ticket) {
        problem = CodeProblem::NotFound;
        return false;
    }
    checked = TicketStatus{*ticket, desk.queue.position(*ticket)};
    return false;
}

void QueueVisit::check_ticket_qr(QueueDesk& desk, std::string_view text) {
    const auto keys = ticket_verify_keys(desk.data_dir);
    if (keys.empty()) {  // this kiosk never issued a ticket: whatever it is, it is not ours
        problem = CodeProblem::NotFound;
        return;
    }
    TicketQrCheck result{QrVerdict::Forged, std::nullopt};
    for (const auto& key : keys) {
        auto c = verify_ticket_qr(text, key, desk.queue.today(), desk.village_code);
        if (c.verdict == QrVerdict::Forged) continue;
        result = std::move(c);
        break;
    }
    switch (result.verdict) {
        case QrVerdict::Valid: break;
        case QrVerdict::Expired: problem = CodeProblem::Expired; return;
        case QrVerdict::OtherVillage: problem = CodeProblem::OtherVillage; return;
        case QrVerdict::Unknown: problem = CodeProblem::NotQueueCode; return;
        case QrVerdict::TooEarly:  // tickets have no window
        case QrVerdict::Forged: problem = CodeProblem::Forged; return;
    }
    const TicketQr& qr = *result.ticket;
    const auto ticket = desk.queue.find_number(qr.day, qr.number);
    // Genuine, but the office's record differs (its database was replaced): not this ticket.
    if (!ticket || ticket->issued_service_id != qr.service_id || ticket->issued_at != qr.issued_at) {
        problem = CodeProblem::NotFound;
        return;
    }
    checked = TicketStatus{*ticket, desk.queue.position(*ticket)};
}

bool QueueVisit::check_in_appointment(QueueDesk& desk, std::string_view text) {
    if (!desk.province_key) {
        problem = CodeProblem::CannotVerify;
        return false;
    }
    auto c = verify_appointment_qr(text, *desk.province_key, desk.now, desk.village_code);
    appointment = c.appointment;
    switch (c.verdict) {
        case QrVerdict::Valid: break;
        case QrVerdict::Expired: problem = CodeProblem::Expired; return false;
        case QrVerdict::TooEarly: problem = CodeProblem::TooEarly; return false;
        case QrVerdict::OtherVillage: problem = CodeProblem::OtherVillage; return false;
        case QrVerdict::Unknown: problem = CodeProblem::NotQueueCode; return false;
        case QrVerdict::Forged: problem = CodeProblem::Forged; return false;
    }
    const auto keys = ticket_keys(desk.data_dir);
    if (!keys) {
        problem = CodeProblem::Refused;
        return false;
    }
    const TakeResult result = desk.queue.check_in(c.appointment->service_id, c.appointment->appointment_id);
    if (!result.ticket) {
        const Refusal r = result.refusal.value_or(Refusal::NotAllowed);
        if (r == Refusal::AlreadyCheckedIn) problem = CodeProblem::AlreadyCheckedIn;
        else if (r == Refusal::UnknownService) problem = CodeProblem::UnknownService;
        else {
            problem = CodeProblem::Refused;
            check_refusal = r;
        }
        return false;
    }
    service_id = result.ticket->service_id;
    issue(*result.ticket, result.line, ticket_qr_text(ticket_qr_of(*result.ticket, desk.village_code), keys->signing));
    appointment_checked_in = true;
    code.clear();  // the next resident's check starts empty
    appointment.reset();
    return true;
}

bool QueueVisit::scan(QueueDesk& desk, scan::Camera* camera) {
    checked.reset();
    problem.reset();
    appointment.reset();
    check_refusal.reset();
    scan_problem.reset();
    if (camera == nullptr) {
        scan_problem = ScanProblem::NoCamera;
        return false;
    }
    const auto frame = camera->next_frame();
    if (!frame) {
        scan_problem = ScanProblem::NoPicture;
        return false;
    }
    const auto codes = scan::read_codes(*frame);
    if (codes.empty()) {
        scan_problem = ScanProblem::NoCode;
        return false;
    }
    for (const auto& c : codes) {
        if (c.kind != scan::CodeKind::Ticket && c.kind != scan::CodeKind::Appointment) continue;
        code.clear();
        const bool checked_in = check_text(desk, c.text);
        // The field shows the number read when the code is sound; a long QR text stays out of it.
        if (checked) code.insert(checked->ticket.number);
        return checked_in;
    }
    problem = CodeProblem::NotQueueCode;
    return false;
}

bool QueueVisit::has_input() const {
    return step != QueueStep::Services || !service_id.empty() || refusal.has_value() || issued.has_value() ||
           !code.empty() || checked.has_value() || problem.has_value() || scan_problem.has_value();
}

}  // namespace desa::queue
