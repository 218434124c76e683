// desa-hub queue stats: the village offices' queues per service and day, as their kiosks report
// them, for a province, kabupaten, kecamatan or desa.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/cli_context.hpp"
#include "cli/queue_commands.hpp"
#include "cli/report_options.hpp"
#include "model/queue_reports.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

json optional_json(const auto& v) { return v ? json(*v) : json(nullptr); }

json row_json(const QueueDayRow& r) {
    return {{"village", r.village_code},      {"kiosk_id", r.kiosk_id},
            {"service", r.service},           {"day", r.day},
            {"issued", r.issued},             {"served", r.served},
            {"no_shows", r.no_shows},         {"cancelled", r.cancelled},
            {"unserved", r.unserved},         {"average_wait_s", optional_json(r.average_wait_s)},
            {"average_service_s", optional_json(r.average_service_s)}, {"peak_hour", optional_json(r.peak_hour)}};
}

std::string minutes_text(const std::optional<std::int64_t>& seconds) {
    return seconds ? std::to_string((*seconds + 30) / 60) + " min" : std::string("-");
}

struct StatsArgs : ReportOptions {
    std::string service;
};

void run_stats(CliContext& ctx, const StatsArgs& a) {
    const auto range = report_range(a);
    QueueReportFilter f;
    f.region_prefix = range.region_prefix;
    f.from_day = range.from_day;
    f.to_day = range.to_day;
    if (!a.service.empty()) f.service = a.service;
    auto db = ctx.open_db();
    const QueueReport report = queue_report(*db, f);
    if (a.json) {
        json rows = json::array();
        for (const auto& r : report.rows) rows.push_back(row_json(r));
        std::cout << json{{"rows", rows}, {"unreadable", report.unreadable}}.dump() << "\n";
        return;
    }
    int issued = 0, served = 0, no_shows = 0;
    for (const auto& r : report.rows) {
        std::cout << r.day << "  " << r.village_code << "  " << r.service << "  issued " << r.issued << ", served "
                  << r.served << ", no-show " << r.no_shows << ", wait " << minutes_text(r.average_wait_s)
                  << ", service " << minutes_text(r.average_service_s)
                  << (r.peak_hour ? ", peak " + std::to_string(*r.peak_hour) + ":00" : std::string()) << "\n";
        issued += r.issued;
        served += r.served;
        no_shows += r.no_shows;
    }
    std::cout << report.rows.size() << " service-day(s): " << issued << " issued, " << served << " served, " << no_shows
              << " no-shows\n";
    if (report.unreadable > 0) std::cerr << report.unreadable << " record(s) were not readable queue statistics\n";
}

}  // namespace

void add_queue_commands(CLI::App& app, CliContext& ctx) {
    auto* queue = app.add_subcommand("queue", "Village offices' service queues, as the kiosks report them");
    queue->require_subcommand(1);
    auto a = ctx.hold<StatsArgs>();
    auto* stats = queue->add_subcommand("stats", "Tickets issued, served, no-shows, waits and peak hours per service and day");
    add_common_options(*stats, ctx);
    add_report_options(*stats, *a);
    stats->add_option("--service", a->service, "Only this service id");
    stats->callback([&ctx, a] { run_stats(ctx, *a); });
    add_appointment_commands(*queue, ctx);
}

}  // namespace desa::hub
