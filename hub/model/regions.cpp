#include "model/regions.hpp"

#include <algorithm>

namespace desa::hub {
namespace {

std::string_view level_name(regions::RegionLevel level) {
    switch (level) {
        case regions::RegionLevel::Province: return "provinsi";
        case regions::RegionLevel::Regency: return "kabupaten_kota";
        case regions::RegionLevel::District: return "kecamatan";
        case regions::RegionLevel::Village: return "desa_kelurahan";
    }
    return "desa_kelurahan";
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Many rows per statement: one round trip per 250 regions instead of one per region matters to
// PostgreSQL over a network (91,599 regions for all of Indonesia).
constexpr std::size_t kBatch = 250;

std::string upsert_sql(std::size_t rows) {
    std::string sql = "INSERT INTO regions (code, parent_code, level, name) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t p = i * 4;
        sql += (i ? ", (" : "(") + ("$" + std::to_string(p + 1)) + ", $" + std::to_string(p + 2) + ", $" +
               std::to_string(p + 3) + ", $" + std::to_string(p + 4) + ")";
    }
    sql += " ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level, "
           "name = excluded.name";
    return sql;
}

}  // namespace

RegionImportCounts import_regions(SqlDb& db, const regions::RegionRegistry& registry) {
    RegionImportCounts counts;
    SqlTransaction tx(db);
    const std::int64_t before = region_count(db);
    const auto& all = registry.all();
    for (std::size_t start = 0; start < all.size(); start += kBatch) {
        const std::size_t n = std::min(kBatch, all.size() - start);
        SqlParams params;
        params.reserve(n * 4);
        for (std::size_t i = start; i < start + n; ++i) {
            const auto& r = all[i];
            params.emplace_back(r.code);
            params.emplace_back(r.parent_code);
            params.emplace_back(std::string(level_name(r.level)));
            params.emplace_back(r.name);
            switch (r.level) {
                case regions::RegionLevel::Province: ++counts.provinces; break;
                case regions::RegionLevel::Regency: ++counts.regencies; break;
                case regions::RegionLevel::District: ++counts.districts; break;
                case regions::RegionLevel::Village: ++counts.villages; break;
            }
        }
        db.execute(upsert_sql(n), params);
    }
    const std::int64_t after = region_count(db);
    tx.commit();
    counts.added = after - before;
    counts.updated = static_cast<std::int64_t>(all.size()) - counts.added;
    return counts;
}

std::int64_t region_count(SqlDb& db) { return db.query("SELECT count(*) FROM regions", {}).at(0).int64(0); }

std::optional<std::string> region_name(SqlDb& db, std::string_view code) {
    const auto rows = db.query("SELECT name FROM regions WHERE code = $1", {std::string(code)});
    if (rows.empty()) return std::nullopt;
    return rows[0].text(0);
}

std::optional<std::string> normalize_region_code(std::string_view typed) {
    static constexpr std::size_t kWidths[] = {2, 2, 2, 4};
    std::string out;
    if (typed.find('.') == std::string_view::npos) {
        // Digits only: 2, 4, 6 or 10 of them.
        if (!all_digits(typed)) return std::nullopt;
        std::size_t pos = 0;
        for (std::size_t part = 0; part < 4 && pos < typed.size(); ++part) {
            if (typed.size() - pos < kWidths[part]) return std::nullopt;
            if (part) out += '.';
            out.append(typed.substr(pos, kWidths[part]));
            pos += kWidths[part];
        }
        return pos == typed.size() ? std::optional(out) : std::nullopt;
    }
    std::size_t part = 0, start = 0;
    for (;;) {
        const auto dot = typed.find('.', start);
        const auto piece = typed.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part >= 4 || piece.size() != kWidths[part] || !all_digits(piece)) return std::nullopt;
        ++part;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return std::string(typed);
}

std::optional<std::string> normalize_village_code(std::string_view typed) {
    auto code = normalize_region_code(typed);
    if (!code || !regions::looks_like_village_code(*code)) return std::nullopt;
    return code;
}

std::string region_filter_sql(std::string_view column, const std::string& prefix, SqlParams& params) {
    const std::size_t n = params.size();
    params.emplace_back(prefix);
    params.emplace_back(prefix + ".%");
    return "(" + std::string(column) + " = $" + std::to_string(n + 1) + " OR " + std::string(column) + " LIKE $" +
           std::to_string(n + 2) + ")";
}

}  // namespace desa::hub
