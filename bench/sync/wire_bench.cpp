#include "wire_bench.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "storage/kiosk_schema.hpp"
#include "sync/content_sync.hpp"

namespace desa::bench_sync {
namespace {

using nlohmann::json;

std::string num(double v, int decimals = 1) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << v;
    return out.str();
}

std::string wire_text(const sync::WireCounters& w) {
    return std::to_string(w.bytes_sent + w.bytes_received) + " bytes in " + std::to_string(w.requests) +
           " request(s) (sent " + std::to_string(w.bytes_sent) + ", received " + std::to_string(w.bytes_received) + ")";
}

void write_random_file(const fs::path& file, std::size_t bytes) {
    std::string data(bytes, '\0');
    randombytes_buf(data.data(), data.size());  // incompressible, like the JPEG slides it stands for
    std::ofstream(file, std::ios::binary) << data;
}

// The kiosk downloading every channel again in full: manifests without If-None-Match, every file
// in one GET, and the status feed as the cycle asks for it.
sync::WireCounters naive_redownload(WireRig& rig) {
    auto client = kiosk_client(rig.kiosk, rig.hub->url());
    sync::HubRequest updates;
    updates.path = "/v1/aspirations/updates?after=0";
    if (!client->send(updates).ok()) throw std::runtime_error("naive: the status feed failed");
    for (const std::string channel : {"slides", "catalog"}) {
        sync::HubRequest req;
        req.path = "/v1/channels/" + channel + "/manifest";
        const auto answer = client->send(req);
        if (!answer.ok()) throw std::runtime_error("naive: manifest of " + channel + " failed");
        sync::HubFailure bad;
        const auto manifest = sync::verify_manifest(*answer.response, channel, rig.kiosk.identity.province_sign_key, bad);
        if (!manifest) throw std::runtime_error("naive: manifest does not verify: " + sync::describe(bad));
        for (const auto& f : manifest->files) {
            sync::HubRequest get;
            get.path = "/v1/files/" + f.sha256;
            get.max_body = static_cast<std::size_t>(f.size) + 1;
            const auto file = client->send(get);
            if (!file.ok() || static_cast<std::int64_t>(file.response->body.size()) != f.size)
                throw std::runtime_error("naive: file " + f.name + " failed");
        }
    }
    return client->counters();
}

// 1. Unchanged poll and cycle vs the naive full re-download.
void unchanged_poll(WireRig& rig) {
    const auto first = run_kiosk_cycle(rig);
    if (!first.report.ok) throw std::runtime_error("first sync cycle failed: " + first.report.error);
    result("wire.first_cycle", wire_text(first.report.wire) + ", " + num(first.seconds, 2) + " s (catalogue apply " +
                                   num(first.apply_seconds, 2) + " s)");

    std::vector<double> cycle_bytes;
    sync::WireCounters unchanged;
    for (int i = 0; i < 5; ++i) {
        const auto c = run_kiosk_cycle(rig);
        if (!c.report.ok) throw std::runtime_error("unchanged cycle failed: " + c.report.error);
        for (const auto& ch : c.report.channels)
            if (!ch.unchanged) throw std::runtime_error("channel " + ch.channel + " was not unchanged");
        cycle_bytes.push_back(static_cast<double>(c.bytes()));
        unchanged = c.report.wire;
    }
    result("wire.unchanged_cycle", wire_text(unchanged) + "; max of 5 cycles " + num(percentile(cycle_bytes, 100), 0) +
                                       " bytes [target <= 1 KB per poll]");

    auto client = kiosk_client(rig.kiosk, rig.hub->url());
    sync::HubRequest poll;
    poll.path = "/v1/channels/catalog/manifest";
    poll.if_none_match = std::to_string(channel_version(rig, "catalog"));
    const auto answer = client->send(poll);
    if (!answer.ok() || answer.response->status != 304) throw std::runtime_error("a conditional manifest poll was not 304");
    const auto one = client->counters();
    result("wire.unchanged_poll", wire_text(one) + " (one signed conditional manifest request answered 304) [target <= 1 KB: " +
                                      std::string(one.bytes_sent + one.bytes_received <= 1024 ? "met" : "MISSED") + "]");

    const auto naive = naive_redownload(rig);
    const auto ours = unchanged.bytes_sent + unchanged.bytes_received;
    result("wire.naive_cycle", wire_text(naive) + " (manifests and every file again)");
    result("wire.unchanged_ratio", num(static_cast<double>(naive.bytes_sent + naive.bytes_received) / static_cast<double>(ours), 0) +
                                       " x fewer bytes than the naive re-download");
}

// The proxy log's last line for a dropped request: "index method path fault bytes".
std::int64_t dropped_bytes(const fs::path& log) {
    std::ifstream in(log);
    std::string line;
    std::int64_t bytes = -1;
    while (std::getline(in, line)) {
        std::istringstream f(line);
        std::string index, method, path, fault;
        std::int64_t sent = 0;
        if (f >> index >> method >> path >> fault >> sent && fault == "drop_mid_body") bytes = sent;
    }
    return bytes;
}

// 2. A download cut in the middle of a chunk, resumed, vs a whole-file GET restarted from zero.
void interrupted_download(WireRig& rig) {
    const std::int64_t size = 4 * 1024 * 1024;  // 16 chunks of 256 KiB
    const int cut_at_chunk = 9;                  // the 9th chunk is cut after half its body
    const fs::path src = rig.root / "resume-src";
    fs::create_directories(src);
    write_random_file(src / "lesson-video.bin", static_cast<std::size_t>(size));
    hub_cli(rig.env, rig.hub_data, rig.db_url, {"content", "publish", "channel", "bench_resume", src.string()});

    const fs::path plan = rig.root / "proxy-plan", log = rig.root / "proxy.log";
    {
        std::ofstream p(plan);
        for (int i = 1; i < cut_at_chunk; ++i) p << "pass /v1/files/\n";
        p << "drop_mid_body /v1/files/\n";
    }
    FaultProxy proxy(rig.env, rig.hub->port(), plan, log);

    auto db = storage::open_kiosk_database(rig.kiosk.dir);
    const auto identity = *sync::load_identity(db);
    auto now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    auto via_proxy = kiosk_client(rig.kiosk, proxy.url());
    sync::SyncSession s1{db, rig.kiosk.dir, *via_proxy, identity, now};
    const auto r1 = sync::sync_channel(s1, "bench_resume");
    if (!r1.failure) throw std::runtime_error("the cut download did not fail");
    const auto c1 = via_proxy->counters();
    const std::int64_t lost = dropped_bytes(log);

    auto direct = kiosk_client(rig.kiosk, rig.hub->url());
    sync::SyncSession s2{db, rig.kiosk.dir, *direct, identity, now};
    const auto r2 = sync::sync_channel(s2, "bench_resume");
    if (!r2.installed) throw std::runtime_error("the resumed download did not install: " + r2.rejected);
    const auto c2 = direct->counters();
    const std::int64_t body_total = r1.bytes_fetched + r2.bytes_fetched;
    result("wire.resume", "file " + std::to_string(size) + " bytes, cut in chunk " + std::to_string(cut_at_chunk) +
                              " of 16: " + std::to_string(r1.bytes_fetched) + " bytes kept, resumed from there with " +
                              std::to_string(r2.bytes_fetched) + " (kept bytes fetched again: " +
                              std::to_string(body_total - size) + "); lost with the cut request: " + std::to_string(lost) +
                              " bytes (its headers and the half chunk that had arrived)");
    result("wire.resume_wire", "before the cut " + wire_text(c1) + "; after " + wire_text(c2) +
                                   "; overhead beyond the file " + std::to_string(c1.bytes_received + c2.bytes_received - size) +
                                   " bytes received");

    // The naive client: one GET for the whole file, cut half-way, then the whole file again.
    {
        std::ofstream p(plan, std::ios::trunc);
        p << "drop_mid_body /v1/files/\n";
    }
    sync::HubRequest get_manifest;
    get_manifest.path = "/v1/channels/bench_resume/manifest";
    const auto manifest_answer = direct->send(get_manifest);
    sync::HubFailure bad;
    const auto manifest = manifest_answer.ok() ? sync::verify_manifest(*manifest_answer.response, "bench_resume",
                                                                       identity.province_sign_key, bad)
                                               : std::nullopt;
    if (!manifest || manifest->files.size() != 1) throw std::runtime_error("bench_resume manifest unreadable");
    sync::HubRequest whole;
    whole.path = "/v1/files/" + manifest->files[0].sha256;
    whole.max_body = static_cast<std::size_t>(size) + 1;
    auto naive_proxy = kiosk_client(rig.kiosk, proxy.url());
    if (naive_proxy->send(whole).ok()) throw std::runtime_error("the naive cut download did not fail");
    auto naive_direct = kiosk_client(rig.kiosk, rig.hub->url());
    if (!naive_direct->send(whole).ok()) throw std::runtime_error("the naive full download failed");
    const auto n1 = naive_proxy->counters(), n2 = naive_direct->counters();
    result("wire.resume_naive", "restart from zero: " + std::to_string(n1.bytes_received) +
                                    " bytes received before the cut (at half the file) are all sent again; total received " +
                                    std::to_string(n1.bytes_received + n2.bytes_received));
    result("wire.resume_ratio", "re-sent " + std::to_string(lost) + " vs " + std::to_string(n1.bytes_received) +
                                    " bytes: " + num(static_cast<double>(n1.bytes_received) / static_cast<double>(lost), 1) +
                                    " x less (bound: one chunk, " + std::to_string(sync::kChunkBytes) + " bytes)");
}

}  // namespace

