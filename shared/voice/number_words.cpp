#include "voice/number_words.hpp"

#include <array>

namespace desa::voice {
namespace {

constexpr std::array<std::string_view, 10> kUnits = {"nol",  "satu", "dua",   "tiga",    "empat",
                                                     "lima", "enam", "tujuh", "delapan", "sembilan"};

void append(std::string& out, std::string_view word) {
    if (!out.empty()) out += ' ';
    out += word;
}

// 1..999, appended to `out`.
void append_below_thousand(std::string& out, int n) {
    const int hundreds = n / 100, rest = n % 100;
    if (hundreds == 1) append(out, "seratus");
    else if (hundreds > 1) {
        append(out, kUnits[static_cast<std::size_t>(hundreds)]);
        out += " ratus";
    }
    if (rest == 0) return;
    if (rest < 10) append(out, kUnits[static_cast<std::size_t>(rest)]);
    else if (rest == 10) append(out, "sepuluh");
    else if (rest == 11) append(out, "sebelas");
    else if (rest < 20) {
        append(out, kUnits[static_cast<std::size_t>(rest - 10)]);
        out += " belas";
    } else {
        append(out, kUnits[static_cast<std::size_t>(rest / 10)]);
        out += " puluh";
        if (rest % 10 != 0) append(out, kUnits[static_cast<std::size_t>(rest % 10)]);
    }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<std::string> number_words(long long n) {
    if (n < 0 || n > kMaxWordedNumber) return std::nullopt;
    if (n == 0) return std::string(kUnits[0]);
    struct Scale {
        long long size;
        std::string_view name;
    };
    static constexpr Scale kScales[] = {{1'000'000'000LL, "miliar"}, {1'000'000LL, "juta"}, {1'000LL, "ribu"}};
    std::string out;
    for (const Scale& scale : kScales) {
        const int count = static_cast<int>(n / scale.size);
        n %= scale.size;
        if (count == 0) continue;
        // "seribu", but "satu juta" and "satu miliar".
        if (count == 1 && scale.size == 1'000) append(out, "seribu");
        else {
            append_below_thousand(out, count);
            append(out, scale.name);
        }
    }
    if (n > 0) append_below_thousand(out, static_cast<int>(n));
    return out;
}

std::optional<std::string> digit_group_words(std::string_view digits) {
    if (digits.empty() || digits.size() > 6) return std::nullopt;
    for (char c : digits)
        if (!is_digit(c)) return std::nullopt;
    std::string out;
    std::size_t i = 0;
    // Every leading zero is said ("nol dua belas"); an all-zero group is all "nol".
    while (i < digits.size() && digits[i] == '0') {
        append(out, "nol");
        ++i;
    }
    if (i == digits.size()) return out;
    long long value = 0;
    for (; i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
    append(out, *number_words(value));
    return out;
}

std::optional<std::string> ticket_words(std::string_view number) {
    if (number.size() != 4 || number[0] < 'A' || number[0] > 'Z') return std::nullopt;
    const auto digits = digit_group_words(number.substr(1));
    if (!digits) return std::nullopt;
    return std::string(1, number[0]) + " " + *digits;
}

std::optional<std::string> call_sentence(std::string_view ticket_number, int counter) {
    const auto ticket = ticket_words(ticket_number);
    if (!ticket || counter < 1 || counter > 99) return std::nullopt;
    return "Nomor antrian " + *ticket + ", silakan ke loket " + *number_words(counter) + ".";
}

}  // namespace desa::voice
