#pragma once
// Bytes on the wire, measured with the kiosk's own sync engine (libcurl's counters: request and
// response headers and bodies, not TCP/IP framing) against a real desa-hub on loopback:
//   1. an unchanged poll / sync cycle, against re-downloading every manifest and file;
//   2. the bytes sent again after a download is cut (through tests/e2e/fault_proxy.py), against
//      restarting the file from zero;
//   5. a 1 % change of a union catalogue as a delta, against a full snapshot.
// The hub runs on SQLite: byte counts do not depend on the database.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/union_catalog.hpp"
#include "hub_fixture.hpp"
#include "kiosk_fixture.hpp"
#include "sync/sync_engine.hpp"
#include "union_generator.hpp"

namespace desa::bench_sync {

struct WireRig {
    const BenchEnv& env;
    fs::path root;      // env.work / "wire"
    fs::path hub_data;
    std::string db_url;
    std::unique_ptr<HubProcess> hub;
    BenchKiosk kiosk;
    UnionSpec catalog;  // what catalog version 1 was made from
    std::optional<catalog::UnionApplyReport> last_apply;
};

struct CycleFigures {
    sync::CycleReport report;
    double seconds = 0;
    double apply_seconds = 0;  // the catalog hook, when it ran
    std::int64_t bytes() const { return report.wire.bytes_sent + report.wire.bytes_received; }
};

// One sync cycle of the kiosk with the union catalogue hook wired (as the kiosk will).
CycleFigures run_kiosk_cycle(WireRig& rig);

// The current version of a channel at the hub (`desa-hub content list --json`), 0 when none.
std::int64_t channel_version(const WireRig& rig, const std::string& channel);

void run_wire_benches(const BenchEnv& env, const std::vector<std::string>& villages);

// catalog_delta_bench.cpp: 5.
void run_catalog_delta(WireRig& rig);

}  // namespace desa::bench_sync
