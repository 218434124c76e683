#include "screens/queue_parts.hpp"

#include <algorithm>
#include <set>

#include "app/ticket_printer.hpp"
#include "print/ticket.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {
namespace {

std::optional<sync::SignPublicKey> province_key(storage::Database& db) {
    try {
        if (const auto identity = sync::load_identity(db)) return identity->province_sign_key;
    } catch (const std::exception&) {
        // Unreadable enrolment: appointments cannot be verified, said as such.
    }
    return std::nullopt;
}

std::string clock_text(int minute) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
    return text;
}

// Lower-case words of the service's id and Indonesian name.
std::set<std::string> words_of(const queue::Service& s) {
    std::set<std::string> words;
    std::string word;
    for (char c : s.id + " " + s.name_id + " ") {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) word.push_back(c);
        else if (c >= 'A' && c <= 'Z') word.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (!word.empty()) {
            words.insert(word);
            word.clear();
        }
    }
    return words;
}

}  // namespace

ScreenDesk::ScreenDesk(ScreenContext& ctx)
    : queue_(ctx.kiosk.db, ctx.kiosk.config.queue, clock_),
      desk_{queue_, ctx.unix_now, ctx.kiosk.data_dir, ctx.kiosk.config.village_code, province_key(ctx.kiosk.db)} {
    clock_.mono = ctx.now;
    clock_.wall = ctx.unix_now;
}

std::string service_name(const Ui& ui, const queue::Service& service) { return service_label(service, ui.lang); }

std::string service_name(const Ui& ui, const KioskContext& kiosk, std::string_view service_id) {
    const auto* s = queue::find_service(kiosk.config.queue.services, service_id);
    return s != nullptr ? service_name(ui, *s) : std::string(service_id);
}

std::string hours_text(const Ui& ui, const std::vector<queue::TimeRange>& hours) {
    if (hours.empty()) return ui.tr("queue.hours.closed");
    std::string out;
    for (const auto& r : hours)
        out += (out.empty() ? "" : ", ") + clock_text(r.from_minute) + "–" + clock_text(r.until_minute);
    return out;
}

std::string line_text(const Ui& ui, const queue::LinePosition& line) {
    const std::string minutes = std::to_string(print::wait_minutes(line.estimated_wait_s));
    if (line.position <= 1) return ui.trf("queue.line.next", {{"minutes", minutes}});
    return ui.trf("queue.line.position", {{"position", std::to_string(line.position)}, {"minutes", minutes}});
}

std::string refusal_text(const Ui& ui, const KioskContext& kiosk, queue::Refusal refusal, std::string_view service_id,
                         std::int64_t now) {
    const auto* s = queue::find_service(kiosk.config.queue.services, service_id);
    const std::string name = s != nullptr ? service_name(ui, *s) : std::string(service_id);
    const auto at = queue::local_moment(now, kiosk.config.queue.utc_offset_s);
    switch (refusal) {
        case queue::Refusal::UnknownService: return ui.tr("queue.refusal.unknown_service");
        case queue::Refusal::Closed: {
            const auto& today = s != nullptr ? s->hours[static_cast<std::size_t>(at.weekday)]
                                             : std::vector<queue::TimeRange>{};
            if (today.empty()) return ui.trf("queue.refusal.closed_today", {{"service", name}});
            return ui.trf("queue.refusal.closed", {{"service", name}, {"hours", hours_text(ui, today)}});
        }
        case queue::Refusal::QuotaReached: return ui.trf("queue.refusal.quota", {{"service", name}});
        case queue::Refusal::NoPriorityLane: return ui.trf("queue.refusal.no_priority", {{"service", name}});
        case queue::Refusal::ClockNotPlausible: return ui.tr("queue.refusal.clock");
        default: return ui.tr("queue.refusal.other");
    }
}

