#include "catalog/text_fold.hpp"

#include "core/utf8.hpp"

#include <array>
#include <cstdint>

namespace desa::catalog {

namespace {

// What one code point contributes to the folded text.
enum class Kind { Separator, Ignore, Text };
struct Folded {
    Kind kind = Kind::Separator;
    std::string_view text;  // for Kind::Text; empty means "encode the (possibly shifted) cp"
    char32_t cp = 0;
};

// Folding tables, one entry per code point, space separated:
//   letters  -> replacement ("ae", "ss")
//   "*"      -> separator (× ÷)
//   "="      -> a letter without a Latin equivalent, kept as is
//   "=+1"    -> the upper case of such a letter: kept as its lower case (cp + 1)
// Written out in full so each row can be checked against the Unicode charts (16 per row).
constexpr std::string_view kLatin1 =  // U+00C0..U+00FF
    "a a a a a a ae c e e e e i i i i "
    "d n o o o o o * o u u u u y th ss "
    "a a a a a a ae c e e e e i i i i "
    "d n o o o o o * o u u u u y th y";
constexpr std::string_view kLatinExtA =  // U+0100..U+017F
    "a a a a a a c c c c c c c c d d "
    "d d e e e e e e e e e e g g g g "
    "g g g g h h h h i i i i i i i i "
    "i i ij ij j j k k k l l l l l l l "
    "l l l n n n n n n n n n o o o o "
    "o o oe oe r r r r r r s s s s s s "
    "s s t t t t t t u u u u u u u u "
    "u u u u w w y y y z z z z z z s";
constexpr std::string_view kLatinExtB =  // U+0180..U+024F
    "b b b b =+1 = o c c d d d d = e e "
    "e f f g g hv i i k k l = m n n o "
    "o o oi oi p p r =+1 = = = t t t t u "
    "u u v y y z z = =+1 = = = =+1 = = w "
    "= = = = dz dz dz lj lj lj nj nj nj a a i "
    "i o o u u u u u u u u u u e a a "
    "a a ae ae g g g g k k o o o o =+1 = "
    "j dz dz dz g g hv w n n a a ae ae o o "
    "a a a a e e e e i i i i o o o o "
    "r r r r u u u u s s t t =+1 = h h "
    "n d ou ou z z a a e e o o o o o o "
    "o o y y l n t j db qp a c c l t s "
    "z =+1 = b u v e e j j q q r r y y";
// U+1E00..U+1E95 come in upper/lower pairs; one base letter per pair.
constexpr std::string_view kLatinAdditionalPairs =
    "abbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzz";

template <std::size_t N>
struct Table {
    std::array<std::string_view, N> entries{};
    std::size_t count = 0;  // how many the text held; a unit test compares it with N
};

template <std::size_t N>
constexpr Table<N> split_table(std::string_view text) {
    Table<N> t;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (t.count < N) t.entries[t.count] = text.substr(start, end - start);
        ++t.count;
        start = end + 1;
    }
    return t;
}

constexpr auto kLatin1Table = split_table<0x40>(kLatin1);
constexpr auto kLatinExtATable = split_table<0x80>(kLatinExtA);
constexpr auto kLatinExtBTable = split_table<0xD0>(kLatinExtB);
static_assert(kLatin1Table.count == 0x40, "one Latin-1 entry per code point");
static_assert(kLatinExtATable.count == 0x80, "one Latin Extended-A entry per code point");
static_assert(kLatinExtBTable.count == 0xD0, "one Latin Extended-B entry per code point");
static_assert(kLatinAdditionalPairs.size() == (0x1E96 - 0x1E00) / 2, "one letter per pair");

Folded from_table(std::string_view entry, char32_t cp) {
    if (entry == "*") return {Kind::Separator, {}, 0};
    if (entry == "=") return {Kind::Text, {}, cp};
    if (entry == "=+1") return {Kind::Text, {}, cp + 1};
    return {Kind::Text, entry, 0};
}

Folded letter(char32_t cp) { return {Kind::Text, {}, cp}; }

Folded fold_latin_additional(char32_t cp) {
    static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
    auto base = [](char c) { return kLetters.substr(static_cast<std::size_t>(c - 'a'), 1); };
    if (cp < 0x1E96) return {Kind::Text, base(kLatinAdditionalPairs[(cp - 0x1E00) / 2]), 0};
    switch (cp) {
        case 0x1E96: return {Kind::Text, "h", 0};
        case 0x1E97: return {Kind::Text, "t", 0};
        case 0x1E98: return {Kind::Text, "w", 0};
        case 0x1E99: return {Kind::Text, "y", 0};
        case 0x1E9A: return {Kind::Text, "a", 0};
        case 0x1E9E: return {Kind::Text, "ss", 0};  // capital sharp s
        case 0x1E9F: return letter(cp);
        default: break;
    }
    if (cp <= 0x1E9D) return {Kind::Text, "s", 0};  // long s variants
    // Vietnamese: Ạ..ặ, Ẹ..ệ, Ỉ..ị, Ọ..ợ, Ụ..ự, Ỳ..ỹ, then Middle Welsh ll, v and y.
    if (cp <= 0x1EB7) return {Kind::Text, "a", 0};
    if (cp <= 0x1EC7) return {Kind::Text, "e", 0};
    if (cp <= 0x1ECB) return {Kind::Text, "i", 0};
    if (cp <= 0x1EE3) return {Kind::Text, "o", 0};
    if (cp <= 0x1EF1) return {Kind::Text, "u", 0};
    if (cp <= 0x1EF9) return {Kind::Text, "y", 0};
    if (cp <= 0x1EFB) return {Kind::Text, "ll", 0};
    if (cp <= 0x1EFD) return {Kind::Text, "v", 0};
    return {Kind::Text, "y", 0};
}

Folded fold_greek(char32_t cp) {
    switch (cp) {  // tonos dropped, final sigma is sigma
        case 0x0386: case 0x03AC: return letter(0x03B1);
        case 0x0388: case 0x03AD: return letter(0x03B5);
        case 0x0389: case 0x03AE: return letter(0x03B7);
        case 0x038A: case 0x03AF: case 0x03AA: case 0x03CA: case 0x0390: return letter(0x03B9);
        case 0x038C: case 0x03CC: return letter(0x03BF);
        case 0x038E: case 0x03CD: case 0x03AB: case 0x03CB: case 0x03B0: return letter(0x03C5);
        case 0x038F: case 0x03CE: return letter(0x03C9);
        case 0x03C2: return letter(0x03C3);
        default: break;
    }
    if (cp >= 0x0391 && cp <= 0x03A9) return letter(cp + 0x20);
    return letter(cp);
}

Folded fold_cyrillic(char32_t cp) {
    if (cp == 0x0401 || cp == 0x0451) return letter(0x0435);  // Ё, ё -> е
    if (cp >= 0x0400 && cp <= 0x040F) return letter(cp + 0x50);
    if (cp >= 0x0410 && cp <= 0x042F) return letter(cp + 0x20);
    return letter(cp);
}

bool is_combining_mark(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Dropped without splitting the word: apostrophes, joiners, variation selectors, modifier letters.
bool is_ignorable(char32_t cp) {
    switch (cp) {
        case '\'': case '`': case 0x00B4: case 0x2018: case 0x2019: case 0x201B: case 0x2032:
        case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
            return true;
        default: break;
    }
    return is_combining_mark(cp) || (cp >= 0x02B0 && cp <= 0x02FF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Punctuation, symbols, emoji, controls, private use: word boundaries.
bool is_separator_block(char32_t cp) {
    return cp < 0xC0 ||                                // ASCII and Latin-1 punctuation (handled first)
           (cp >= 0x2000 && cp <= 0x2BFF) ||           // punctuation, arrows, math, shapes, dingbats
           (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xD800 && cp <= 0xF8FF) ||           // surrogates, private use
           (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
           (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FBFF) ||  // emoji
           cp >= 0xF0000;
}

Folded fold_codepoint(char32_t cp) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return letter(cp + 0x20);
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return letter(cp);
        if (cp == '\'' || cp == '`') return {Kind::Ignore, {}, 0};
        return {Kind::Separator, {}, 0};
    }
    if (is_ignorable(cp)) return {Kind::Ignore, {}, 0};
    if (cp == 0xAA) return {Kind::Text, "a", 0};  // ª
    if (cp == 0xBA) return {Kind::Text, "o", 0};  // º
    if (cp == 0xB5) return letter(0x03BC);        // micro sign is Greek mu
    if (cp == 0x01A9) return letter(0x0283);      // Ʃ, Ʒ: lower case lives in the IPA block
    if (cp == 0x01B7) return letter(0x0292);
    if (cp >= 0xC0 && cp <= 0xFF) return from_table(kLatin1Table.entries[cp - 0xC0], cp);
    if (cp >= 0x100 && cp <= 0x17F) return from_table(kLatinExtATable.entries[cp - 0x100], cp);
    if (cp >= 0x180 && cp <= 0x24F) return from_table(kLatinExtBTable.entries[cp - 0x180], cp);
    if (cp >= 0x1E00 && cp <= 0x1EFF) return fold_latin_additional(cp);
    if (cp >= 0x0370 && cp <= 0x03FF) return fold_greek(cp);
    if (cp >= 0x0400 && cp <= 0x04FF) return fold_cyrillic(cp);
    if (cp >= 0xFF10 && cp <= 0xFF19) return letter(cp - 0xFF10 + '0');  // full-width digits
    if (cp >= 0xFF21 && cp <= 0xFF3A) return letter(cp - 0xFF21 + 'a');
    if (cp >= 0xFF41 && cp <= 0xFF5A) return letter(cp - 0xFF41 + 'a');
    if (cp >= 0xFF00 && cp <= 0xFF65) return {Kind::Separator, {}, 0};  // full-width punctuation
    if (is_separator_block(cp)) return {Kind::Separator, {}, 0};
    return letter(cp);  // any other script: a letter, kept as is
}

// Strict decoding (core/utf8.hpp); an invalid byte is consumed alone and reported invalid.
std::size_t decode(std::string_view s, std::size_t at, char32_t& cp, bool& valid) {
    const std::size_t n = decode_utf8(s.substr(at), cp);
    valid = n != 0;
    return valid ? n : 1;
}

}  // namespace

std::vector<std::string> fold_words(std::string_view utf8, std::size_t max_words) {
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty() && words.size() < max_words) words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t at = 0; at < utf8.size() && words.size() < max_words;) {
        char32_t cp = 0;
        bool valid = false;
        at += decode(utf8, at, cp, valid);
        if (!valid) {
            flush();
            continue;
        }
        const Folded f = fold_codepoint(cp);
        switch (f.kind) {
            case Kind::Separator: flush(); break;
            case Kind::Ignore: break;
            case Kind::Text:
                if (!f.text.empty()) {
                    word += f.text;
                } else {
                    append_utf8(word, f.cp);
                }
                break;
        }
    }
    flush();
    return words;
}

std::string fold_text(std::string_view utf8) {
    std::string out;
    for (const std::string& w : fold_words(utf8)) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

}  // namespace desa::catalog
