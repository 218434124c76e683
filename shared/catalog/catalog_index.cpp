#include "catalog/catalog_index.hpp"

#include <algorithm>

#include "catalog/isbn.hpp"
#include "catalog/text_fold.hpp"

namespace desa::catalog::index {

namespace {

constexpr std::size_t kStemCacheLimit = 50'000;

void append_folded(std::string& out, std::string_view text) {
    const std::string folded = fold_text(text);
    if (folded.empty()) return;
    if (!out.empty()) out += ' ';
    out += folded;
}

}  // namespace

std::string join_lines(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        std::string clean = v;
        std::replace(clean.begin(), clean.end(), '\n', ' ');
        std::replace(clean.begin(), clean.end(), '\r', ' ');
        if (clean.find_first_not_of(" \t") == std::string::npos) continue;
        if (!out.empty()) out += '\n';
        out += clean;
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

const std::vector<std::string>& StemCache::stems(const std::string& word) {
    if (auto it = cache_.find(word); it != cache_.end()) return it->second;
    if (cache_.size() >= kStemCacheLimit) cache_.clear();
    return cache_.emplace(word, indonesian_stems(word)).first->second;
}

Row make_row(const Record& r, const std::vector<std::string>& copy_call_numbers, StemCache& cache) {
    Row row;
    append_folded(row.text[Title], r.title);
    append_folded(row.text[Title], r.subtitle);
    for (const auto& a : r.authors) append_folded(row.text[Authors], a);
    for (const auto& s : r.subjects) append_folded(row.text[Subjects], s);
    append_folded(row.text[Series], r.series);
    append_folded(row.text[Publisher], r.publisher);
    // Both ISBN forms, so typing either (or its beginning) finds the book.
    for (const auto& isbn : r.isbns) {
        append_folded(row.text[Isbn], isbn);
        if (auto ten = isbn13_to_10(isbn)) append_folded(row.text[Isbn], *ten);
    }
    append_folded(row.text[CallNumber], r.call_number);
    for (const auto& c : copy_call_numbers) append_folded(row.text[CallNumber], c);

    // Roots that differ from their word; the words themselves are already in their columns.
    std::vector<std::string> roots;
    for (const Column c : {Title, Subjects, Series}) {
        const std::string& text = row.text[c];
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos) end = text.size();
            const std::string word = text.substr(start, end - start);
            start = end + 1;
            for (const std::string& root : cache.stems(word))
                if (root != word && std::find(roots.begin(), roots.end(), root) == roots.end())
                    roots.push_back(root);
        }
    }
    for (const std::string& root : roots) {
        if (!row.text[Stems].empty()) row.text[Stems] += ' ';
        row.text[Stems] += root;
    }
    return row;
}

}  // namespace desa::catalog::index
