#pragma once
// What every step of a sync cycle works with: the kiosk database, its data directory, the client
// already signing as this kiosk, and the pinned identity.
#include <cstdint>
#include <filesystem>
#include <functional>

#include "storage/database.hpp"
#include "sync/hub_client.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {

struct SyncSession {
    storage::Database& db;
    std::filesystem::path data_dir;
    HubClient& client;
    Identity identity;
    // Unix seconds for the kiosk's own records (sent_at, last success): the local clock with the
    // hub's correction, so a Pi that woke up in 1970 still writes sensible times.
    std::function<std::int64_t()> now;
};

}  // namespace desa::sync
