#pragma once
// Dates as residents read them: day-month-year in local time, e.g. "05-12-2026".
#include <cstdint>
#include <string>

namespace desa {

std::string format_day(std::int64_t unix_seconds);

}  // namespace desa
