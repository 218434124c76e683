#include "catalog/isbn.hpp"

#include <cctype>

namespace desa::catalog {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
    for (char c : s)
        if (!is_digit(c)) return false;
    return !s.empty();
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// "ISBN", "ISBN:", "ISBN-10:", "ISBN 13 :" ... in front of the number.
std::string_view strip_label(std::string_view s) {
    s = trim_spaces(s);
    if (!starts_with_ci(s, "isbn")) return s;
    s.remove_prefix(4);
    std::string_view rest = s;
    while (!rest.empty() && (rest.front() == '-' || rest.front() == ' ')) rest.remove_prefix(1);
    if (rest.size() >= 2 && (rest.substr(0, 2) == "10" || rest.substr(0, 2) == "13")) {
        std::string_view after = rest.substr(2);
        while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
        // "ISBN 13 :" is a label; "ISBN 1393..." is the number itself.
        if (!after.empty() && after.front() == ':') s = after;
    }
    s = trim_spaces(s);
    if (!s.empty() && s.front() == ':') s.remove_prefix(1);
    return trim_spaces(s);
}

// Digits (and an 'X') of the number at the start of `s`, hyphens and spaces dropped. Stops at the
// first other character, which must not glue the number to a word ("978...abc" is not an ISBN).
std::optional<std::string> compact_number(std::string_view s) {
    std::string digits;
    std::size_t i = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            digits += c;
        } else if (c == 'X' || c == 'x') {
            digits += 'X';
        } else if (c == '-' || c == ' ' || c == '\t') {
            // A space ends the number once it is complete: "0439023483 9780..." is two numbers.
            if (c != '-' && (digits.size() == 10 || digits.size() == 13)) break;
        } else {
            break;
        }
    }
    if (i < s.size()) {
        const unsigned char next = static_cast<unsigned char>(s[i]);
        if (std::isalnum(next)) return std::nullopt;
    }
    // 'X' is only ever the last character of an ISBN-10.
    const auto x = digits.find('X');
    if (x != std::string::npos && x + 1 != digits.size()) return std::nullopt;
    return digits;
}

std::optional<std::string> from_compact(const std::string& digits) {
    if (digits.size() == 13) {
        if (is_valid_isbn13(digits)) return digits;
        return std::nullopt;
    }
    if (digits.size() == 10) return isbn10_to_13(digits);
    if (digits.size() == 9) return isbn10_to_13("0" + digits);  // SBN
    return std::nullopt;
}

// "9.78043902348e+12", "9.7804390235E12", "9780439023481.0" -> ISBN-13 (rules in the header).
std::optional<std::string> from_float_text(std::string_view s) {
    std::string int_part, frac_part;
    std::size_t i = 0;
    for (; i < s.size() && is_digit(s[i]); ++i) int_part += s[i];
    if (i < s.size() && s[i] == '.')
        for (++i; i < s.size() && is_digit(s[i]); ++i) frac_part += s[i];
    bool has_exponent = false;
    int exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && s[i] == '+') ++i;
        const std::string_view e = s.substr(i);
        if (!all_digits(e) || e.size() > 2) return std::nullopt;
        has_exponent = true;
        exponent = std::stoi(std::string(e));
        i = s.size();
    }
    if (i != s.size() || int_part.empty()) return std::nullopt;

    // `digits` with the decimal point after `integer_digits` of them.
    std::string digits = int_part + frac_part;
    int integer_digits = static_cast<int>(int_part.size()) + exponent;
    while (!digits.empty() && digits.front() == '0') {
        digits.erase(0, 1);
        --integer_digits;
    }
    if (integer_digits != 13) return std::nullopt;  // not a 13-digit number
    if (digits.size() > 13) {
        if (digits.find_first_not_of('0', 13) != std::string::npos) return std::nullopt;
        digits.resize(13);
    }
    if (digits.size() == 13) {
        if (is_valid_isbn13(digits)) return digits;
        return std::nullopt;
    }
    // Printed with 12 significant digits, and %.12g trims trailing zeros: restore them to get D.
    // Fewer than 8 digits is a display rounding instead (a spreadsheet shows "9.78044E+12"), and
    // restoring zeros there would invent digits.
    if (!has_exponent || digits.size() < 8) return std::nullopt;
    const std::string prefix = digits + std::string(12 - digits.size(), '0');
    std::optional<std::string> found;
    int candidates = 0;
    if (const char own = isbn13_check(prefix); own <= '5') {
        found = prefix + own;
        ++candidates;
    }
    if (const std::string below = std::to_string(std::stoull(prefix) - 1); below.size() == 12) {
        if (const char c = isbn13_check(below); c >= '5') {
            found = below + c;
            ++candidates;
        }
    }
    if (candidates != 1 || !is_valid_isbn13(*found)) return std::nullopt;
    return found;
}

}  // namespace

char isbn10_check(std::string_view first9) {
    int sum = 0;
    for (std::size_t i = 0; i < 9; ++i) sum += (10 - static_cast<int>(i)) * (first9[i] - '0');
    const int check = (11 - sum % 11) % 11;
    return check == 10 ? 'X' : static_cast<char>('0' + check);
}

char isbn13_check(std::string_view first12) {
    int sum = 0;
    for (std::size_t i = 0; i < 12; ++i) sum += (i % 2 == 0 ? 1 : 3) * (first12[i] - '0');
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool is_valid_isbn10(std::string_view s) {
    if (s.size() != 10 || !all_digits(s.substr(0, 9))) return false;
    if (!is_digit(s[9]) && s[9] != 'X') return false;
    return isbn10_check(s.substr(0, 9)) == s[9];
}

bool is_valid_isbn13(std::string_view s) {
    if (s.size() != 13 || !all_digits(s)) return false;
    if (s.substr(0, 3) != "978" && s.substr(0, 3) != "979") return false;
    return isbn13_check(s.substr(0, 12)) == s[12];
}

std::optional<std::string> isbn10_to_13(std::string_view isbn10) {
    if (!is_valid_isbn10(isbn10)) return std::nullopt;
    std::string first12 = "978" + std::string(isbn10.substr(0, 9));
    return first12 + isbn13_check(first12);
}

std::optional<std::string> isbn13_to_10(std::string_view isbn13) {
    if (!is_valid_isbn13(isbn13) || isbn13.substr(0, 3) != "978") return std::nullopt;
    std::string first9(isbn13.substr(3, 9));
    return first9 + isbn10_check(first9);
}

std::optional<std::string> normalize_isbn(std::string_view text) {
    const auto digits = compact_number(strip_label(text));
    if (!digits) return std::nullopt;
    return from_compact(*digits);
}

std::optional<std::string> isbn_from_spreadsheet_cell(std::string_view cell) {
    const std::string_view s = strip_label(cell);
    if (s.empty()) return std::nullopt;
    if (auto isbn = normalize_isbn(s)) return isbn;
    if (auto isbn = from_float_text(s)) return isbn;
    // Leading zeros lost: "7442912" -> "0007442912". Up to three zeros (group 0, publisher 00).
    auto digits = compact_number(s);
    if (digits && digits->size() >= 7 && digits->size() < 10) {
        const std::string padded = std::string(10 - digits->size(), '0') + *digits;
        return isbn10_to_13(padded);
    }
    return std::nullopt;
}

std::optional<std::string> isbn_from_spreadsheet(std::string_view isbn10_column,
                                                 std::string_view isbn13_column) {
    if (auto isbn = isbn_from_spreadsheet_cell(isbn10_column)) return isbn;
    return isbn_from_spreadsheet_cell(isbn13_column);
}

}  // namespace desa::catalog
