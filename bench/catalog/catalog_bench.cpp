// desa_catalog_bench: import rate and search latency of the library catalogue, side by side with
// the naive `LIKE '%word%'` scan of the same table.
//
//   desa_catalog_bench [--csv FILE | --records N] [--seed S] [--queries N] [--like-budget-s S]
//                      [--max-search-s S] [--data-dir DIR] [--keep] [--slowest N] [--import-runs N]
//                      [--profile-import]        (time per SQL statement during the import)
//                      [--profile-search]        (the same during the search() calls)
//                      [--pragma 'NAME=VALUE']   (an experiment: run on the fresh database before the
//                                                 import; the kiosk does not do this)
//                      [--search-pragma 'NAME=VALUE']  (the same on the connection that searches)
//
//  1. imports FILE (or N generated records, see catalog_generator.hpp) into a fresh kiosk.db with
//     catalog::import_file, exactly as `desa-kiosk catalog import` does: import rate;
//  2. closes and reopens the database: with the full quick_check, then as the kiosk does (the
//     catalogue's tables checked afterwards, in the background: timed too); size on disk;
//  3. draws a seeded query mix from the catalogue itself: 1, 2 and 3 words, search-as-you-type
//     keystrokes ("b", "bu", "bud", ..., "budidaya l", ...), words that are not in the catalogue
//     (typos and absent words: the fallback passes) and ISBNs;
//  4. times catalog::search() (the kiosk screen's search, limit 50) on every query, then the LIKE
//     baseline on a random subset of them that fits in --like-budget-s;
//  5. prints p50/p95/p99/max per query shape and overall, the ratios, the slowest queries (each
//     re-run 5 times) and the targets of issue 3.
//
// The LIKE baseline, for each whitespace-separated word w of the query (ISBN queries without
// their hyphens), requires `LIKE '%w%'` in one of title, subtitle, authors, subjects, series,
// publisher, isbns, call_number of a non-withdrawn catalog_records row, and runs two statements:
// the first 50 matching rows in rowid order (id, title, subtitle, authors, year, isbns) and
// count(*) of all matches, because search() returns the exact total too. It does not rank,
// fold diacritics, stem or compute facets (search() does all four).
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_import.hpp"
#include "catalog/search.hpp"
#include "catalog/union_catalog.hpp"
#include "catalog/text_fold.hpp"
#include "bench_stats.hpp"
#include "bench_workload.hpp"
#include "catalog_generator.hpp"
#include "storage/database.hpp"
#include "storage/kiosk_schema.hpp"

namespace fs = std::filesystem;
using namespace desa;
using namespace desa::bench_workload;
using namespace desa::bench_stats;

