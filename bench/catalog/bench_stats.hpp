#pragma once
// Measuring helpers of desa_catalog_bench: process and thread CPU time, memory, file sizes, load
// average, and nearest-rank percentiles.
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace desa::bench_stats {

inline long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

inline double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

inline std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

inline long current_rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmRSS:")) return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

inline std::uintmax_t size_or_zero(const std::filesystem::path& p) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : n;
}

inline double mb(std::uintmax_t bytes) { return static_cast<double>(bytes) / 1e6; }

// ---------------------------------------------------------------------------------------------
// Statistics.

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Stats {
    std::size_t n = 0;
    double p50 = NAN, p95 = NAN, p99 = NAN, max = NAN, mean = NAN;
};

inline Stats stats(const std::vector<double>& v) {
    Stats s;
    s.n = v.size();
    if (v.empty()) return s;
    s.p50 = percentile(v, 50);
    s.p95 = percentile(v, 95);
    s.p99 = percentile(v, 99);
    s.max = *std::max_element(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    s.mean = sum / static_cast<double>(v.size());
    return s;
}

inline void print_stats_row(const char* label, const Stats& s) {
    if (s.n == 0) {
        std::printf("  %-28s %6s\n", label, "0");
        return;
    }
    std::printf("  %-28s %6zu %9.2f %9.2f %9.2f %9.2f %9.2f\n", label, s.n, s.p50, s.p95, s.p99, s.max, s.mean);
}

// CPU time of this thread: unlike wall time it hardly moves when other processes share the cores.
inline double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace desa::bench_stats
