#include "catalog/import_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace desa::catalog {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Windows-1252 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr std::array<char16_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Abbreviations whose full stop belongs to the word, not to ISBD.
constexpr std::string_view kAbbreviations[] = {"Mr",  "Mrs", "Ms",  "Dr", "Jr", "Sr",  "St",   "Inc", "Ltd", "Co",
                                               "etc", "ed",  "eds", "Bros", "Prof", "Hj", "H",  "Ir",  "Drs", "M.A",
                                               "S.H", "S.Pd", "Tbk", "vol", "no"};

bool full_stop_is_part_of_word(std::string_view s) {
    // s ends with '.'
    if (s.size() >= 3 && s.substr(s.size() - 3) == "...") return true;
    std::size_t end = s.size() - 1;
    std::size_t start = end;
    while (start > 0 && !is_space(s[start - 1]) && s[start - 1] != ',' && s[start - 1] != '(') --start;
    std::string_view word = s.substr(start, end - start);
    // An initial: "J." in "Tolkien, J. R. R." or "J.R.R."
    if (!word.empty() && is_upper(word.back()) && (word.size() == 1 || word[word.size() - 2] == '.')) return true;
    for (auto abbreviation : kAbbreviations)
        if (word == abbreviation) return true;
    return false;
}

struct LanguageName {
    std::string_view key;
    std::string_view code;
};
// Two-letter codes, terminology codes and the names SLiMS and INLISLite installations use (English
// and Indonesian). Keys are lower-case.
constexpr LanguageName kLanguages[] = {
    {"id", "ind"},         {"in", "ind"},         {"indonesia", "ind"},   {"indonesian", "ind"},
    {"en", "eng"},         {"english", "eng"},    {"inggris", "eng"},     {"ms", "may"},
    {"msa", "may"},        {"malay", "may"},      {"melayu", "may"},      {"jv", "jav"},
    {"javanese", "jav"},   {"jawa", "jav"},       {"su", "sun"},          {"sundanese", "sun"},
    {"sunda", "sun"},      {"bali", "ban"},       {"balinese", "ban"},    {"minangkabau", "min"},
    {"minang", "min"},     {"batak", "btk"},      {"bugis", "bug"},       {"madura", "mad"},
    {"aceh", "ace"},       {"ar", "ara"},         {"arabic", "ara"},      {"arab", "ara"},
    {"zh", "chi"},         {"zho", "chi"},        {"chinese", "chi"},     {"mandarin", "chi"},
    {"cina", "chi"},       {"china", "chi"},      {"tionghoa", "chi"},    {"ja", "jpn"},
    {"japanese", "jpn"},   {"jepang", "jpn"},     {"ko", "kor"},          {"korean", "kor"},
    {"korea", "kor"},      {"nl", "dut"},         {"nld", "dut"},         {"dutch", "dut"},
    {"belanda", "dut"},    {"de", "ger"},         {"deu", "ger"},         {"german", "ger"},
    {"jerman", "ger"},     {"fr", "fre"},         {"fra", "fre"},         {"french", "fre"},
    {"perancis", "fre"},   {"prancis", "fre"},    {"es", "spa"},          {"spanish", "spa"},
    {"spanyol", "spa"},    {"pt", "por"},         {"portuguese", "por"},  {"portugis", "por"},
    {"it", "ita"},         {"italian", "ita"},    {"italia", "ita"},      {"ru", "rus"},
    {"russian", "rus"},    {"rusia", "rus"},      {"hi", "hin"},          {"hindi", "hin"},
    {"th", "tha"},         {"thai", "tha"},       {"vi", "vie"},          {"vietnamese", "vie"},
    {"vietnam", "vie"},    {"tl", "tgl"},         {"tagalog", "tgl"},     {"fa", "per"},
    {"fas", "per"},        {"persian", "per"},    {"farsi", "per"},       {"tr", "tur"},
    {"turkish", "tur"},    {"turki", "tur"},      {"pl", "pol"},          {"polish", "pol"},
    {"no", "nor"},         {"nb", "nor"},         {"nn", "nor"},          {"norwegian", "nor"},
    {"da", "dan"},         {"danish", "dan"},     {"sv", "swe"},          {"swedish", "swe"},
    {"ro", "rum"},         {"ron", "rum"},        {"romanian", "rum"},    {"el", "gre"},
    {"ell", "gre"},        {"greek", "gre"},      {"yunani", "gre"},      {"cs", "cze"},
    {"ces", "cze"},        {"czech", "cze"},      {"he", "heb"},          {"hebrew", "heb"},
    {"ibrani", "heb"},     {"la", "lat"},         {"latin", "lat"},       {"sqi", "alb"},
    {"hye", "arm"},        {"eus", "baq"},        {"mya", "bur"},         {"kat", "geo"},
    {"isl", "ice"},        {"mkd", "mac"},        {"mri", "mao"},         {"slk", "slo"},
    {"bod", "tib"},        {"cym", "wel"},
};

