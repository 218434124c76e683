#pragma once
// The workload of desa_catalog_bench: a seeded query mix drawn from the catalogue itself (words,
// typing keystrokes, absent words, ISBNs) and the naive LIKE '%word%' baseline it is timed against.
// See catalog_bench.cpp for what the baseline does and does not do.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/text_fold.hpp"
#include "catalog_generator.hpp"
#include "storage/database.hpp"

namespace desa::bench_workload {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// ---------------------------------------------------------------------------------------------
// The query mix.

enum Shape { kOneWord, kTwoWords, kThreeWords, kPrefix, kAbsent, kIsbn, kShapeCount };
constexpr const char* kShapeNames[kShapeCount] = {"1 word", "2 words", "3 words", "typing (prefix)",
                                                  "not in catalogue", "ISBN"};
// Share of the queries per shape, in per cent. Typing is each keystroke of a word or two.
constexpr int kShapeShare[kShapeCount] = {20, 15, 10, 40, 10, 5};

struct Query {
    Shape shape;
    std::string text;
};

struct Sample {
    std::vector<std::string> title, authors, subjects;  // folded words
    std::vector<std::string> author_surnames;          // folded, first word of each author
    std::string isbn;                                  // first stored ISBN-13, may be empty
};

const std::set<std::string, std::less<>> kStopWords = {"di", "dan", "the", "of", "to", "in", "for", "yang", "untuk",
                                                       "ke", "a", "an", "dari", "dengan", "bagi", "si", "and"};
// Words a resident may type that the generated catalogue does not hold (checked below: any that
// does match is reported).
constexpr const char* kAbsentWords[] = {"sepakbola", "astronomi", "dinosaurus", "robotika", "gitar", "quantum",
                                        "volcano", "fotografi", "kriptografi", "otomotif", "badminton",
                                        "zoologi", "meteorologi", "arsitektur", "piano", "smartphone",
                                        "origami", "bioskop", "teleskop", "jazz"};

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

inline std::vector<std::string> content_words(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (const auto& w : words)
        if (w.size() >= 3 && !kStopWords.contains(w)) out.push_back(w);
    return out;
}

inline std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
    std::string out;
    for (std::size_t i = from; i < from + n && i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
}

class QueryMaker {
public:
    QueryMaker(storage::Database& db, std::uint64_t seed) : rng_(seed) {
        auto max_id = db.prepare("SELECT max(id) FROM catalog_records");
        max_id.step();
        const std::int64_t top = max_id.column_int64(0);
        auto read = db.prepare("SELECT title, subtitle, authors, subjects, isbns FROM catalog_records WHERE id = ?1");
        for (int i = 0; i < 4000 && top > 0; ++i) {
            read.reset();
            read.bind(1, static_cast<std::int64_t>(1 + rng_.below(static_cast<std::uint64_t>(top))));
            if (!read.step()) continue;
            Sample s;
            s.title = catalog::fold_words(read.column_text(0));
            for (const auto& a : split_lines(read.column_text(2))) {
                auto words = catalog::fold_words(a);
                if (words.empty()) continue;
                s.author_surnames.push_back(words.front());
                s.authors.insert(s.authors.end(), words.begin(), words.end());
            }
            s.subjects = catalog::fold_words(read.column_text(3));
            if (auto isbns = split_lines(read.column_text(4)); !isbns.empty()) s.isbn = isbns.front();
            if (!content_words(s.title).empty()) samples_.push_back(std::move(s));
        }
    }
    bool usable() const { return !samples_.empty(); }

    // A word a resident looks for: mostly from a title, else an author's name or a subject.
    std::string one_word() {
        for (;;) {
            const Sample& s = sample();
            const int r = static_cast<int>(rng_.below(100));
            std::vector<std::string> pool = content_words(r < 70 ? s.title : r < 90 ? s.author_surnames : s.subjects);
            if (!pool.empty()) return pool[rng_.below(pool.size())];
        }
    }
    // Two words of one title in order ("budidaya lele"), or a title word and the author.
    std::string two_words() {
        for (;;) {
            const Sample& s = sample();
            const auto words = content_words(s.title);
            if (rng_.chance(60) && words.size() >= 2) {
                const std::size_t i = rng_.below(words.size() - 1);
                return join_words(words, i, 2);
            }
            const auto names = content_words(s.author_surnames);
            if (!words.empty() && !names.empty())
                return words[rng_.below(words.size())] + " " + names[rng_.below(names.size())];
        }
    }
    // Three words as written in a title ("senja di pelabuhan"), or two title words and the author.
    std::string three_words() {
        for (;;) {
            const Sample& s = sample();
            if (s.title.size() >= 3) return join_words(s.title, rng_.below(s.title.size() - 2), 3);
            const auto words = content_words(s.title);
            const auto names = content_words(s.author_surnames);
            if (words.size() >= 2 && !names.empty()) return join_words(words, 0, 2) + " " + names.front();
        }
    }
    // Each keystroke of one or two words, as search-as-you-type sends them. The state right after
    // a space is left out: it searches exactly what the keystroke before it searched.
    std::vector<std::string> typing() {
        const std::string target = rng_.chance(50) ? one_word() : two_words();
        std::vector<std::string> out;
        for (std::size_t n = 1; n <= target.size(); ++n) {
            if (target[n - 1] == ' ') continue;
            if ((static_cast<unsigned char>(target[n - 1]) & 0xC0) == 0xC0) continue;  // inside a UTF-8 char
            if (n < target.size() && (static_cast<unsigned char>(target[n]) & 0xC0) == 0x80) continue;
            out.push_back(target.substr(0, n));
        }
        return out;
    }
    // A typo in a real word (one letter changed, dropped, doubled or two swapped), or a word the
    // catalogue does not have.
    std::string absent() {
        if (rng_.chance(50)) return kAbsentWords[rng_.below(std::size(kAbsentWords))];
        for (;;) {
            std::string w = one_word();
            if (w.size() < 5) continue;
            const std::size_t i = 1 + rng_.below(w.size() - 2);
            switch (rng_.below(4)) {
                case 0: w[i] = static_cast<char>('a' + rng_.below(26)); break;
                case 1: w.erase(i, 1); break;
                case 2: w.insert(i, 1, w[i]); break;
                default: std::swap(w[i], w[i + 1]); break;
            }
            return w;
        }
    }
    // An ISBN as a barcode scanner types it (13 digits) or hyphenated.
    std::string isbn() {
        for (;;) {
            const Sample& s = sample();
            if (s.isbn.size() != 13) continue;
            if (rng_.chance(60)) return s.isbn;
            return s.isbn.substr(0, 3) + "-" + s.isbn.substr(3, 3) + "-" + s.isbn.substr(6, 6) + "-" + s.isbn.substr(12);
        }
    }

