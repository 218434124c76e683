#pragma once
// The village offices' queue statistics as the kiosks deliver them (outbox channel "queue_stats",
// one record per service per finished day, shared/queue/queue_stats.hpp), listed by region. The
// village of a row is the one its kiosk was enrolled for, never the one the payload claims.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sql_db.hpp"

namespace desa::hub {

struct QueueDayRow {
    std::string village_code, kiosk_id, service, day;  // day: YYYY-MM-DD (the village's local day)
    int issued = 0, served = 0, no_shows = 0, cancelled = 0, unserved = 0;
    std::optional<std::int64_t> average_wait_s, average_service_s;
    std::optional<int> peak_hour;
};

struct QueueReportFilter {
    std::optional<std::string> region_prefix;  // canonical region code
    std::optional<std::string> from_day, to_day;  // inclusive, YYYY-MM-DD
    std::optional<std::string> service;
};

struct QueueReport {
    std::vector<QueueDayRow> rows;  // by day, village, service
    int unreadable = 0;             // stored records whose payload is not queue statistics
};

QueueReport queue_report(SqlDb& db, const QueueReportFilter& filter);

// A YYYY-MM-DD day that exists, or nullopt.
std::optional<std::string> normalize_day(const std::string& typed);

}  // namespace desa::hub
