#pragma once
// A synthetic union catalogue in the `catalog` channel's format (docs/sync-protocol.md, "The catalog
// channel's files"): libraries.csv, a snapshot of N holdings spread over the libraries, and a delta
// changing a given share of them (availability changes, new titles, withdrawals). Records come
// from the catalogue benchmark's deterministic generator, so the same seed gives the same files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace desa::bench_sync {

struct UnionSpec {
    std::size_t holdings = 100'000;
    std::vector<std::string> village_codes;  // one village library each, plus the provincial library
    std::uint64_t seed = 20261128;
    double change_share = 0.01;  // of the holdings, for the delta
};

struct DeltaCounts {
    std::size_t changed = 0, added = 0, deleted = 0;
};

// libraries.csv; returns its size in bytes.
std::uint64_t write_libraries_csv(const std::filesystem::path& file, const UnionSpec& spec);
// snapshot-<version>.csv of the holdings before the delta (`after_delta` false) or after it.
std::uint64_t write_snapshot_csv(const std::filesystem::path& file, const UnionSpec& spec, bool after_delta);
// delta-<version>.csv: spec.change_share of the holdings, 80 % changed availability, 10 % new
// titles, 10 % deleted.
std::uint64_t write_delta_csv(const std::filesystem::path& file, const UnionSpec& spec, DeltaCounts& counts);

// The desa/kelurahan codes of a wilayah-*.csv (code,parent_code,level,name), in file order.
std::vector<std::string> read_village_codes(const std::filesystem::path& csv);

}  // namespace desa::bench_sync
