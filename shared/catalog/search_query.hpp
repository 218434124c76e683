#pragma once
// From what a resident typed to FTS5 MATCH expressions. The expression is assembled ONLY from our
// folded tokens, each one a quoted string, so no input (quotes, *, -, AND/OR/NEAR, brackets,
// emoji, control characters, 10,000 characters) can change the query's structure or raise an
// FTS5 syntax error. Internal to the catalogue module; search.cpp runs the expressions.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desa::catalog::query {

// The first 12 words count; longer queries are someone pasting a paragraph. A word is cut at 48
// bytes (no title word is longer; the cut keeps whole UTF-8 characters).
constexpr std::size_t kMaxTokens = 12;
constexpr std::size_t kMaxTokenBytes = 48;

struct Parsed {
    std::vector<std::string> tokens;  // folded words, in order
    std::optional<std::string> isbn;  // set when the whole query is one valid ISBN (any form)
};
Parsed parse(std::string_view text);

// "tok" with any double quote doubled (our tokens never contain one; this is belt and braces).
std::string quoted(std::string_view token);

// Every token as a prefix, all required, in the text columns (not the stems) or in `columns`
// (an FTS5 column filter such as "{title}").
std::string prefix_match(const std::vector<std::string>& tokens, std::string_view columns = {});
// Every token as a whole word: the same hits, minus those found only by a prefix.
std::string exact_match(const std::vector<std::string>& tokens, std::string_view columns = {});
// Search as you type: the words before the last are complete (whole words), the last one may be
// half typed (a prefix). A prefix longer than FTS5's prefix indexes (3 letters) is answered by
// merging the doclists of every term it starts, so a common complete word typed as a prefix
// ("indonesia"*) cost ~20 ms at 1M records where the whole word costs ~3 ms.
std::string typing_match(const std::vector<std::string>& tokens, std::string_view columns = {});
// Leading articles the ranking skips in titles and series ("lord of the rings" is the whole
// title of "The Lord of the Rings"), unless the query starts with one (search_rank.cpp).
constexpr std::string_view kLeadingArticles[] = {"the", "a", "an"};
// typing_match with the last word also as a whole word, ("harry" AND ("pot"* OR "pot")): the
// same matches, but FTS5 now reports where the last word occurs whole, which the ranking reads
// (search_rank.cpp) instead of evaluating more MATCH expressions or reading the rows' text.
std::string ranking_match(const std::vector<std::string>& tokens);
// The folded tokens joined by single spaces: the form the index columns hold.
std::string joined(const std::vector<std::string>& tokens);
// Every token either as a prefix (as above) or, as a whole word, itself or one of its Indonesian
// roots among the words and the roots of the index: "pertanian" (root tani) finds "Bertani"
// (root tani), "sehat" finds "Kesehatan" (root sehat).
std::string stemmed_match(const std::vector<std::string>& tokens);
// One word's Indonesian roots as whole words in the text, or the word and its roots among the
// roots of the index.
std::string roots_match(const std::string& token);
// The ISBN column only, the exact 13 digits.
std::string isbn_match(const std::string& isbn13);

// Optimal string alignment distance (Levenshtein plus adjacent transpositions) on bytes; stops
// early and returns limit + 1 once the distance must exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace desa::catalog::query
