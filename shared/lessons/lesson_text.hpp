#pragma once
// The lesson texts' simple formatting (docs/lesson-package.md "Texts"): paragraphs split by a blank
// line, "- " bullets, **emphasis**. Parsed once into blocks the screen lays out; the same text
// without marks is what espeak-ng reads aloud.
#include <string>
#include <string_view>
#include <vector>

namespace desa::lessons {

struct TextSpan {
    std::string text;
    bool bold = false;
};

struct TextBlock {
    bool bullet = false;
    bool paragraph_start = false;  // a blank line came before it (more space above)
    std::vector<TextSpan> spans;
};

std::vector<TextBlock> parse_formatted(std::string_view text);

// The words as they should be spoken: marks removed, each paragraph and bullet a sentence.
std::string spoken_text(std::string_view text);

}  // namespace desa::lessons
