#include "queue/local_time.hpp"

#include <chrono>
#include <cstdio>

namespace desa::queue {

namespace chr = std::chrono;

namespace {
constexpr std::int64_t kEarliestPlausible = 1'704'067'200;  // 2024-01-01T00:00:00Z
constexpr std::int64_t kLatestPlausible = 4'102'444'800;    // 2100-01-01T00:00:00Z

// Floor division: a moment before 1970 still falls on the right day and minute.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}
}  // namespace

LocalMoment local_moment(std::int64_t unix_seconds, int utc_offset_s) {
    const std::int64_t local = unix_seconds + utc_offset_s;
    const std::int64_t days = floor_div(local, 86400);
    const std::int64_t second_of_day = local - days * 86400;
    const chr::sys_days day{chr::days{days}};
    const chr::year_month_day ymd{day};
    LocalMoment m;
    m.date = LocalDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                       static_cast<int>(static_cast<unsigned>(ymd.day()))};
    m.weekday = static_cast<Weekday>((chr::weekday{day}.iso_encoding() + 6) % 7);  // ISO: Monday = 1
    m.minute_of_day = static_cast<int>(second_of_day / 60);
    m.hour = m.minute_of_day / 60;
    return m;
}

std::int64_t local_day_start(LocalDate date, int utc_offset_s) {
    const chr::year_month_day ymd{chr::year{date.year}, chr::month{static_cast<unsigned>(date.month)},
                                  chr::day{static_cast<unsigned>(date.day)}};
    const std::int64_t days = chr::sys_days{ymd}.time_since_epoch().count();
    return days * 86400 - utc_offset_s;
}

std::int64_t date_number(LocalDate d) {
    return static_cast<std::int64_t>(d.year) * 10000 + d.month * 100 + d.day;
}

LocalDate date_from_number(std::int64_t n) {
    return LocalDate{static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100), static_cast<int>(n % 100)};
}

std::string date_text(LocalDate d) {
    char out[24];
    std::snprintf(out, sizeof out, "%04d%02d%02d", d.year, d.month, d.day);
    return out;
}

std::string date_iso(LocalDate d) {
    char out[24];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", d.year, d.month, d.day);
    return out;
}

std::optional<LocalDate> parse_date_text(std::string_view text) {
    if (text.size() != 8) return std::nullopt;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
    }
    const LocalDate d = date_from_number(n);
    const chr::year_month_day ymd{chr::year{d.year}, chr::month{static_cast<unsigned>(d.month)},
                                  chr::day{static_cast<unsigned>(d.day)}};
    if (!ymd.ok() || d.year < 2000) return std::nullopt;
    return d;
}

bool clock_plausible(std::int64_t unix_seconds) {
    return unix_seconds >= kEarliestPlausible && unix_seconds < kLatestPlausible;
}

}  // namespace desa::queue
