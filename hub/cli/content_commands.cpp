// desa-hub content publish slides DIR | publish catalog FILE... (content_catalog.cpp) | publish
// queue-services FILE --village CODE (content_queue_services.cpp) | publish lessons PATH
// (content_lessons.cpp) | publish channel NAME DIR | list: new signed versions of the content
// channels kiosks pull.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/content_commands.hpp"
#include "model/content.hpp"
#include "model/province_keys.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

void report(const PublishResult& r, bool as_json) {
    std::int64_t bytes = 0;
    for (const auto& f : r.manifest.files) bytes += f.size;
    if (as_json) {
        json files = json::array();
        for (const auto& f : r.manifest.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
        std::cout << json{{"channel", r.manifest.channel}, {"version", r.manifest.version},
                          {"unchanged", r.unchanged},      {"files", files}}
                         .dump()
                  << "\n";
        return;
    }
    std::cout << r.manifest.channel << (r.unchanged ? ": unchanged, still version " : ": published version ")
              << r.manifest.version << " (" << r.manifest.files.size() << " file(s), " << bytes << " bytes)\n";
}

}  // namespace

void add_content_commands(CLI::App& app, CliContext& ctx) {
    auto* content = app.add_subcommand("content", "Content channels for the kiosks (signed manifests)");
    content->require_subcommand(1);
    auto* publish = content->add_subcommand("publish", "Publish a new version of a channel");
    publish->require_subcommand(1);

    struct Args {
        std::string path;
        bool json = false;
    };
    auto slides = ctx.hold<Args>();
    auto* s = publish->add_subcommand("slides", "Every file at the top of DIR becomes the attract-screen slides");
    add_common_options(*s, ctx);
    s->add_option("DIR", slides->path, "Directory of slide images")->required();
    s->add_flag("--json", slides->json, "Print JSON");
    s->callback([&ctx, slides] {
        ctx.require_data_dir();
        const auto sources = directory_sources(slides->path);
        const auto key = load_sign_key(ctx.data_dir);
        auto db = ctx.open_db();
        report(publish_channel(*db, ctx.data_dir, key.secret_key, "slides", sources, now_seconds()), slides->json);
    });

    add_catalog_publish_command(*publish, ctx);
    add_queue_services_publish_command(*publish, ctx);
    add_lessons_publish_command(*publish, ctx);

    struct ChannelArgs {
        std::string channel, dir;
        bool json = false;
    };
    auto any = ctx.hold<ChannelArgs>();
    auto* ch = publish->add_subcommand("channel", "Any channel (lessons, queue, config, ...) from a directory");
    add_common_options(*ch, ctx);
    ch->add_option("NAME", any->channel, "Channel name ([a-z0-9_], 1..32)")->required();
    ch->add_option("DIR", any->dir, "Directory of the channel's files")->required();
    ch->add_flag("--json", any->json, "Print JSON");
    ch->callback([&ctx, any] {
        ctx.require_data_dir();
        if (!sync::is_channel_name(any->channel))
            throw CommandError(kExitBadInput, "'" + any->channel + "' is not a channel name ([a-z0-9_], 1..32)");
        const auto sources = directory_sources(any->dir);
        const auto key = load_sign_key(ctx.data_dir);
        auto db = ctx.open_db();
        report(publish_channel(*db, ctx.data_dir, key.secret_key, any->channel, sources, now_seconds()), any->json);
    });

    auto list_json = ctx.hold<bool>();
    auto* l = content->add_subcommand("list", "The current version of each channel");
    add_common_options(*l, ctx);
    l->add_flag("--json", *list_json, "Print JSON");
    l->callback([&ctx, list_json] {
        auto db = ctx.open_db();
        json out = json::array();
        for (const auto& row : db->query("SELECT name FROM channels ORDER BY name", {})) {
            const auto m = current_manifest(*db, row.text(0));
            if (!m) continue;
            const auto parsed = parse_manifest_body(m->body);
            std::int64_t bytes = 0;
            for (const auto& f : parsed.files) bytes += f.size;
            out.push_back({{"channel", parsed.channel}, {"version", parsed.version}, {"created_at", parsed.created_at},
                           {"files", parsed.files.size()}, {"bytes", bytes}});
        }
        if (*list_json) {
            std::cout << out.dump() << "\n";
            return;
        }
        for (const auto& c : out)
            std::cout << c["channel"].get<std::string>() << "  version " << c["version"].get<std::int64_t>() << "  "
                      << format_time(c["created_at"].get<std::int64_t>()) << "  " << c["files"].get<std::size_t>()
                      << " file(s), " << c["bytes"].get<std::int64_t>() << " bytes\n";
    });
}

}  // namespace desa::hub