std::string code_problem_text(const Ui& ui, const KioskContext& kiosk, const queue::QueueVisit& v) {
    using queue::CodeProblem;
    const int offset = kiosk.config.queue.utc_offset_s;
    const auto window = [&] {
        if (!v.appointment) return std::string();
        return print::office_time_text(v.appointment->valid_from, offset) + " – " +
               print::office_time_text(v.appointment->valid_until, offset);
    };
    switch (*v.problem) {
        case CodeProblem::Empty: return ui.tr("queue.check.problem.empty");
        case CodeProblem::BadNumber: return ui.tr("queue.check.problem.bad_number");
        case CodeProblem::NotFound: return ui.tr("queue.check.problem.not_found");
        case CodeProblem::Forged: return ui.tr("queue.check.problem.forged");
        case CodeProblem::Expired:
            if (v.appointment) return ui.trf("queue.check.problem.appointment_expired", {{"window", window()}});
            return ui.tr("queue.check.problem.expired");
        case CodeProblem::TooEarly: return ui.trf("queue.check.problem.too_early", {{"window", window()}});
        case CodeProblem::OtherVillage: return ui.tr("queue.check.problem.other_village");
        case CodeProblem::CannotVerify: return ui.tr("queue.check.problem.cannot_verify");
        case CodeProblem::AlreadyCheckedIn: return ui.tr("queue.check.problem.already_checked_in");
        case CodeProblem::UnknownService: return ui.tr("queue.check.problem.unknown_service");
        case CodeProblem::NotQueueCode: return ui.tr("queue.check.problem.not_queue_code");
        case CodeProblem::Refused:
            if (v.check_refusal)
                return refusal_text(ui, kiosk, *v.check_refusal, v.appointment ? v.appointment->service_id : "", 0);
            return ui.tr("queue.refusal.other");
    }
    return ui.tr("queue.refusal.other");
}

std::string scan_problem_text(const Ui& ui, queue::ScanProblem problem) {
    switch (problem) {
        case queue::ScanProblem::NoCamera: return ui.tr("queue.scan.no_camera");
        case queue::ScanProblem::NoPicture: return ui.tr("queue.scan.no_picture");
        case queue::ScanProblem::NoCode: return ui.tr("queue.scan.no_code");
    }
    return ui.tr("queue.scan.no_code");
}

std::string print_problem_text(const Ui& ui, print::PrinterProblem problem) {
    return ui.tr("queue.print.problem." + std::string(print::printer_problem_name(problem)));
}

std::string lane_text(const Ui& ui, queue::Lane lane) {
    if (lane == queue::Lane::Priority) return ui.tr("queue.lane.priority");
    if (lane == queue::Lane::Appointment) return ui.tr("queue.lane.appointment");
    return {};
}

aspirations::Service evaluation_service_for(const queue::Service& service) {
    const auto words = words_of(service);
    const auto any = [&](std::initializer_list<const char*> list) {
        return std::any_of(list.begin(), list.end(), [&](const char* w) { return words.count(w) > 0; });
    };
    if (any({"ktp", "kk", "akta", "kependudukan", "pindah", "nik", "kia", "dukcapil"}))
        return aspirations::Service::Population;
    if (any({"posyandu", "kesehatan", "bpjs", "puskesmas", "imunisasi"})) return aspirations::Service::Health;
    if (any({"perpustakaan", "perpus", "buku"})) return aspirations::Service::Library;
    if (any({"surat", "keterangan", "sktm", "domisili", "usaha", "sku", "skck", "pengantar"}))
        return aspirations::Service::Letters;
    if (any({"konsultasi", "pengaduan", "lainnya"})) return aspirations::Service::Other;
    return aspirations::Service::Letters;  // most of a village office's counter work
}

void big_text(Ui& ui, std::string_view text, float height, float width, ImU32 colour) {
    ImFont* font = ui.fonts.heading;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    // As large as the box allows, from the heading font (scaled: FreeType renders once).
    float size = height * 0.9f;
    const ImVec2 at_size = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    if (at_size.x > width) size *= width / at_size.x;
    const ImVec2 measured = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    const ImVec2 pos(top.x + (width - measured.x) * 0.5f, top.y + (height - measured.y) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(font, size, pos, colour, text.data(), text.data() + text.size());
    ui.log.texts.push_back({std::string(text), ImGui::IsItemVisible()});
}

void print_issued_ticket(ScreenContext& ctx) {
    auto& v = ctx.session.queue;
    if (!v.issued || ctx.kiosk.config.printer.empty()) return;
    v.print_tried = true;
    const auto outcome = print_ticket(ctx.kiosk, *v.issued, ctx.ui.lang, ctx.unix_now);
    v.printed = outcome.ok();
    v.print_problem = outcome.problem;
}

}  // namespace desa::kiosk
