#pragma once
// A kiosk context on the demo configuration and a fresh data directory, as the app loads it.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "app/kiosk_context.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/union_catalog.hpp"

namespace desa::test {

inline std::filesystem::path source_assets() {
    if (const char* env = std::getenv("DESA_ASSETS_DIR"); env != nullptr && *env != '\0') return env;
    return DESA_SOURCE_ASSETS_DIR;
}

struct DemoKiosk {
    std::filesystem::path data_dir;
    std::unique_ptr<kiosk::KioskContext> ctx;

    DemoKiosk() {
        std::string pattern = (std::filesystem::temp_directory_path() / "desa-kiosk-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        data_dir = pattern;
        ctx = kiosk::load_kiosk_context({source_assets() / "demo/kiosk.toml", data_dir, source_assets(), std::nullopt});
    }
    ~DemoKiosk() {
        ctx.reset();
        std::error_code ec;
        std::filesystem::remove_all(data_dir, ec);
    }
};

// The demo village's library content, as a kiosk started without any config loads it (DemoKiosk
// names the demo config, so it starts with an empty catalogue): the village catalogue and the
// neighbouring libraries' union catalogue (assets/demo/union).
inline void load_demo_library(kiosk::KioskContext& ctx) {
    const auto imported = catalog::import_file(ctx.db, source_assets() / "demo/catalog.csv");
    if (!imported.ok()) throw std::runtime_error("demo catalogue: " + imported.error);
    const auto applied =
        catalog::install_union_catalog(ctx.data_dir, source_assets() / "demo/union", ctx.config.village_code);
    if (!applied.ok()) throw std::runtime_error("demo union catalogue: " + applied.error);
}

}  // namespace desa::test
