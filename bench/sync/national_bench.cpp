// 4. National-scale enrolment: every desa/kelurahan of wilayah-indonesia.csv gets a one-time code
// (model/kiosks.hpp create_enrol_code, what `desa-hub kiosk enroll` runs, here in one process)
// and a kiosk that makes its own Ed25519 key and enrols over HTTP, checking the hub's signed answer
// the way sync::enrol does. Then signed polls by kiosks picked from the national set.
#include <atomic>
#include <ctime>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "db/hub_schema.hpp"
#include "load_bench.hpp"
#include "model/kiosks.hpp"
#include "sync/protocol.hpp"
#include "union_generator.hpp"

namespace desa::bench_sync {
namespace {

using nlohmann::json;

std::string fixed(double v, int decimals) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << v;
    return out.str();
}

struct Enrolled {
    std::string kiosk_id, village;
    sync::SignSecretKey secret;
};

// POST /v1/enroll as a new kiosk with a new key; checks the answer as sync::enrol does (fields,
// signature over the canonical text by the province key, the village the code was made for).
std::string enrol_one(const std::string& hub_url, const std::string& code, const std::string& village,
                      const sync::SignPublicKey& province_key, Enrolled& out) {
    const auto keys = sync::make_sign_key_pair();
    sync::HubClient client(hub_url);  // a new connection: every kiosk is its own device
    sync::HubRequest req;
    req.method = "POST";
    req.path = "/v1/enroll";
    req.sign = false;
    req.content_type = "application/json";
    req.max_body = 64 * 1024;
    req.body = json{{"code", code}, {"public_key", sync::encode_sign_public_key(keys.public_key)}, {"name", ""}}.dump();
    const auto answer = client.send(req);
    if (!answer.ok()) return sync::describe(*answer.failure);
    sync::HubFailure bad;
    const auto body = sync::json_object(*answer.response, bad);
    if (!body) return sync::describe(bad);
    const auto& j = *body;
    sync::EnrolAnswer a;
    try {
        a = {j.at("kiosk_id").get<std::string>(),          j.at("village_code").get<std::string>(),
             j.at("village_name").get<std::string>(),      j.at("province_sign_key").get<std::string>(),
             j.at("province_seal_key").get<std::string>(), j.at("server_time").get<std::int64_t>()};
        if (!sync::verify_text(sync::enrol_answer_text(a), j.at("signature").get<std::string>(), province_key))
            return "the answer's signature does not verify";
    } catch (const json::exception&) {
        return "the answer lacks a field";
    }
    if (a.village_code != village) return "answer for village " + a.village_code;
    if (sync::parse_sign_public_key(a.province_sign_key) != province_key) return "another province key";
    out = {a.kiosk_id, village, keys.secret_key};
    return "";
}

}  // namespace

