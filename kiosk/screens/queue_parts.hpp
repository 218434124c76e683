#pragma once
// Pieces the queue screens share (Queue: services, lane, ticket; QueueCheck: check a ticket, check
// in an appointment): the queue desk on the screen's clock, every translated message, the large
// ticket number, printing the issued ticket. The rules are in shared/queue/queue_visit.
#include <optional>
#include <string>

#include "aspirations/evaluation.hpp"
#include "queue/queue_visit.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {

// The office queue as this frame sees it: the kiosk's database, config, keys and clock.
class ScreenDesk {
public:
    explicit ScreenDesk(ScreenContext& ctx);
    queue::QueueDesk& desk() { return desk_; }
    queue::TicketQueue& queue() { return queue_; }

private:
    struct FrameClock final : Clock {
        Millis mono{0};
        std::int64_t wall = 0;
        Millis monotonic() const override { return mono; }
        std::int64_t unix_seconds() const override { return wall; }
    };
    FrameClock clock_;
    queue::TicketQueue queue_;
    queue::QueueDesk desk_;
};

std::string service_name(const Ui& ui, const queue::Service& service);
std::string service_name(const Ui& ui, const KioskContext& kiosk, std::string_view service_id);
// "08:00–12:00, 13:00–15:30"; "tutup" for none.
std::string hours_text(const Ui& ui, const std::vector<queue::TimeRange>& hours);
// "Urutan ke-3 · sekitar 15 menit" (position 1: "Anda berikutnya").
std::string line_text(const Ui& ui, const queue::LinePosition& line);
std::string refusal_text(const Ui& ui, const KioskContext& kiosk, queue::Refusal refusal,
                         std::string_view service_id, std::int64_t now);
std::string code_problem_text(const Ui& ui, const KioskContext& kiosk, const queue::QueueVisit& visit);
std::string scan_problem_text(const Ui& ui, queue::ScanProblem problem);
std::string print_problem_text(const Ui& ui, print::PrinterProblem problem);
std::string lane_text(const Ui& ui, queue::Lane lane);  // empty for walk-ins

// The evaluation's service for a queue service, preselected after a ticket was served (the
// resident can change it): from the service's id and names, "surat_keterangan" when unsure.
aspirations::Service evaluation_service_for(const queue::Service& service);

// Text far larger than the heading font (the ticket number), centred in a box of `height`, recorded
// like every shown text.
void big_text(Ui& ui, std::string_view text, float height, float width, ImU32 colour);

// Prints the visit's issued ticket when a printer is configured, noting the outcome in the visit.
void print_issued_ticket(ScreenContext& ctx);

// The ticket step of the Queue screen (queue_ticket_screen.cpp).
void draw_queue_ticket(ScreenContext& ctx);

}  // namespace desa::kiosk
