#pragma once
// Kemendagri regions in the hub's database: every kiosk belongs to a desa, and lists and reports
// filter by a region prefix (province, kabupaten/kota, kecamatan or desa code).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/sql_db.hpp"
#include "regions/region_registry.hpp"

namespace desa::hub {

struct RegionImportCounts {
    std::int64_t provinces = 0, regencies = 0, districts = 0, villages = 0;
    std::int64_t added = 0, updated = 0;  // updated: the code existed (its name or parent replaced)
};

// Upserts every region of an already validated registry in one transaction.
RegionImportCounts import_regions(SqlDb& db, const regions::RegionRegistry& registry);

std::int64_t region_count(SqlDb& db);
std::optional<std::string> region_name(SqlDb& db, std::string_view code);

// A typed region code in canonical dotted form: "18", "18.01", "18.01.04", "18.01.04.2001"; the
// same without dots ("1801042001") is accepted. nullopt for anything else.
std::optional<std::string> normalize_region_code(std::string_view typed);
// A desa/kelurahan code (four parts) in canonical form, or nullopt.
std::optional<std::string> normalize_village_code(std::string_view typed);

// SQL condition on `column` matching a region prefix (the code itself or any code below it);
// appends the parameters it uses to `params` and numbers them from params.size() + 1.
std::string region_filter_sql(std::string_view column, const std::string& prefix, SqlParams& params);

}  // namespace desa::hub
