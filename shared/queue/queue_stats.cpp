#include "queue/queue_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "sync/outbox.hpp"
#include "sync/protocol.hpp"

namespace desa::queue {

namespace {

struct Sums {
    std::int64_t wait_total = 0, wait_count = 0, service_total = 0, service_count = 0;
};

constexpr std::string_view kWrittenThroughKey = "queue.stats_written_through";  // YYYYMMDD

std::optional<std::int64_t> average(std::int64_t total, std::int64_t count) {
    if (count == 0) return std::nullopt;
    return (total + count / 2) / count;  // whole seconds, rounded
}

}  // namespace

std::vector<ServiceDayStats> day_stats(storage::Database& db, LocalDate day, int utc_offset_s) {
    auto s = db.prepare(
        "SELECT issued_service_id, service_id, state, issued_at, called_at, serving_at, finished_at "
        "FROM queue_tickets WHERE service_day = ?1");
    s.bind(1, date_number(day));
    std::map<std::string, ServiceDayStats> by_service;
    std::map<std::string, Sums> sums;
    auto entry = [&](const std::string& id) -> ServiceDayStats& {
        ServiceDayStats& st = by_service[id];
        st.service_id = id;
        st.day = day;
        return st;
    };
    while (s.step()) {
        const std::string issued_for = s.column_text(0), now_in = s.column_text(1), state = s.column_text(2);
        const std::int64_t issued_at = s.column_int64(3);
        ServiceDayStats& issued = entry(issued_for);
        ++issued.issued;
        ++issued.issued_per_hour[static_cast<std::size_t>(local_moment(issued_at, utc_offset_s).hour)];

        ServiceDayStats& here = entry(now_in);
        if (state == "done")
            ++here.served;
        else if (state == "no_show")
            ++here.no_shows;
        else if (state == "cancelled")
            ++here.cancelled;
        else
            ++here.unserved;
        Sums& sum = sums[now_in];
        if (!s.column_is_null(4)) {
            sum.wait_total += std::max<std::int64_t>(0, s.column_int64(4) - issued_at);
            ++sum.wait_count;
        }
        if (state == "done" && !s.column_is_null(5) && !s.column_is_null(6)) {
            sum.service_total += std::max<std::int64_t>(0, s.column_int64(6) - s.column_int64(5));
            ++sum.service_count;
        }
    }
    std::vector<ServiceDayStats> out;
    for (auto& [id, st] : by_service) {
        const Sums& sum = sums[id];
        st.average_wait_s = average(sum.wait_total, sum.wait_count);
        st.average_service_s = average(sum.service_total, sum.service_count);
        st.wait_samples = static_cast<int>(sum.wait_count);
        st.service_samples = static_cast<int>(sum.service_count);
        const auto peak = std::max_element(st.issued_per_hour.begin(), st.issued_per_hour.end());
        if (*peak > 0) st.peak_hour = static_cast<int>(peak - st.issued_per_hour.begin());
        out.push_back(std::move(st));
    }
    return out;
}

std::string stats_payload(const ServiceDayStats& st, std::string_view village_code) {
    nlohmann::json j;  // an object keeps its keys sorted: the same stats dump to the same bytes
    j["village"] = village_code;
    j["service"] = st.service_id;
    j["day"] = date_iso(st.day);
    j["issued"] = st.issued;
    j["served"] = st.served;
    j["no_shows"] = st.no_shows;
    j["cancelled"] = st.cancelled;
    j["unserved"] = st.unserved;
    j["average_wait_s"] = st.average_wait_s ? nlohmann::json(*st.average_wait_s) : nlohmann::json(nullptr);
    j["average_service_s"] = st.average_service_s ? nlohmann::json(*st.average_service_s) : nlohmann::json(nullptr);
    j["peak_hour"] = st.peak_hour ? nlohmann::json(*st.peak_hour) : nlohmann::json(nullptr);
    j["issued_per_hour"] = st.issued_per_hour;
    return j.dump();
}

std::string stats_record_uuid(std::string_view village_code, std::string_view service_id, LocalDate day) {
    const std::string name = "desa-kiosk/queue_stats/1\n" + std::string(village_code) + "\n" + std::string(service_id) +
                             "\n" + date_iso(day);
    return sync::name_uuid(name);
}

StatsOutboxResult write_finished_days(storage::Database& db, std::string_view village_code, std::int64_t now,
                                      int utc_offset_s) {
    StatsOutboxResult result;
    // The day before the one the grace period reaches back into is the newest finished one.
    const LocalDate in_grace = local_date(now - kStatsGraceSeconds, utc_offset_s);
    const LocalDate through = local_date(local_day_start(in_grace, utc_offset_s) - 1, utc_offset_s);
    storage::Transaction tx(db);
    const std::int64_t done_through = std::stoll(db.get_setting(kWrittenThroughKey).value_or("0"));
    std::vector<std::int64_t> days;
    {
        auto s = db.prepare(
            "SELECT DISTINCT service_day FROM queue_tickets WHERE service_day > ?1 AND service_day <= ?2 ORDER BY 1");
        s.bind(1, done_through).bind(2, date_number(through));
        while (s.step()) days.push_back(s.column_int64(0));
    }
    for (const std::int64_t number : days) {
        const LocalDate day = date_from_number(number);
        const std::int64_t day_end = local_day_start(day, utc_offset_s) + 86400;
        for (const ServiceDayStats& st : day_stats(db, day, utc_offset_s)) {
            const std::string uuid = stats_record_uuid(village_code, st.service_id, day);
            if (sync::find(db, uuid)) {
                ++result.already_written;
                continue;
            }
            sync::append(db, sync::OutboxRecord{uuid, std::string(kStatsChannel), day_end,
                                                stats_payload(st, village_code), std::nullopt});
            ++result.written;
        }
    }
    if (date_number(through) > done_through) db.set_setting(kWrittenThroughKey, std::to_string(date_number(through)));
    tx.commit();
    return result;
}

}  // namespace desa::queue
