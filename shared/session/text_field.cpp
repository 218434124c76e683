#include "session/text_field.hpp"

#include "core/utf8.hpp"

namespace desa::session {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if there is none.
std::size_t sequence_length(std::string_view s, std::size_t i) {
    char32_t cp = 0;
    return decode_utf8(s.substr(i), cp);
}

bool is_control(std::string_view s, std::size_t i, std::size_t n) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (n == 1) return b0 < 0x20 || b0 == 0x7F;
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    return n == 2 && b0 == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        i += n == 0 ? 1 : n;
        ++count;
    }
    return count;
}

std::size_t TextField::length() const { return utf8_length(text); }

bool TextField::insert(std::string_view utf8) {
    bool all_taken = true;
    std::size_t current = length();
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t n = sequence_length(utf8, i);
        if (n == 0) {  // invalid byte: skip it
            all_taken = false;
            ++i;
            continue;
        }
        const bool digit = n == 1 && utf8[i] >= '0' && utf8[i] <= '9';
        const bool allowed = !is_control(utf8, i, n) && (kind == FieldKind::Text || digit);
        if (!allowed || current >= max_chars) {
            all_taken = false;
        } else {
            text.append(utf8.substr(i, n));
            ++current;
        }
        i += n;
    }
    return all_taken;
}

void TextField::backspace() {
    if (text.empty()) return;
    std::size_t i = text.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    text.erase(i);
}

std::string TextField::display_text() const {
    if (kind != FieldKind::Pin) return text;
    std::string dots;
    for (std::size_t k = 0; k < length(); ++k) dots += "\xE2\x80\xA2";  // U+2022 BULLET (Noto Sans has it)
    return dots;
}

}  // namespace desa::session
