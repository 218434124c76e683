// Indonesian phone numbers: the ways residents write them, normalised to +62, and every way of
// getting one wrong named.
#include <catch2/catch.hpp>

#include "people/phone_number.hpp"

using namespace desa::people;

TEST_CASE("phone numbers written the usual ways are normalised to +62", "[phone]") {
    struct Case {
        const char* typed;
        const char* e164;
        PhoneKind kind;
    };
    const Case cases[] = {
        {"081234567890", "+6281234567890", PhoneKind::Mobile},
        {"0812-3456-7890", "+6281234567890", PhoneKind::Mobile},
        {"0812 3456 7890", "+6281234567890", PhoneKind::Mobile},
        {"+62 812 3456 7890", "+6281234567890", PhoneKind::Mobile},
        {"+62-812-3456-7890", "+6281234567890", PhoneKind::Mobile},
        {"6281234567890", "+6281234567890", PhoneKind::Mobile},
        {"+62 (0)812 3456 7890", "+6281234567890", PhoneKind::Mobile},  // the 0 written after the country code
        {"0812.3456.7890", "+6281234567890", PhoneKind::Mobile},
        {"  081234567890  ", "+6281234567890", PhoneKind::Mobile},
        {"0812345678", "+62812345678", PhoneKind::Mobile},            // 10 digits: shortest mobile
        {"0812345678901", "+62812345678901", PhoneKind::Mobile},      // 13 digits: longest mobile
        {"(0721) 123456", "+62721123456", PhoneKind::Landline},       // Bandar Lampung
        {"0721 7654321", "+627217654321", PhoneKind::Landline},
        {"021 1234 5678", "+622112345678", PhoneKind::Landline},      // Jakarta
        {"+62 721 123456", "+62721123456", PhoneKind::Landline},
    };
    for (const auto& c : cases) {
        INFO(c.typed);
        const PhoneCheck r = check_phone(c.typed);
        REQUIRE(r.number);
        CHECK_FALSE(r.problem);
        CHECK(r.number->e164 == c.e164);
        CHECK(r.number->kind == c.kind);
    }
}

TEST_CASE("bad phone numbers are refused with the specific problem", "[phone]") {
    struct Case {
        const char* typed;
        PhoneProblem problem;
    };
    const Case cases[] = {
        {"", PhoneProblem::Empty},
        {"   ", PhoneProblem::Empty},
        {"- -", PhoneProblem::Empty},
        {"+", PhoneProblem::NotDigits},
        {"0812-3456-789O", PhoneProblem::NotDigits},  // letter O for zero
        {"0812/3456/7890", PhoneProblem::NotDigits},
        {"08123456789a", PhoneProblem::NotDigits},
        {"0812 + 3456", PhoneProblem::NotDigits},     // a plus inside
        {"++6281234567890", PhoneProblem::NotDigits},
        {"0812 3456 7890\n", PhoneProblem::NotDigits},
        {"081234567", PhoneProblem::TooShort},        // 9 digits mobile
        {"08", PhoneProblem::TooShort},
        {"0", PhoneProblem::TooShort},
        {"+62", PhoneProblem::TooShort},
        {"+62 812", PhoneProblem::TooShort},
        {"0721 1234", PhoneProblem::TooShort},        // 8 digits landline
        {"08123456789012", PhoneProblem::TooLong},    // 14 digits mobile
        {"0721 123456789", PhoneProblem::TooLong},    // 13 digits landline
        {"+1 202 555 0143", PhoneProblem::NotIndonesian},
        {"+60 12 345 6789", PhoneProblem::NotIndonesian},  // Malaysia
        {"81234567890", PhoneProblem::NotIndonesian},      // no leading 0
        {"0012025550143", PhoneProblem::NotIndonesian},    // international access prefix
        {"0112345678", PhoneProblem::NotIndonesian},
        {"+0812345678", PhoneProblem::NotIndonesian},
    };
    for (const auto& c : cases) {
        INFO("'" << c.typed << "' expected " << phone_problem_name(c.problem));
        const PhoneCheck r = check_phone(c.typed);
        CHECK_FALSE(r.number);
        REQUIRE(r.problem);
        CHECK(*r.problem == c.problem);
    }
}

TEST_CASE("a stored number reads back in the national form", "[phone]") {
    CHECK(format_phone_national("+6281234567890") == "0812-3456-7890");
    CHECK(format_phone_national("+62812345678") == "0812-3456-78");
    CHECK(format_phone_national("+62812345678901") == "0812-3456-78901");
    CHECK(format_phone_national("+62721123456") == "0721-1234-56");
    CHECK(format_phone_national("not a number") == "not a number");
    CHECK(format_phone_national("") == "");
    // Normalising twice gives the same number.
    const auto once = check_phone("0812 3456 7890");
    REQUIRE(once.number);
    const auto twice = check_phone(format_phone_national(once.number->e164));
    REQUIRE(twice.number);
    CHECK(twice.number->e164 == once.number->e164);
    CHECK(check_phone(once.number->e164).number->e164 == once.number->e164);
}