namespace {

struct OurResult {
    double ms = 0;
    double cpu_ms = 0;
    int total = 0;
    std::size_t hits = 0;
    bool broad = false;
    catalog::MatchKind kind = catalog::MatchKind::Exact;
    bool corrected = false;
};

std::string path_name(const OurResult& r) {
    if (r.total == 0 && r.hits == 0) return "no result";
    if (r.corrected || r.kind == catalog::MatchKind::Fuzzy) return "typo fallback";
    if (r.kind == catalog::MatchKind::Stemmed) return "affix fallback";
    return r.broad ? "broad (>1000 matches)" : "ranked (<=1000)";
}

OurResult run_ours(storage::Database& db, const std::string& text) {
    catalog::SearchQuery q;
    q.text = text;
    q.limit = 50;
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_ms();
    const catalog::SearchResult r = catalog::search(db, q);
    OurResult out;
    out.ms = ms_since(start);
    out.cpu_ms = thread_cpu_ms() - cpu_start;
    out.total = r.total;
    out.hits = r.hits.size();
    out.broad = r.broad;
    out.kind = r.kind;
    out.corrected = r.did_you_mean.has_value();
    return out;
}

// SQLITE_TRACE_PROFILE: wall time of every statement run, summed per statement text.
struct StatementProfile {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_sql;  // ns, runs
    static int callback(unsigned type, void* self, void* stmt, void* ns) {
        if (type != SQLITE_TRACE_PROFILE) return 0;
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        auto& e = static_cast<StatementProfile*>(self)->by_sql[sql ? sql : "?"];
        e.first += *static_cast<const sqlite3_int64*>(ns);
        ++e.second;
        return 0;
    }
    void print(double total_s, const char* what = "import") const {
        std::vector<std::pair<std::int64_t, std::string>> order;
        std::int64_t sum = 0;
        for (const auto& [sql, e] : by_sql) {
            order.emplace_back(e.first, sql);
            sum += e.first;
        }
        std::sort(order.rbegin(), order.rend());
        std::printf("profile    SQL statements %.2f s of the %.2f s %s (statements FTS5 runs inside ours are counted\n"
                    "           twice, once in ours and once on their own line: the 'main'.'catalog_index_*' ones):\n",
                    static_cast<double>(sum) / 1e9, total_s, what);
        for (const auto& [ns, sql] : order) {
            if (static_cast<double>(ns) < 0.005 * static_cast<double>(sum)) break;
            std::string one_line = sql.substr(0, 110);
            for (char& c : one_line)
                if (c == '\n') c = ' ';
            std::printf("  %6.2f s %8lld x  %s\n", static_cast<double>(ns) / 1e9,
                        static_cast<long long>(by_sql.at(sql).second), one_line.c_str());
        }
    }
};

int usage() {
    std::fprintf(stderr,
                 "usage: desa_catalog_bench [--csv FILE | --records N] [--seed S] [--queries N]\n"
                 "                          [--like-budget-s S] [--max-search-s S] [--data-dir DIR] [--keep]\n"
                 "                          [--slowest N] [--import-runs N] [--profile-import] [--profile-search]\n"
                 "                          [--pragma P] [--search-pragma P]   (experiments, e.g. 'cache_size=-65536')\n"
                 "                          [--existing DIR]   (search a kiosk.db already there; no import)\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t records = 100000, seed = 20261128;
    int queries = 2000, slowest = 12;
    double like_budget_s = 120, max_search_s = 600;
    std::string csv, data_dir, pragma, search_pragma, existing;
    bool keep = false, profile_import = false, profile_search = false;
    int import_runs = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--keep") {
            keep = true;
            continue;
        }
        if (a == "--profile-import") {
            profile_import = true;
            continue;
        }
        if (a == "--profile-search") {
            profile_search = true;
            continue;
        }
        if (i + 1 >= argc) return usage();
        const char* v = argv[++i];
        if (a == "--csv") csv = v;
        else if (a == "--records") records = std::strtoull(v, nullptr, 10);
        else if (a == "--seed") seed = std::strtoull(v, nullptr, 10);
        else if (a == "--queries") queries = std::atoi(v);
        else if (a == "--like-budget-s") like_budget_s = std::atof(v);
        else if (a == "--max-search-s") max_search_s = std::atof(v);
        else if (a == "--data-dir") data_dir = v;
        else if (a == "--slowest") slowest = std::atoi(v);
        else if (a == "--import-runs") import_runs = std::atoi(v);
        else if (a == "--pragma") pragma = v;
        else if (a == "--search-pragma") search_pragma = v;
        else if (a == "--existing") existing = v;
        else return usage();
    }
    if (queries <= 0 || records == 0 || import_runs <= 0) return usage();

