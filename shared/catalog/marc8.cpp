#include "catalog/marc8.hpp"

#include <algorithm>
#include <vector>

#include "catalog/import_text.hpp"

namespace desa::catalog {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// ANSEL spacing characters 0xA1-0xC8 (0 = unassigned), from the Library of Congress MARC-8 tables.
constexpr char16_t kAnselSpacing[] = {
    0x0141, 0x00D8, 0x0110, 0x00DE, 0x00C6, 0x0152, 0x02B9, 0x00B7,  // A1-A8
    0x266D, 0x00AE, 0x00B1, 0x01A0, 0x01AF, 0x02BC, 0,               // A9-AF
    0x02BB, 0x0142, 0x00F8, 0x0111, 0x00FE, 0x00E6, 0x0153, 0x02BA,  // B0-B7
    0x0131, 0x00A3, 0x00F0, 0,      0x01A1, 0x01B0, 0,      0,       // B8-BF
    0x00B0, 0x2113, 0x2117, 0x00A9, 0x266F, 0x00BF, 0x00A1, 0x00DF,  // C0-C7
    0x20AC,                                                          // C8
};

// ANSEL combining marks 0xE0-0xFE -> Unicode combining characters (0 = unassigned).
constexpr char16_t kAnselCombining[] = {
    0x0309, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307,  // E0-E7
    0x0308, 0x030C, 0x030A, 0xFE20, 0xFE21, 0x0315, 0x030B, 0x0310,  // E8-EF
    0x0327, 0x0328, 0x0323, 0x0324, 0x0325, 0x0333, 0x0332, 0x0326,  // F0-F7
    0x031C, 0x032E, 0xFE22, 0xFE23, 0,      0,      0x0313,          // F8-FE
};

// Precomposed Latin letters: for each mark, the base letters and, at the same index, the result.
struct Composition {
    char32_t mark;
    std::string_view bases;
    std::u16string_view composed;
};
constexpr Composition kCompositions[] = {
    {0x0300, "AEIOUaeiouNnWwYy",
     u"\u00C0\u00C8\u00CC\u00D2\u00D9\u00E0\u00E8\u00EC\u00F2\u00F9\u01F8\u01F9\u1E80\u1E81\u1EF2\u1EF3"},
    {0x0301, "AEIOUYaeiouyCcNnSsZzLlRrGgKkMmPpWw",
     u"\u00C1\u00C9\u00CD\u00D3\u00DA\u00DD\u00E1\u00E9\u00ED\u00F3\u00FA\u00FD\u0106\u0107\u0143\u0144"
     u"\u015A\u015B\u0179\u017A\u0139\u013A\u0154\u0155\u01F4\u01F5\u1E30\u1E31\u1E3E\u1E3F\u1E54\u1E55"
     u"\u1E82\u1E83"},
    {0x0302, "AEIOUaeiouCcGgHhJjSsWwYy",
     u"\u00C2\u00CA\u00CE\u00D4\u00DB\u00E2\u00EA\u00EE\u00F4\u00FB\u0108\u0109\u011C\u011D\u0124\u0125"
     u"\u0134\u0135\u015C\u015D\u0174\u0175\u0176\u0177"},
    {0x0303, "ANOanoIiUuEeYy",
     u"\u00C3\u00D1\u00D5\u00E3\u00F1\u00F5\u0128\u0129\u0168\u0169\u1EBC\u1EBD\u1EF8\u1EF9"},
    {0x0304, "AaEeIiOoUu", u"\u0100\u0101\u0112\u0113\u012A\u012B\u014C\u014D\u016A\u016B"},
    {0x0306, "AaEeGgIiOoUu", u"\u0102\u0103\u0114\u0115\u011E\u011F\u012C\u012D\u014E\u014F\u016C\u016D"},
    {0x0307, "CcEeGgIZz", u"\u010A\u010B\u0116\u0117\u0120\u0121\u0130\u017B\u017C"},
    {0x0308, "AEIOUaeiouyY", u"\u00C4\u00CB\u00CF\u00D6\u00DC\u00E4\u00EB\u00EF\u00F6\u00FC\u00FF\u0178"},
    {0x030A, "AaUu", u"\u00C5\u00E5\u016E\u016F"},
    {0x030B, "OoUu", u"\u0150\u0151\u0170\u0171"},
    {0x030C, "CcDdEeNnRrSsTtZz",
     u"\u010C\u010D\u010E\u010F\u011A\u011B\u0147\u0148\u0158\u0159\u0160\u0161\u0164\u0165\u017D\u017E"},
    {0x0327, "CcGgKkLlNnRrSsTt",
     u"\u00C7\u00E7\u0122\u0123\u0136\u0137\u013B\u013C\u0145\u0146\u0156\u0157\u015E\u015F\u0162\u0163"},
    {0x0328, "AaEeIiUu", u"\u0104\u0105\u0118\u0119\u012E\u012F\u0172\u0173"},
    // Dot below: Arabic transliteration (ḥ, ṣ, ṭ, ẓ, ḍ) in Indonesian Islamic collections.
    {0x0323, "AaEeIiOoUuDdHhSsTtZzMmNnRrLl",
     u"\u1EA0\u1EA1\u1EB8\u1EB9\u1ECA\u1ECB\u1ECC\u1ECD\u1EE4\u1EE5\u1E0C\u1E0D\u1E24\u1E25\u1E62\u1E63"
     u"\u1E6C\u1E6D\u1E92\u1E93\u1E42\u1E43\u1E46\u1E47\u1E5A\u1E5B\u1E36\u1E37"},
};

// The graphic sets a MARC-8 escape sequence can select.
enum class CharSet { BasicLatin, Ansel, GreekSymbols, Subscript, Superscript, OtherSingleByte, OtherMultiByte };

char32_t small_set(CharSet set, unsigned char c) {
    if (set == CharSet::GreekSymbols) {
        if (c == 'a') return 0x03B1;
        if (c == 'b') return 0x03B2;
        if (c == 'c') return 0x03B3;
        return c;
    }
    const bool super = set == CharSet::Superscript;
    if (c >= '0' && c <= '9') {
        if (!super) return 0x2080 + (c - '0');
        if (c == '1') return 0x00B9;
        if (c == '2') return 0x00B2;
        if (c == '3') return 0x00B3;
        return 0x2070 + (c - '0');
    }
    switch (c) {
        case '+': return super ? 0x207A : 0x208A;
        case '-': return super ? 0x207B : 0x208B;
        case '(': return super ? 0x207D : 0x208D;
        case ')': return super ? 0x207E : 0x208E;
        default: return c;
    }
}

class Converter {
public:
    Marc8Conversion run(std::string_view in) {
        std::size_t i = 0;
        while (i < in.size()) {
            const auto b = static_cast<unsigned char>(in[i]);
            if (b == 0x1B) {
                i = escape(in, i);
                continue;
            }
            ++i;
            if (b < 0x20) continue;  // stray control characters carry no text
            if (b == 0x20) {
                base(' ');
            } else if (b < 0x7F) {
                graphic(g0_, b, in, i);
            } else if (b == 0x8D) {
                base(0x200D);  // zero width joiner
            } else if (b == 0x8E) {
                base(0x200C);  // zero width non-joiner
            } else if (b >= 0xA1 && b <= 0xFE) {
                graphic(g1_, b, in, i);
            }
            // 0x7F, the other C1 controls (0x88/0x89 non-sort markers) and 0xFF: dropped.
        }
        flush_marks();
        return std::move(out_);
    }

private:
    // ESC ( B, ESC ) ! E, ESC $ 1, ESC $ , 1 and the shortcut forms ESC g / b / p / s.
    std::size_t escape(std::string_view in, std::size_t i) {
        std::size_t j = i + 1;
        if (j >= in.size()) return in.size();
        switch (in[j]) {
            case 'g': g0_ = CharSet::GreekSymbols; return j + 1;
            case 'b': g0_ = CharSet::Subscript; return j + 1;
            case 'p': g0_ = CharSet::Superscript; return j + 1;
            case 's': g0_ = CharSet::BasicLatin; return j + 1;
            default: break;
        }
        bool multibyte = false;
        if (in[j] == '$') {
            multibyte = true;
            ++j;
        }
        CharSet* target = &g0_;
        if (j < in.size() && (in[j] == '(' || in[j] == ',')) {
            ++j;
        } else if (j < in.size() && (in[j] == ')' || in[j] == '-')) {
            target = &g1_;
            ++j;
        }
        if (j < in.size() && in[j] == '!') ++j;
        if (j >= in.size()) return in.size();
        const char final_char = in[j];
        if (multibyte) {
            *target = CharSet::OtherMultiByte;
        } else if (final_char == 'B') {
            *target = CharSet::BasicLatin;
        } else if (final_char == 'E') {
            *target = CharSet::Ansel;
        } else {
            *target = CharSet::OtherSingleByte;
        }
        return j + 1;
    }

