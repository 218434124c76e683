// 5. A 1 % change of the union catalogue: the delta chain against a new full snapshot, both
// published with `desa-hub content publish catalog DIR` and fetched by the kiosk's sync cycle with
// the union catalogue applied. Then the slot for deltas made by the hub itself.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog/catalog_generator.hpp"
#include "wire_bench.hpp"

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

// The cycle's bytes for the catalog channel alone: the whole cycle minus what an unchanged cycle
// costs for the other steps is not separable per request, so report both the cycle and the files.
struct CatalogStep {
    CycleFigures cycle;
    std::int64_t file_bytes = 0;
    int files_fetched = 0, files_reused = 0;
};

CatalogStep sync_catalog(WireRig& rig) {
    CatalogStep step;
    step.cycle = run_kiosk_cycle(rig);
    if (!step.cycle.report.ok) throw std::runtime_error("catalogue cycle failed: " + step.cycle.report.error);
    for (const auto& c : step.cycle.report.channels) {
        if (c.channel != "catalog") continue;
        if (!c.installed) throw std::runtime_error("the catalogue version was not installed: " + c.rejected);
        step.file_bytes = c.bytes_fetched;
        step.files_fetched = c.files_fetched;
        step.files_reused = c.files_reused;
    }
    return step;
}

std::string step_text(const CatalogStep& s, const WireRig& rig) {
    std::string text = std::to_string(s.cycle.bytes()) + " bytes on the wire for the cycle (" +
                       std::to_string(s.cycle.report.wire.requests) + " requests), catalogue files " +
                       std::to_string(s.file_bytes) + " bytes (" + std::to_string(s.files_fetched) + " fetched, " +
                       std::to_string(s.files_reused) + " reused); apply " + fixed(s.cycle.apply_seconds, 2) + " s";
    if (rig.last_apply)
        text += " (" + std::to_string(rig.last_apply->records) + " holdings, " +
                std::to_string(rig.last_apply->skipped_total) + " rows skipped)";
    return text;
}

// ---------------------------------------------------------------------------------------------
// SLOT for the hub's own catalogue deltas (helper "catalog-channel": `desa-hub content publish
// catalog FILE` turning a library's catalogue into snapshot/delta files). Runs when publishing a
// catalogue and then the same catalogue with 1 % more records makes a version with delta-*.csv;
// otherwise it reports the figure as pending.
// ---------------------------------------------------------------------------------------------
void hub_made_delta(WireRig& rig) {
    const std::size_t records = rig.env.quick ? 20'000 : 100'000;
    const fs::path before = rig.root / "hub-delta-before.csv", after = rig.root / "hub-delta-after.csv";
    bench::write_catalog_csv(before, records, 20261128);
    bench::write_catalog_csv(after, records + records / 100, 20261128);  // the same records + 1 % new
    // One library's whole catalogue, then the same with 1 % more records (the options of the
    // catalog-channel's command: --library CODE, --library-name for a new library).
    const std::string library = rig.catalog.village_codes.at(0);
    const auto publish = [&](const fs::path& file) {
        return hub_cli(rig.env, rig.hub_data, rig.db_url,
                       {"content", "publish", "catalog", file.string(), "--library", library, "--library-name",
                        "Perpustakaan Desa Bench", "--json"});
    };
    json published;
    double publish_seconds = 0;
    try {
        publish(before);
        const auto first = run_kiosk_cycle(rig);
        if (!first.report.ok) throw std::runtime_error("cycle after the first publish failed: " + first.report.error);
        Stopwatch w;
        published = json::parse(publish(after), nullptr, false);
        publish_seconds = w.seconds();
    } catch (const std::exception& e) {
        result("wire.catalog_hub_delta", std::string("PENDING (publish catalog FILE not usable here: ") + e.what() + ")");
        return;
    }
    std::vector<std::string> names;
    bool has_delta = false;
    if (published.is_object() && published.contains("files") && published["files"].is_array())
        for (const auto& f : published["files"]) {
            names.push_back(f.value("name", "?"));
            if (names.back().starts_with("delta-")) has_delta = true;
        }
    if (!has_delta) {
        std::string shown;
        for (const auto& n : names) shown += (shown.empty() ? "" : ", ") + n;
        result("wire.catalog_hub_delta", "PENDING: `desa-hub content publish catalog FILE` makes no delta yet (files: " +
                                             shown + ")");
        return;
    }
    const auto step = sync_catalog(rig);
    std::int64_t snapshot_bytes = 0;
    for (const auto& f : published["files"])
        if (f.value("name", "").starts_with("snapshot-")) snapshot_bytes = f.value("size", std::int64_t{0});
    result("wire.catalog_hub_delta", "hub-made delta for 1 % more records in a library of " + std::to_string(records) +
                                         " (publish " + fixed(publish_seconds, 1) + " s): " +
                                         step_text(step, rig) + "; its snapshot is " + std::to_string(snapshot_bytes) +
                                         " bytes: " + fixed(static_cast<double>(snapshot_bytes) /
                                                                static_cast<double>(std::max<std::int64_t>(1, step.file_bytes)), 0) +
                                         " x fewer file bytes");
}

}  // namespace

void run_catalog_delta(WireRig& rig) {
    const auto v1 = channel_version(rig, "catalog");
    const fs::path v1_dir = rig.root / "catalog-v1";

    // Version v1 + 1: the snapshot the kiosks hold and the delta of a 1 % change.
    const fs::path delta_dir = rig.root / "catalog-delta";
    fs::create_directories(delta_dir);
    fs::copy_file(v1_dir / "libraries.csv", delta_dir / "libraries.csv", fs::copy_options::overwrite_existing);
    fs::copy_file(v1_dir / "snapshot-1.csv", delta_dir / "snapshot-1.csv", fs::copy_options::overwrite_existing);
    DeltaCounts counts;
    const auto delta_bytes =
        write_delta_csv(delta_dir / ("delta-" + std::to_string(v1 + 1) + ".csv"), rig.catalog, counts);
    hub_cli(rig.env, rig.hub_data, rig.db_url, {"content", "publish", "catalog", delta_dir.string()});
    const auto delta = sync_catalog(rig);
    result("wire.catalog_delta", "1 % change (" + std::to_string(counts.changed) + " holdings changed, " +
                                     std::to_string(counts.deleted) + " deleted, " + std::to_string(counts.added) +
                                     " added; delta file " + std::to_string(delta_bytes) + " bytes): " +
                                     step_text(delta, rig));

    // Version v1 + 2: the same catalogue as one new snapshot, what a kiosk downloads without deltas.
    const fs::path full_dir = rig.root / "catalog-full";
    fs::create_directories(full_dir);
    fs::copy_file(v1_dir / "libraries.csv", full_dir / "libraries.csv", fs::copy_options::overwrite_existing);
    write_snapshot_csv(full_dir / ("snapshot-" + std::to_string(v1 + 2) + ".csv"), rig.catalog, true);
    hub_cli(rig.env, rig.hub_data, rig.db_url, {"content", "publish", "catalog", full_dir.string()});
    const auto full = sync_catalog(rig);
    result("wire.catalog_full", "the same change as a new full snapshot: " + step_text(full, rig));
    result("wire.catalog_ratio",
           fixed(static_cast<double>(full.cycle.bytes()) / static_cast<double>(delta.cycle.bytes()), 0) +
               " x fewer bytes on the wire with the delta; apply " + fixed(delta.cycle.apply_seconds, 2) + " s vs " +
               fixed(full.cycle.apply_seconds, 2) + " s");

    hub_made_delta(rig);
}

}  // namespace desa::bench_sync
