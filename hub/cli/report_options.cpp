#include "cli/report_options.hpp"

#include "cli/cli_context.hpp"
#include "model/queue_reports.hpp"
#include "model/regions.hpp"

namespace desa::hub {

void add_report_options(CLI::App& command, ReportOptions& options) {
    command.add_flag("--json", options.json, "Print JSON");
    command.add_option("--region", options.region, "Only this province/kabupaten/kecamatan/desa (code prefix)");
    command.add_option("--from", options.from, "First day (YYYY-MM-DD)");
    command.add_option("--to", options.to, "Last day (YYYY-MM-DD)");
}

std::optional<std::string> region_option(const std::string& typed, const char* name) {
    if (typed.empty()) return std::nullopt;
    auto prefix = normalize_region_code(typed);
    if (!prefix) throw CommandError(kExitBadInput, std::string(name) + " '" + typed + "' is not a region code");
    return prefix;
}

std::optional<std::string> day_option(const std::string& typed, const char* name) {
    if (typed.empty()) return std::nullopt;
    auto day = normalize_day(typed);
    if (!day) throw CommandError(kExitBadInput, std::string(name) + " '" + typed + "' is not a date (YYYY-MM-DD)");
    return day;
}

ReportRange report_range(const ReportOptions& options) {
    ReportRange r{region_option(options.region, "--region"), day_option(options.from, "--from"),
                  day_option(options.to, "--to")};
    if (r.from_day && r.to_day && *r.from_day > *r.to_day)
        throw CommandError(kExitBadInput, "--from " + *r.from_day + " is after --to " + *r.to_day);
    return r;
}

}  // namespace desa::hub
