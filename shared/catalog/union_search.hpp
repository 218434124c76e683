#pragma once
// The union catalogue's part of search(): titles only other libraries hold, after every local
// match (SearchResult::elsewhere). Internal to the catalogue module; search.cpp calls it.
#include <string>
#include <vector>

#include "catalog/search.hpp"
#include "storage/database.hpp"

namespace desa::catalog::union_search {

// Whether the union catalogue holds anything (one lookup; searches skip it otherwise).
bool present(storage::Database& db);

// FTS5 expressions (search_query.hpp) of one way to look: what matches, and what puts a match in
// the first tier (the words in the title).
struct UnionPass {
    std::string match, title_match;
};

// When the page of `result` (the local search for `q`) has room after the last local match, fills
// result.elsewhere from the first of `passes` (tried in order) that finds union-only titles.
// Returns whether any matched.
bool add_elsewhere(storage::Database& db, const std::vector<UnionPass>& passes, const SearchQuery& q,
                   SearchResult& result);

}  // namespace desa::catalog::union_search
