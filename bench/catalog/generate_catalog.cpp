// desa_catalog_generate: writes a synthetic village-library catalogue as the generic CSV that
// `desa-kiosk catalog import` reads (see catalog_generator.hpp for what is in it).
//
//   desa_catalog_generate --records 100000 [--seed 20261128] --out catalog-100k.csv
//   desa_catalog_generate --records 5 --out -        (to stdout, for a look)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "catalog/catalog_export.hpp"
#include "catalog_generator.hpp"

namespace {

int usage() {
    std::cerr << "usage: desa_catalog_generate --records N [--seed S] --out FILE|-\n";
    return 2;
}

// Checks the check-digit functions against ISBNs printed on real books.
bool self_check() {
    using desa::bench::isbn10_check_digit;
    using desa::bench::isbn13_check_digit;
    return isbn13_check_digit("978043902348") == '1' && isbn13_check_digit("978979306279") == '2' &&
           isbn10_check_digit("979306279") == '7' && isbn10_check_digit("043902348") == '3' &&
           isbn10_check_digit("080442957") == 'X';
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t records = 0, seed = 20261128;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (i + 1 >= argc) return usage();
        if (a == "--records") {
            records = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--seed") {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (a == "--out") {
            out = argv[++i];
        } else {
            return usage();
        }
    }
    if (records == 0 || out.empty()) return usage();
    if (records > 5'000'000) {
        std::cerr << "at most 5,000,000 records (ISBNs and barcodes stay unique below 1,000,000)\n";
        return 2;
    }
    if (!self_check()) {
        std::cerr << "ISBN check digit self-check failed\n";
        return 1;
    }
    try {
        if (out == "-") {
            std::string buffer = desa::catalog::csv_header_row();
            for (std::uint64_t i = 0; i < records; ++i)
                desa::catalog::append_csv_record(buffer, desa::bench::generate_record(seed, i));
            std::cout << buffer;
            return 0;
        }
        const auto start = std::chrono::steady_clock::now();
        const std::uint64_t bytes = desa::bench::write_catalog_csv(out, records, seed);
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "generated %llu records (seed %llu), %.1f MB, in %.2f s -> %s\n",
                     static_cast<unsigned long long>(records), static_cast<unsigned long long>(seed),
                     static_cast<double>(bytes) / 1e6, s, out.c_str());
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
    return 0;
}
