#pragma once
// What a resident has typed into one field. The text lives here, not in an ImGui widget, so the
// on-screen keyboard never steals focus and an idle wipe can clear every form in one place.
#include <cstddef>
#include <string>
#include <string_view>

namespace desa::session {

enum class FieldKind {
    Text,    // any printable text; the keyboard shows letters
    Digits,  // 0-9 only (NIK, phone); the keyboard shows the numeric pad
    Pin,     // digits, shown masked
};

struct TextField {
    FieldKind kind = FieldKind::Text;
    std::size_t max_chars = 200;  // in Unicode code points
    std::string text;             // always valid UTF-8

    // Appends what is allowed of `utf8`: invalid UTF-8, control characters and (for Digits/Pin)
    // non-digits are dropped, and nothing beyond max_chars is added. Returns false if anything was
    // dropped, so the UI can tell the resident why a key did nothing.
    bool insert(std::string_view utf8);
    void backspace();  // removes the last code point
    void clear() { text.clear(); }
    bool empty() const { return text.empty(); }
    std::size_t length() const;  // code points
    // What the field shows: the text, or one bullet per digit for a PIN.
    std::string display_text() const;
};

// Number of code points in valid UTF-8; invalid sequences count one per byte.
std::size_t utf8_length(std::string_view text);

}  // namespace desa::session
