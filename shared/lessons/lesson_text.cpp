#include "lessons/lesson_text.hpp"

namespace desa::lessons {

namespace {

std::vector<TextSpan> spans_of(std::string_view line) {
    std::vector<TextSpan> spans;
    bool bold = false;
    while (!line.empty()) {
        const std::size_t mark = line.find("**");
        const std::string_view part = line.substr(0, mark);
        if (!part.empty()) spans.push_back({std::string(part), bold});
        if (mark == std::string_view::npos) break;
        line.remove_prefix(mark + 2);
        bold = !bold;
    }
    return spans;
}

}  // namespace

std::vector<TextBlock> parse_formatted(std::string_view text) {
    std::vector<TextBlock> blocks;
    bool blank_before = false;
    while (!text.empty() || blocks.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) {
            blank_before = true;
            if (text.empty()) break;
            continue;
        }
        TextBlock block;
        block.paragraph_start = blank_before && !blocks.empty();
        blank_before = false;
        if (line.substr(0, 2) == "- ") {
            block.bullet = true;
            line.remove_prefix(2);
        }
        block.spans = spans_of(line);
        blocks.push_back(std::move(block));
        if (text.empty()) break;
    }
    return blocks;
}

std::string spoken_text(std::string_view text) {
    std::string out;
    for (const auto& block : parse_formatted(text)) {
        std::string line;
        for (const auto& span : block.spans) line += span.text;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty()) continue;
        const char last = line.back();
        if (last != '.' && last != '?' && last != '!' && last != ':') line += '.';
        if (!out.empty()) out += ' ';
        out += line;
    }
    return out;
}

}  // namespace desa::lessons
