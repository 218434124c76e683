#pragma once
// Codes people read aloud, copy from paper and type on a touch keyboard: tracking codes, member
// cards. The alphabet leaves out the look-alikes 0/O and 1/I/L; the last character is a check
// character, so any single mistyped character and any two neighbours swapped are caught before a
// lookup. Random codes, unguessable: knowing one code tells nothing about another.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace desa::readable_code {

// 31 symbols: a prime, so the weighted check detects every single error (codes up to 30 long).
inline constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// Returns a uniformly random integer in [0, upper). Default: libsodium's randombytes_uniform.
using RandomSource = std::function<std::uint32_t(std::uint32_t upper)>;

// `random_chars` random symbols followed by their check character.
std::string make(std::size_t random_chars, const RandomSource& random = {});

enum class Problem {
    Empty,
    BadCharacter,  // a character codes never use (O, 0, I, 1, L, punctuation)
    WrongLength,
    CheckFailed,   // a typo
};

struct Check {
    std::optional<std::string> code;  // canonical: upper case, no separators
    std::optional<Problem> problem;
};

// As typed: case-insensitive; spaces, tabs and dashes ignored. `length` includes the check.
Check check(std::string_view typed, std::size_t length);

// "K7MQ9XD4P", 3 -> "K7M-Q9X-D4P"; a last group may be shorter.
std::string group(std::string_view code, std::size_t group_size);

std::string_view problem_name(Problem);  // "empty", "bad_character", "wrong_length", "check_failed"

}  // namespace desa::readable_code
