#include "people/nik.hpp"

#include <array>

namespace desa::people {
namespace {

constexpr int kTrustedYear = 2024;  // a kiosk clock earlier than this is wrong (no RTC)

int two_digits(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

CivilDate civil_date_from_unix(std::int64_t unix_seconds) {
    // Howard Hinnant's days-to-civil algorithm, on WIB (UTC+7) days.
    std::int64_t z = (unix_seconds + 7 * 3600) / 86400;
    if ((unix_seconds + 7 * 3600) % 86400 < 0) --z;
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

NikCheck check_nik(std::string_view typed, const regions::RegionRegistry& districts, CivilDate today) {
    auto fail = [](NikProblem p) { return NikCheck{std::nullopt, p}; };
    std::string digits;
    for (char c : typed) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c == ' ' || c == '.' || c == '-') continue;  // as printed on some cards
        else return fail(NikProblem::NotDigits);
    }
    if (digits.empty()) return fail(NikProblem::Empty);
    if (digits.size() < 16) return fail(NikProblem::TooShort);
    if (digits.size() > 16) return fail(NikProblem::TooLong);

    const regions::Region* district = districts.district_for_nik_prefix(std::string_view(digits).substr(0, 6));
    if (district == nullptr) return fail(NikProblem::UnknownDistrict);

    int day = two_digits(digits, 6);
    const Sex sex = day > 40 ? Sex::Female : Sex::Male;
    if (sex == Sex::Female) day -= 40;
    if (day < 1 || day > 31) return fail(NikProblem::BadDay);
    const int month = two_digits(digits, 8);
    if (month < 1 || month > 12) return fail(NikProblem::BadMonth);

    if (today.year < kTrustedYear) today = CivilDate{kTrustedYear, 1, 1};
    const int yy = two_digits(digits, 10);
    int year = (today.year / 100) * 100 + yy;
    if (CivilDate{year, month, std::min(day, days_in_month(year, month))} > today) year -= 100;
    if (day > days_in_month(year, month)) return fail(NikProblem::NoSuchDate);
    const CivilDate birth{year, month, day};

    if (digits.compare(12, 4, "0000") == 0) return fail(NikProblem::ZeroSerial);
    return NikCheck{NikFacts{digits, district->code, birth, sex}, std::nullopt};
}

std::string_view nik_problem_name(NikProblem p) {
    switch (p) {
        case NikProblem::Empty: return "empty";
        case NikProblem::NotDigits: return "not_digits";
        case NikProblem::TooShort: return "too_short";
        case NikProblem::TooLong: return "too_long";
        case NikProblem::UnknownDistrict: return "unknown_district";
        case NikProblem::BadDay: return "bad_day";
        case NikProblem::BadMonth: return "bad_month";
        case NikProblem::NoSuchDate: return "no_such_date";
        case NikProblem::ZeroSerial: return "zero_serial";
    }
    return "unknown";
}

std::string mask_nik(std::string_view digits) {
    std::string out(digits.substr(0, std::min<std::size_t>(4, digits.size())));
    if (digits.size() > 4) out.append(digits.size() - 4, '*');
    return out;
}

}  // namespace desa::people
