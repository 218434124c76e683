// desa-hub library edits | stats: the village libraries' catalogue edits and daily lending, as
// their kiosks report them, for a province, kabupaten, kecamatan or desa.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/cli_context.hpp"
#include "cli/report_options.hpp"
#include "model/library_reports.hpp"
#include "model/queue_reports.hpp"
#include "model/regions.hpp"
#include "queue/local_time.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

json edit_json(const CatalogEditRow& e) {
    json copies = json::array();
    for (const auto& c : e.copies) copies.push_back({{"barcode", c.barcode}, {"status", c.status}});
    return {{"uuid", e.uuid},
            {"village", e.village_code},
            {"kiosk_id", e.kiosk_id},
            {"action", e.action},
            {"created_at", e.created_at},
            {"received_at", e.received_at},
            {"record_id", e.record_id},
            {"control_number", e.control_number},
            {"title", e.title},
            {"authors", e.authors},
            {"isbns", e.isbns},
            {"publisher", e.publisher},
            {"year", e.year ? json(*e.year) : json(nullptr)},
            {"language", e.language},
            {"material_type", e.material_type},
            {"call_number", e.call_number},
            {"withdrawn", e.withdrawn},
            {"copies", copies},
            {"copy", e.copy ? json(*e.copy) : json(nullptr)}};
}

struct EditsArgs {
    bool json = false;
    std::string village, since;
};

void run_edits(CliContext& ctx, const EditsArgs& a) {
    EditsFilter f;
    f.region_prefix = region_option(a.village, "--village");
    if (const auto since = day_option(a.since, "--since")) {
        const auto d = queue::parse_date_text(since->substr(0, 4) + since->substr(5, 2) + since->substr(8, 2));
        f.since = queue::local_day_start(*d, 0);  // 00:00 UTC of that day
    }
    auto db = ctx.open_db();
    const EditsReport report = catalog_edits_report(*db, f);
    if (a.json) {
        json rows = json::array();
        for (const auto& e : report.rows) rows.push_back(edit_json(e));
        std::cout << json{{"edits", rows}, {"unreadable", report.unreadable}}.dump() << "\n";
        return;
    }
    for (const auto& e : report.rows) {
        std::cout << format_time(e.created_at) << "  " << e.village_code << "  " << e.action << "  \"" << e.title << "\""
                  << (e.isbns.empty() ? std::string() : " (" + e.isbns.front() + ")")
                  << (e.copy ? "  copy " + *e.copy : std::string()) << "  copies:";
        if (e.copies.empty()) std::cout << " none";
        for (const auto& c : e.copies) std::cout << " " << c.barcode << "=" << c.status;
        std::cout << "\n";
    }
    std::cout << report.rows.size() << " edit(s)\n";
    if (report.unreadable > 0) std::cerr << report.unreadable << " record(s) were not readable catalogue edits\n";
}

void run_stats(CliContext& ctx, const ReportOptions& a) {
    const auto range = report_range(a);
    LendingFilter f{range.region_prefix, range.from_day, range.to_day};
    auto db = ctx.open_db();
    const LendingReport report = lending_report(*db, f);
    if (a.json) {
        json rows = json::array();
        for (const auto& r : report.rows)
            rows.push_back({{"village", r.village_code}, {"kiosk_id", r.kiosk_id}, {"day", r.day},
                            {"loans", r.loans}, {"returns", r.returns}, {"renewals", r.renewals},
                            {"overdue_at_end", r.overdue_at_end}, {"members_served", r.members_served}});
        std::cout << json{{"rows", rows}, {"unreadable", report.unreadable}}.dump() << "\n";
        return;
    }
    int loans = 0, returns = 0, renewals = 0;
    for (const auto& r : report.rows) {
        std::cout << r.day << "  " << r.village_code << "  loans " << r.loans << ", returns " << r.returns
                  << ", renewals " << r.renewals << ", overdue " << r.overdue_at_end << ", members "
                  << r.members_served << "\n";
        loans += r.loans;
        returns += r.returns;
        renewals += r.renewals;
    }
    std::cout << report.rows.size() << " library-day(s): " << loans << " loans, " << returns << " returns, "
              << renewals << " renewals\n";
    if (report.unreadable > 0) std::cerr << report.unreadable << " record(s) were not readable lending statistics\n";
}

}  // namespace

void add_library_commands(CLI::App& app, CliContext& ctx) {
    auto* library = app.add_subcommand("library", "Village libraries: catalogue edits and lending, as the kiosks report them");
    library->require_subcommand(1);
    auto e = ctx.hold<EditsArgs>();
    auto* edits = library->add_subcommand("edits", "The librarians' catalogue edits (records and copies)");
    add_common_options(*edits, ctx);
    edits->add_flag("--json", e->json, "Print JSON");
    edits->add_option("--region,--village", e->village, "Only this province/kabupaten/kecamatan/desa (code prefix)");
    edits->add_option("--since", e->since, "Only edits made on or after this day (YYYY-MM-DD, from 00:00 UTC)");
    edits->callback([&ctx, e] { run_edits(ctx, *e); });
    auto s = ctx.hold<ReportOptions>();
    auto* stats = library->add_subcommand("stats", "Loans, returns, renewals, overdue and members served per library and day");
    add_common_options(*stats, ctx);
    add_report_options(*stats, *s);
    stats->callback([&ctx, s] { run_stats(ctx, *s); });
}

}  // namespace desa::hub
