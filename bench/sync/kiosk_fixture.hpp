#pragma once
// Kiosks for the sync benchmark, made the way a real kiosk is: a data directory with kiosk.db
// and its migrations, enrolled through sync::enrol with a one-time code from `desa-hub kiosk
// enroll`, so the pinned keys and the kiosk key are the real ones.
#include <filesystem>
#include <memory>
#include <string>

#include "hub_fixture.hpp"
#include "sync/hub_client.hpp"
#include "sync/sync_store.hpp"

namespace desa::bench_sync {

struct BenchKiosk {
    fs::path dir;
    sync::Identity identity;
    sync::SignSecretKey secret;
};

BenchKiosk enrol_kiosk(const BenchEnv& env, const fs::path& hub_data, const std::string& db_url,
                       const std::string& hub_url, const std::string& village, const fs::path& dir);

// A client signing as `kiosk`, sending to `base_url` (the hub, or a proxy in front of it).
std::unique_ptr<sync::HubClient> kiosk_client(const BenchKiosk& kiosk, const std::string& base_url);

// Prints "KEY: TEXT" (the lines bench/sync/run.sh collects) and flushes.
void result(const std::string& key, const std::string& text);

}  // namespace desa::bench_sync
