// Catalogue search. Each pass (prefix, then Indonesian roots, then spelling corrections) is
// answered by a few statements over the FTS5 index and the narrow catalog_facets rows:
//  - a bounded count decides between the ranked path and the broad path;
//  - ranked (up to kRankedMatches matches): one aggregate over ALL matches for total and facets
//    (GROUP BY over a materialised match set) and one bm25-ranked, LIMITed page of record ids;
//  - broad: the page is filled from cheap rowid-ordered scans that stop as soon as it is full.
// Only the page is read in C++; nothing walks every match outside SQLite.
#include "catalog/search.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>
#include <nlohmann/json.hpp>

#include "catalog/catalog_index.hpp"
#include "catalog/search_query.hpp"
#include "catalog/search_rank.hpp"
#include "catalog/search_vocabulary.hpp"
#include "catalog/text_fold.hpp"
#include "catalog/union_search.hpp"

namespace desa::catalog {

namespace {

using storage::Statement;

constexpr int kMaxLimit = 200;

// Statement parameters. Filters are always in the SQL and switched off by a NULL (or 0), so the
// statement text never depends on the query.
enum Param : int {
    kMatch = 1, kLanguages, kLocations, kMaterials, kYearFrom, kYearTo, kAvailability,
    kFolded = 8, kLimit, kOffset,  // ranked page (kFolded: the tiers' query, search_rank.hpp)
    kOnShelf = 8,                  // broad scans
};

// Each filter as SQL over `m`, a catalog_facets row. A facet applies every filter but its own.
enum Filter { kAvail, kLang, kYear, kLoc, kMat, kFilterCount };
constexpr std::string_view kFilterSql[kFilterCount] = {
    "(?7 = 0 OR (?7 = 1 AND m.available > 0) OR (?7 = 2 AND m.available = 0 AND m.on_loan > 0))",
    "(?2 IS NULL OR m.language IN (SELECT value FROM json_each(?2)))",
    "((?5 IS NULL OR m.year >= ?5) AND (?6 IS NULL OR m.year <= ?6))",
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(?3) l "
    "WHERE instr(char(10) || m.locations || char(10), char(10) || l.value || char(10)) > 0))",
    "(?4 IS NULL OR m.material_type IN (SELECT value FROM json_each(?4)))",
};

std::string filters_except(int skip) {
    std::string out;
    for (int f = 0; f < kFilterCount; ++f) {
        if (f == skip) continue;
        out += " AND ";
        out += kFilterSql[f];
    }
    return out;
}

constexpr std::string_view kMatches =
    " FROM catalog_index JOIN catalog_facets m ON m.record_id = catalog_index.rowid "
    "WHERE catalog_index MATCH ?1";

const std::string kBoundedCountSql = "SELECT count(*) FROM (SELECT 1 FROM catalog_index WHERE catalog_index MATCH ?1 "
                                     "LIMIT " + std::to_string(kRankedMatches + 1) + ")";

// Total and every facet from ONE GROUP BY over the match set: a row per combination of facet
// values (language, decade, material, shelf state, locations, inside the year filter or not),
// far fewer than the matches. Which filters a combination passes is decided per combination.
const std::string& facets_sql() {
    static const std::string sql =
        "SELECT m.language, m.year / 10 * 10, m.material_type, "
        "CASE WHEN m.available > 0 THEN 1 WHEN m.on_loan > 0 THEN 2 ELSE 0 END, m.locations, "
        "(?5 IS NULL OR m.year >= ?5) AND (?6 IS NULL OR m.year <= ?6), count(*) "
        "FROM (SELECT m.*" + std::string(kMatches) + ") m GROUP BY 1, 2, 3, 4, 5, 6";
    return sql;
}

// The first pass's page in tiers, the fallbacks' by bm25 (search_rank.hpp). Without filters the
// filter SQL is left out: it is most of the per-row cost while typing.
const std::string& ranked_page_sql(bool filtered, bool tiered) {
    static const std::array<std::string, 4> sql = [] {
        std::string weights;
        for (double w : index::kWeights) weights += ", " + std::to_string(w);
        auto make = [&](const std::string& filters, bool tiered) {
            return "WITH ranked AS MATERIALIZED (SELECT catalog_index.rowid AS id, bm25(catalog_index" + weights +
                   ") AS score, " + (tiered ? rank::hint_sql(kFolded) : "80000000") +
                   " AS hint, m.available AS available, m.year AS year" + std::string(kMatches) + filters +
                   ") SELECT id, score, hint / 10000000 FROM ranked ORDER BY " +
                   (tiered ? rank::order_sql() : rank::untiered_order_sql()) + " LIMIT ?9 OFFSET ?10";
        };
        const std::string filters = filters_except(-1);
        return std::array<std::string, 4>{make("", false), make("", true), make(filters, false), make(filters, true)};
    }();
    return sql[(filtered ? 2 : 0) + (tiered ? 1 : 0)];
}

// Newest first, in FTS5's own rowid order: no sort, the scan stops when the page is full.
const std::string& broad_scan_sql() {
    static const std::string sql = "SELECT catalog_index.rowid" + std::string(kMatches) +
                                   " AND (m.available > 0) = ?8" + filters_except(-1) +
                                   " ORDER BY catalog_index.rowid DESC";
    return sql;
}

const std::string& hit_sql() {
    static const std::string sql = [] {
        std::string s = "SELECT r.title, r.subtitle, r.authors, r.year, r.isbns, m.available, m.copies";
        for (std::string_view c : index::kColumnNames) s += ", i." + std::string(c);
        s += " FROM catalog_records r JOIN catalog_facets m ON m.record_id = r.id "
             "JOIN catalog_index i ON i.rowid = r.id WHERE r.id = ?1";
        return s;
    }();
    return sql;
}

bool any_filter(const SearchFilters& f) {
    return f.availability != Availability::Any || !f.languages.empty() || f.year_from || f.year_to ||
           !f.locations.empty() || !f.material_types.empty();
}

void bind_list(Statement& s, int index, const std::vector<std::string>& values) {
    if (values.empty()) {
        s.bind_null(index);
    } else {
        s.bind(index, nlohmann::json(values).dump());
    }
}

void bind_year(Statement& s, int index, const std::optional<int>& year) {
    if (year) {
        s.bind(index, *year);
    } else {
        s.bind_null(index);
    }
}

void bind_filters(Statement& s, const SearchFilters& f) {
    bind_list(s, kLanguages, f.languages);
    bind_list(s, kLocations, f.locations);
    bind_list(s, kMaterials, f.material_types);
    bind_year(s, kYearFrom, f.year_from);
    bind_year(s, kYearTo, f.year_to);
    s.bind(kAvailability, f.availability == Availability::OnShelf ? 1 : f.availability == Availability::OnLoan ? 2 : 0);
}

// Why a hit matched: the most important column holding a query word (or, in the fallbacks, a
// word sharing one of its roots).
MatchField best_field(const Statement& s, int first_column, const std::vector<std::string>& tokens,
                      MatchKind kind) {
    constexpr std::pair<index::Column, MatchField> kOrder[] = {
        {index::Title, MatchField::Title},         {index::Authors, MatchField::Author},
        {index::Subjects, MatchField::Subject},    {index::Series, MatchField::Series},
        {index::Publisher, MatchField::Publisher}, {index::Isbn, MatchField::Isbn},
        {index::CallNumber, MatchField::CallNumber}};
    const bool roots = kind == MatchKind::Stemmed || kind == MatchKind::Fuzzy;
    for (const auto& [column, field] : kOrder) {
        for (const std::string& word : fold_words(s.column_text(first_column + column))) {
            for (const std::string& t : tokens) {
                if (word.compare(0, t.size(), t) == 0) return field;
                if (!roots) continue;
                const auto query_roots = indonesian_stems(t), word_roots = indonesian_stems(word);
                for (const std::string& r : query_roots)
                    if (r == word || std::find(word_roots.begin(), word_roots.end(), r) != word_roots.end())
                        return field;
            }
        }
    }
    return MatchField::Other;
}

struct Pass {
    std::string match;   // FTS5 expression of the pass
    std::string ranked;  // the typing pass: the same matches for the tiered ranked page
                         // (query::ranking_match); empty: the page is ranked by bm25 alone
    std::vector<std::string> tiers;  // broad path scans, most relevant first
    MatchKind kind;      // Exact (decided per hit: Exact or Prefix), Stemmed or Fuzzy
    std::vector<std::string> tokens;
};

struct PageEntry {
    std::int64_t id;
    double score;
    MatchKind kind;
};

void fill_hits(storage::Database& db, const Pass& pass, const std::vector<PageEntry>& page, SearchResult& r) {
    Statement s = db.prepare(hit_sql());
    for (const PageEntry& e : page) {
        s.reset();
        s.bind(1, e.id);
        if (!s.step()) continue;
        SearchHit h{};
        h.record_id = e.id;
        h.title = s.column_text(0);
        h.subtitle = s.column_text(1);
        h.authors = index::split_lines(s.column_text(2));
        if (!s.column_is_null(3)) h.year = static_cast<int>(s.column_int64(3));
        if (const auto isbns = index::split_lines(s.column_text(4)); !isbns.empty()) h.isbn = isbns.front();
        h.available = static_cast<int>(s.column_int64(5));
        h.copies = static_cast<int>(s.column_int64(6));
        h.score = e.score;
        h.kind = e.kind;
        h.best_field = best_field(s, 7, pass.tokens, e.kind);
        r.hits.push_back(std::move(h));
    }
}

void count_facets(storage::Database& db, const Pass& pass, const SearchQuery& q, SearchResult& r) {
    const SearchFilters& f = q.filters;
    auto listed = [](const std::vector<std::string>& list, const std::string& value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    std::map<std::string, int> availability, language, decade, location, material;
    Statement s = db.prepare(facets_sql());
    s.bind(kMatch, pass.match);
    bind_year(s, kYearFrom, f.year_from);
    bind_year(s, kYearTo, f.year_to);
    while (s.step()) {
        const std::string lang = s.column_text(0), mt = s.column_text(2);
        const std::int64_t shelf = s.column_int64(3);
        const std::vector<std::string> places = index::split_lines(s.column_text(4));
        const int count = static_cast<int>(s.column_int64(6));
        // Which filters this combination passes; a facet counts it when all the OTHER ones pass.
        bool passes[kFilterCount];
        passes[kAvail] = f.availability == Availability::Any ||
                         (f.availability == Availability::OnShelf ? shelf == 1 : shelf == 2);
        passes[kLang] = listed(f.languages, lang);
        passes[kYear] = s.column_int64(5) != 0;
        passes[kLoc] = f.locations.empty() || std::any_of(places.begin(), places.end(), [&](const std::string& p) {
                           return listed(f.locations, p);
                       });
        passes[kMat] = listed(f.material_types, mt);
        auto all_but = [&](int skip) {
            for (int i = 0; i < kFilterCount; ++i)
                if (i != skip && !passes[i]) return false;
            return true;
        };
        if (all_but(-1)) r.total += count;
        if (shelf != 0 && all_but(kAvail)) availability[shelf == 1 ? "on_shelf" : "on_loan"] += count;
        if (!lang.empty() && all_but(kLang)) language[lang] += count;
        if (!s.column_is_null(1) && all_but(kYear)) decade[s.column_text(1)] += count;
        if (all_but(kLoc))
            for (const std::string& p : places) location[p] += count;
        if (all_but(kMat)) material[mt] += count;
    }
    auto to_list = [](const std::map<std::string, int>& counts) {
        std::vector<FacetCount> list;
        for (const auto& [value, count] : counts) list.push_back({value, count});
        std::stable_sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
        return list;
    };
    r.facets = {to_list(availability), to_list(language), to_list(decade), to_list(location), to_list(material)};
}

// desa_tier is registered on a connection the first time it is needed (a prepare fails without it).
Statement prepare_ranked(storage::Database& db, const std::string& sql, bool tiered) {
    if (!tiered) return db.prepare(sql);
    try {
        return db.prepare(sql);
    } catch (const storage::StorageError&) {
        rank::register_tier_function(db.handle());
        return db.prepare(sql);
    }
}

std::vector<PageEntry> ranked_page(storage::Database& db, const Pass& pass, const SearchQuery& q, int limit) {
    // The fallbacks (and the ISBN pass) have no tiers.
    const bool filtered = any_filter(q.filters), tiered = !pass.ranked.empty();
    Statement s = prepare_ranked(db, ranked_page_sql(filtered, tiered), tiered);
    s.bind(kMatch, tiered ? pass.ranked : pass.match);
    if (filtered) bind_filters(s, q.filters);
    if (tiered) s.bind(kFolded, query::joined(pass.tokens));
    s.bind(kLimit, limit);
    s.bind(kOffset, std::max(q.offset, 0));
    std::vector<PageEntry> page;
    while (s.step()) {
        // Untiered passes are all of one kind (the ISBN pass: Exact).
        const bool exact = s.column_int64(2) <= rank::kLastExactTier;
        const MatchKind kind = !tiered ? pass.kind : exact ? MatchKind::Exact : MatchKind::Prefix;
        page.push_back({s.column_int64(0), -s.column_double(1), kind});
    }
    return page;
}

std::vector<PageEntry> broad_page(storage::Database& db, const Pass& pass, const SearchQuery& q, int limit) {
    const std::size_t wanted = static_cast<std::size_t>(std::max(q.offset, 0)) + static_cast<std::size_t>(limit);
    std::vector<PageEntry> seen;
    std::unordered_set<std::int64_t> ids;  // a record found by an earlier tier is not listed twice
    Statement s = db.prepare(broad_scan_sql());
    for (std::size_t t = 0; t < pass.tiers.size() && seen.size() < wanted; ++t) {
        // The first half of the tiers are whole words, the second half prefixes.
        const MatchKind kind = pass.kind != MatchKind::Exact       ? pass.kind
                               : 2 * t < pass.tiers.size() ? MatchKind::Exact
                                                           : MatchKind::Prefix;
        for (int on_shelf : {1, 0}) {
            s.reset();
            s.bind(kMatch, pass.tiers[t]);
            bind_filters(s, q.filters);
            s.bind(kOnShelf, on_shelf);
            while (seen.size() < wanted && s.step()) {
                const std::int64_t id = s.column_int64(0);
                if (ids.insert(id).second)
                    seen.push_back({id, static_cast<double>(2 * (pass.tiers.size() - t) + on_shelf), kind});
            }
        }
    }
    if (seen.size() <= wanted - static_cast<std::size_t>(limit)) return {};
    return {seen.begin() + static_cast<std::ptrdiff_t>(wanted - static_cast<std::size_t>(limit)), seen.end()};
}

std::int64_t count(storage::Database& db, const std::string& sql, const std::string& match,
                   const SearchFilters* filters = nullptr) {
    Statement s = db.prepare(sql);
    s.bind(kMatch, match);
    if (filters != nullptr) bind_filters(s, *filters);
    s.step();
    return s.column_int64(0);
}

// Runs one pass; false (and `result` untouched) when nothing matches at all, filters aside, so
// the caller can try the next, looser pass.
bool run(storage::Database& db, const Pass& pass, const SearchQuery& q, SearchResult& result) {
    // Counting the matches alone (no join, stops after kRankedMatches + 1) is cheap; the first
    // keystrokes of a word are nearly always broad and never pay for the facets.
    const std::int64_t matches = count(db, kBoundedCountSql, pass.match);
    if (matches == 0) return false;

    SearchResult r;
    const int limit = std::clamp(q.limit, 0, kMaxLimit);
    std::vector<PageEntry> page;
    if (matches <= kRankedMatches) {
        count_facets(db, pass, q, r);
        if (r.total > 0 && limit > 0) page = ranked_page(db, pass, q, limit);
    } else {
        r.broad = true;
        // One letter matches most of the catalogue; counting all of it walks the letter's whole
        // doclist (~5 ms at 100k records, 50-60 ms at 1M): stop at kCountCap.
        const bool capped = pass.tokens.size() == 1 && pass.tokens.front().size() == 1;
        const std::string cap = capped ? " LIMIT " + std::to_string(kCountCap) : "";
        r.total = static_cast<int>(
            any_filter(q.filters)
                ? count(db, "SELECT count(*) FROM (SELECT 1" + std::string(kMatches) + filters_except(-1) + cap + ")",
                        pass.match, &q.filters)
                : count(db, "SELECT count(*) FROM (SELECT 1 FROM catalog_index WHERE catalog_index MATCH ?1" + cap + ")",
                        pass.match));
        r.total_capped = capped && r.total >= kCountCap;
        if (r.total > 0 && limit > 0) page = broad_page(db, pass, q, limit);
    }
    fill_hits(db, pass, page, r);
    // Exact words sort first, so the first hit tells whether any exact match exists.
    r.kind = pass.kind != MatchKind::Exact ? pass.kind
             : !r.hits.empty() && r.hits.front().kind == MatchKind::Exact ? MatchKind::Exact
                                                                          : MatchKind::Prefix;
    result = std::move(r);
    return true;
}

// A pass without tiers: the broad path scans its one expression.
Pass text_pass(const std::string& match, MatchKind kind, const std::vector<std::string>& tokens) {
    return Pass{match, {}, {match}, kind, tokens};
}

}  // namespace

SearchResult search(storage::Database& db, const SearchQuery& q) {
    SearchResult result;
    const query::Parsed parsed = query::parse(q.text);
    if (parsed.tokens.empty()) return result;

    if (parsed.isbn) {
        const std::string match = query::isbn_match(*parsed.isbn);
        run(db, text_pass(match, MatchKind::Exact, parsed.tokens), q, result);
        union_search::add_elsewhere(db, {{match, match}}, q, result);
        return result;
    }
    // Other libraries' titles (the union catalogue) follow the local matches, found the way the
    // local ones were: as typed, or (when that found nothing here) by their Indonesian roots too.
    // The spelling fallback knows only this library's words.
    const std::string in_title = query::typing_match(parsed.tokens, "{title}");
    const union_search::UnionPass typed{query::typing_match(parsed.tokens), in_title};
    const std::string stemmed = query::stemmed_match(parsed.tokens);
    // Broad-path tiers: whole words before prefixes, the title before the rest. Numbers (a
    // partly typed ISBN or call number) are not looked for in titles: each prefix scan of a long
    // digit string walks thousands of ISBN terms.
    const bool numbers = std::all_of(parsed.tokens.begin(), parsed.tokens.end(), [](const std::string& t) {
        return t.find_first_not_of("0123456789") == std::string::npos;
    });
    Pass prefix{query::typing_match(parsed.tokens), query::ranking_match(parsed.tokens), {}, MatchKind::Exact,
                parsed.tokens};
    if (!numbers) prefix.tiers.push_back(query::exact_match(parsed.tokens, "{title}"));
    prefix.tiers.push_back(query::exact_match(parsed.tokens));
    if (!numbers) prefix.tiers.push_back(in_title);
    prefix.tiers.push_back(query::typing_match(parsed.tokens));
    if (run(db, prefix, q, result)) {
        union_search::add_elsewhere(db, {typed}, q, result);
        return result;
    }
    if (run(db, text_pass(stemmed, MatchKind::Stemmed, parsed.tokens), q, result)) {
        union_search::add_elsewhere(db, {typed, {stemmed, in_title}}, q, result);
        return result;
    }
    // Nothing here: another library holding the words as typed beats guessing a spelling.
    if (union_search::add_elsewhere(db, {typed, {stemmed, in_title}}, q, result)) return result;

    // Typo fallback: unknown words replaced by close, frequent words of the catalogue.
    if (auto corrected = correct_spelling(db, parsed.tokens)) {
        if (run(db, text_pass(query::stemmed_match(*corrected), MatchKind::Fuzzy, *corrected), q, result)) {
            std::string text;
            for (const std::string& t : *corrected) text += (text.empty() ? "" : " ") + t;
            result.did_you_mean = text;
        }
    }
    return result;
}

void warm_up_search(storage::Database& db) { preload_vocabulary(db); }

}  // namespace desa::catalog