    // `total` queries in the shares of kShapeShare, in sessions (a typing session stays together),
    // sessions shuffled.
    std::vector<Query> make(int total) {
        std::vector<std::vector<Query>> sessions;
        for (int shape = 0; shape < kShapeCount; ++shape) {
            const int quota = total * kShapeShare[shape] / 100;
            int made = 0;
            while (made < quota) {
                std::vector<Query> session;
                switch (static_cast<Shape>(shape)) {
                    case kOneWord: session = {{kOneWord, one_word()}}; break;
                    case kTwoWords: session = {{kTwoWords, two_words()}}; break;
                    case kThreeWords: session = {{kThreeWords, three_words()}}; break;
                    case kAbsent: session = {{kAbsent, absent()}}; break;
                    case kIsbn: session = {{kIsbn, isbn()}}; break;
                    case kPrefix:
                        for (auto& t : typing()) session.push_back({kPrefix, std::move(t)});
                        break;
                    case kShapeCount: break;
                }
                if (static_cast<int>(session.size()) > quota - made) session.resize(static_cast<std::size_t>(quota - made));
                made += static_cast<int>(session.size());
                sessions.push_back(std::move(session));
            }
        }
        for (std::size_t i = sessions.size(); i > 1; --i) std::swap(sessions[i - 1], sessions[rng_.below(i)]);
        std::vector<Query> out;
        for (auto& s : sessions)
            for (auto& q : s) out.push_back(std::move(q));
        return out;
    }

private:
    const Sample& sample() { return samples_[rng_.below(samples_.size())]; }
    bench::Rng rng_;
    std::vector<Sample> samples_;
};

// ---------------------------------------------------------------------------------------------
// The LIKE baseline.

class LikeBaseline {
public:
    explicit LikeBaseline(storage::Database& db) : db_(db) {}

    struct Timing {
        double page_ms, count_ms;
        std::int64_t total;
    };

    Timing run(const Query& q) {
        std::vector<std::string> words;
        std::string text = q.text;
        if (q.shape == kIsbn) std::erase(text, '-');
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t j = std::min(text.find(' ', i), text.size());
            if (j > i) words.push_back(text.substr(i, j - i));
            i = j + 1;
        }
        auto& st = statements(words.size());
        Timing t{};
        auto start = Clock::now();
        st.page.reset();
        for (std::size_t k = 0; k < words.size(); ++k) st.page.bind(static_cast<int>(k) + 1, "%" + words[k] + "%");
        int rows = 0;
        while (st.page.step()) {
            // Read the row as a results list would.
            (void)st.page.column_text(1);
            (void)st.page.column_text(3);
            ++rows;
        }
        t.page_ms = ms_since(start);
        start = Clock::now();
        st.count.reset();
        for (std::size_t k = 0; k < words.size(); ++k) st.count.bind(static_cast<int>(k) + 1, "%" + words[k] + "%");
        st.count.step();
        t.total = st.count.column_int64(0);
        t.count_ms = ms_since(start);
        (void)rows;
        return t;
    }

    static std::string where(std::size_t n) {
        std::string sql = " FROM catalog_records WHERE withdrawn = 0";
        for (std::size_t k = 1; k <= n; ++k) {
            const std::string p = "?" + std::to_string(k);
            sql += " AND (title LIKE " + p + " OR subtitle LIKE " + p + " OR authors LIKE " + p + " OR subjects LIKE " +
                   p + " OR series LIKE " + p + " OR publisher LIKE " + p + " OR isbns LIKE " + p +
                   " OR call_number LIKE " + p + ")";
        }
        return sql;
    }

private:
    struct Statements {
        storage::Statement page, count;
    };
    Statements& statements(std::size_t n) {
        auto it = cache_.find(n);
        if (it == cache_.end()) {
            it = cache_
                     .emplace(n, Statements{db_.prepare("SELECT id, title, subtitle, authors, year, isbns" + where(n) +
                                                        " LIMIT 50"),
                                            db_.prepare("SELECT count(*)" + where(n))})
                     .first;
        }
        return it->second;
    }
    storage::Database& db_;
    std::map<std::size_t, Statements> cache_;
};

}  // namespace desa::bench_workload