struct MaterialName {
    std::string_view key;
    std::string_view type;
};
constexpr MaterialName kMaterials[] = {
    {"text", "book"},
    {"teks", "book"},
    {"buku", "book"},
    {"book", "book"},
    {"books", "book"},
    {"monograph", "book"},
    {"monografi", "book"},
    {"language material", "book"},
    {"serial", "magazine"},
    {"majalah", "magazine"},
    {"magazine", "magazine"},
    {"journal", "magazine"},
    {"jurnal", "magazine"},
    {"newspaper", "magazine"},
    {"surat kabar", "magazine"},
    {"koran", "magazine"},
    {"map", "map"},
    {"peta", "map"},
    {"cartographic material", "map"},
    {"music", "music_score"},
    {"notated music", "music_score"},
    {"score", "music_score"},
    {"music score", "music_score"},
    {"video recording", "audiovisual"},
    {"video", "audiovisual"},
    {"film", "audiovisual"},
    {"dvd", "audiovisual"},
    {"vcd", "audiovisual"},
    {"multimedia", "audiovisual"},
    {"motion picture", "audiovisual"},
    {"audiovisual", "audiovisual"},
    {"sound recording", "audio"},
    {"audio", "audio"},
    {"kaset", "audio"},
    {"picture", "image"},
    {"gambar", "image"},
    {"art original", "image"},
    {"graphic", "image"},
    {"poster", "image"},
    {"image", "image"},
    {"computer file", "electronic"},
    {"computer software", "electronic"},
    {"electronic resource", "electronic"},
    {"e-book", "electronic"},
    {"ebook", "electronic"},
    {"cd-rom", "electronic"},
    {"electronic", "electronic"},
    {"kit", "kit"},
    {"mixed materials", "kit"},
    {"realia", "object"},
    {"object", "object"},
    {"three dimensional object", "object"},
    {"benda", "object"},
    {"manuscript", "manuscript"},
    {"naskah", "manuscript"},
    {"microform", "microform"},
    {"mikrofilm", "microform"},
};

bool is_separator_char(char c) { return c == '|' || c == ';'; }

}  // namespace

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // the common case, kept cheap for big files
            ++i;
            continue;
        }
        char32_t cp;
        const std::size_t n = decode_utf8(s.substr(i), cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view s, std::size_t* replaced) {
    std::string out;
    out.reserve(s.size());
    std::size_t bad = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp;
        const std::size_t n = decode_utf8(s.substr(i), cp);
        if (n == 0) {
            append_utf8(out, 0xFFFD);
            ++bad;
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    if (replaced != nullptr) *replaced = bad;
    return out;
}

std::string cp1252_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80) {
            out += c;
        } else if (b < 0xA0) {
            const char16_t cp = kCp1252High[b - 0x80];
            append_utf8(out, cp != 0 ? cp : 0xFFFD);
        } else {
            append_utf8(out, b);
        }
    }
    return out;
}

