#include "app/sync_commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "catalog/union_catalog.hpp"
#include "queue/hub_services.hpp"
#include "lending/lending_stats.hpp"
#include "lessons/lesson_library.hpp"
#include "lessons/lesson_stats.hpp"
#include "queue/queue_stats.hpp"
#include "sync/enrolment.hpp"
#include "sync/heartbeat.hpp"
#include "sync/sync_engine.hpp"

namespace desa::kiosk {
namespace {

using nlohmann::json;

constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;

struct Args {
    std::vector<std::string> enrol_args;
    std::string name;
    bool force = false;
    bool once = false;
    bool json = false;
    std::string hub;
};

int run_enroll(KioskContext& ctx, const Args& args) {
    const auto lang = ctx.config.default_language;
    sync::EnrolRequest request;
    if (args.enrol_args.size() == 1) {
        const auto ticket = sync::parse_enrol_qr(args.enrol_args[0]);
        if (!ticket) {
            std::cerr << ctx.catalog.format(lang, "sync.enrol.failed", {{"reason", ctx.catalog.tr(lang, "sync.enrol.bad_argument")}}) << "\n";
            return kExitBadInput;
        }
        request.hub_url = ticket->hub_url;
        request.code = ticket->code;
        request.fingerprint = ticket->fingerprint;
    } else if (args.enrol_args.size() == 2) {
        request.hub_url = args.enrol_args[0];
        request.code = args.enrol_args[1];
    } else {
        std::cerr << ctx.catalog.format(lang, "sync.enrol.failed", {{"reason", ctx.catalog.tr(lang, "sync.enrol.bad_argument")}}) << "\n";
        return kExitBadInput;
    }
    request.kiosk_name = args.name.empty() ? ctx.village_name : args.name;
    request.expected_village = ctx.config.village_code;
    request.replace = args.force;
    const auto outcome = sync::enrol(ctx.db, ctx.data_dir, request);
    if (!outcome.identity) {
        const std::string name(sync::enrol_problem_name(*outcome.problem));
        std::cerr << ctx.catalog.format(lang, "sync.enrol.failed", {{"reason", ctx.catalog.tr(lang, "sync.problem." + name)}})
                  << " (" << name << (outcome.detail.empty() ? "" : ": " + outcome.detail) << ")\n";
        const bool input = *outcome.problem == sync::EnrolProblem::BadHubUrl || *outcome.problem == sync::EnrolProblem::BadCode;
        return input ? kExitBadInput : kExitFailed;
    }
    // From now on residents' personal data is sealed to the pinned province key.
    ctx.config.province_public_key = outcome.identity->province_seal_key;
    std::cout << ctx.catalog.format(lang, "sync.enrol.done",
                                    {{"kiosk", outcome.identity->kiosk_id},
                                     {"village", outcome.village_name.empty() ? outcome.identity->village_code : outcome.village_name},
                                     {"hub", outcome.identity->hub_url}})
              << "\n";
    return 0;
}

json report_json(const sync::CycleReport& r) {
    json channels = json::array();
    for (const auto& c : r.channels)
        channels.push_back({{"channel", c.channel}, {"unchanged", c.unchanged}, {"installed", c.installed},
                            {"version", c.version}, {"files_fetched", c.files_fetched}, {"files_reused", c.files_reused},
                            {"bytes_fetched", c.bytes_fetched}, {"rejected", c.rejected}});
    return {{"ok", r.ok},
            {"error", r.error},
            {"warnings", r.warnings},
            {"outbox", {{"batches", r.upload.batches}, {"stored", r.upload.stored}, {"duplicates", r.upload.duplicates},
                        {"conflicts", r.upload.conflicts}}},
            {"updates", {{"applied", r.updates.applied}, {"skipped", r.updates.skipped}, {"cursor", r.updates.cursor}}},
            {"channels", channels},
            {"retry_after", r.retry_after ? json(*r.retry_after) : json(nullptr)},
            {"wire", {{"requests", r.wire.requests}, {"bytes_sent", r.wire.bytes_sent}, {"bytes_received", r.wire.bytes_received}}}};
}

int run_sync(KioskContext& ctx, const Args& args) {
    const auto lang = ctx.config.default_language;
    if (!args.once) {
        std::cerr << ctx.catalog.tr(lang, "sync.cycle.needs_once") << "\n";
        return kExitBadInput;
    }
    sync::SyncOptions options = kiosk_sync_options(ctx);
    if (!args.hub.empty()) options.hub_override = args.hub;
    const auto report = sync::run_cycle(ctx.db, ctx.data_dir, options);
    if (args.json) std::cout << report_json(report).dump() << "\n";
    for (const auto& w : report.warnings) std::cerr << ctx.catalog.format(lang, "sync.cycle.warning", {{"warning", w}}) << "\n";
    if (report.not_enrolled) {
        std::cerr << ctx.catalog.tr(lang, "sync.cycle.not_enrolled") << "\n";
        return kExitFailed;
    }
    if (!report.ok) {
        std::cerr << ctx.catalog.format(lang, "sync.cycle.failed", {{"reason", report.error}}) << "\n";
        return kExitFailed;
    }
    if (!args.json) {
        std::string channels;
        for (const auto& c : report.channels)
            channels += (channels.empty() ? "" : ", ") + c.channel + " " +
                        (c.installed ? "v" + std::to_string(c.version) + " installed"
                                     : c.unchanged ? std::string("unchanged") : std::string("kept"));
        std::cout << ctx.catalog.format(lang, "sync.cycle.done",
                                        {{"sent", std::to_string(report.upload.stored + report.upload.duplicates)},
                                         {"updates", std::to_string(report.updates.applied)},
                                         {"channels", channels}})
                  << "\n";
    }
    return 0;
}

int run_status(KioskContext& ctx, const Args& args) {
    const auto status = sync::sync_status_json(ctx.db);
    if (args.json) {
        std::cout << status.dump(2) << "\n";
        return 0;
    }
    if (!status["enrolled"].get<bool>()) {
        std::cout << "enrolled: no\n";
    } else {
        std::cout << "enrolled: kiosk " << status["kiosk_id"].get<std::string>() << " at "
                  << status["hub"].get<std::string>() << " (province key " << status["province_key"].get<std::string>()
                  << ")\n";
    }
    for (const auto& [step, at] : status["last_success"].items()) std::cout << "last success " << step << ": " << at << "\n";
    for (const auto& c : status["channels"]) std::cout << "content " << c["channel"].get<std::string>() << ": version " << c["version"] << "\n";
    std::cout << "pending outbox: " << status["pending_outbox"] << "\n";
    if (!status["last_error"].is_null()) std::cout << "last error: " << status["last_error"].get<std::string>() << "\n";
    return 0;
}

}  // namespace

sync::SyncOptions kiosk_sync_options(const KioskContext& ctx) {
    sync::SyncOptions options;
    options.channels = {"slides", "catalog"};
    // The union catalogue goes into <data>/union.db before the switch; files it cannot use keep the
    // version in use (the engine reports the rejection). Captured by value: the worker thread runs
    // it on its own. Slides need no apply: the verified files under content/slides/<version> are it.
    options.apply_hooks["catalog"] = [data_dir = ctx.data_dir, village = ctx.config.village_code](
                                         storage::Database&, const sync::Manifest&,
                                         const std::filesystem::path& dir) -> std::optional<std::string> {
        const auto report = catalog::install_union_catalog(data_dir, dir, village);
        if (!report.ok()) return report.error;
        if (report.skipped_total > 0)
            spdlog::warn("union catalogue: {} row(s) skipped, first: {} line {}: {}", report.skipped_total,
                         report.skipped.front().file, report.skipped.front().line, report.skipped.front().reason);
        return std::nullopt;
    };
    // The office's queue services as the hub publishes them for this village: checked with the
    // kiosk's own [queue] parser and put in <data>/queue-services.toml; the app switches to them
    // (refresh_queue_config) when the worker reports the cycle.
    const std::string services_channel = queue::hub_services_channel(ctx.config.village_code);
    options.channels.push_back(services_channel);
    options.apply_hooks[services_channel] = [data_dir = ctx.data_dir](storage::Database&, const sync::Manifest&,
                                                                      const std::filesystem::path& dir) {
        return queue::install_hub_services(data_dir, dir);
    };
    // Lesson packages from the hub: each .zip in the channel goes through the same import as a USB
    // stick (validated in a staging directory, switched by rename). A package older than or equal
    // to the installed one is not an error; a bad one rejects the version and keeps the courses.
    options.channels.push_back("lessons");
    options.apply_hooks["lessons"] = [data_dir = ctx.data_dir, assets_dir = ctx.assets_dir](
                                         storage::Database&, const sync::Manifest& manifest,
                                         const std::filesystem::path& dir) -> std::optional<std::string> {
        for (const auto& file : manifest.files) {
            if (!file.name.ends_with(".zip")) continue;
            const auto outcome = lessons::import_package(dir / file.name, data_dir, assets_dir);
            const bool older = outcome.problems.size() == 1 && outcome.problems[0].kind == lessons::ProblemKind::NotNewer;
            if (!outcome.ok() && !older)
                return file.name + ": " + std::string(lessons::problem_kind_name(outcome.problems[0].kind)) + " " +
                       outcome.problems[0].file + " " + outcome.problems[0].detail;
        }
        return std::nullopt;
    };
    // The office's finished queue days go up with the same cycle (desa-hub queue stats). Written
    // here rather than at midnight: a kiosk switched off overnight still reports its days.
    options.before_upload.push_back([village = ctx.config.village_code, offset = ctx.config.queue.utc_offset_s](
                                        storage::Database& db, std::int64_t now) {
        const auto written = queue::write_finished_days(db, village, now, offset);
        if (written.written > 0) spdlog::info("queue stats: {} day record(s) queued for the hub", written.written);
    });
    // The library's finished lending days (counts only) and the kiosk's heartbeat, likewise.
    options.before_upload.push_back([village = ctx.config.village_code, offset = ctx.config.queue.utc_offset_s](
                                        storage::Database& db, std::int64_t now) {
        const auto written = lending::write_finished_lending_days(db, village, now, offset);
        if (written.written > 0) spdlog::info("lending stats: {} day record(s) queued for the hub", written.written);
    });
    options.before_upload.push_back([village = ctx.config.village_code, offset = ctx.config.queue.utc_offset_s](
                                        storage::Database& db, std::int64_t now) {
        const auto identity = sync::load_identity(db);
        const auto written =
            lessons::write_finished_lesson_days(db, village, identity ? identity->kiosk_id : "lokal", now, offset);
        if (written.written > 0) spdlog::info("lesson stats: {} day record(s) queued for the hub", written.written);
    });
    options.before_upload.push_back([village = ctx.config.village_code, offset = ctx.config.queue.utc_offset_s,
                                     data_dir = ctx.data_dir](storage::Database& db, std::int64_t now) {
        sync::write_heartbeat(db, sync::gather_heartbeat(db, data_dir, now, offset, sync::process_uptime_seconds()),
                              village, now);
    });
    return options;
}

std::function<int(KioskContext&)> add_sync_commands(CLI::App& cli) {
    auto args = std::make_shared<Args>();
    auto* enroll = cli.add_subcommand("enroll", "enrol this kiosk with the provincial hub (one-time code)");
    enroll->add_option("ARGS", args->enrol_args, "HUB_URL CODE, or the hub's QR text DESA-ENROL:1:...")->required()->expected(1, 2);
    enroll->add_option("--name", args->name, "a name for this kiosk at the hub (default: the village)");
    enroll->add_flag("--force", args->force, "enrol again although already enrolled (new keys)");
    auto* sync = cli.add_subcommand("sync", "exchange data with the hub");
    sync->add_flag("--once", args->once, "run one full cycle and exit with its result");
    sync->add_option("--hub", args->hub, "another address for the hub for this run (trust stays pinned)");
    sync->add_flag("--json", args->json, "print the cycle's report as JSON");
    auto* status = cli.add_subcommand("status", "enrolment and sync state (no personal data)");
    status->add_flag("--json", args->json, "JSON object");
    return [args, enroll, sync, status](KioskContext& ctx) {
        if (enroll->parsed()) return run_enroll(ctx, *args);
        if (sync->parsed()) return run_sync(ctx, *args);
        if (status->parsed()) return run_status(ctx, *args);
        return -1;
    };
}

}  // namespace desa::kiosk
