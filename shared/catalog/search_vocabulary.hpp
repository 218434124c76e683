#pragma once
// The "did you mean" fallback: unknown words of a query replaced by close, frequent words of the
// catalogue's own vocabulary (the fts5vocab table over the index). Internal to catalog search.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace desa::catalog {

// `tokens` are folded query words. A word is unknown when the index has no such word (the last
// word: no word starting with it, since it may still be being typed) and none of its Indonesian
// roots. Each unknown word of 4+ letters gets up to three candidates within edit distance 1
// (4-5 letters) or 2 (longer) among the words sharing its first letter, or starting with its
// second letter (a slip on the first key); closer first, then the more frequent. Combinations are
// tried best first until one finds a record. nullopt when nothing was changed or nothing helps.
std::optional<std::vector<std::string>> correct_spelling(storage::Database& db,
                                                         const std::vector<std::string>& tokens);

// Reads the vocabulary into memory now (about 0.2 s at 100k records) instead of at the first typo.
void preload_vocabulary(storage::Database& db);

}  // namespace desa::catalog
