// NIK structure checks as a table: each row a typed NIK and the expected verdict.
#include <catch2/catch.hpp>

#include "people/nik.hpp"
#include "people_fixture.hpp"
#include "test_support.hpp"

using desa::people::CivilDate;
using desa::people::NikProblem;
using desa::people::Sex;

namespace {

const desa::regions::RegionRegistry& districts() { return desa::test::indonesian_districts(); }
constexpr CivilDate kToday = desa::test::kTestToday;

struct Case {
    const char* typed;
    std::optional<NikProblem> problem;
    CivilDate birth{};
    Sex sex = Sex::Male;
};

}  // namespace

TEST_CASE("check_nik: a table of valid and invalid NIKs", "[people][nik]") {
    const Case cases[] = {
        // Valid: Natar (18.01.04), a man born 12-05-1987.
        {"1801041205870003", std::nullopt, {1987, 5, 12}, Sex::Male},
        // A woman: day + 40 (52 = 12th), born 2001.
        {"1801045205010001", std::nullopt, {2001, 5, 12}, Sex::Female},
        // Spaces and dots as printed or typed are tolerated.
        {"1801 0412 0587 0003", std::nullopt, {1987, 5, 12}, Sex::Male},
        {"18.01.04.120587.0003", std::nullopt, {1987, 5, 12}, Sex::Male},
        // Issued outside Lampung (Gambir, Jakarta): residents move.
        {"3171010101900007", std::nullopt, {1990, 1, 1}, Sex::Male},
        // 29 February 2000 (a leap year although divisible by 100).
        {"3201012902000001", std::nullopt, {2000, 2, 29}, Sex::Male},
        // Year 26 with a date after today: read as 1926, not a birth in the future.
        {"1801041512260001", std::nullopt, {1926, 12, 15}, Sex::Male},
        // Year 26 with a date before today: 2026 (a baby registered this year).
        {"1801040101260001", std::nullopt, {2026, 1, 1}, Sex::Male},
        // Last day of the window for women: 71 = 31st.
        {"1801047101990002", std::nullopt, {1999, 1, 31}, Sex::Female},

        {"", NikProblem::Empty},
        {"   ", NikProblem::Empty},
        {"18010412O5870003", NikProblem::NotDigits},  // letter O for zero
        {"1801041205870003x", NikProblem::NotDigits},
        {"١٨٠١٠٤١٢٠٥٨٧٠٠٠٣", NikProblem::NotDigits},   // Arabic-Indic digits are not accepted silently
        {"180104120587000", NikProblem::TooShort},
        {"18010412058700031", NikProblem::TooLong},
        {"9901041205870003", NikProblem::UnknownDistrict},  // no province 99
        {"1801991205870003", NikProblem::UnknownDistrict},  // no kecamatan 99 in 18.01
        {"1801040005870003", NikProblem::BadDay},
        {"1801043205870003", NikProblem::BadDay},  // 32..40 is neither a man's nor a woman's day
        {"1801047205870003", NikProblem::BadDay},  // 72 - 40 = 32
        {"1801041200870003", NikProblem::BadMonth},
        {"1801041213870003", NikProblem::BadMonth},
        {"1801043102870003", NikProblem::NoSuchDate},  // 31 February
        {"1801042902010003", NikProblem::NoSuchDate},  // 29 February 2001
        {"1801047002010003", NikProblem::NoSuchDate},  // a woman born 30 February
        {"1801041205870000", NikProblem::ZeroSerial},
    };
    for (const auto& c : cases) {
        INFO("NIK '" << c.typed << "'");
        const auto r = desa::people::check_nik(c.typed, districts(), kToday);
        if (c.problem) {
            REQUIRE(r.problem.has_value());
            CHECK(desa::people::nik_problem_name(*r.problem) == desa::people::nik_problem_name(*c.problem));
            CHECK_FALSE(r.facts.has_value());
        } else {
            REQUIRE(r.facts.has_value());
            CHECK_FALSE(r.problem.has_value());
            CHECK(r.facts->digits.size() == 16);
            CHECK(r.facts->birth_date == c.birth);
            CHECK(r.facts->sex == c.sex);
        }
    }
}

TEST_CASE("check_nik: a kiosk clock in 1970 does not refuse real NIKs", "[people][nik]") {
    const auto r = desa::people::check_nik("1801041205010003", districts(), CivilDate{1970, 1, 1});
    REQUIRE(r.facts.has_value());
    CHECK(r.facts->birth_date == CivilDate{2001, 5, 12});
    CHECK(r.facts->district_code == "18.01.04");
}

TEST_CASE("mask_nik keeps the province and regency only", "[people][nik]") {
    CHECK(desa::people::mask_nik("1801041205870003") == "1801************");
    CHECK(desa::people::mask_nik("18") == "18");
}

TEST_CASE("civil_date_from_unix counts days in WIB", "[people]") {
    CHECK(desa::people::civil_date_from_unix(0) == CivilDate{1970, 1, 1});
    // 2026-11-27 17:00 UTC is already the 28th in Lampung (UTC+7).
    CHECK(desa::people::civil_date_from_unix(1'795'798'800) == CivilDate{2026, 11, 28});
    CHECK(desa::people::civil_date_from_unix(951'782'400) == CivilDate{2000, 2, 29});
}