CycleFigures run_kiosk_cycle(WireRig& rig) {
    auto db = storage::open_kiosk_database(rig.kiosk.dir);
    CycleFigures out;
    sync::SyncOptions options;
    const std::string village = rig.kiosk.identity.village_code;
    options.apply_hooks["catalog"] = [&](storage::Database&, const sync::Manifest&,
                                         const fs::path& dir) -> std::optional<std::string> {
        Stopwatch w;
        auto report = catalog::install_union_catalog(rig.kiosk.dir, dir, village);
        out.apply_seconds = w.seconds();
        const bool ok = report.ok();
        const std::string error = report.error;
        rig.last_apply = std::move(report);
        if (!ok) return error;
        return std::nullopt;
    };
    Stopwatch w;
    out.report = sync::run_cycle(db, rig.kiosk.dir, options);
    out.seconds = w.seconds();
    return out;
}

std::int64_t channel_version(const WireRig& rig, const std::string& channel) {
    const auto list = json::parse(hub_cli(rig.env, rig.hub_data, rig.db_url, {"content", "list", "--json"}), nullptr, false);
    if (list.is_array())
        for (const auto& c : list)
            if (c.value("channel", "") == channel) return c.value("version", std::int64_t{0});
    return 0;
}

void run_wire_benches(const BenchEnv& env, const std::vector<std::string>& villages) {
    WireRig rig{env, env.work / "wire", {}, {}, {}, {}, {}, {}};
    rig.hub_data = rig.root / "hub";
    rig.db_url = fresh_db_url(env, rig.hub_data, "bench_wire");
    init_hub_data(env, rig.hub_data, rig.db_url, env.work / "regions.csv");

    // What a province publishes: three slides and the union catalogue (version 1: a snapshot).
    const fs::path slides = rig.root / "slides", cat = rig.root / "catalog-v1";
    fs::create_directories(slides);
    fs::create_directories(cat);
    for (int i = 1; i <= 3; ++i) write_random_file(slides / ("slide-" + std::to_string(i) + ".jpg"), 300'000);
    hub_cli(env, rig.hub_data, rig.db_url, {"content", "publish", "slides", slides.string()});
    rig.catalog.holdings = env.quick ? 20'000 : 100'000;
    rig.catalog.village_codes.assign(villages.begin(), villages.begin() + std::min<std::size_t>(100, villages.size() - 1));
    write_libraries_csv(cat / "libraries.csv", rig.catalog);
    const auto snapshot = write_snapshot_csv(cat / "snapshot-1.csv", rig.catalog, false);
    hub_cli(env, rig.hub_data, rig.db_url, {"content", "publish", "catalog", cat.string()});
    result("wire.published", "slides 3 x 300 kB; union catalogue " + std::to_string(rig.catalog.holdings) +
                                 " holdings of " + std::to_string(rig.catalog.village_codes.size() + 1) +
                                 " libraries, snapshot " + std::to_string(snapshot) + " bytes");

    rig.hub = std::make_unique<HubProcess>(env, rig.hub_data, rig.db_url);
    const std::string village = villages.at(std::min<std::size_t>(100, villages.size() - 1));  // not a library's
    rig.kiosk = enrol_kiosk(env, rig.hub_data, rig.db_url, rig.hub->url(), village, rig.root / "kiosk");

    unchanged_poll(rig);
    run_catalog_delta(rig);
    interrupted_download(rig);
}

}  // namespace desa::bench_sync
