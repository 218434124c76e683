#include "people/person_name.hpp"

#include "core/utf8.hpp"

namespace desa::people {
namespace {

bool is_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    // Latin-1 letters and Latin Extended-A/B (À..ɏ without × and ÷), Latin Extended Additional.
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
    return c >= 0x1E00 && c <= 0x1EFF;
}

bool is_name_mark(char32_t c) { return c == '\'' || c == 0x2019 || c == '.' || c == '-'; }

}  // namespace

NameCheck check_person_name(std::string_view typed) {
    std::string name;
    std::size_t chars = 0, letters = 0;
    bool pending_space = false;
    while (!typed.empty()) {
        char32_t c = 0;
        const std::size_t n = decode_utf8(typed, c);
        if (n == 0) return {std::nullopt, NameProblem::BadCharacter};
        typed.remove_prefix(n);
        if (c == ' ' || c == '\t' || c == 0xA0) {
            pending_space = !name.empty();
            continue;
        }
        if (!is_letter(c) && !is_name_mark(c)) return {std::nullopt, NameProblem::BadCharacter};
        if (pending_space) {
            name.push_back(' ');
            ++chars;
            pending_space = false;
        }
        append_utf8(name, c == 0x2019 ? U'\'' : c);  // one apostrophe, however it was typed
        ++chars;
        letters += is_letter(c) ? 1 : 0;
    }
    if (name.empty()) return {std::nullopt, NameProblem::Empty};
    if (chars > kNameMaxChars) return {std::nullopt, NameProblem::TooLong};
    if (letters < kNameMinLetters) return {std::nullopt, NameProblem::TooShort};
    return {name, std::nullopt};
}

std::string_view name_problem_name(NameProblem p) {
    switch (p) {
        case NameProblem::Empty: return "empty";
        case NameProblem::TooShort: return "too_short";
        case NameProblem::TooLong: return "too_long";
        case NameProblem::BadCharacter: return "bad_character";
    }
    return "empty";
}

}  // namespace desa::people