    void graphic(CharSet set, unsigned char b, std::string_view in, std::size_t& i) {
        switch (set) {
            case CharSet::BasicLatin: base(b & 0x7F); return;
            case CharSet::Ansel: ansel(b | 0x80); return;
            case CharSet::GreekSymbols:
            case CharSet::Subscript:
            case CharSet::Superscript: base(small_set(set, b & 0x7F)); return;
            case CharSet::OtherMultiByte: i = std::min(in.size(), i + 2); [[fallthrough]];
            case CharSet::OtherSingleByte: unsupported(); return;
        }
    }

    void ansel(unsigned char a) {
        if (a >= 0xE0) {
            const char16_t mark = kAnselCombining[a - 0xE0];
            if (mark != 0) {
                marks_.push_back(mark);
            } else {
                unsupported();
            }
        } else if (a <= 0xC8 && kAnselSpacing[a - 0xA1] != 0) {
            base(kAnselSpacing[a - 0xA1]);
        } else {
            unsupported();
        }
    }

    void unsupported() {
        ++out_.unsupported;
        base(kReplacement);
    }

    // The marks collected so far belong to this base character.
    void base(char32_t cp) {
        std::size_t used = 0;
        if (!marks_.empty()) {
            if (const char32_t composed = compose_latin(cp, marks_[0]); composed != 0) {
                cp = composed;
                used = 1;
            }
        }
        append_utf8(out_.utf8, cp);
        for (std::size_t k = used; k < marks_.size(); ++k) append_utf8(out_.utf8, marks_[k]);
        marks_.clear();
    }

    // Marks at the very end have no base letter; keep them rather than lose them.
    void flush_marks() {
        for (char32_t m : marks_) append_utf8(out_.utf8, m);
        marks_.clear();
    }

    CharSet g0_ = CharSet::BasicLatin;
    CharSet g1_ = CharSet::Ansel;
    std::vector<char32_t> marks_;
    Marc8Conversion out_;
};

}  // namespace

char32_t compose_latin(char32_t base, char32_t mark) {
    if (base > 0x7F) return 0;
    for (const auto& c : kCompositions) {
        if (c.mark != mark) continue;
        const auto at = c.bases.find(static_cast<char>(base));
        return at == std::string_view::npos ? 0 : c.composed[at];
    }
    return 0;
}

Marc8Conversion marc8_to_utf8(std::string_view marc8) { return Converter().run(marc8); }

}  // namespace desa::catalog
