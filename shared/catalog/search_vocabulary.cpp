#include "catalog/search_vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>

#include "catalog/search_query.hpp"
#include "catalog/text_fold.hpp"

namespace desa::catalog {

namespace {

constexpr std::size_t kCandidatesPerWord = 3;
constexpr std::size_t kMaxTries = 8;
constexpr std::size_t kMinFuzzyLength = 4;  // "bku" has too many neighbours to guess from

struct Term {
    std::string text;
    std::int64_t docs;  // summed over columns: a frequency, not an exact document count
};

// The words of the index (not the stems column, not numbers), sorted, with their frequency.
struct Vocabulary {
    sqlite3* connection = nullptr;
    std::string file;
    std::int64_t generation = -1;
    std::vector<Term> terms;

    auto from(std::string_view start) const {
        return std::lower_bound(terms.begin(), terms.end(), start,
                                [](const Term& t, std::string_view s) { return t.text < s; });
    }
    bool has_word(std::string_view w) const {
        const auto it = from(w);
        return it != terms.end() && it->text == w;
    }
    bool has_prefix(std::string_view p) const {
        const auto it = from(p);
        return it != terms.end() && it->text.compare(0, p.size(), p) == 0;
    }
};

bool has_digit(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One copy per process, rebuilt when the catalogue changed (catalog_state.generation) or another
// database is searched. Reading the whole vocabulary is the expensive part; everything after it
// is a binary search and a short scan in memory.
std::shared_ptr<const Vocabulary> vocabulary(storage::Database& db) {
    static std::mutex mutex;
    static std::shared_ptr<const Vocabulary> cached;
    std::int64_t generation = 0;
    {
        auto s = db.prepare("SELECT generation FROM catalog_state WHERE id = 1");
        if (s.step()) generation = s.column_int64(0);
    }
    std::lock_guard lock(mutex);
    if (cached && cached->connection == db.handle() && cached->file == db.file().string() &&
        cached->generation == generation)
        return cached;
    auto fresh = std::make_shared<Vocabulary>();
    fresh->connection = db.handle();
    fresh->file = db.file().string();
    fresh->generation = generation;
    auto s = db.prepare("SELECT term, doc FROM catalog_index_vocab WHERE col <> 'stems'");
    while (s.step()) {  // fts5vocab returns terms in order, each column of a term in turn
        std::string term = s.column_text(0);
        if (term.size() < 2 || has_digit(term)) continue;
        if (!fresh->terms.empty() && fresh->terms.back().text == term) {
            fresh->terms.back().docs += s.column_int64(1);
        } else {
            fresh->terms.push_back({std::move(term), s.column_int64(1)});
        }
    }
    cached = fresh;
    return cached;
}

struct Candidate {
    std::string term;
    int distance;
    std::int64_t docs;
};

// Bytes of the first UTF-8 character of `s` (1 for ASCII).
std::size_t first_char_size(std::string_view s) {
    std::size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return n;
}

// Terms starting with `start` within `limit` edits of `word`.
void collect(const Vocabulary& v, const std::string& word, std::string_view start, int limit,
             std::vector<Candidate>& out) {
    for (auto it = v.from(start); it != v.terms.end() && it->text.compare(0, start.size(), start) == 0; ++it) {
        if (it->text == word) continue;
        const int d = query::edit_distance(word, it->text, limit);
        if (d > limit) continue;
        if (std::none_of(out.begin(), out.end(), [&](const Candidate& c) { return c.term == it->text; }))
            out.push_back({it->text, d, it->docs});
    }
}

bool finds_anything(storage::Statement& probe, const std::string& match) {
    probe.reset();
    probe.bind(1, match);
    const bool found = probe.step();
    probe.reset();
    return found;
}

}  // namespace

void preload_vocabulary(storage::Database& db) { vocabulary(db); }

std::optional<std::vector<std::string>> correct_spelling(storage::Database& db,
                                                         const std::vector<std::string>& tokens) {
    const auto vocabulary_ptr = vocabulary(db);
    const Vocabulary& v = *vocabulary_ptr;
    storage::Statement probe = db.prepare("SELECT 1 FROM catalog_index WHERE catalog_index MATCH ?1 LIMIT 1");

    std::vector<std::vector<Candidate>> options(tokens.size());
    bool any_change = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        options[i].push_back({t, 0, 0});
        if (t.size() < kMinFuzzyLength || has_digit(t)) continue;
        // Known: a whole word of the index (the last word may still be being typed: a prefix),
        // or a word whose roots the index has.
        const bool last = i + 1 == tokens.size();
        if (last ? v.has_prefix(t) : v.has_word(t)) continue;
        if (finds_anything(probe, query::roots_match(t))) continue;

        const int limit = t.size() <= 5 ? 1 : 2;
        std::vector<Candidate> found;
        const std::size_t first = first_char_size(t);
        collect(v, t, std::string_view(t).substr(0, first), limit, found);
        if (t.size() > first)  // a slip on the first key: "ahrry", "xharry"
            collect(v, t, std::string_view(t).substr(first, first_char_size(std::string_view(t).substr(first))), limit,
                    found);
        std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
            if (a.distance != b.distance) return a.distance < b.distance;
            if (a.docs != b.docs) return a.docs > b.docs;
            return a.term < b.term;
        });
        if (found.size() > kCandidatesPerWord) found.resize(kCandidatesPerWord);
        if (!found.empty()) {
            options[i] = std::move(found);
            any_change = true;
        }
    }
    if (!any_change) return std::nullopt;

    // Combinations, best first: fewest edits, then the most frequent words.
    struct Combination {
        std::vector<std::size_t> pick;
        int distance = 0;
        double frequency = 0;
    };
    std::vector<Combination> combinations{Combination{std::vector<std::size_t>(tokens.size(), 0), 0, 0}};
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::vector<Combination> next;
        for (const Combination& c : combinations) {
            for (std::size_t k = 0; k < options[i].size(); ++k) {
                Combination n = c;
                n.pick[i] = k;
                n.distance += options[i][k].distance;
                n.frequency += std::log1p(static_cast<double>(options[i][k].docs));
                next.push_back(std::move(n));
            }
        }
        // Keep the search small whatever the number of words.
        std::sort(next.begin(), next.end(), [](const Combination& a, const Combination& b) {
            return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
        });
        if (next.size() > kMaxTries) next.resize(kMaxTries);
        combinations = std::move(next);
    }
    for (const Combination& c : combinations) {
        if (c.distance == 0) continue;  // the query as typed, which found nothing
        std::vector<std::string> corrected;
        for (std::size_t i = 0; i < tokens.size(); ++i) corrected.push_back(options[i][c.pick[i]].term);
        if (finds_anything(probe, query::stemmed_match(corrected)))
            return corrected;
    }
    return std::nullopt;
}

}  // namespace desa::catalog
