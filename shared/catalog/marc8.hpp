#pragma once
// MARC-8 -> UTF-8 for records whose leader/09 is not 'a'. Older SLiMS/INLISLite data and records
// copied from big union catalogues still come in MARC-8. Supported: Basic Latin (ASCII) and ANSEL
// (extended Latin: Ł, Ø, Æ, ß, ... and the combining diacritics), plus the tiny superscript,
// subscript and Greek-symbol sets. In MARC-8 a combining mark PRECEDES its base letter; we emit the
// precomposed letter when Unicode has one (é, ñ, ü, ç, ş, ṣ, ...) and base + combining mark
// otherwise. Other scripts (Arabic, Cyrillic, Greek, Hebrew, CJK) become U+FFFD and are counted so
// the importer can warn.
#include <cstddef>
#include <string>
#include <string_view>

namespace desa::catalog {

struct Marc8Conversion {
    std::string utf8;
    std::size_t unsupported = 0;  // characters replaced by U+FFFD
};

Marc8Conversion marc8_to_utf8(std::string_view marc8);

// Precomposed form of base + one combining mark (U+0300...), or 0 when Unicode has none.
char32_t compose_latin(char32_t base, char32_t mark);

}  // namespace desa::catalog
