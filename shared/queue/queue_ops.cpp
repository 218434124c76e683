#include "queue/queue_ops.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace desa::queue {

OpsFigures combine(const std::vector<ServiceDayStats>& days) {
    OpsFigures f;
    std::int64_t wait_total = 0, wait_n = 0, service_total = 0, service_n = 0;
    std::array<int, 24> hours{};
    for (const auto& d : days) {
        f.issued += d.issued;
        f.served += d.served;
        f.no_shows += d.no_shows;
        if (d.average_wait_s && d.wait_samples > 0) {
            wait_total += *d.average_wait_s * d.wait_samples;
            wait_n += d.wait_samples;
        }
        if (d.average_service_s && d.service_samples > 0) {
            service_total += *d.average_service_s * d.service_samples;
            service_n += d.service_samples;
        }
        for (std::size_t h = 0; h < hours.size(); ++h) hours[h] += d.issued_per_hour[h];
    }
    if (wait_n > 0) f.average_wait_s = (wait_total + wait_n / 2) / wait_n;
    if (service_n > 0) f.average_service_s = (service_total + service_n / 2) / service_n;
    const auto peak = std::max_element(hours.begin(), hours.end());
    if (*peak > 0) f.peak_hour = static_cast<int>(peak - hours.begin());
    return f;
}

OpsReport ops_report(storage::Database& db, const QueueConfig& config, std::int64_t now) {
    OpsReport report;
    report.today = local_date(now, config.utc_offset_s);
    std::map<std::string, std::vector<ServiceDayStats>> week;
    std::map<std::string, ServiceDayStats> today;
    for (int back = 0; back < kOpsWeekDays; ++back) {
        // Noon of each day: a step of whole days from a time far from midnight lands on each date once.
        const std::int64_t noon = local_day_start(report.today, config.utc_offset_s) + 12 * 3600 - back * 86400LL;
        for (auto& st : day_stats(db, local_date(noon, config.utc_offset_s), config.utc_offset_s)) {
            if (back == 0) today[st.service_id] = st;
            week[st.service_id].push_back(std::move(st));
        }
    }
    std::map<std::string, int> waiting;
    {
        auto s = db.prepare(
            "SELECT service_id, count(*) FROM queue_tickets WHERE service_day = ?1 AND state = 'waiting' "
            "GROUP BY service_id");
        s.bind(1, date_number(report.today));
        while (s.step()) waiting[s.column_text(0)] = static_cast<int>(s.column_int64(1));
    }
    auto row = [&](const std::string& id, const Service* service) {
        ServiceOps ops{id, service, {}, {}, 0};
        if (const auto t = today.find(id); t != today.end()) ops.today = combine({t->second});
        if (const auto w = week.find(id); w != week.end()) ops.week = combine(w->second);
        if (const auto n = waiting.find(id); n != waiting.end()) ops.waiting_now = n->second;
        return ops;
    };
    for (const Service& s : config.services) report.services.push_back(row(s.id, &s));
    for (const auto& [id, days] : week)
        if (find_service(config.services, id) == nullptr) report.services.push_back(row(id, nullptr));
    return report;
}

std::string_view printer_state_name(PrinterState s) {
    switch (s) {
        case PrinterState::NotConfigured: return "not_configured";
        case PrinterState::Ok: return "ok";
        case PrinterState::Absent: return "absent";
        case PrinterState::Offline: return "offline";
        case PrinterState::PaperOut: return "paper_out";
        case PrinterState::Fault: return "fault";
    }
    return "fault";
}

PrinterState printer_state(bool configured, const std::optional<std::string>& last_problem) {
    if (!configured) return PrinterState::NotConfigured;
    if (!last_problem) return PrinterState::Ok;
    const std::string& p = *last_problem;
    if (p == "missing") return PrinterState::Absent;
    if (p == "unreachable" || p == "timeout") return PrinterState::Offline;
    if (p == "paper_out") return PrinterState::PaperOut;
    if (p == "not_configured") return PrinterState::NotConfigured;
    return PrinterState::Fault;  // bad_target, not_writable, write_failed, or a name this version lacks
}

}  // namespace desa::queue