    // A fresh data directory: ours, or a new one under $TMPDIR.
    fs::path dir;
    if (!existing.empty()) {
        dir = existing;
        keep = true;  // never delete what we did not create
        if (!fs::exists(dir / "kiosk.db")) {
            std::fprintf(stderr, "%s holds no kiosk.db\n", dir.c_str());
            return 2;
        }
    } else if (data_dir.empty()) {
        std::string tmpl = (fs::temp_directory_path() / "desa-catalog-bench.XXXXXX").string();
        if (mkdtemp(tmpl.data()) == nullptr) {
            std::perror("mkdtemp");
            return 1;
        }
        dir = tmpl;
    } else {
        dir = data_dir;
        if (fs::exists(dir / "kiosk.db")) {
            std::fprintf(stderr, "%s already holds a kiosk.db; give a fresh --data-dir\n", dir.c_str());
            return 2;
        }
        fs::create_directories(dir);
    }
    struct Cleanup {
        fs::path dir;
        bool keep;
        ~Cleanup() {
            std::error_code ec;
            if (!keep) fs::remove_all(dir, ec);
        }
    } cleanup{dir, keep};

    try {
        std::size_t stored = 0;
        double rate = NAN;
        if (existing.empty()) {
            // 1. The file to import.
            if (csv.empty()) {
                csv = (dir / "catalog.csv").string();
                const auto start = Clock::now();
                const auto bytes = bench::write_catalog_csv(csv, records, seed);
                std::printf("generate   %llu records (seed %llu): %.1f MB CSV in %.2f s\n",
                            static_cast<unsigned long long>(records), static_cast<unsigned long long>(seed), mb(bytes),
                            ms_since(start) / 1000);
            }
            const auto csv_bytes = size_or_zero(csv);

            // 2. Import into a fresh kiosk.db; with --import-runs N, N times (each into a fresh
            //    database, the last one kept for the searches), the median reported.
            std::vector<double> rates;
            for (int run = 1; run <= import_runs; ++run) {
                const bool last = run == import_runs;
                const fs::path run_dir = last ? dir : dir / ("import-run-" + std::to_string(run));
                auto start = Clock::now();
                std::optional<storage::Database> db = storage::open_kiosk_database(run_dir);
                const double create_ms = ms_since(start);
                if (!pragma.empty()) {  // an experiment, not the kiosk's configuration
                    db->exec("PRAGMA " + pragma);
                    std::printf("EXPERIMENT PRAGMA %s before the import\n", pragma.c_str());
                }
                StatementProfile profile;
                if (profile_import)
                    sqlite3_trace_v2(db->handle(), SQLITE_TRACE_PROFILE, &StatementProfile::callback, &profile);
                start = Clock::now();
                const double cpu_before = cpu_seconds();
                const catalog::ImportReport report = catalog::import_file(*db, csv, catalog::ImportFormat::Csv);
                const double seconds = ms_since(start) / 1000;
                const double cpu_s = cpu_seconds() - cpu_before;
                if (profile_import) {
                    sqlite3_trace_v2(db->handle(), 0, nullptr, nullptr);
                    profile.print(seconds);
                }
                if (!report.ok()) {
                    std::fprintf(stderr, "import failed: %s\n", report.error.c_str());
                    return 1;
                }
                stored = report.stored();
                rates.push_back(static_cast<double>(stored) / seconds);
                if (run == 1)
                    std::printf("import     %s (%.1f MB, dialect %s): added %zu, updated %zu, skipped %zu, warnings %zu\n",
                                csv.c_str(), mb(csv_bytes), report.dialect.c_str(), report.added, report.updated,
                                report.skipped_total, report.warnings_total);
                for (std::size_t i = 0; run == 1 && i < std::min<std::size_t>(3, report.skipped.size()); ++i)
                    std::printf("           skipped: %s\n", report.skipped[i].reason.c_str());
                std::printf("import %d/%d %.2f s wall (%.2f s CPU; %.2f s in the report), %.0f records/s; new database %.0f ms; "
                            "load %s\n",
                            run, import_runs, seconds, cpu_s, report.seconds, rates.back(), create_ms, load_average().c_str());
                if (last)
                    std::printf("size       after import: kiosk.db %.1f MB + WAL %.1f MB\n", mb(size_or_zero(dir / "kiosk.db")),
                                mb(size_or_zero(dir / "kiosk.db-wal")));
                db.reset();
                if (!last) {
                    std::error_code ec;
                    fs::remove_all(run_dir, ec);
                }
            }
            rate = percentile(rates, 50);
            std::printf("import     median of %d: %.0f records/s (min %.0f, max %.0f)\n", import_runs, rate,
                        *std::min_element(rates.begin(), rates.end()), *std::max_element(rates.begin(), rates.end()));
            std::printf("memory     peak RSS after import: %.1f MB (the CSV is memory-mapped)\n",
                        static_cast<double>(peak_rss_kib()) / 1024);
        }
        // 3. The kiosk's start-up: reopen with the full quick_check (open_kiosk_database), then as
        //    the kiosk opens it (the catalogue's tables left to the background check, whose time
        //    is measured too), then load the spelling vocabulary.
        auto start = Clock::now();
        const double full_ms = [&] {
            storage::Database full = storage::open_kiosk_database(dir);
            return ms_since(start);
        }();
        start = Clock::now();
        // The options kiosk/app/kiosk_context.cpp opens kiosk.db with.
        storage::Database db = storage::Database::open(dir / "kiosk.db", storage::Durability::Full,
                                                       storage::kiosk_migrations(),
                                                       storage::OpenOptions{{"catalog_"}, 8 * 1024});
        const double reopen_ms = ms_since(start);
        // As the kiosk does: other libraries' holdings (union.db, empty unless put there, e.g. with
        // `desa-kiosk --data-dir DIR catalog union CHANNEL_DIR`) join the searches.
        if (catalog::attach_union_catalog(db, dir)) {
            auto u = db.prepare("SELECT count(*) FROM catalog_union_records");
            u.step();
            std::printf("union      %lld holdings of other libraries in union.db\n",
                        static_cast<long long>(u.column_int64(0)));
        }
        start = Clock::now();
        const storage::IntegrityVerdict verdict = db.wait_for_integrity_check();
        const double background_ms = ms_since(start);
        if (stored == 0) {
            auto c = db.prepare("SELECT count(*) FROM catalog_records WHERE withdrawn = 0");
            c.step();
            stored = static_cast<std::size_t>(c.column_int64(0));
        }
        if (!search_pragma.empty()) {  // an experiment, not the kiosk's configuration
            db.exec("PRAGMA " + search_pragma);
            std::printf("EXPERIMENT PRAGMA %s on the searching connection\n", search_pragma.c_str());
        }
        const auto db_bytes = size_or_zero(dir / "kiosk.db");
        std::printf("size       after close (WAL checkpointed): kiosk.db %.1f MB (%.0f bytes/record)\n", mb(db_bytes),
                    static_cast<double>(db_bytes) / static_cast<double>(std::max<std::size_t>(stored, 1)));
        start = Clock::now();
        catalog::warm_up_search(db);
        const double warm_ms = ms_since(start);
        std::printf("start-up   reopen with the full quick_check %.0f ms; as the kiosk opens it (catalogue checked later) "
                    "%.0f ms;\n           the background check %.0f ms (%s); warm_up_search (typo vocabulary) %.0f ms\n",
                    full_ms, reopen_ms, background_ms, std::string(storage::integrity_state_name(verdict.state)).c_str(),
                    warm_ms);

        QueryMaker maker(db, seed ^ 0x5EA4C4ULL);
        if (!maker.usable()) {
            std::fprintf(stderr, "no records to draw queries from\n");
            return 1;
        }
        const std::vector<Query> mix = maker.make(queries);
        std::printf("queries    %zu:", mix.size());
        for (int s = 0; s < kShapeCount; ++s)
            std::printf(" %s %ld%s", kShapeNames[s], static_cast<long>(
                        std::count_if(mix.begin(), mix.end(), [&](const Query& q) { return q.shape == s; })),
                        s + 1 < kShapeCount ? "," : "\n");

        // 4a. Ours, every query; a few untimed first, so statement caches are as in use.
        for (int i = 0; i < 5; ++i) run_ours(db, mix[static_cast<std::size_t>(i) % mix.size()].text);
        std::vector<OurResult> ours;
        StatementProfile search_profile;
        if (profile_search)
            sqlite3_trace_v2(db.handle(), SQLITE_TRACE_PROFILE, &StatementProfile::callback, &search_profile);
        const auto ours_start = Clock::now();
        for (const Query& q : mix) {
            if (ms_since(ours_start) > max_search_s * 1000) {
                std::printf("NOTE       search() stopped after %.0f s (--max-search-s): %zu of %zu queries\n",
                            max_search_s, ours.size(), mix.size());
                break;
            }
            ours.push_back(run_ours(db, q.text));
        }
        const double ours_s = ms_since(ours_start) / 1000;
        if (profile_search) {
            sqlite3_trace_v2(db.handle(), 0, nullptr, nullptr);
            search_profile.print(ours_s, "of search() calls");
        }

        // 4b. LIKE, a random subset that fits the budget.
        std::vector<std::size_t> order(ours.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        bench::Rng shuffle(seed ^ 0x11CEULL);
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle.below(i)]);
        LikeBaseline like(db);
        std::map<std::size_t, LikeBaseline::Timing> like_done;
        const auto like_start = Clock::now();
        for (std::size_t i : order) {
            if (ms_since(like_start) > like_budget_s * 1000) break;
            like_done.emplace(i, like.run(mix[i]));
        }
        const double like_s = ms_since(like_start) / 1000;

