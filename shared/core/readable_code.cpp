#include "core/readable_code.hpp"

#include <sodium.h>

#include <stdexcept>

#include "security/sodium.hpp"

namespace desa::readable_code {
namespace {

constexpr std::uint32_t kBase = 31;
static_assert(kAlphabet.size() == kBase);

int value_of(char c) {
    const auto at = kAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Sum of (position + 1) * value, mod 31. Weights 1..30 are distinct and non-zero mod the prime 31,
// so one changed character always changes the sum, and so does swapping two neighbours.
std::uint32_t weighted_sum(std::string_view code) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < code.size(); ++i)
        sum += static_cast<std::uint32_t>(i + 1) * static_cast<std::uint32_t>(value_of(code[i]));
    return sum % kBase;
}

std::uint32_t inverse_mod_base(std::uint32_t n) {  // Fermat: n^(31-2) mod 31
    std::uint32_t result = 1, base = n % kBase;
    for (std::uint32_t e = kBase - 2; e > 0; e >>= 1) {
        if (e & 1) result = result * base % kBase;
        base = base * base % kBase;
    }
    return result;
}

}  // namespace

std::string make(std::size_t random_chars, const RandomSource& random) {
    if (random_chars == 0 || random_chars + 1 >= kBase) throw std::invalid_argument("code length out of range");
    if (!random) security::ensure_sodium();
    std::string code;
    code.reserve(random_chars + 1);
    for (std::size_t i = 0; i < random_chars; ++i) {
        const std::uint32_t v = random ? random(kBase) : randombytes_uniform(kBase);
        code.push_back(kAlphabet[v % kBase]);
    }
    // The check character c at weight n makes the whole sum 0: c = -sum / n (mod 31).
    const auto n = static_cast<std::uint32_t>(random_chars + 1);
    const std::uint32_t c = (kBase - weighted_sum(code)) % kBase * inverse_mod_base(n) % kBase;
    code.push_back(kAlphabet[c]);
    return code;
}

Check check(std::string_view typed, std::size_t length) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (value_of(upper) < 0) return {std::nullopt, Problem::BadCharacter};
        code.push_back(upper);
    }
    if (code.empty()) return {std::nullopt, Problem::Empty};
    if (code.size() != length) return {std::nullopt, Problem::WrongLength};
    if (weighted_sum(code) != 0) return {std::nullopt, Problem::CheckFailed};
    return {code, std::nullopt};
}

std::string group(std::string_view code, std::size_t group_size) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); i += group_size) {
        if (!out.empty()) out.push_back('-');
        out.append(code.substr(i, group_size));
    }
    return out;
}

std::string_view problem_name(Problem p) {
    switch (p) {
        case Problem::Empty: return "empty";
        case Problem::BadCharacter: return "bad_character";
        case Problem::WrongLength: return "wrong_length";
        case Problem::CheckFailed: return "check_failed";
    }
    return "unknown";
}

}  // namespace desa::readable_code
