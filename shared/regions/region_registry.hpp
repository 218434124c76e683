#pragma once
// Kemendagri administrative region codes (PP.KK.CC.DDDD), loaded from the `code,parent_code,level,
// name` CSV shipped in assets/regions/ (copied from ../shared/data, see assets/regions/README.md).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace desa::regions {

enum class RegionLevel { Province, Regency, District, Village };  // provinsi, kab/kota, kecamatan, desa/kel

struct Region {
    std::string code;         // "18.01.04.2001"
    std::string parent_code;  // "18.01.04", empty for a province
    RegionLevel level;
    std::string name;         // "Hajimena"
};

class RegionRegistry {
public:
    // Throws std::runtime_error naming the file and line of the first malformed row (wrong column
    // count, unknown level, code whose shape does not fit its level, parent missing).
    static RegionRegistry load_csv(const std::filesystem::path& file);
    static RegionRegistry parse_csv(std::string_view text, std::string_view source_name);

    const Region* find(std::string_view code) const;
    // Province first, the region itself last; empty when the code is unknown.
    std::vector<const Region*> ancestry(std::string_view code) const;
    // Kecamatan code from the first six digits of a NIK ("180104" -> "18.01.04"), if known.
    const Region* district_for_nik_prefix(std::string_view six_digits) const;
    std::size_t size() const { return regions_.size(); }
    const std::vector<Region>& all() const { return regions_; }  // in file order

private:
    std::vector<Region> regions_;
    std::unordered_map<std::string, std::size_t> by_code_;
};

// True when `code` has the shape of a desa/kelurahan code: NN.NN.NN.NNNN (digits only).
bool looks_like_village_code(std::string_view code);

}  // namespace desa::regions
