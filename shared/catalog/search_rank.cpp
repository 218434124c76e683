#include "catalog/search_rank.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "catalog/catalog_index.hpp"
#include "catalog/search_query.hpp"
#include "storage/database.hpp"

namespace desa::catalog::rank {

namespace {

constexpr sqlite3_int64 kTierUnit = 10'000'000;  // hint = tier * kTierUnit + volume key
constexpr sqlite3_int64 kNoVolume = 3'000'000, kRange = 1'000'000;

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool is_article(std::string_view w) {
    return std::find(std::begin(query::kLeadingArticles), std::end(query::kLeadingArticles), w) !=
           std::end(query::kLeadingArticles);
}

bool is_number(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Where the query's phrases occur in the current row, from the position lists FTS5 has already
// loaded for the match. Phrases 0..n-2 are the whole words before the last, n-1 the last word as
// a prefix, n the last word whole (query::ranking_match).
struct Hits {
    std::vector<std::vector<int>> title, series;  // offsets per phrase
    std::vector<bool> anywhere;                   // any column
};

Hits read_hits(const Fts5ExtensionApi* api, Fts5Context* fts, int phrases) {
    Hits h;
    h.title.resize(static_cast<std::size_t>(phrases));
    h.series.resize(static_cast<std::size_t>(phrases));
    h.anywhere.assign(static_cast<std::size_t>(phrases), false);
    int count = 0;
    if (api->xInstCount(fts, &count) != SQLITE_OK) return h;
    for (int i = 0; i < count; ++i) {
        int phrase = 0, column = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK || phrase < 0 || phrase >= phrases) continue;
        const auto p = static_cast<std::size_t>(phrase);
        h.anywhere[p] = true;
        if (column == index::Title) h.title[p].push_back(offset);
        if (column == index::Series) h.series[p].push_back(offset);
    }
    return h;
}

bool has(const std::vector<int>& offsets, int offset) {
    return std::find(offsets.begin(), offsets.end(), offset) != offsets.end();
}

// The column's words (folded text), read from the row: only when the positions are not enough.
std::vector<std::string> column_words(const Fts5ExtensionApi* api, Fts5Context* fts, int column) {
    const char* p = nullptr;
    int n = 0;
    std::vector<std::string> out;
    if (api->xColumnText(fts, column, &p, &n) != SQLITE_OK || p == nullptr) return out;
    for (std::string_view w : words(std::string_view(p, static_cast<std::size_t>(n)))) out.emplace_back(w);
    return out;
}

// The query at the start of a column: after `skip` words (0, or 1 for an article), the last word
// whole or half typed, and how many words follow it.
struct Start {
    bool found = false;
    bool whole = false;
    int skip = 0;
    int rest = 0;
};

Start column_start(const Fts5ExtensionApi* api, Fts5Context* fts, const std::vector<std::vector<int>>& offsets,
                   int column, int n, bool skip_article) {
    Start s;
    for (int skip = 0; skip <= (skip_article ? 1 : 0) && !s.found; ++skip) {
        bool at = true;
        for (int p = 0; p < n && at; ++p) at = has(offsets[static_cast<std::size_t>(p)], skip + p);
        if (!at) continue;
        if (skip == 1) {  // the first word must be an article
            const std::vector<std::string> w = column_words(api, fts, column);
            if (w.empty() || !is_article(w[0])) continue;
        }
        int size = 0;
        api->xColumnSize(fts, column, &size);
        s = {true, has(offsets[static_cast<std::size_t>(n)], skip + n - 1), skip, size - skip - n};
    }
    return s;
}

// desa_tier(catalog_index, folded query, language): tier * kTierUnit + volume key (tiers 2 and 6), from the
// position lists of a query::ranking_match; the row's text is read only to check a skipped article
// and the one or two words after a series name.
void tier_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                   sqlite3_value** argv) {
    if (argc != 2) {
        sqlite3_result_error(ctx, "desa_tier: expected the folded query and the record's language", -1);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
    const std::vector<std::string_view> query = words(text != nullptr ? text : "");
    const int n = static_cast<int>(query.size());
    if (n == 0 || api->xPhraseCount(fts) != n + 1) {
        sqlite3_result_int64(ctx, 8 * kTierUnit);  // not a ranking_match: no tiers
        return;
    }
    const Hits h = read_hits(api, fts, n + 1);
    // English articles, in English records (and those of unknown language) only: checking one reads
    // the row's text.
    const auto* language = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
    const std::string_view lang = language != nullptr ? language : "";
    const bool skip_article = !is_article(query.front()) && (lang.empty() || lang == "eng");
    auto tier = [&](sqlite3_int64 t, sqlite3_int64 volume = 0) { sqlite3_result_int64(ctx, t * kTierUnit + volume); };

    const Start title = column_start(api, fts, h.title, index::Title, n, skip_article);
    if (title.found && title.whole && title.rest == 0) return tier(1);
    // The series: the query, then nothing, a volume number or a range of two.
    Start series = column_start(api, fts, h.series, index::Series, n, skip_article);
    sqlite3_int64 volume = kNoVolume;
    if (series.found && series.rest > 2) series.found = false;
    if (series.found && series.rest > 0) {
        const std::vector<std::string> w = column_words(api, fts, index::Series);
        const auto after = static_cast<std::size_t>(series.skip + n);
        const bool numbers = w.size() == after + static_cast<std::size_t>(series.rest) &&
                             std::all_of(w.begin() + static_cast<std::ptrdiff_t>(after), w.end(),
                                         [](const std::string& x) { return is_number(x); });
        if (numbers)
            volume = std::min(std::strtoll(w[after].c_str(), nullptr, 10), kRange - 1) + (series.rest == 2 ? kRange : 0);
        else
            series.found = false;
    }
    if (series.found && series.whole) return tier(2, volume);
    if (title.found && title.whole) return tier(3);
    bool title_words = !h.title[static_cast<std::size_t>(n)].empty();
    for (int p = 0; p + 1 < n && title_words; ++p) title_words = !h.title[static_cast<std::size_t>(p)].empty();
    if (title_words) return tier(4);
    if (h.anywhere[static_cast<std::size_t>(n)]) return tier(5);  // the words before the last are whole
    if (series.found) return tier(6, volume);
    if (title.found) return tier(7);
    tier(8);
}

fts5_api* fts5_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

}  // namespace

void register_tier_function(sqlite3* db) {
    fts5_api* api = fts5_of(db);
    if (api == nullptr || api->iVersion < 2 ||
        api->xCreateFunction(api, "desa_tier", nullptr, &tier_function, nullptr) != SQLITE_OK)
        throw storage::StorageError("cannot register the FTS5 function desa_tier");
}

std::string hint_sql(int folded_param) {
    return "desa_tier(catalog_index, ?" + std::to_string(folded_param) + ", m.language)";
}

std::string order_sql() {
    // hint orders by tier, then (tiers 2 and 6) by volume.
    const std::string band = "CAST(ln(max(-score, 1e-9)) * 10 AS INTEGER)";
    const std::string by_bm25 = "hint / 10000000 IN (5, 8)";
    return "hint, CASE WHEN " + by_bm25 + " THEN " + band + " ELSE 0 END DESC, available > 0 DESC, CASE WHEN " +
           by_bm25 + " THEN 0 ELSE coalesce(year, 0) END DESC, score, id";
}

std::string untiered_order_sql() {
    return "CAST(ln(max(-score, 1e-9)) * 10 AS INTEGER) DESC, available > 0 DESC, score, id";
}

}  // namespace desa::catalog::rank