void run_national_bench(const BenchEnv& env, const fs::path& wilayah_csv, const NationalOptions& options) {
    auto villages = read_village_codes(wilayah_csv);
    const std::size_t all = villages.size();
    if (options.villages > 0 && options.villages < villages.size()) villages.resize(options.villages);
    const fs::path root = env.work / "national";
    const fs::path hub_data = root / "hub";
    const std::string db_url = fresh_db_url(env, hub_data, "bench_national");
    const std::string backend = backend_name(db_url);
    const std::string key = "national." + backend;
    init_hub_data(env, hub_data, db_url, std::nullopt);

    Stopwatch importing;
    hub_cli(env, hub_data, db_url, {"regions", "import", wilayah_csv.string()});
    const auto regions = hub::open_sql_db(db_url)->query("SELECT count(*) FROM regions")[0].int64(0);
    result(key + ".regions_import", std::to_string(regions) + " regions (" + std::to_string(all) + " desa) of " +
                                        wilayah_csv.filename().string() + " imported in " + fixed(importing.seconds(), 1) +
                                        " s (`desa-hub regions import`)");

    const auto keys = json::parse(hub_cli(env, hub_data, db_url, {"keys", "show", "--json"}));
    const auto province_key = sync::parse_sign_public_key(keys.at("sign_public_key").get<std::string>());
    if (!province_key) throw std::runtime_error("keys show printed no sign key");

    // The administrator's command, a few times, for its cost per code (a process each).
    Stopwatch cli;
    const int cli_runs = 10;
    for (int i = 0; i < cli_runs; ++i) enrol_code(env, hub_data, db_url, villages[static_cast<std::size_t>(i)]);
    const double cli_ms = cli.seconds() * 1000 / cli_runs;

    // The codes (a province preparing the roll-out; one transaction per code, as the command makes
    // them), by `code_threads` connections on PostgreSQL; on SQLite by one, since its writers take
    // turns anyway and a starved one gives up after the 15 s busy timeout.
    std::vector<std::string> codes(villages.size());
    {
        hub::migrate(*hub::open_sql_db(db_url));
        const int makers_count = backend == "sqlite" ? 1 : options.code_threads;
        Stopwatch making;
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        std::atomic<std::size_t> next_code{0};
        std::mutex failure_mutex;
        std::string failure;
        std::vector<std::thread> makers;
        for (int t = 0; t < makers_count; ++t)
            makers.emplace_back([&] {
                try {
                    auto db = hub::open_sql_db(db_url);
                    for (std::size_t i = next_code++; i < villages.size(); i = next_code++)
                        codes[i] = hub::create_enrol_code(*db, villages[i], "", 7 * 24 * 3600, now).code;
                } catch (const std::exception& e) {
                    std::lock_guard lock(failure_mutex);
                    failure = e.what();
                    next_code = villages.size();  // the others stop too
                }
            });
        for (auto& m : makers) m.join();
        if (!failure.empty()) throw std::runtime_error("making the codes: " + failure);
        const double s = making.seconds();
        result(key + ".codes", std::to_string(codes.size()) + " one-time codes in " + fixed(s, 1) + " s (" +
                                   fixed(static_cast<double>(codes.size()) / s, 0) + " codes/s, " +
                                   std::to_string(makers_count) +
                                   " connection(s), one transaction per code); `desa-hub kiosk enroll` takes " +
                                   fixed(cli_ms, 0) + " ms per code as a process");
    }

    HubProcess hub(env, hub_data, db_url);
    std::vector<Enrolled> enrolled(villages.size());
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(options.client_threads));
    std::atomic<std::size_t> next{0}, failed{0}, done{0};
    std::mutex error_mutex;
    std::string first_error;
    const double cpu_before = hub.cpu_seconds();
    Stopwatch enrolling;
    std::vector<std::thread> threads;
    for (int t = 0; t < options.client_threads; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = next++; i < villages.size(); i = next++) {
                Stopwatch one;
                const auto error = enrol_one(hub.url(), codes[i], villages[i], *province_key, enrolled[i]);
                latencies[static_cast<std::size_t>(t)].push_back(one.seconds() * 1000);
                if (!error.empty()) {
                    ++failed;
                    std::lock_guard lock(error_mutex);
                    if (first_error.empty()) first_error = error;
                }
                const auto n = ++done;
                if (n % 10'000 == 0)
                    std::cerr << "  national enrolment: " << n << " of " << villages.size() << " after "
                              << fixed(enrolling.seconds(), 0) << " s\n";
            }
        });
    }
    for (auto& th : threads) th.join();
    const double s = enrolling.seconds();
    std::vector<double> all_latencies;
    for (const auto& l : latencies) all_latencies.insert(all_latencies.end(), l.begin(), l.end());
    const double hub_cpu = hub.cpu_seconds() - cpu_before;
    result(key + ".enrol", std::to_string(villages.size() - failed) + " of " + std::to_string(villages.size()) +
                               " kiosks enrolled in " + fixed(s, 1) + " s = " +
                               fixed(static_cast<double>(villages.size()) / s, 0) + " enrolments/s with " +
                               std::to_string(options.client_threads) + " client threads (key pair, HTTP, signed answer checked); p50 " +
                               fixed(percentile(all_latencies, 50), 1) + " ms, p95 " + fixed(percentile(all_latencies, 95), 1) +
                               " ms; hub CPU " + fixed(hub_cpu * 1000 / static_cast<double>(villages.size()), 2) +
                               " ms per enrolment; " + std::to_string(failed.load()) + " failed" +
                               (first_error.empty() ? "" : " (first: " + first_error + ")"));
    {
        auto db = hub::open_sql_db(db_url);
        const auto count = db->query("SELECT count(*) FROM kiosks")[0].int64(0);
        result(key + ".db_size", human_bytes(db_size_bytes(db_url)) + " with " + std::to_string(count) + " kiosks, " +
                                     std::to_string(regions) + " regions and " + std::to_string(codes.size() + cli_runs) +
                                     " codes");
    }

    // Signed polls by 32 kiosks spread over the country: the hub finds each among all of them.
    std::vector<BenchKiosk> sample;
    const std::size_t step = std::max<std::size_t>(1, villages.size() / 32);
    for (std::size_t i = 0; i < villages.size() && sample.size() < 32; i += step) {
        if (enrolled[i].kiosk_id.empty()) continue;
        sync::Identity id;
        id.kiosk_id = enrolled[i].kiosk_id;
        id.hub_url = hub.url();
        id.village_code = enrolled[i].village;
        id.province_sign_key = *province_key;
        sample.push_back({fs::path(), id, enrolled[i].secret});
    }
    const fs::path slides = root / "slides";
    fs::create_directories(slides);
    std::ofstream(slides / "welcome.txt") << "Selamat datang\n";
    hub_cli(env, hub_data, db_url, {"content", "publish", "slides", slides.string()});
    const auto f = run_workload(hub, sample, Workload::Poll, env.quick ? 2 : 4);
    result(key + ".poll_k32", load_text(f, Workload::Poll) + " (among " + std::to_string(villages.size() - failed) +
                                  " enrolled kiosks)");
}

}  // namespace desa::bench_sync
