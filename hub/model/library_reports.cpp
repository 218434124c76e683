#include "model/library_reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "model/kiosks.hpp"
#include "model/queue_reports.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCopies = 10'000;
constexpr std::size_t kMaxListItems = 200;

const char* const kActions[] = {"record_added",    "record_updated", "record_withdrawn",
                                "record_restored", "copy_added",     "copy_status_changed"};
const char* const kStatuses[] = {"available", "on_loan", "lost", "withdrawn"};

template <std::size_t N>
bool one_of(const std::string& s, const char* const (&names)[N]) {
    return std::any_of(std::begin(names), std::end(names), [&](const char* n) { return s == n; });
}

// A text field: absent is "", anything but clean text of at most max_bytes is damage.
bool text_field(const json& j, const char* key, std::size_t max_bytes, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_string() || !is_clean_text(it->get<std::string>(), max_bytes, true)) return false;
    out = it->get<std::string>();
    return true;
}

bool text_list(const json& j, const char* key, std::vector<std::string>& out) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return true;
    if (!it->is_array() || it->size() > kMaxListItems) return false;
    for (const auto& v : *it) {
        if (!v.is_string() || !is_clean_text(v.get<std::string>(), 1000)) return false;
        out.push_back(v.get<std::string>());
    }
    return true;
}

std::optional<CatalogEditRow> parse_edit(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    CatalogEditRow row;
    const auto action = j.find("action");
    if (action == j.end() || !action->is_string() || !one_of(action->get<std::string>(), kActions)) return std::nullopt;
    row.action = action->get<std::string>();
    const auto id = j.find("record_id");
    if (id == j.end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0) return std::nullopt;
    row.record_id = id->get<std::int64_t>();
    if (const auto seq = j.find("seq"); seq != j.end()) {
        if (!seq->is_number_integer() || seq->get<std::int64_t>() < 0) return std::nullopt;
        row.sequence = seq->get<std::int64_t>();
    }
    const auto record = j.find("record");
    if (record == j.end() || !record->is_object()) return std::nullopt;
    const json& r = *record;
    if (!text_field(r, "title", 1000, row.title) || row.title.empty() ||
        !text_field(r, "control_number", 100, row.control_number) || !text_field(r, "publisher", 1000, row.publisher) ||
        !text_field(r, "language", 8, row.language) || !text_field(r, "material_type", 32, row.material_type) ||
        !text_field(r, "call_number", 200, row.call_number) || !text_list(r, "authors", row.authors) ||
        !text_list(r, "isbns", row.isbns))
        return std::nullopt;
    if (const auto year = r.find("year"); year != r.end() && !year->is_null()) {
        if (!year->is_number_integer() || year->get<std::int64_t>() < -9999 || year->get<std::int64_t>() > 9999)
            return std::nullopt;
        row.year = year->get<int>();
    }
    if (const auto w = r.find("withdrawn"); w != r.end()) {
        if (!w->is_boolean()) return std::nullopt;
        row.withdrawn = w->get<bool>();
    }
    const auto copies = j.find("copies");
    if (copies == j.end() || !copies->is_array() || copies->size() > kMaxCopies) return std::nullopt;
    for (const auto& c : *copies) {
        if (!c.is_object()) return std::nullopt;
        EditedCopy copy;
        if (!text_field(c, "barcode", 100, copy.barcode) || !text_field(c, "status", 16, copy.status) ||
            !one_of(copy.status, kStatuses))
            return std::nullopt;
        row.copies.push_back(std::move(copy));
    }
    if (const auto copy = j.find("copy"); copy != j.end() && !copy->is_null()) {
        if (!copy->is_string() || !is_clean_text(copy->get<std::string>(), 100)) return std::nullopt;
        row.copy = copy->get<std::string>();
    }
    const bool about_copy = row.action == "copy_added" || row.action == "copy_status_changed";
    if (about_copy != row.copy.has_value()) return std::nullopt;
    return row;
}

std::optional<int> count_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > 1'000'000) return std::nullopt;
    return static_cast<int>(v);
}

std::optional<LendingDayRow> parse_lending(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    const auto day = j.find("day");
    if (day == j.end() || !day->is_string()) return std::nullopt;
    const auto canonical = normalize_day(day->get<std::string>());
    if (!canonical) return std::nullopt;
    const auto loans = count_field(j, "loans"), returns = count_field(j, "returns"),
               renewals = count_field(j, "renewals"), overdue = count_field(j, "overdue_at_end"),
               members = count_field(j, "members_served");
    if (!loans || !returns || !renewals || !overdue || !members) return std::nullopt;
    LendingDayRow row;
    row.day = *canonical;
    row.loans = *loans;
    row.returns = *returns;
    row.renewals = *renewals;
    row.overdue_at_end = *overdue;
    row.members_served = *members;
    return row;
}

// `channel` is one of this file's fixed names, never outside input.
std::string channel_sql(std::string_view channel, const std::optional<std::string>& region, SqlParams& params) {
    std::string sql =
        "SELECT r.payload, k.village_code, k.id, r.uuid, r.created_at, r.received_at FROM records r "
        "JOIN kiosks k ON k.id = r.kiosk_id WHERE r.channel = '" + std::string(channel) + "'";
    if (region) sql += " AND " + region_filter_sql("k.village_code", *region, params);
    return sql;
}

}  // namespace

EditsReport catalog_edits_report(SqlDb& db, const EditsFilter& filter) {
    SqlParams params;
    std::string sql = channel_sql("catalog_edits", filter.region_prefix, params);
    if (filter.since) {
        params.push_back(*filter.since);
        sql += " AND r.created_at >= $" + std::to_string(params.size());
    }
    EditsReport report;
    for (const auto& r : db.query(sql, params)) {
        auto row = parse_edit(r.text(0));
        if (!row) {
            ++report.unreadable;
            continue;
        }
        row->village_code = r.text(1);
        row->kiosk_id = r.text(2);
        row->uuid = r.text(3);
        row->created_at = r.int64(4);
        row->received_at = r.int64(5);
        report.rows.push_back(std::move(*row));
    }
    std::sort(report.rows.begin(), report.rows.end(), [](const CatalogEditRow& a, const CatalogEditRow& b) {
        return std::tie(a.created_at, a.kiosk_id, a.sequence, a.uuid) <
               std::tie(b.created_at, b.kiosk_id, b.sequence, b.uuid);
    });
    return report;
}

LendingReport lending_report(SqlDb& db, const LendingFilter& filter) {
    SqlParams params;
    const std::string sql = channel_sql("lending_stats", filter.region_prefix, params);
    LendingReport report;
    for (const auto& r : db.query(sql, params)) {
        auto row = parse_lending(r.text(0));
        if (!row) {
            ++report.unreadable;
            continue;
        }
        if (filter.from_day && row->day < *filter.from_day) continue;
        if (filter.to_day && row->day > *filter.to_day) continue;
        row->village_code = r.text(1);
        row->kiosk_id = r.text(2);
        report.rows.push_back(std::move(*row));
    }
    std::sort(report.rows.begin(), report.rows.end(), [](const LendingDayRow& a, const LendingDayRow& b) {
        return std::tie(a.day, a.village_code, a.kiosk_id) < std::tie(b.day, b.village_code, b.kiosk_id);
    });
    return report;
}

}  // namespace desa::hub
