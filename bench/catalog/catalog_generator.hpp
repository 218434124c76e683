#pragma once
// A synthetic village-library catalogue for the catalogue benchmark: Indonesian (most), English,
// Javanese and Sundanese titles built from word lists, authors from Indonesian and English names,
// subjects with their DDC class, publishers, years, valid ISBN-10/13, call numbers in the
// Indonesian library style ("630 SAN b"), one to three copies with shelves and loan states.
//
// Deterministic: record i depends only on (seed, i), with our own generator (std::
// distributions differ between standard libraries), so 100k records are the first 100k of 1M
// and the same seed gives the same file on every machine.
#include <cstdint>
#include <filesystem>
#include <string>

#include "catalog/record.hpp"

namespace desa::bench {

// splitmix64-seeded xoshiro256**: fast, good enough, identical everywhere.
class Rng {
public:
    explicit Rng(std::uint64_t seed);
    std::uint64_t next();
    // Uniform in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-32 for our n).
    std::uint64_t below(std::uint64_t n);
    // True with probability percent / 100.
    bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
    template <typename Array>
    const auto& pick(const Array& a) {
        return a[below(std::size(a))];
    }

private:
    std::uint64_t s_[4];
};

// Record number `index` (0-based) of the catalogue generated with `seed`. Control numbers
// "BENCH-0000001" ..., barcodes unique per index, ISBNs unique for index < 1,000,000.
catalog::Record generate_record(std::uint64_t seed, std::uint64_t index);

// Writes `records` records as the generic CSV of catalog_export.hpp (header row first).
// Returns the number of bytes written. Throws std::runtime_error when the file cannot be written.
std::uint64_t write_catalog_csv(const std::filesystem::path& out, std::uint64_t records, std::uint64_t seed);

// Check digits, exposed for the generator's self-check.
char isbn13_check_digit(const std::string& first12);
char isbn10_check_digit(const std::string& first9);

}  // namespace desa::bench
