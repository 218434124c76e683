#pragma once
// The options every report command shares (queue stats, library stats, lessons stats): --json,
// --region PREFIX, --from DAY, --to DAY, checked the same way everywhere.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace desa::hub {

struct ReportOptions {
    bool json = false;
    std::string region, from, to;  // as typed; empty: not given
};

// Adds --json, --region, --from and --to writing into `options`.
void add_report_options(CLI::App& command, ReportOptions& options);

struct ReportRange {
    std::optional<std::string> region_prefix;     // canonical region code
    std::optional<std::string> from_day, to_day;  // YYYY-MM-DD
};

// CommandError (bad input) for a region that is not a code, a day that is not a date, or --from
// after --to.
ReportRange report_range(const ReportOptions& options);

// One option: nullopt when not given; CommandError naming the option when malformed.
std::optional<std::string> region_option(const std::string& typed, const char* name);
std::optional<std::string> day_option(const std::string& typed, const char* name);

}  // namespace desa::hub
