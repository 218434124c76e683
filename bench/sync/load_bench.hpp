#pragma once
// 3. Hub throughput on loopback with many kiosks at once, each with its own key and connection,
// every request signed and every answer checked as the kiosk's sync engine checks it:
//   poll      - GET /v1/channels/slides/manifest with If-None-Match, answered 304;
//   heartbeat - POST /v1/outbox with one small record (gzip), its signed acknowledgement verified;
//   batch50   - POST /v1/outbox with 50 evaluation records, acknowledgement verified.
// 4. The national enrolment of every desa of wilayah-indonesia.csv (national_bench.cpp).
#include <string>
#include <vector>

#include "hub_fixture.hpp"
#include "kiosk_fixture.hpp"

namespace desa::bench_sync {

enum class Workload { Poll, Heartbeat, Batch50 };
const char* workload_name(Workload);

struct LoadFigures {
    int kiosks = 0;
    double seconds = 0;
    std::int64_t ok = 0, failed = 0;
    std::string first_error;
    std::vector<double> latency_ms;
    double hub_cpu_seconds = 0;
    double requests_per_second() const { return static_cast<double>(ok) / seconds; }
};

// `kiosks` each in its own thread with its own client, for `seconds`, against `hub`.
LoadFigures run_workload(const HubProcess& hub, const std::vector<BenchKiosk>& kiosks, Workload work, double seconds);
// "1234 req/s (61700 records/s), p50 3.1 ms, p95 8.0, p99 12.1, errors 0, hub CPU 0.41 ms/req".
std::string load_text(const LoadFigures& f, Workload work);

struct LoadOptions {
    std::vector<int> kiosks{8, 32, 64};
    double seconds = 5;
};
void run_load_bench(const BenchEnv& env, const std::vector<std::string>& villages, const LoadOptions& options);

struct NationalOptions {
    std::size_t villages = 10'000;  // the first N desa of the file; 0: all of them
    int client_threads = 8;  // kiosks enrolling at once
    int code_threads = 4;    // connections making the one-time codes
};
void run_national_bench(const BenchEnv& env, const fs::path& wilayah_csv, const NationalOptions& options);

}  // namespace desa::bench_sync
