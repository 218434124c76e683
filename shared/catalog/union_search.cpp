// Union-only titles for search(): one statement ranks the union catalogue's matching holdings,
// grouped into titles (union_title_key), minus what this library holds; then only the page's
// titles are read with their libraries. The scan is bounded (kElsewhereScan holdings), so a
// broad query over a province's catalogue costs no more than a narrow one. Ranking is by tiers
// (the words in the title first, then copies on a shelf, then the newest), not bm25: bm25 reads
// every match's column sizes, which tripled the cost of the statement.
#include "catalog/union_search.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "catalog/catalog_index.hpp"
#include "catalog/union_catalog.hpp"

namespace desa::catalog::union_search {

namespace {

using storage::Statement;

constexpr int kMaxLimit = 200;  // as search()

enum Param : int {
    kMatch = 1, kLocalKeys, kLanguages, kMaterials, kYearFrom, kYearTo, kAvailability, kLimit, kOffset, kTitleMatch
};

const std::string& page_sql() {
    static const std::string sql = [] {
        const std::string scan = std::to_string(kElsewhereScan);
        return "WITH m AS MATERIALIZED (SELECT rowid AS id FROM catalog_union_index WHERE catalog_union_index "
               "MATCH ?1 LIMIT " + scan + "), "
               "t AS MATERIALIZED (SELECT rowid AS id FROM catalog_union_index WHERE catalog_union_index "
               "MATCH ?10 LIMIT " + scan + "), "
               "g AS (SELECT r.title_key AS k, max(m.id IN (SELECT id FROM t)) AS in_title, "
               "sum(r.available) AS available, max(coalesce(r.year, 0)) AS year, "
               "min(r.id) AS first FROM m JOIN catalog_union_records r ON r.id = m.id "
               "WHERE r.title_key NOT IN (SELECT value FROM json_each(?2)) "
               // This library holds the same ISBN: the resident finds it here.
               "AND NOT EXISTS (SELECT 1 FROM catalog_union_isbns u JOIN catalog_isbns li ON li.isbn = u.isbn "
               "JOIN catalog_records lr ON lr.id = li.record_id WHERE u.record = r.id AND lr.withdrawn = 0) "
               "AND (?3 IS NULL OR r.language IN (SELECT value FROM json_each(?3))) "
               "AND (?4 IS NULL OR r.material_type IN (SELECT value FROM json_each(?4))) "
               "AND (?5 IS NULL OR r.year >= ?5) AND (?6 IS NULL OR r.year <= ?6) "
               "GROUP BY r.title_key HAVING sum(r.copies) > 0 AND (?7 = 0 OR (?7 = 1 AND sum(r.available) > 0) "
               "OR (?7 = 2 AND sum(r.available) = 0))) "
               "SELECT k, in_title, first, count(*) OVER (), (SELECT count(*) FROM m) FROM g "
               "ORDER BY in_title DESC, available > 0 DESC, year DESC, first LIMIT ?8 OFFSET ?9";
    }();
    return sql;
}

void bind_list(Statement& s, int index, const std::vector<std::string>& values) {
    if (values.empty())
        s.bind_null(index);
    else
        s.bind(index, nlohmann::json(values).dump());
}

void bind_year(Statement& s, int index, const std::optional<int>& year) {
    if (year)
        s.bind(index, *year);
    else
        s.bind_null(index);
}

struct PageRow {
    std::string key;
    double score;
    std::int64_t first;
};

void fill(storage::Database& db, const std::vector<PageRow>& page, SearchResult& result) {
    Statement record =
        db.prepare("SELECT title, subtitle, authors, year, isbn FROM catalog_union_records WHERE id = ?1");
    Statement libraries = db.prepare(
        "SELECT l.library_id, l.name, l.village_code, sum(r.available), sum(r.copies) "
        "FROM catalog_union_records r JOIN catalog_union_libraries l ON l.id = r.library WHERE r.title_key = ?1 "
        "GROUP BY l.id HAVING sum(r.copies) > 0 ORDER BY sum(r.available) > 0 DESC, l.nearness DESC, l.name, "
        "l.library_id");
    for (const PageRow& row : page) {
        record.reset();
        record.bind(1, row.first);
        if (!record.step()) continue;
        ElsewhereHit hit;
        hit.title = record.column_text(0);
        hit.subtitle = record.column_text(1);
        hit.authors = index::split_lines(record.column_text(2));
        if (!record.column_is_null(3)) hit.year = static_cast<int>(record.column_int64(3));
        hit.isbn = record.column_text(4);
        hit.score = row.score;
        libraries.reset();
        libraries.bind(1, row.key);
        while (libraries.step()) {
            LibraryHolding h{libraries.column_text(0), libraries.column_text(1), libraries.column_text(2),
                             static_cast<int>(libraries.column_int64(3)), static_cast<int>(libraries.column_int64(4))};
            hit.available += h.available;
            hit.copies += h.copies;
            hit.libraries.push_back(std::move(h));
        }
        result.elsewhere.push_back(std::move(hit));
    }
}

}  // namespace

bool present(storage::Database& db) {
    try {
        Statement s = db.prepare("SELECT EXISTS (SELECT 1 FROM catalog_union_records)");
        return s.step() && s.column_int64(0) != 0;
    } catch (const storage::StorageError&) {
        return false;  // union.db not attached
    }
}

bool add_elsewhere(storage::Database& db, const std::vector<UnionPass>& passes, const SearchQuery& q,
                   SearchResult& result) try {
    const SearchFilters& f = q.filters;
    const int limit = std::clamp(q.limit, 0, kMaxLimit), offset = std::max(q.offset, 0);
    const int shown = static_cast<int>(result.hits.size());
    // Local matches come first: only once they run out, and never for this library's shelves.
    if (!f.locations.empty() || result.total_capped || offset + shown < result.total || shown >= limit) return false;
    if (!present(db)) return false;

    nlohmann::json local_keys = nlohmann::json::array();
    for (const SearchHit& h : result.hits) local_keys.push_back(union_title_key(h.title, h.authors));
    Statement s = db.prepare(page_sql());
    for (const UnionPass& pass : passes) {
        s.reset();
        s.bind(kMatch, pass.match);
        s.bind(kTitleMatch, pass.title_match);
        s.bind(kLocalKeys, local_keys.dump());
        bind_list(s, kLanguages, f.languages);
        bind_list(s, kMaterials, f.material_types);
        bind_year(s, kYearFrom, f.year_from);
        bind_year(s, kYearTo, f.year_to);
        s.bind(kAvailability, f.availability == Availability::OnShelf  ? 1
                              : f.availability == Availability::OnLoan ? 2
                                                                       : 0);
        s.bind(kLimit, limit - shown);
        s.bind(kOffset, std::max(offset - result.total, 0));
        std::vector<PageRow> page;
        while (s.step()) {
            page.push_back({s.column_text(0), 1.0 + static_cast<double>(s.column_int64(1)), s.column_int64(2)});
            result.elsewhere_total = static_cast<int>(s.column_int64(3));
            result.elsewhere_capped = s.column_int64(4) >= kElsewhereScan;
        }
        if (page.empty()) continue;
        fill(db, page, result);
        return true;
    }
    return false;
} catch (const storage::StorageError& e) {
    // A broken union.db must not break the search of this library's own shelves.
    spdlog::warn("union catalogue search: {}", e.what());
    result.elsewhere.clear();
    result.elsewhere_total = 0;
    result.elsewhere_capped = false;
    return false;
}

}  // namespace desa::catalog::union_search
