#pragma once
// Text clean-up every catalogue reader needs: UTF-8 checking and repair, Windows-1252 files from
// Excel, ISBD punctuation, language names and codes, years as catalogers and spreadsheets write
// them, and the escaped multi-value cells of our CSV. (ISBNs: catalog/isbn.hpp.) Pure functions, no I/O.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

namespace desa::catalog {

std::string_view trim(std::string_view s);

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);
// Each invalid byte becomes U+FFFD; `replaced` counts them. Valid input comes back unchanged.
std::string repair_utf8(std::string_view s, std::size_t* replaced = nullptr);
// Windows-1252 (what Excel on an Indonesian Windows PC saves as "CSV") to UTF-8.
std::string cp1252_to_utf8(std::string_view s);
using desa::append_utf8;  // core/utf8.hpp, the one codec
using desa::decode_utf8;

// ISBD (cataloguing) punctuation at the end of a subfield: "Laskar pelangi /" -> "Laskar pelangi".
enum class Isbd {
    Title,       // separators and a final full stop (kept after initials, "...", common abbreviations)
    Name,        // the same plus a trailing comma: "Hirata, Andrea," -> "Hirata, Andrea"
    Separators,  // " /", " :", " ;", " =", "," only; full stops stay ("2nd ed.", "245 p.")
};
std::string strip_isbd(std::string_view s, Isbd mode);

// "ind", "Indonesia", "Bahasa Indonesia", "id", "en-US", "English", "Inggris" -> ISO 639-2/B
// ("ind", "eng"); MARC's codes are 639-2/B, so terminology codes (deu, fra, zho) are mapped too.
// Unknown three-letter codes pass through lower-cased; unknown names are kept as written.
std::string normalize_language(std::string_view s);

// "2008", "c2008.", "[2008?]", "2008.0", "-750.0" (goodbooks: BCE), "199-" (decade) -> the year.
std::optional<int> parse_year(std::string_view s);

// Multi-value cells: "a; b | c" -> {"a", "b", "c"}. `\|`, `\;` and `\\` escape the separators so
// our own export round-trips values that contain them. Values are trimmed; empty ones are dropped
// unless `keep_empty` (columns aligned value by value, such as the locations of several copies).
std::vector<std::string> split_multi(std::string_view cell, bool keep_empty = false);
std::string join_multi(const std::vector<std::string>& values);

// Material type from SLiMS GMD names and common words ("Text", "Buku", "Video Recording", "Peta")
// to our names: book, magazine, map, music_score, audiovisual, audio, image, electronic, kit, object,
// manuscript, microform. Unknown words are kept, lower-cased.
std::string material_type_from_name(std::string_view name);

}  // namespace desa::catalog