        // 5. Report.
        std::printf("\nsearch()   %zu queries in %.1f s; LIKE baseline %zu queries (random subset) in %.1f s "
                    "(budget %.0f s); load now %s\n",
                    ours.size(), ours_s, like_done.size(), like_s, like_budget_s, load_average().c_str());
        std::printf("\nLatency in ms (wall, per query)             n       p50       p95       p99       max      mean\n");
        auto rows = [&](int shape) {
            std::vector<double> all, cpu, subset, like_total, like_page;
            for (std::size_t i = 0; i < ours.size(); ++i) {
                if (shape >= 0 && mix[i].shape != shape) continue;
                all.push_back(ours[i].ms);
                cpu.push_back(ours[i].cpu_ms);
                if (auto it = like_done.find(i); it != like_done.end()) {
                    subset.push_back(ours[i].ms);
                    like_total.push_back(it->second.page_ms + it->second.count_ms);
                    like_page.push_back(it->second.page_ms);
                }
            }
            struct {
                Stats all, cpu, subset, like_total, like_page;
            } r{stats(all), stats(cpu), stats(subset), stats(like_total), stats(like_page)};
            return r;
        };
        auto ratio = [](double like, double ours_ms) { return ours_ms > 0 ? like / ours_ms : NAN; };
        for (int shape = -1; shape < kShapeCount; ++shape) {
            const auto r = rows(shape);
            std::printf("%s\n", shape < 0 ? "ALL QUERIES" : kShapeNames[shape]);
            print_stats_row("search()", r.all);
            print_stats_row("search() thread CPU", r.cpu);
            print_stats_row("search(), LIKE subset", r.subset);
            print_stats_row("LIKE page + count(*)", r.like_total);
            print_stats_row("LIKE page only", r.like_page);
            if (r.subset.n > 0)
                std::printf("  %-28s        p50 %7.1fx  p95 %7.1fx  (page only: p50 %.1fx, p95 %.1fx)\n",
                            "LIKE / search()", ratio(r.like_total.p50, r.subset.p50),
                            ratio(r.like_total.p95, r.subset.p95), ratio(r.like_page.p50, r.subset.p50),
                            ratio(r.like_page.p95, r.subset.p95));
        }

