#include "catalog/search_vocabulary.hpp"

#include <algorithm>
#include <cmath>

#include "catalog/search_query.hpp"
#include "catalog/text_fold.hpp"

namespace desa::catalog {

namespace {

constexpr std::size_t kCandidatesPerWord = 3;
constexpr std::size_t kMaxTries = 8;
constexpr std::size_t kMinFuzzyLength = 4;  // "bku" has too many neighbours to guess from

struct Candidate {
    std::string term;
    int distance;
    std::int64_t docs;
};

bool has_digit(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Bytes of the first UTF-8 character of `s` (1 for ASCII).
std::size_t first_char_size(const std::string& s) {
    std::size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
    return n;
}

class Vocabulary {
public:
    explicit Vocabulary(storage::Database& db)
        : exact_(db.prepare("SELECT 1 FROM catalog_index_vocab WHERE term = ?1")),
          prefix_(db.prepare("SELECT 1 FROM catalog_index_vocab WHERE term >= ?1 AND term < ?2 LIMIT 1")),
          range_(db.prepare("SELECT term, doc FROM catalog_index_vocab WHERE term >= ?1 AND term < ?2")) {}

    bool has_word(const std::string& w) { return found(exact_, w, nullptr); }
    // Every string starting with `p` sorts below p + "\xFF" (0xFF never occurs in UTF-8).
    bool has_prefix(const std::string& p) { return found(prefix_, p, "\xFF"); }

    // Terms starting with `start`, within the word's distance limit.
    void collect(const std::string& word, const std::string& start, int limit, std::vector<Candidate>& out) {
        range_.reset();
        range_.bind(1, start).bind(2, start + "\xFF");
        while (range_.step()) {
            std::string term = range_.column_text(0);
            if (term == word || has_digit(term) || term.size() < 2) continue;
            const int d = query::edit_distance(word, term, limit);
            if (d > limit) continue;
            if (std::none_of(out.begin(), out.end(), [&](const Candidate& c) { return c.term == term; }))
                out.push_back({std::move(term), d, range_.column_int64(1)});
        }
        range_.reset();
    }

private:
    static bool found(storage::Statement& s, const std::string& key, const char* upper_suffix) {
        s.reset();
        s.bind(1, key);
        if (upper_suffix != nullptr) s.bind(2, key + upper_suffix);
        const bool any = s.step();
        s.reset();
        return any;
    }
    storage::Statement exact_, prefix_, range_;
};

}  // namespace

std::optional<std::vector<std::string>> correct_spelling(storage::Database& db,
                                                         const std::vector<std::string>& tokens) {
    Vocabulary vocabulary(db);
    std::vector<std::vector<Candidate>> options(tokens.size());
    bool any_change = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& t = tokens[i];
        options[i].push_back({t, 0, 0});
        if (t.size() < kMinFuzzyLength || has_digit(t)) continue;
        const bool last = i + 1 == tokens.size();
        bool known = last ? vocabulary.has_prefix(t) : vocabulary.has_word(t);
        for (const std::string& root : indonesian_stems(t))
            known = known || (root != t && vocabulary.has_word(root));
        if (known) continue;

        const int limit = t.size() <= 5 ? 1 : 2;
        std::vector<Candidate> found;
        const std::size_t first = first_char_size(t);
        vocabulary.collect(t, t.substr(0, first), limit, found);
        if (t.size() > first) vocabulary.collect(t, t.substr(first, first_char_size(t.substr(first))), limit, found);
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

    storage::Statement probe = db.prepare("SELECT 1 FROM catalog_index WHERE catalog_index MATCH ?1 LIMIT 1");
    for (const Combination& c : combinations) {
        std::vector<std::string> corrected;
        for (std::size_t i = 0; i < tokens.size(); ++i) corrected.push_back(options[i][c.pick[i]].term);
        probe.reset();
        probe.bind(1, query::stemmed_match(corrected).value_or(query::prefix_match(corrected)));
        if (probe.step()) return corrected;
    }
    return std::nullopt;
}

}  // namespace desa::catalog
