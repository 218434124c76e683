#include "load_bench.hpp"

#include <atomic>
#include <ctime>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "sync/gzip_body.hpp"
#include "sync/outbox.hpp"
#include "sync/outbox_upload.hpp"

namespace desa::bench_sync {
namespace {

using Clock = std::chrono::steady_clock;

std::string fixed(double v, int decimals) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << v;
    return out.str();
}

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

// Records as the kiosk writes them: a heartbeat, or an evaluation (aspirations/evaluation.cpp).
sync::OutgoingRecord heartbeat_record(const BenchKiosk& k) {
    const std::string uuid = sync::new_uuid();
    const nlohmann::json payload{{"kiosk_id", k.identity.kiosk_id}, {"version", DESA_VERSION},
                                 {"uptime_s", 86400},              {"pending_outbox", 0},
                                 {"disk_free_mb", 12000},          {"at", unix_now()}};
    return {0, uuid, "heartbeat", unix_now(), payload.dump()};
}

sync::OutgoingRecord evaluation_record(const BenchKiosk& k, int i) {
    const std::string uuid = sync::new_uuid();
    const nlohmann::json payload{{"id", uuid},
                                 {"created_at", unix_now()},
                                 {"village_code", k.identity.village_code},
                                 {"service", i % 2 ? "perpustakaan" : "administrasi"},
                                 {"rating", 1 + i % 5},
                                 {"comment", i % 3 ? "" : "Pelayanan cepat, petugas ramah."}};
    return {0, uuid, "evaluations", unix_now(), payload.dump()};
}

// One request of `work`; "" when the hub answered as the protocol says, else why not.
std::string one_request(sync::HubClient& client, const BenchKiosk& k, Workload work) {
    if (work == Workload::Poll) {
        sync::HubRequest req;
        req.path = "/v1/channels/slides/manifest";
        req.if_none_match = "1";
        const auto answer = client.send(req);
        if (!answer.ok()) return sync::describe(*answer.failure);
        return answer.response->status == 304 ? "" : "status " + std::to_string(answer.response->status);
    }
    std::vector<sync::OutgoingRecord> records;
    if (work == Workload::Heartbeat) records.push_back(heartbeat_record(k));
    else
        for (int i = 0; i < 50; ++i) records.push_back(evaluation_record(k, i));
    std::vector<sync::OutgoingRecord> too_large;
    const auto batches = sync::make_batches(records, too_large);
    if (batches.size() != 1) return "the records did not fit one batch";
    sync::HubRequest req;  // as upload_outbox sends it
    req.method = "POST";
    req.path = "/v1/outbox";
    req.content_type = "application/json";
    req.gzip = true;
    req.body = sync::gzip_compress(batches[0].body);
    req.max_body = 256 * 1024;
    const auto answer = client.send(req);
    if (!answer.ok()) return sync::describe(*answer.failure);
    sync::HubFailure bad;
    const auto results = sync::verify_ack(*answer.response, k.identity.kiosk_id, batches[0], k.identity.province_sign_key, bad);
    if (!results) return sync::describe(bad);
    for (const auto& r : *results)
        if (r.result != "stored") return "record " + r.result;
    return "";
}

}  // namespace

const char* workload_name(Workload w) {
    switch (w) {
        case Workload::Poll: return "poll";
        case Workload::Heartbeat: return "heartbeat";
        case Workload::Batch50: return "batch50";
    }
    return "?";
}

LoadFigures run_workload(const HubProcess& hub, const std::vector<BenchKiosk>& kiosks, Workload work, double seconds) {
    LoadFigures f;
    f.kiosks = static_cast<int>(kiosks.size());
    std::mutex mutex;
    const auto start = Clock::now() + std::chrono::milliseconds(300);  // every thread ready first
    const auto end = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    const double cpu_before = hub.cpu_seconds();
    std::vector<std::thread> threads;
    for (const auto& k : kiosks) {
        threads.emplace_back([&, k] {
            auto client = kiosk_client(k, hub.url());
            std::vector<double> latencies;
            std::int64_t ok = 0, failed = 0;
            std::string first_error;
            std::this_thread::sleep_until(start);
            while (Clock::now() < end) {
                const auto t0 = Clock::now();
                const auto error = one_request(*client, k, work);
                const auto t1 = Clock::now();
                if (error.empty()) {
                    ++ok;
                    latencies.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
                } else {
                    ++failed;
                    if (first_error.empty()) first_error = error;
                }
            }
            std::lock_guard lock(mutex);
            f.ok += ok;
            f.failed += failed;
            if (f.first_error.empty()) f.first_error = first_error;
            f.latency_ms.insert(f.latency_ms.end(), latencies.begin(), latencies.end());
        });
    }
    for (auto& t : threads) t.join();
    // Requests still running at `end` finished a little later: count the time they took.
    f.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    f.hub_cpu_seconds = hub.cpu_seconds() - cpu_before;
    return f;
}

std::string load_text(const LoadFigures& f, Workload work) {
    std::string text = fixed(f.requests_per_second(), 0) + " req/s";
    if (work == Workload::Batch50) text += " (" + fixed(f.requests_per_second() * 50, 0) + " records/s)";
    text += ", latency p50 " + fixed(percentile(f.latency_ms, 50), 1) + " ms, p95 " +
            fixed(percentile(f.latency_ms, 95), 1) + ", p99 " + fixed(percentile(f.latency_ms, 99), 1) + ", " +
            std::to_string(f.ok) + " ok, " + std::to_string(f.failed) + " failed";
    if (f.ok > 0) text += ", hub CPU " + fixed(f.hub_cpu_seconds * 1000 / static_cast<double>(f.ok), 2) + " ms/req";
    if (!f.first_error.empty()) text += " (first error: " + f.first_error + ")";
    return text;
}

void run_load_bench(const BenchEnv& env, const std::vector<std::string>& villages, const LoadOptions& options) {
    int most = 0;
    for (const int k : options.kiosks) most = std::max(most, k);
    const fs::path root = env.work / "load";
    const fs::path hub_data = root / "hub";
    const std::string db_url = fresh_db_url(env, hub_data, "bench_load");
    const std::string backend = backend_name(db_url);
    init_hub_data(env, hub_data, db_url, env.work / "regions.csv");
    const fs::path slides = root / "slides";
    fs::create_directories(slides);
    std::ofstream(slides / "welcome.txt") << "Selamat datang\n";
    hub_cli(env, hub_data, db_url, {"content", "publish", "slides", slides.string()});

    HubProcess hub(env, hub_data, db_url);
    Stopwatch enrolling;
    std::vector<BenchKiosk> kiosks;
    for (int i = 0; i < most; ++i)
        kiosks.push_back(enrol_kiosk(env, hub_data, db_url, hub.url(), villages.at(static_cast<std::size_t>(i)),
                                     root / ("kiosk-" + std::to_string(i))));
    result("load." + backend + ".setup", std::to_string(most) + " kiosks enrolled (sync::enrol, codes from the CLI) in " +
                                             fixed(enrolling.seconds(), 1) + " s; hub with 8 HTTP workers");

    for (const auto work : {Workload::Poll, Workload::Heartbeat, Workload::Batch50}) {
        for (const int n : options.kiosks) {
            const std::vector<BenchKiosk> some(kiosks.begin(), kiosks.begin() + n);
            const auto f = run_workload(hub, some, work, options.seconds);
            result("load." + backend + "." + workload_name(work) + ".k" + std::to_string(n), load_text(f, work));
        }
    }
    result("load." + backend + ".db_size", human_bytes(db_size_bytes(db_url)) + " after the run");
}

}  // namespace desa::bench_sync
