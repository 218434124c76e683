#include "catalog/search_query.hpp"

#include <algorithm>

#include "catalog/isbn.hpp"
#include "catalog/text_fold.hpp"

namespace desa::catalog::query {

namespace {

// The columns a word is looked up in; `stems` only in the fallback.
constexpr std::string_view kTextColumns = "{title authors subjects series publisher isbn call_number}";
constexpr std::string_view kRootColumns = "{title authors subjects series publisher}";

bool is_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Cuts at a character boundary: never leaves half a UTF-8 sequence.
void cap(std::string& token) {
    if (token.size() <= kMaxTokenBytes) return;
    std::size_t n = kMaxTokenBytes;
    while (n > 0 && (static_cast<unsigned char>(token[n]) & 0xC0) == 0x80) --n;
    token.resize(n);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

}  // namespace

Parsed parse(std::string_view text) {
    // Fold a little more than we keep, so an ISBN typed in groups still fits: "978 0 439 02348 1".
    std::vector<std::string> words = fold_words(text, kMaxTokens + 8);
    Parsed p;
    // An ISBN in any written form: digit groups (the last may end in x), maybe labelled "isbn".
    std::vector<std::string> number = words;
    if (!number.empty() && number.front() == "isbn") number.erase(number.begin());
    std::string digits;
    bool numeric = !number.empty();
    for (std::size_t i = 0; numeric && i < number.size(); ++i) {
        std::string_view w = number[i];
        if (i + 1 == number.size() && w.size() > 1 && w.back() == 'x') w.remove_suffix(1);
        numeric = is_digits(w) || (i + 1 == number.size() && number[i] == "x");
        digits += number[i];
    }
    // Only hyphens and spaces group an ISBN; "899.221" is a call number, two words.
    const bool isbn_punctuation = text.find_first_not_of("0123456789xX- \t") == std::string_view::npos ||
                                  number.size() != words.size();
    if (numeric && digits.size() <= 13 && isbn_punctuation) {
        if (auto isbn = normalize_isbn(digits)) {
            p.isbn = *isbn;
            p.tokens = {*isbn};
            return p;
        }
        // A partly typed ISBN or call number in groups ("978-602"): one token, as a prefix.
        if (number.size() > 1) {
            p.tokens = {digits};
            return p;
        }
    }
    if (words.size() > kMaxTokens) words.resize(kMaxTokens);
    for (std::string& w : words) cap(w);
    p.tokens = std::move(words);
    return p;
}

std::string quoted(std::string_view token) {
    std::string out = "\"";
    for (char c : token) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string prefix_match(const std::vector<std::string>& tokens, std::string_view columns) {
    std::vector<std::string> parts;
    for (const std::string& t : tokens) parts.push_back(quoted(t) + "*");
    return std::string(columns.empty() ? kTextColumns : columns) + " : (" + join(parts, " AND ") + ")";
}

std::string exact_match(const std::vector<std::string>& tokens, std::string_view columns) {
    std::vector<std::string> parts;
    for (const std::string& t : tokens) parts.push_back(quoted(t));
    return std::string(columns.empty() ? kTextColumns : columns) + " : (" + join(parts, " AND ") + ")";
}

std::string typing_match(const std::vector<std::string>& tokens, std::string_view columns) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < tokens.size(); ++i) parts.push_back(quoted(tokens[i]) + (i + 1 == tokens.size() ? "*" : ""));
    return std::string(columns.empty() ? kTextColumns : columns) + " : (" + join(parts, " AND ") + ")";
}

std::string ranking_match(const std::vector<std::string>& tokens) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) parts.push_back(quoted(tokens[i]));
    if (!tokens.empty()) parts.push_back("(" + quoted(tokens.back()) + "* OR " + quoted(tokens.back()) + ")");
    return std::string(kTextColumns) + " : (" + join(parts, " AND ") + ")";
}

std::string joined(const std::vector<std::string>& tokens) { return join(tokens, " "); }

std::string roots_match(const std::string& token) {
    std::vector<std::string> roots;
    for (const std::string& r : indonesian_stems(token))
        if (r != token) roots.push_back(quoted(r));
    // The word itself is already found as a prefix in the text columns; here it is only looked for
    // among the roots (bertani -> tani), so a common word adds nothing but a short doclist.
    std::string match = "{stems} : (" + quoted(token);
    for (const std::string& r : roots) match += " OR " + r;
    match += ")";
    if (!roots.empty()) match += " OR " + std::string(kRootColumns) + " : (" + join(roots, " OR ") + ")";
    return match;
}

std::string stemmed_match(const std::vector<std::string>& tokens) {
    std::vector<std::string> parts;
    for (const std::string& t : tokens)
        parts.push_back("(" + std::string(kTextColumns) + " : " + quoted(t) + "* OR " + roots_match(t) + ")");
    return join(parts, " AND ");
}

std::string isbn_match(const std::string& isbn13) { return "{isbn} : " + quoted(isbn13); }

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
    if (std::abs(n - m) > limit) return limit + 1;
    // Three rows of the dynamic programme: two back for transpositions.
    std::vector<int> prev2(static_cast<std::size_t>(m) + 1), prev(static_cast<std::size_t>(m) + 1),
        cur(static_cast<std::size_t>(m) + 1);
    for (int j = 0; j <= m; ++j) prev[static_cast<std::size_t>(j)] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int row_min = cur[0];
        for (int j = 1; j <= m; ++j) {
            const auto J = static_cast<std::size_t>(j);
            const int cost = a[static_cast<std::size_t>(i - 1)] == b[J - 1] ? 0 : 1;
            int d = std::min({prev[J] + 1, cur[J - 1] + 1, prev[J - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<std::size_t>(i - 1)] == b[J - 2] &&
                a[static_cast<std::size_t>(i - 2)] == b[J - 1])
                d = std::min(d, prev2[J - 2] + 1);
            cur[J] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[static_cast<std::size_t>(m)], limit + 1);
}

}  // namespace desa::catalog::query
