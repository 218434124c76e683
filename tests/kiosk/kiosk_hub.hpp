#pragma once
// A real `desa-hub serve` for kiosk tests (built only when the hub is part of the build): a data
// directory with keys, a free port, enrolment codes (and their QR as PNG), and the hub's CLI.
#ifdef DESA_HUB_BINARY
#include <catch2/catch.hpp>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hub/hub_process.hpp"

namespace desa::test {

struct TestHub {
    desa::test::TempDir data;
    std::unique_ptr<hub::test::HubProcess> process;

    TestHub() {
        REQUIRE(hub::test::run_hub({"keys", "init", "--data-dir", data.path().string()}).exit_code == 0);
        process = std::make_unique<hub::test::HubProcess>(std::vector<std::string>{"--data-dir", data.path().string()});
    }
    nlohmann::json code(const std::string& qr_png = {}) {
        std::vector<std::string> args{"kiosk", "enroll", "--data-dir", data.path().string(), "--village",
                                      "18.01.04.2001", "--hub-url", process->url(), "--json"};
        if (!qr_png.empty()) args.insert(args.end(), {"--qr-png", qr_png});
        const auto r = hub::test::run_hub(args);
        REQUIRE(r.exit_code == 0);
        return r.json();
    }
    // `desa-hub ARGS... --data-dir DATA`.
    hub::test::CommandResult run(std::vector<std::string> args) const {
        args.insert(args.end(), {"--data-dir", data.path().string()});
        return hub::test::run_hub(args);
    }
};

}  // namespace desa::test
#endif