std::string strip_isbd(std::string_view s, Isbd mode) {
    s = trim(s);
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        const char last = s.back();
        if (last == '/' || last == ':' || last == ';' || last == '=' || last == ',') {
            s.remove_suffix(1);
            changed = true;
        } else if (last == '.' && mode != Isbd::Separators && !full_stop_is_part_of_word(s)) {
            s.remove_suffix(1);
            changed = true;
        }
        s = trim(s);
    }
    return std::string(s);
}

std::string normalize_language(std::string_view s) {
    s = trim(s);
    if (s.empty()) return {};
    std::string key = lower_ascii(s);
    if (key.starts_with("bahasa ")) key = std::string(trim(std::string_view(key).substr(7)));
    // Region variants: "en-US", "en_GB", "pt-BR".
    if (const auto dash = key.find_first_of("-_"); dash != std::string::npos && dash <= 3) key.resize(dash);
    for (const auto& [name, code] : kLanguages)
        if (key == name) return std::string(code);
    if (key.size() == 3 && std::all_of(key.begin(), key.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return key;
    return std::string(s);
}

std::optional<int> parse_year(std::string_view s) {
    s = trim(s);
    std::size_t i = 0;
    while (i < s.size() && !is_digit(s[i])) ++i;
    if (i == s.size()) return std::nullopt;
    // A minus sign counts only when nothing but brackets comes before it ("-750.0", "[-750]");
    // "1999-2001" and "c-2008" are not negative years.
    bool negative = false;
    if (i > 0 && s[i - 1] == '-') {
        negative = std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i - 1),
                               [](char c) { return c == '[' || c == '(' || is_space(c); });
    }
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j])) ++j;
    const std::string_view digits = s.substr(i, j - i);
    const std::string_view rest = s.substr(j);
    int value = 0;
    for (char c : digits.substr(0, std::min<std::size_t>(digits.size(), 5))) value = value * 10 + (c - '0');
    if (digits.size() == 4) return negative ? -value : value;
    // "199-" or "199?": the decade is known.
    if (digits.size() == 3 && !negative && !rest.empty() && (rest[0] == '-' || rest[0] == '?' || rest[0] == 'u'))
        return value * 10;
    // A short number alone ("750", "-17.0" in goodbooks) is a year; inside other text it is not.
    if (digits.size() <= 3 && (rest.empty() || rest == ".0" || rest == "]" || rest == "?")) {
        const bool alone = std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(i),
                                       [](char c) { return c == '[' || c == '-' || is_space(c); });
        if (alone) return negative ? -value : value;
    }
    return std::nullopt;
}

std::vector<std::string> split_multi(std::string_view cell, bool keep_empty) {
    std::vector<std::string> values;
    if (trim(cell).empty()) return values;
    std::string current;
    auto flush = [&] {
        std::string_view v = trim(current);
        if (keep_empty || !v.empty()) values.emplace_back(v);
        current.clear();
    };
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && (is_separator_char(cell[i + 1]) || cell[i + 1] == '\\')) {
            current += cell[++i];
        } else if (is_separator_char(c)) {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return values;
}

std::string join_multi(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& value : values) {
        if (!out.empty()) out += " | ";
        for (std::size_t i = 0; i < value.size(); ++i) {
            const char c = value[i];
            const bool last = i + 1 == value.size();
            if (c == '\\' && (last || is_separator_char(value[i + 1]) || value[i + 1] == '\\')) {
                out += "\\\\";
            } else if (is_separator_char(c)) {
                out += '\\';
                out += c;
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string material_type_from_name(std::string_view name) {
    std::string key = lower_ascii(trim(name));
    std::replace(key.begin(), key.end(), '_', ' ');
    std::replace(key.begin(), key.end(), '-', ' ');
    for (const auto& [k, type] : kMaterials) {
        std::string normal_key(k);
        std::replace(normal_key.begin(), normal_key.end(), '-', ' ');
        if (key == normal_key) return std::string(type);
    }
    return lower_ascii(trim(name));
}

}  // namespace desa::catalog
