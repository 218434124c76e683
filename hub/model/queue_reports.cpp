#include "model/queue_reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "model/regions.hpp"
#include "queue/local_time.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

std::optional<int> count_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > 1'000'000) return std::nullopt;
    return static_cast<int>(v);
}

// Absent or null: no figure that day (nobody was served); anything else must be a sane number.
bool optional_seconds(const json& j, const char* key, std::optional<std::int64_t>& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_number_integer()) return false;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > 7 * 86400) return false;
    out = v;
    return true;
}

// Everything a kiosk sent is checked before it is counted: a damaged or foreign payload is
// skipped and counted as unreadable rather than breaking the report.
std::optional<QueueDayRow> parse_row(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    QueueDayRow row;
    const auto service = j.find("service");
    const auto day = j.find("day");
    if (service == j.end() || !service->is_string() || day == j.end() || !day->is_string()) return std::nullopt;
    row.service = service->get<std::string>();
    if (row.service.empty() || row.service.size() > 64) return std::nullopt;
    const auto canonical = normalize_day(day->get<std::string>());
    if (!canonical) return std::nullopt;
    row.day = *canonical;
    const auto issued = count_field(j, "issued"), served = count_field(j, "served"),
               no_shows = count_field(j, "no_shows"), cancelled = count_field(j, "cancelled"),
               unserved = count_field(j, "unserved");
    if (!issued || !served || !no_shows || !cancelled || !unserved) return std::nullopt;
    row.issued = *issued;
    row.served = *served;
    row.no_shows = *no_shows;
    row.cancelled = *cancelled;
    row.unserved = *unserved;
    if (!optional_seconds(j, "average_wait_s", row.average_wait_s) ||
        !optional_seconds(j, "average_service_s", row.average_service_s))
        return std::nullopt;
    if (const auto peak = j.find("peak_hour"); peak != j.end() && !peak->is_null()) {
        if (!peak->is_number_integer() || peak->get<int>() < 0 || peak->get<int>() > 23) return std::nullopt;
        row.peak_hour = peak->get<int>();
    }
    return row;
}

}  // namespace

std::optional<std::string> normalize_day(const std::string& typed) {
    // "2025-12-01" (as payloads and people write it) or "20251201".
    std::string digits;
    if (typed.size() == 10 && typed[4] == '-' && typed[7] == '-')
        digits = typed.substr(0, 4) + typed.substr(5, 2) + typed.substr(8, 2);
    else
        digits = typed;
    const auto d = queue::parse_date_text(digits);
    if (!d) return std::nullopt;
    return queue::date_iso(*d);
}

QueueReport queue_report(SqlDb& db, const QueueReportFilter& filter) {
    SqlParams params;
    std::string sql =
        "SELECT r.payload, k.village_code, k.id FROM records r JOIN kiosks k ON k.id = r.kiosk_id "
        "WHERE r.channel = 'queue_stats'";
    if (filter.region_prefix) sql += " AND " + region_filter_sql("k.village_code", *filter.region_prefix, params);
    QueueReport report;
    for (const auto& r : db.query(sql, params)) {
        auto row = parse_row(r.text(0));
        if (!row) {
            ++report.unreadable;
            continue;
        }
        if (filter.from_day && row->day < *filter.from_day) continue;
        if (filter.to_day && row->day > *filter.to_day) continue;
        if (filter.service && row->service != *filter.service) continue;
        row->village_code = r.text(1);
        row->kiosk_id = r.text(2);
        report.rows.push_back(std::move(*row));
    }
    std::sort(report.rows.begin(), report.rows.end(), [](const QueueDayRow& a, const QueueDayRow& b) {
        return std::tie(a.day, a.village_code, a.service, a.kiosk_id) <
               std::tie(b.day, b.village_code, b.service, b.kiosk_id);
    });
    return report;
}

}  // namespace desa::hub