        // Per path inside search(): which pass answered.
        std::printf("\nsearch() by the path that answered               n       p50       p95       p99       max      mean\n");
        std::map<std::string, std::vector<double>> by_path;
        for (const auto& r : ours) by_path[path_name(r)].push_back(r.ms);
        for (const auto& [name, v] : by_path) print_stats_row(name.c_str(), stats(v));

        // Typing by length of the word being typed.
        std::printf("\ntyping by letters of the word being typed         n       p50       p95       p99       max      mean\n");
        std::map<std::size_t, std::vector<double>> by_len;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            if (mix[i].shape != kPrefix) continue;
            const std::string& t = mix[i].text;
            const std::size_t space = t.rfind(' ');
            const std::size_t len = space == std::string::npos ? t.size() : t.size() - space - 1;
            by_len[std::min<std::size_t>(len, 6)].push_back(ours[i].ms);
        }
        for (const auto& [len, v] : by_len) {
            const std::string label = len >= 6 ? "6+ letters" : std::to_string(len) + " letter" + (len == 1 ? "" : "s");
            print_stats_row(label.c_str(), stats(v));
        }

        // Absent words that the catalogue turned out to hold, and how the fallbacks answered.
        int absent_found = 0, absent_none = 0;
        for (std::size_t i = 0; i < ours.size(); ++i) {
            if (mix[i].shape != kAbsent) continue;
            if (ours[i].total == 0) ++absent_none;
            else ++absent_found;
        }
        std::printf("\nnot in catalogue: %d answered by a pass (prefix/affix/typo), %d with no result\n", absent_found,
                    absent_none);

        // The slowest queries, each re-run 5 times (median), to tell a slow shape from a hiccup.
        std::vector<std::size_t> idx(ours.size());
        for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
        std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return ours[a].ms > ours[b].ms; });
        std::printf("\nslowest search() queries (first run; median of 5 re-runs):\n");
        for (int k = 0; k < slowest && k < static_cast<int>(idx.size()); ++k) {
            const std::size_t i = idx[static_cast<std::size_t>(k)];
            std::vector<double> again;
            for (int j = 0; j < 5; ++j) again.push_back(run_ours(db, mix[i].text).ms);
            std::printf("  %8.2f ms (%7.2f)  %-16s %-28s total %7d  %s\n", ours[i].ms, percentile(again, 50),
                        kShapeNames[mix[i].shape], ("\"" + mix[i].text + "\"").c_str(), ours[i].total,
                        path_name(ours[i]).c_str());
        }

        // Totals of ours vs LIKE on the same query, as a sanity check (they differ by design:
        // prefixes vs substrings, folding, fallbacks).
        int same = 0, ours_more = 0, like_more = 0;
        for (const auto& [i, t] : like_done) {
            if (ours[i].total == t.total) ++same;
            else if (ours[i].total > t.total) ++ours_more;
            else ++like_more;
        }
        std::printf("\ntotals vs LIKE on the subset: equal %d, search() more %d, LIKE more %d\n", same, ours_more,
                    like_more);

        const long peak = peak_rss_kib();
        std::printf("memory     peak RSS %.1f MB; RSS now %.1f MB\n", static_cast<double>(peak) / 1024,
                    static_cast<double>(current_rss_kib()) / 1024);

        // Targets (issue 3), stated for 100k records.
        const auto all = rows(-1);
        std::printf("\nTARGETS (%zu records; the bars are set for 100k)\n", stored);
        std::printf("  p95 search() <= 10 ms          : %.2f ms  %s\n", all.all.p95, all.all.p95 <= 10 ? "met" : "MISSED");
        if (all.subset.n == 0) {
            std::printf("  >= 20x faster than LIKE (p95)  : not measured (--like-budget-s)\n");
        } else {
            const double r95 = ratio(all.like_total.p95, all.subset.p95);
            std::printf("  >= 20x faster than LIKE (p95)  : %.1fx  %s   (p50 %.1fx)\n", r95, r95 >= 20 ? "met" : "MISSED",
                        ratio(all.like_total.p50, all.subset.p50));
        }
        if (std::isnan(rate)) {
            std::printf("  import >= 20,000 records/s     : not measured (--existing)\n");
        } else {
            std::printf("  import >= 20,000 records/s     : %.0f/s  %s\n", rate, rate >= 20000 ? "met" : "MISSED");
        }
        if (keep) std::printf("\nkept %s\n", dir.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
