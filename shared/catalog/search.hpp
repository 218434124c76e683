#pragma once
// Catalogue search for residents: one field, search-as-you-type. Prefix matching by default,
// diacritics and case folded the same way at index and query time, Indonesian affixes as a
// fallback, a typo-tolerant "did you mean" when nothing matches. Any text is safe: the FTS query is
// built from tokens, never from the raw text.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/record.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

enum class Availability { Any, OnShelf, OnLoan };

struct SearchFilters {
    Availability availability = Availability::Any;
    std::vector<std::string> languages;        // ISO 639-2; empty = any
    std::optional<int> year_from, year_to;
    std::vector<std::string> locations;        // copy locations; empty = any
    std::vector<std::string> material_types;   // empty = any
};

struct SearchQuery {
    std::string text;  // what the resident typed, as is
    SearchFilters filters;
    int limit = 50;
    int offset = 0;
};

enum class MatchKind { Exact, Prefix, Stemmed, Fuzzy };
enum class MatchField { Title, Author, Subject, Series, Publisher, Isbn, CallNumber, Other };

struct SearchHit {
    std::int64_t record_id;
    std::string title, subtitle;
    std::vector<std::string> authors;
    std::optional<int> year;
    std::string isbn;         // main ISBN-13, may be empty
    int available = 0;        // copies on the shelf
    int copies = 0;
    MatchField best_field;    // why it matched
    MatchKind kind;
    double score;             // higher is better
};

// One other library's holding of a title, from the union catalogue (catalog/union_catalog.hpp).
struct LibraryHolding {
    std::string library_id, name, village_code;
    int available = 0;  // copies on that library's shelf
    int copies = 0;     // on its shelf or on loan
};

// A title only other libraries hold: in the union catalogue, not in this library's catalogue.
struct ElsewhereHit {
    std::string title, subtitle;
    std::vector<std::string> authors;
    std::optional<int> year;
    std::string isbn;                       // main ISBN-13, may be empty
    std::vector<LibraryHolding> libraries;  // a copy on the shelf first, then the nearest (holdings_elsewhere)
    int available = 0, copies = 0;         // summed over them
    double score = 0;                       // 2: the words are in the title, 1: elsewhere in the record
};

struct FacetCount {
    std::string value;  // "ind", "2019", "Rak A", "book", "on_shelf"
    int count;
};

struct Facets {
    std::vector<FacetCount> availability, language, decade, location, material_type;
};

struct SearchResult {
    int total = 0;              // matching records (all pages)
    std::vector<SearchHit> hits;
    Facets facets;              // counts over all matches (before the facet's own filter)
    std::optional<std::string> did_you_mean;  // set when the fuzzy fallback changed the query
    MatchKind kind = MatchKind::Exact;  // the loosest kind needed to find anything
    // More than kRankedMatches records match (typically the first letter or two of a word): hits
    // then come in a cheaper order (exact words in the title, exact words anywhere, prefixes in
    // the title, the rest; copies on the shelf first, newest first within each) and facets are
    // left empty. total is still exact. Keeps every keystroke within one frame at 100k records.
    bool broad = false;
    // A one-letter query matched kCountCap records or more: total is kCountCap, a lower bound
    // (show "10000+"). Counting them all costs a frame at 1M records.
    bool total_capped = false;
    // Titles only other libraries hold (the union catalogue), ranked after EVERY local match: they
    // fill the page once the local matches run out, so offset and limit count the local matches
    // first. Not in `total` or the facets. A location filter (this library's shelves) leaves them
    // out; the other filters apply to them. Titles this library holds are left out: by ISBN against
    // the whole catalogue, by title and first author against this result's local hits.
    std::vector<ElsewhereHit> elsewhere;
    int elsewhere_total = 0;        // counted only when the page had room for them
    bool elsewhere_capped = false;  // kElsewhereScan holdings matched: elsewhere_total is a lower bound
};

// Above this many matches a search is `broad` (see SearchResult).
constexpr int kRankedMatches = 1000;
// A one-letter query counts its matches up to this many (see SearchResult::total_capped).
constexpr int kCountCap = 10000;
// The union catalogue's holdings examined per search at most (see SearchResult::elsewhere).
constexpr int kElsewhereScan = 2000;

// Text without a single letter or digit (empty, only punctuation or emoji) gives an empty result:
// there is nothing to look for, and browsing the whole catalogue is a different screen.
SearchResult search(storage::Database& db, const SearchQuery& query);

// Loads what the typo fallback keeps in memory (the index's vocabulary, ~0.2 s at 100k records),
// so the first misspelt query after start-up or an import is as fast as the rest. Optional.
void warm_up_search(storage::Database& db);

}  // namespace desa::catalog
