#include "app/scan_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

#include "scan/barcode_scan.hpp"

namespace desa::kiosk {

int run_scan(const std::vector<std::string>& images) {
    int status = 0;
    const auto print = [](const nlohmann::json& line) {
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    };
    for (const auto& file : images) {
        std::string error;
        const auto image = scan::load_image(file, error);
        if (!image) {
            print({{"file", file}, {"format", nullptr}, {"text", nullptr}, {"kind", nullptr},
                   {"verdict", "none"}, {"error", error}});
            status = 1;
            continue;
        }
        const auto codes = scan::read_codes(*image);
        if (codes.empty())
            print({{"file", file}, {"format", nullptr}, {"text", nullptr}, {"kind", nullptr}, {"verdict", "none"}});
        for (const auto& code : codes) {
            nlohmann::json line{{"file", file},
                                {"format", code.format},
                                {"text", code.text},
                                {"kind", scan::kind_name(code.kind)},
                                {"verdict", scan::verdict_name(code.verdict)}};
            if (!code.value.empty()) line["value"] = code.value;
            print(line);
        }
    }
    return status;
}

}  // namespace desa::kiosk
