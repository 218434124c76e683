#pragma once
// The queue of the village office in kiosk.db: take a ticket, call the next one at a counter, and
// move a ticket through its states (queue/ticket.hpp). Every change is one BEGIN IMMEDIATE
// transaction, so counters on other threads or processes (each with its own connection) never
// call the same ticket twice. One TicketQueue per connection; it is not shared between threads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "queue/queue_config.hpp"
#include "queue/ticket.hpp"
#include "storage/database.hpp"

namespace desa::queue {

// Without enough history a service is assumed to take this long per resident.
inline constexpr std::int64_t kDefaultServiceSeconds = 5 * 60;
inline constexpr int kServiceSamples = 20;    // the recent finished tickets the estimate looks at
inline constexpr int kMinServiceSamples = 3;  // fewer than this: kDefaultServiceSeconds

struct LinePosition {
    int position = 0;  // 1 = next to be called; 0 = already called or being served
    std::int64_t estimated_wait_s = 0;
};

struct TakeResult {
    std::optional<Ticket> ticket;
    std::optional<Refusal> refusal;
    LinePosition line;  // with a ticket
};

// Neither a ticket nor a refusal from call_next: nobody is waiting for this counter.
struct ActionResult {
    std::optional<Ticket> ticket;
    std::optional<Refusal> refusal;
};

class TicketQueue {
public:
    TicketQueue(storage::Database& db, QueueConfig config, const Clock& clock);

    // A walk-in ticket: refused for an unknown service, outside opening hours, once the daily quota
    // is reached, for the priority lane where the service has none, and with an implausible clock.
    TakeResult take(std::string_view service_id, Lane lane = Lane::Regular);
    // An appointment checked in (its QR already verified): ahead of walk-ins, outside the walk-in
    // quota and hours (the hub booked the slot), once per appointment id.
    TakeResult check_in(std::string_view service_id, std::string_view appointment_id);

    // The first waiting ticket of today among the services this counter serves: appointments,
    // then the priority lane, then by ticket time.
    ActionResult call_next(int counter);
    ActionResult recall(std::int64_t ticket_id, int counter);
    ActionResult start_serving(std::int64_t ticket_id, int counter);
    ActionResult finish(std::int64_t ticket_id, int counter);
    ActionResult no_show(std::int64_t ticket_id, int counter);
    // By a counter, or by the resident at the kiosk (no counter).
    ActionResult cancel(std::int64_t ticket_id, std::optional<int> counter);
    // Back to waiting in `to_service`, keeping the ticket's number and original time.
    ActionResult transfer(std::int64_t ticket_id, std::string_view to_service, int counter);

    std::optional<Ticket> find(std::int64_t ticket_id);
    std::optional<Ticket> find_number(LocalDate day, std::string_view number);
    // Where a ticket stands now; nullopt unless it is today's and waiting, called or serving.
    std::optional<LinePosition> position(const Ticket&);
    // Median duration of the last kServiceSamples finished tickets of the service.
    std::int64_t typical_service_seconds(std::string_view service_id);
    int waiting_count(std::string_view service_id);
    std::vector<Ticket> tickets_of_day(LocalDate day);

    LocalDate today() const;
    const QueueConfig& config() const { return config_; }

private:
    TakeResult issue(const Service& service, Lane lane, std::string_view appointment_id, std::int64_t now);
    ActionResult act(std::int64_t ticket_id, TicketAction action, std::optional<int> counter,
                     const Service* to_service = nullptr);
    LinePosition line_of(const Ticket&);

    storage::Database& db_;
    QueueConfig config_;
    const Clock& clock_;
};

}  // namespace desa::queue
