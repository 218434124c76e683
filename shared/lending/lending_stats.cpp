#include "lending/lending_stats.hpp"

#include <nlohmann/json.hpp>

#include "sync/outbox.hpp"
#include "sync/protocol.hpp"

namespace desa::lending {
namespace {

constexpr std::string_view kWrittenThroughKey = "lending.stats_written_through";  // YYYYMMDD

int count(storage::Database& db, std::string_view sql, std::int64_t start, std::int64_t end) {
    auto s = db.prepare(sql);
    s.bind(1, start).bind(2, end);
    s.step();
    return static_cast<int>(s.column_int64(0));
}

}  // namespace

LendingDayStats lending_day_stats(storage::Database& db, queue::LocalDate day, int utc_offset_s) {
    const std::int64_t start = queue::local_day_start(day, utc_offset_s), end = start + 86400;
    LendingDayStats st;
    st.day = day;
    st.loans = count(db, "SELECT count(*) FROM lending_loans WHERE checked_out_at >= ?1 AND checked_out_at < ?2",
                     start, end);
    st.returns = count(db, "SELECT count(*) FROM lending_loans WHERE returned_at >= ?1 AND returned_at < ?2", start,
                       end);
    st.renewals = count(db, "SELECT count(*) FROM lending_renewals WHERE renewed_at >= ?1 AND renewed_at < ?2",
                        start, end);
    // due_at is the loan's current due date. A renewal after the day could only move it if the loan
    // was not overdue then (renew refuses an overdue loan), so it was not overdue at this day's end.
    st.overdue_at_end = count(db,
                              "SELECT count(*) FROM lending_loans WHERE checked_out_at < ?2 AND due_at < ?2 "
                              "AND (returned_at IS NULL OR returned_at >= ?2)",
                              start, end);
    st.members_served = count(db,
                              "SELECT count(DISTINCT member_id) FROM ("
                              " SELECT member_id FROM lending_loans WHERE checked_out_at >= ?1 AND checked_out_at < ?2"
                              " UNION SELECT member_id FROM lending_loans WHERE returned_at >= ?1 AND returned_at < ?2"
                              " UNION SELECT l.member_id FROM lending_renewals r JOIN lending_loans l ON l.id = r.loan_id"
                              "  WHERE r.renewed_at >= ?1 AND r.renewed_at < ?2)",
                              start, end);
    return st;
}

std::string lending_stats_payload(const LendingDayStats& st, std::string_view village_code) {
    nlohmann::json j;  // keys sorted: the same figures dump to the same bytes
    j["village"] = village_code;
    j["day"] = queue::date_iso(st.day);
    j["loans"] = st.loans;
    j["returns"] = st.returns;
    j["renewals"] = st.renewals;
    j["overdue_at_end"] = st.overdue_at_end;
    j["members_served"] = st.members_served;
    return j.dump();
}

std::string lending_stats_record_uuid(std::string_view village_code, queue::LocalDate day) {
    return sync::name_uuid("desa-kiosk/lending_stats/1\n" + std::string(village_code) + "\n" + queue::date_iso(day));
}

LendingStatsResult write_finished_lending_days(storage::Database& db, std::string_view village_code,
                                               std::int64_t now, int utc_offset_s) {
    LendingStatsResult result;
    const queue::LocalDate in_grace = queue::local_date(now - kLendingGraceSeconds, utc_offset_s);
    const std::int64_t through_end = queue::local_day_start(in_grace, utc_offset_s);  // end of the newest finished day
    storage::Transaction tx(db);
    const std::int64_t done_through = std::stoll(db.get_setting(kWrittenThroughKey).value_or("0"));
    std::int64_t day_start = 0;
    if (done_through > 0) {
        day_start = queue::local_day_start(queue::date_from_number(done_through), utc_offset_s) + 86400;
    } else {
        auto first = db.prepare("SELECT min(checked_out_at) FROM lending_loans");
        if (!first.step() || first.column_is_null(0)) return result;  // nothing lent yet: nothing to report
        day_start = queue::local_day_start(queue::local_date(first.column_int64(0), utc_offset_s), utc_offset_s);
    }
    std::int64_t last_done = done_through;
    // Days are 86,400 s apart: the offset is fixed (Indonesia has no daylight saving).
    for (; day_start + 86400 <= through_end; day_start += 86400) {
        const queue::LocalDate day = queue::local_date(day_start, utc_offset_s);
        last_done = queue::date_number(day);
        const LendingDayStats st = lending_day_stats(db, day, utc_offset_s);
        if (!st.any()) continue;
        const std::string uuid = lending_stats_record_uuid(village_code, day);
        if (sync::find(db, uuid)) {
            ++result.already_written;
            continue;
        }
        sync::append(db, sync::OutboxRecord{uuid, std::string(kLendingStatsChannel), day_start + 86400,
                                            lending_stats_payload(st, village_code), std::nullopt});
        ++result.written;
    }
    if (last_done > done_through) db.set_setting(kWrittenThroughKey, std::to_string(last_done));
    tx.commit();
    return result;
}

}  // namespace desa::lending
