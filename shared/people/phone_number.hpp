#pragma once
// Indonesian phone numbers as residents write them: "0812-3456-7890", "+62 812 3456 7890",
// "62812...", "(0721) 123456". Checked and normalised to one form (+62...) so a number typed two
// ways is the same number. Nothing here stores or logs a number; callers seal it.
#include <optional>
#include <string>
#include <string_view>

namespace desa::people {

enum class PhoneProblem {
    Empty,
    NotDigits,      // a character other than digits, spaces, dashes, dots, brackets or a leading +
    TooShort,       // fewer digits than the kind of number needs
    TooLong,
    NotIndonesian,  // does not start with 0, 62 or +62 (e.g. +1..., or 812... without the 0)
};

enum class PhoneKind {
    Mobile,    // 08xx: 10-13 digits written nationally (0812 3456 7890)
    Landline,  // 0 + area code + number: 9-12 digits (0721 123456, 021 1234 5678)
};

struct PhoneNumber {
    std::string e164;  // "+6281234567890"
    PhoneKind kind = PhoneKind::Mobile;
};

struct PhoneCheck {
    std::optional<PhoneNumber> number;   // set when valid
    std::optional<PhoneProblem> problem; // set when not
};

PhoneCheck check_phone(std::string_view typed);

std::string_view phone_problem_name(PhoneProblem);  // "empty", "not_digits", ...

// "+6281234567890" -> "0812-3456-7890", the way it is read aloud; other text comes back unchanged.
std::string format_phone_national(std::string_view e164);

}  // namespace desa::people
