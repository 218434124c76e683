#pragma once
// Statistics per service per day, computed from queue_tickets, and their delivery to the hub as
// outbox records (channel "queue_stats") once the day is over.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/local_time.hpp"
#include "storage/database.hpp"

namespace desa::queue {

inline constexpr std::string_view kStatsChannel = "queue_stats";

struct ServiceDayStats {
    std::string service_id;
    LocalDate day;
    int issued = 0;  // tickets issued for this service (a transfer leaves it counted here)
    int served = 0;  // done in this service
    int no_shows = 0;
    int cancelled = 0;
    int unserved = 0;  // still waiting, called or serving (at the end of the day: never served)
    std::optional<std::int64_t> average_wait_s;     // issued -> called, over tickets called here
    std::optional<std::int64_t> average_service_s;  // serving -> done
    std::optional<int> peak_hour;                   // local hour with most tickets issued (earliest on a tie)
    int wait_samples = 0, service_samples = 0;      // tickets behind the averages (not in the payload)
    std::array<int, 24> issued_per_hour{};
};

// Every service with tickets on `day`, by service id.
std::vector<ServiceDayStats> day_stats(storage::Database& db, LocalDate day, int utc_offset_s);

// The JSON payload of one record: the same stats always give the same bytes (sorted keys).
std::string stats_payload(const ServiceDayStats&, std::string_view village_code);

// The record's id is derived from (village, service, day) rather than random: the writer may run
// again for a day (after a power cut before it noted its work, on the next start, by hand) and each
// run must produce the same record, which the outbox keeps once and the hub acknowledges as a
// duplicate instead of counting the day twice. A name-based UUID (RFC 9562 version 8 over
// SHA-256: version 5 would need SHA-1, which libsodium does not offer).
std::string stats_record_uuid(std::string_view village_code, std::string_view service_id, LocalDate day);

struct StatsOutboxResult {
    int written = 0;          // new outbox records
    int already_written = 0;  // (service, day) pairs that had their record
};

// A day is written once it has been over this long: a ticket still being served at midnight may
// be finished a little after it.
inline constexpr std::int64_t kStatsGraceSeconds = 2 * 3600;

// Writes, in one transaction, the records of every day that ended at least kStatsGraceSeconds
// before `now` and has tickets, skipping (service, day) pairs already in the outbox. A day still
// running is never written: its figures are not final. created_at is the end of the day, so a
// record written again is byte-identical. The last day done is kept in the settings table so later
// runs only look at newer days.
StatsOutboxResult write_finished_days(storage::Database& db, std::string_view village_code, std::int64_t now,
                                      int utc_offset_s);

}  // namespace desa::queue
