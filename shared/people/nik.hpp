#pragma once
// NIK (Nomor Induk Kependudukan), the 16-digit national identity number, checked by its structure
// only: PPKKCC (kecamatan of registration) DDMMYY (birth date, day + 40 for women) SSSS (serial).
// Nothing here stores or logs a NIK; callers seal it (see aspirations/sealed_identity).
#include <optional>
#include <string>
#include <string_view>

#include "regions/region_registry.hpp"

namespace desa::people {

enum class NikProblem {
    Empty,
    NotDigits,        // a character other than a digit (spaces and dots are tolerated and removed)
    TooShort,         // fewer than 16 digits
    TooLong,          // more than 16 digits
    UnknownDistrict,  // digits 1-6 are not a kecamatan code
    BadDay,           // digits 7-8: not 01-31 (men) or 41-71 (women)
    BadMonth,         // digits 9-10: not 01-12
    NoSuchDate,       // e.g. 31 February, 29 February in a year that is not a leap year
    ZeroSerial,       // digits 13-16 are 0000
};

enum class Sex { Male, Female };

struct CivilDate {
    int year = 0, month = 0, day = 0;
    auto operator<=>(const CivilDate&) const = default;
};

struct NikFacts {
    std::string digits;          // the 16 digits
    std::string district_code;   // "18.01.04"
    CivilDate birth_date;
    Sex sex = Sex::Male;
};

struct NikCheck {
    std::optional<NikFacts> facts;       // set when valid
    std::optional<NikProblem> problem;   // set when not
};

// `today`: the kiosk's date. A two-digit birth year is read as the latest year that puts the birth
// date on or before today (so every date is within the last 100 years, never in the future).
// A clock before 2024 (a Raspberry Pi without RTC boots in 1970) cannot be trusted: then 2024 is
// taken as "today" for the century and the future check, so a real NIK is never refused for it.
NikCheck check_nik(std::string_view typed, const regions::RegionRegistry& districts, CivilDate today);

std::string_view nik_problem_name(NikProblem);  // "too_short", ... (message ids: "nik.problem.<name>")

// "3201************": enough to recognise one's own entry, never the whole number.
std::string mask_nik(std::string_view digits);

CivilDate civil_date_from_unix(std::int64_t unix_seconds);  // UTC+7 (WIB), the kiosk's region
bool is_leap_year(int year);
int days_in_month(int year, int month);

}  // namespace desa::people
