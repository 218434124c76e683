#pragma once
// What the sync benchmark needs around the real programs: a `desa-hub serve` process on 127.0.0.1
// (random port), desa-hub administrator commands with their output, a fresh database per run on
// SQLite or PostgreSQL, and small measuring helpers (wall clock, CPU time of a process, percentiles).
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace desa::bench_sync {

namespace fs = std::filesystem;

// Where everything runs: the desa-hub binary, a scratch directory, a log for the programs' stderr,
// and the database server (empty: SQLite in each hub's data directory).
struct BenchEnv {
    fs::path hub_bin;
    fs::path work;
    fs::path log;
    std::string pg_admin_url;  // postgresql://desa@127.0.0.1:PORT/postgres, or empty
    fs::path proxy_script;     // tests/e2e/fault_proxy.py
    bool quick = false;
};

struct CommandResult {
    int exit_code = -1;
    std::string out;  // stdout
};
// Runs argv without a shell; stdout captured, stderr appended to `log`.
CommandResult run_command(const std::vector<std::string>& argv, const fs::path& log);

// `desa-hub ARGS... --data-dir DIR --db URL`; throws std::runtime_error when it fails.
std::string hub_cli(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url,
                    std::vector<std::string> args);

// A database for one hub: "sqlite:<data_dir>/hub.db", or a new PostgreSQL database `name`
// (dropped first when it exists) on the cluster of env.pg_admin_url.
std::string fresh_db_url(const BenchEnv& env, const fs::path& data_dir, const std::string& name);
// Bytes the hub's database takes: the SQLite file with its WAL, or pg_database_size.
std::int64_t db_size_bytes(const std::string& db_url);
// "sqlite" or "postgresql".
std::string backend_name(const std::string& db_url);

// A data directory with province keys made by `desa-hub keys init` and, when given, the regions
// of `regions_csv` imported.
void init_hub_data(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url,
                   const std::optional<fs::path>& regions_csv);

// `desa-hub serve` on 127.0.0.1:0; the constructor returns once it listens.
class HubProcess {
public:
    HubProcess(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url, int threads = 8);
    ~HubProcess();  // SIGTERM, then waits
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;
    const std::string& url() const { return url_; }
    int port() const { return port_; }
    double cpu_seconds() const;  // user + system time of the hub so far (/proc/PID/stat)

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int port_ = 0;
    std::string url_;
};

// tests/e2e/fault_proxy.py in front of `upstream_port`, reading its faults from `plan`.
class FaultProxy {
public:
    FaultProxy(const BenchEnv& env, int upstream_port, const fs::path& plan, const fs::path& log);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;
    const std::string& url() const { return url_; }

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string url_;
};

// A one-time enrolment code from `desa-hub kiosk enroll --json`.
std::string enrol_code(const BenchEnv& env, const fs::path& hub_data, const std::string& db_url,
                       const std::string& village);

class Stopwatch {
public:
    Stopwatch() : start_(std::chrono::steady_clock::now()) {}
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_;
};

double process_cpu_seconds();  // this process, user + system
double percentile(std::vector<double> values, double p);  // nearest rank; NaN when empty
std::string load_average();                                // "/proc/loadavg" first three fields
std::string human_bytes(std::int64_t bytes);               // "1.23 MB", "812 B"

}  // namespace desa::bench_sync
