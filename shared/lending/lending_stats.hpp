#pragma once
// The village library's lending per finished day, delivered to the hub as outbox records (channel
// "lending_stats", docs/sync-protocol.md) like the queue's statistics (queue/queue_stats.hpp):
// counts only. No member, card, title or copy leaves the kiosk this way; "members served" is a
// number of distinct members, never who.
#include <cstdint>
#include <string>
#include <string_view>

#include "queue/local_time.hpp"
#include "storage/database.hpp"

namespace desa::lending {

inline constexpr std::string_view kLendingStatsChannel = "lending_stats";

struct LendingDayStats {
    queue::LocalDate day;
    int loans = 0;           // copies checked out that day
    int returns = 0;         // loans closed that day
    int renewals = 0;        // renewals made that day
    int overdue_at_end = 0;  // loans out and past due at the day's last second
    int members_served = 0;  // distinct members who borrowed, returned or renewed that day
    bool any() const { return loans + returns + renewals + overdue_at_end > 0; }
};

// The day in the office's time zone (fixed offset: WIB, WITA or WIT), as the queue counts days.
LendingDayStats lending_day_stats(storage::Database& db, queue::LocalDate day, int utc_offset_s);

// Sorted keys: the same figures always give the same bytes.
std::string lending_stats_payload(const LendingDayStats&, std::string_view village_code);

// Name-based (village, day) like queue::stats_record_uuid: a day written again is the same record,
// which the outbox keeps once and the hub acknowledges as a duplicate.
std::string lending_stats_record_uuid(std::string_view village_code, queue::LocalDate day);

struct LendingStatsResult {
    int written = 0;
    int already_written = 0;
};

// A day is final this long after it ended (a book handed back just after midnight is that day's
// return only if the librarian was still at the desk: two hours, as the queue).
inline constexpr std::int64_t kLendingGraceSeconds = 2 * 3600;

// In one transaction: one record per finished day with lending activity or loans overdue at its
// end, from the day after the last one written (or the first loan ever) through the newest finished
// day. A day still running is never written. created_at is the end of the day, so a record written
// again is byte-identical. The last day done is kept in the settings table.
LendingStatsResult write_finished_lending_days(storage::Database& db, std::string_view village_code,
                                               std::int64_t now, int utc_offset_s);

}  // namespace desa::lending
