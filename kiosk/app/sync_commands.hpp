#pragma once
// `desa-kiosk enroll HUB_URL CODE` (or the QR text), `desa-kiosk sync --once [--hub URL]` and
// `desa-kiosk status [--json]`: the kiosk side of the hub, for administrators and tests. Exit 0 on
// success; otherwise one translated line on stderr naming the reason.
#include <CLI/CLI.hpp>
#include <functional>

#include "app/kiosk_context.hpp"
#include "sync/sync_engine.hpp"

namespace desa::kiosk {

// Adds the three subcommands; the function runs whichever was parsed (nullptr-safe: returns -1
// when none of them was).
std::function<int(KioskContext&)> add_sync_commands(CLI::App& cli);

// The kiosk's sync options, shared by `sync --once` and the worker thread
// (sync::SyncWorker(sync::kiosk_sync_cycle(ctx.data_dir, kiosk_sync_options(ctx)))): the channels
// and their apply hooks: `catalog` installs the union catalogue (catalog::install_union_catalog
// with this kiosk's village code) before the switch.
sync::SyncOptions kiosk_sync_options(const KioskContext& ctx);

}  // namespace desa::kiosk
