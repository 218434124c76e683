// desa-hub content publish queue-services FILE.toml --village CODE: a village office's queue
// services, checked with the kiosk's own parser (shared/queue/hub_services.hpp), as a new version
// of that village's channel queue_services_<village digits>.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/content_commands.hpp"
#include "model/content.hpp"
#include "model/province_keys.hpp"
#include "model/regions.hpp"
#include "queue/hub_services.hpp"

namespace desa::hub {
namespace {

struct Args {
    std::string file, village;
    bool json = false;
};

void run(CliContext& ctx, const Args& a) {
    const auto village = normalize_village_code(a.village);
    if (!village)
        throw CommandError(kExitBadInput, "--village '" + a.village + "' is not a desa/kelurahan code (PP.KK.CC.DDDD)");
    const auto load = queue::read_hub_services(a.file);
    if (!load.services) {
        for (const auto& p : load.problems) std::cerr << a.file << ": " << queue::problem_line(p) << "\n";
        throw CommandError(kExitBadInput, a.file + ": " + std::to_string(load.problems.size()) +
                                              " problem(s); nothing published");
    }
    ctx.require_data_dir();
    const auto key = load_sign_key(ctx.data_dir);
    auto db = ctx.open_db();
    if (region_count(*db) > 0 && !region_name(*db, *village))
        throw CommandError(kExitFailed, "village " + *village + " is not in the imported regions");
    const std::string channel = queue::hub_services_channel(*village);
    const auto result = publish_channel(*db, ctx.data_dir, key.secret_key, channel,
                                        {{std::string(queue::kHubServicesFile), a.file}}, now_seconds());
    nlohmann::json services = nlohmann::json::array();
    for (const auto& s : *load.services) services.push_back(s.id);
    if (a.json) {
        std::cout << nlohmann::json{{"channel", channel},           {"village", *village},
                                    {"version", result.manifest.version}, {"unchanged", result.unchanged},
                                    {"services", services}}
                         .dump()
                  << "\n";
        return;
    }
    std::cout << channel << (result.unchanged ? ": unchanged, still version " : ": published version ")
              << result.manifest.version << " (" << load.services->size() << " service(s) for " << *village << ")\n";
}

}  // namespace

void add_queue_services_publish_command(CLI::App& publish, CliContext& ctx) {
    auto args = ctx.hold<Args>();
    auto* q = publish.add_subcommand("queue-services", "A village office's queue services (kiosk.toml's [queue] shape)");
    add_common_options(*q, ctx);
    q->add_option("FILE", args->file, "TOML file with [[queue.service]] tables")->required();
    q->add_option("--village", args->village, "The office's desa code (PP.KK.CC.DDDD)")->required();
    q->add_flag("--json", args->json, "Print JSON");
    q->callback([&ctx, args] { run(ctx, *args); });
}

}  // namespace desa::hub
