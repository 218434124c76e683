#include "people/phone_number.hpp"

namespace desa::people {
namespace {

constexpr std::size_t kMobileMin = 10, kMobileMax = 13;      // national form, with the leading 0
constexpr std::size_t kLandlineMin = 9, kLandlineMax = 12;

PhoneCheck fail(PhoneProblem p) { return {std::nullopt, p}; }

}  // namespace

PhoneCheck check_phone(std::string_view typed) {
    std::string digits;
    bool plus = false;
    for (char c : typed) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        } else if (c == '+' && digits.empty() && !plus) {
            plus = true;
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
            return fail(PhoneProblem::NotDigits);
        }
    }
    if (digits.empty()) return fail(plus ? PhoneProblem::NotDigits : PhoneProblem::Empty);

    // The national form, with its leading 0: "08123...", "0721...".
    std::string national;
    if (digits.starts_with("62")) {
        national = digits.substr(2);
        if (!national.starts_with('0')) national.insert(national.begin(), '0');  // "+62 (0)812..." too
    } else if (plus) {
        return fail(PhoneProblem::NotIndonesian);  // another country's code
    } else if (digits.starts_with('0')) {
        national = digits;
    } else {
        return fail(PhoneProblem::NotIndonesian);
    }
    if (national.size() < 2 || national[1] == '0' || national[1] == '1')  // 00 is the international prefix
        return national.size() < 2 ? fail(PhoneProblem::TooShort) : fail(PhoneProblem::NotIndonesian);

    const PhoneKind kind = national[1] == '8' ? PhoneKind::Mobile : PhoneKind::Landline;
    const std::size_t min = kind == PhoneKind::Mobile ? kMobileMin : kLandlineMin;
    const std::size_t max = kind == PhoneKind::Mobile ? kMobileMax : kLandlineMax;
    if (national.size() < min) return fail(PhoneProblem::TooShort);
    if (national.size() > max) return fail(PhoneProblem::TooLong);
    return {PhoneNumber{"+62" + national.substr(1), kind}, std::nullopt};
}

std::string_view phone_problem_name(PhoneProblem p) {
    switch (p) {
        case PhoneProblem::Empty: return "empty";
        case PhoneProblem::NotDigits: return "not_digits";
        case PhoneProblem::TooShort: return "too_short";
        case PhoneProblem::TooLong: return "too_long";
        case PhoneProblem::NotIndonesian: return "not_indonesian";
    }
    return "empty";
}

std::string format_phone_national(std::string_view e164) {
    if (!e164.starts_with("+62") || e164.size() < 6) return std::string(e164);
    const std::string national = "0" + std::string(e164.substr(3));
    // In fours from the left (0812-3456-7890), a lone last digit kept with the group before it
    // (0812-3456-78901). Where a landline's area code ends is not knowable without a table.
    std::string out;
    for (std::size_t i = 0; i < national.size(); i += 4) {
        if (!out.empty()) out += '-';
        const bool last_but_one = national.size() - i == 5;
        out += national.substr(i, last_but_one ? 5 : 4);
        if (last_but_one) break;
    }
    return out;
}

}  // namespace desa::people
