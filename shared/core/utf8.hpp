#pragma once
// UTF-8, strictly: no overlong forms, no surrogates, nothing above U+10FFFF. One codec for the
// whole core (text fields, search folding, catalogue import).
#include <cstddef>
#include <string>
#include <string_view>

namespace desa {

// Decodes the code point at the start of `s`; returns the bytes consumed, or 0 if `s` is empty or
// does not start with a valid sequence.
std::size_t decode_utf8(std::string_view s, char32_t& out);
void append_utf8(std::string& out, char32_t cp);

}  // namespace desa
