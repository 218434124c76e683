#pragma once
// The full-text index row of a record (table catalog_index, migration 2): which folded text goes
// in which column. Shared by CatalogStore (writes rows) and search (column names, weights and
// reading rows back to explain a hit). Internal to the catalogue module.
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/record.hpp"

namespace desa::catalog::index {

enum Column : int { Title, Authors, Subjects, Series, Publisher, Isbn, CallNumber, Stems, kColumnCount };

constexpr std::array<std::string_view, kColumnCount> kColumnNames{
    "title", "authors", "subjects", "series", "publisher", "isbn", "call_number", "stems"};

// bm25 weights: a word in the title counts far more than one in the subjects or the publisher.
// Ratios of at least ~2.5 between neighbours keep a title hit above a subject hit even when the
// subject field is much shorter (bm25's length normalisation is worth at most about that).
constexpr std::array<double, kColumnCount> kWeights{20.0, 8.0, 3.0, 1.5, 1.0, 1.0, 1.0, 1.0};

// Folded words -> their Indonesian roots, memoised: an import folds the same words thousands of
// times. Bounded so a huge import cannot grow it without limit.
class StemCache {
public:
    const std::vector<std::string>& stems(const std::string& word);

private:
    std::unordered_map<std::string, std::vector<std::string>> cache_;
};

struct Row {
    std::array<std::string, kColumnCount> text;
};

// Lists (authors, subjects, ISBNs) are stored one value per line; line breaks inside a value
// become spaces and blank values are dropped.
std::string join_lines(const std::vector<std::string>& values);
std::vector<std::string> split_lines(std::string_view text);

// `copy_call_numbers`: call numbers of the record's copies that differ from the record's own.
Row make_row(const Record& record, const std::vector<std::string>& copy_call_numbers, StemCache& stems);

}  // namespace desa::catalog::index
