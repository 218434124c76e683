#pragma once
// A person's name as typed on the kiosk (library members, named aspirations): Latin letters with
// accents, spaces and ' . - only; trimmed, inner runs of spaces made one. Nothing here logs a name.
#include <optional>
#include <string>
#include <string_view>

namespace desa::people {

inline constexpr std::size_t kNameMinLetters = 2, kNameMaxChars = 80;

enum class NameProblem {
    Empty,
    TooShort,      // fewer than 2 letters
    TooLong,       // more than 80 characters
    BadCharacter,  // only letters, spaces and ' . - are used in names
};
struct NameCheck {
    std::optional<std::string> name;  // cleaned
    std::optional<NameProblem> problem;
};
NameCheck check_person_name(std::string_view typed);
std::string_view name_problem_name(NameProblem);  // "empty", "too_short", "too_long", "bad_character"

}  // namespace desa::people
