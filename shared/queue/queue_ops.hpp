#pragma once
// What the office's operator sees on the kiosk (Screen::QueueOps, behind the admin PIN): per
// service today and over the last 7 days (today included) tickets issued, served, no-shows,
// average wait and service time and the peak hour (queue_stats day_stats), the number waiting
// now, and whether the ticket printer needs attention.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/queue_config.hpp"
#include "queue/queue_stats.hpp"
#include "storage/database.hpp"

namespace desa::queue {

inline constexpr int kOpsWeekDays = 7;

struct OpsFigures {
    int issued = 0, served = 0, no_shows = 0;
    std::optional<std::int64_t> average_wait_s, average_service_s;
    std::optional<int> peak_hour;
};

struct ServiceOps {
    std::string service_id;
    const Service* service = nullptr;  // null: a service no longer offered (tickets of past days)
    OpsFigures today, week;
    int waiting_now = 0;
};

struct OpsReport {
    LocalDate today;
    std::vector<ServiceOps> services;  // the office's services in config order, then others by id
};

// Sums several days' stats of one service: counts added, averages weighted by their samples,
// the peak over the summed hours.
OpsFigures combine(const std::vector<ServiceDayStats>& days);

OpsReport ops_report(storage::Database& db, const QueueConfig& config, std::int64_t now);

// The ticket printer as the operator should know it, from the config and the last print's fault
// (sync_state "printer_problem", print::printer_problem_name()).
enum class PrinterState { NotConfigured, Ok, Absent, Offline, PaperOut, Fault };
std::string_view printer_state_name(PrinterState);  // "not_configured", "ok", "absent", ...
PrinterState printer_state(bool configured, const std::optional<std::string>& last_problem);
inline bool needs_attention(PrinterState s) {
    return s == PrinterState::Absent || s == PrinterState::Offline || s == PrinterState::PaperOut ||
           s == PrinterState::Fault;
}

}  // namespace desa::queue
