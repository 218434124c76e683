// desa_sync_bench: sync figures against a real desa-hub process on 127.0.0.1 and the kiosk's own
// sync code (docs/benchmarks.md, "Sync"). bench/sync/run.sh runs it on SQLite and PostgreSQL.
//
//   desa_sync_bench --hub BUILD/hub/desa-hub --regions wilayah-lampung.csv --wilayah wilayah-indonesia.csv
//                   --proxy tests/e2e/fault_proxy.py [--pg URL] [--only wire,load,national] [--quick]
//                   [--national-full | --national-villages N]
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>
#include <set>
#include <sstream>

#include "load_bench.hpp"
#include "union_generator.hpp"
#include "wire_bench.hpp"

namespace fs = std::filesystem;
using namespace desa::bench_sync;

namespace {

std::set<std::string> split(const std::string& list) {
    std::set<std::string> out;
    std::stringstream in(list);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty()) out.insert(part);
    return out;
}

void require_file(const fs::path& p, const std::string& what) {
    if (!fs::is_regular_file(p)) throw std::runtime_error(what + " not found: " + p.string());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Sync benchmark: bytes on the wire, resumption, hub throughput, national enrolment"};
    BenchEnv env;
    std::string hub_bin, regions, wilayah, proxy, work, only = "wire,load,national";
    LoadOptions load;
    NationalOptions national;
    std::size_t national_villages = 0;
    app.add_option("--hub", hub_bin, "the desa-hub binary")->required();
    app.add_option("--regions", regions, "a small wilayah-*.csv for the wire and load runs")->required();
    app.add_option("--wilayah", wilayah, "wilayah-indonesia.csv for the national enrolment");
    app.add_option("--proxy", proxy, "tests/e2e/fault_proxy.py")->required();
    app.add_option("--pg", env.pg_admin_url, "PostgreSQL admin URL: run on PostgreSQL instead of SQLite");
    app.add_option("--work", work, "scratch directory (default: a new one under $TMPDIR, removed after)");
    app.add_option("--only", only, "comma-separated: wire, load, national");
    app.add_flag("--quick", env.quick, "smaller sizes and shorter runs");
    app.add_option("--load-seconds", load.seconds, "seconds per throughput step (default 5, quick 2)");
    bool national_full = false;
    app.add_option("--national-villages", national_villages, "enrol the first N desa (default 10000; quick 3000)");
    app.add_flag("--national-full", national_full, "enrol all 83,762 desa (~10 minutes per database here)");
    CLI11_PARSE(app, argc, argv);

    spdlog::set_level(spdlog::level::warn);  // the kiosk code's info lines are not figures
    const auto parts = split(only);
    for (const auto& p : parts)
        if (p != "wire" && p != "load" && p != "national") {
            std::cerr << "--only: unknown part '" << p << "'\n";
            return 2;
        }
    bool remove_work = false;
    try {
        require_file(hub_bin, "--hub");
        require_file(regions, "--regions");
        require_file(proxy, "--proxy");
        if (parts.contains("national")) require_file(wilayah, "--wilayah");
        env.hub_bin = fs::absolute(hub_bin);
        env.proxy_script = fs::absolute(proxy);
        if (work.empty()) {
            const char* tmp = std::getenv("TMPDIR");
            std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/desa-sync-bench.XXXXXX";
            if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a scratch directory");
            work = pattern;
            remove_work = true;
        }
        env.work = fs::absolute(work);
        fs::create_directories(env.work);
        env.log = env.work / "programs.log";
        fs::copy_file(regions, env.work / "regions.csv", fs::copy_options::overwrite_existing);
        const auto villages = read_village_codes(env.work / "regions.csv");
        if (villages.size() < 120) throw std::runtime_error("--regions needs at least 120 desa");

        if (env.quick) {
            load.kiosks = {8, 32};
            if (app.count("--load-seconds") == 0) load.seconds = 2;
            national.villages = 3000;
        }
        if (national_villages > 0) national.villages = national_villages;
        if (national_full) national.villages = 0;

        if (parts.contains("wire")) run_wire_benches(env, villages);
        if (parts.contains("load")) run_load_bench(env, villages, load);
        if (parts.contains("national")) run_national_bench(env, wilayah, national);
    } catch (const std::exception& e) {
        std::cerr << "desa_sync_bench: " << e.what() << "\n";
        if (!env.log.empty()) std::cerr << "(programs' stderr: " << env.log.string() << ")\n";
        return 1;
    }
    if (remove_work) fs::remove_all(env.work);
    return 0;
}
