#pragma once
// How search() orders the ranked page of its first pass (the words as typed): an FTS5 auxiliary
// function that puts each match in a tier, and the ORDER BY over it. Internal to the catalogue
// module; search.cpp builds the statement.
//
// Tiers, the most deliberate match first (a leading "the", "a" or "an" in the title or series of
// an English record, or one of unknown language, is skipped when the query does not start with it):
//   1 the title is the query                      "the hunger games" -> The Hunger Games
//   2 the series is the query, maybe with a volume number ("Harry Potter, #1"): the resident named
//     the series. Its volumes in order, then sets ("#1-7"), then members without a number.
//   3 the title starts with the query's words     Harry Potter: Film Wizardry
//   4 the title holds every word, as a whole word
//   5 every word, as a whole word, in any field   (an author, a subject, ...)
//   6 as 2, the last word half typed              "harry pot"
//   7 the title starts with the query as typed
//   8 the rest: words found as prefixes
// Tiers 1-5 are MatchKind::Exact, 6-8 Prefix. Within tiers 1-4, 6 and 7 a title's length does not
// count (bm25 would put a short "Harry Potter Boxset" above book 1): copies on the shelf first,
// then the newer record. Tiers 5 and 8 order by bm25 in bands of about 10% (FTS5's bm25 normalises
// by the length of the whole row, so two equally good matches rarely score exactly alike), then
// the shelf. Last the exact score and the older record: a total order, so pages never overlap.
#include <string>

struct sqlite3;

namespace desa::catalog::rank {

constexpr int kLastExactTier = 5;

// Registers the FTS5 auxiliary function desa_tier on this connection: the tier of the current row
// of a MATCH on query::ranking_match(tokens), from FTS5's position lists and column sizes (no
// further MATCH, the row's text read only to check a skipped article or a series' volume).
// Throws storage::StorageError when FTS5 refuses.
void register_tier_function(sqlite3* db);

// "desa_tier(catalog_index, ?N, m.language)", N the parameter holding query::joined(tokens):
// tier * 10,000,000 + the series volume's sort key.
std::string hint_sql(int folded_param);
// The ORDER BY terms over the materialised match set with columns hint, score (bm25), available,
// year (catalog_facets) and id (materialised: SQLite would call desa_tier again for each term).
std::string order_sql();
// The ORDER BY terms of the fallback passes (tier 8 throughout), over the same columns.
std::string untiered_order_sql();

}  // namespace desa::catalog::rank
