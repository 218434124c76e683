#include "core/dates.hpp"

#include <cstdio>
#include <ctime>

namespace desa {

std::string format_day(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm local{};
    if (localtime_r(&t, &local) == nullptr) return "?";
    char text[48];  // room for any int the compiler can imagine
    std::snprintf(text, sizeof text, "%02d-%02d-%04d", local.tm_mday, local.tm_mon + 1, local.tm_year + 1900);
    return text;
}

}  // namespace desa
