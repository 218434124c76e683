#pragma once
// The queue's calendar: ticket numbers restart, quotas count and opening hours apply per local day
// of the village office (WIB, WITA or WIT: fixed offsets, Indonesia has no daylight saving). The
// offset is explicit rather than the process's TZ, which a kiosk image often leaves at UTC.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace desa::queue {

inline constexpr int kWibOffsetSeconds = 7 * 3600;  // Sumatra, Java, West/Central Kalimantan
inline constexpr int kWitaOffsetSeconds = 8 * 3600;
inline constexpr int kWitOffsetSeconds = 9 * 3600;

struct LocalDate {
    int year = 1970, month = 1, day = 1;
    auto operator<=>(const LocalDate&) const = default;
};

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

struct LocalMoment {
    LocalDate date;
    Weekday weekday = Weekday::Thursday;
    int minute_of_day = 0;  // 0..1439
    int hour = 0;           // 0..23
};

LocalMoment local_moment(std::int64_t unix_seconds, int utc_offset_s);
inline LocalDate local_date(std::int64_t unix_seconds, int utc_offset_s) {
    return local_moment(unix_seconds, utc_offset_s).date;
}
// Unix seconds of 00:00 local time on `date`.
std::int64_t local_day_start(LocalDate date, int utc_offset_s);

std::int64_t date_number(LocalDate);              // 20251201: the database's day column
LocalDate date_from_number(std::int64_t number);  // inverse of date_number for valid numbers
std::string date_text(LocalDate);                 // "20251201"
std::string date_iso(LocalDate);                  // "2025-12-01"
// Exactly 8 digits forming a real calendar date; anything else is nullopt.
std::optional<LocalDate> parse_date_text(std::string_view text);

// A wall clock before 2024 is a Raspberry Pi that booted without its time: tickets dated 1970
// would restart numbering and look expired. 2024-01-01 <= now < 2100-01-01.
bool clock_plausible(std::int64_t unix_seconds);

}  // namespace desa::queue
