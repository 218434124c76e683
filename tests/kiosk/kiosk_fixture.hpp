#pragma once
// A kiosk context on the demo configuration and a fresh data directory, as the app loads it.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <unistd.h>

#include "app/kiosk_context.hpp"

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

}  // namespace desa::test
