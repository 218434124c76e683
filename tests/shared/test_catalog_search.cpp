// Catalogue search as residents use it: tables of query -> expected top hits over the fixture
// catalogue (catalog_fixture.hpp), then ranking, facets, filters, pages and the broad path.
#include <catch2/catch.hpp>
#include <functional>

#include "catalog/search.hpp"
#include "catalog_fixture.hpp"

using desa::catalog::Availability;
using desa::catalog::FacetCount;
using desa::catalog::MatchField;
using desa::catalog::MatchKind;
using desa::catalog::SearchQuery;
using desa::catalog::SearchResult;
using Titles = std::vector<std::string>;

namespace {

constexpr const char* kHp1 = "Harry Potter and the Philosopher's Stone";
constexpr const char* kHp2 = "Harry Potter and the Chamber of Secrets";
constexpr const char* kLaskar = "Laskar Pelangi";

SearchResult find(desa::storage::Database& db, std::string text, int limit = 50) {
    SearchQuery q;
    q.text = std::move(text);
    q.limit = limit;
    return desa::catalog::search(db, q);
}

Titles titles(const SearchResult& r) {
    Titles t;
    for (const auto& h : r.hits) t.push_back(h.title);
    return t;
}

// The first expected.size() hits, in order.
Titles top(const SearchResult& r, std::size_t n) {
    Titles t = titles(r);
    if (t.size() > n) t.resize(n);
    return t;
}

std::vector<std::pair<std::string, int>> counts(const std::vector<FacetCount>& facet) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& f : facet) out.emplace_back(f.value, f.count);
    return out;
}

struct Row {
    std::string query;
    Titles expected;  // the first hits, in this order
    int total;        // -1: not checked
    MatchKind kind;
};

void check_rows(desa::storage::Database& db, const std::vector<Row>& rows) {
    for (const auto& row : rows) {
        INFO("query '" << row.query << "'");
        SearchResult r;
        REQUIRE_NOTHROW(r = find(db, row.query));
        CHECK(top(r, row.expected.size()) == row.expected);
        if (row.total >= 0) CHECK(r.total == row.total);
        if (!row.expected.empty()) CHECK(r.kind == row.kind);
        CHECK(static_cast<int>(r.hits.size()) <= r.total);
    }
}

// Searching never writes, so the read-only cases share one catalogue (built once: the core suite
// stays fast).
struct SharedCatalog {
    desa::storage::Database& db;
    SharedCatalog() : db(instance().db) {}
    static desa::test::CatalogFixture& instance() {
        static desa::test::CatalogFixture fixture;
        return fixture;
    }
};

}  // namespace

TEST_CASE_METHOD(SharedCatalog, "search: words, prefixes, case and diacritics", "[catalog][search]") {
    const auto E = MatchKind::Exact, P = MatchKind::Prefix;
    check_rows(db, {
        {"perpus", {"Perpustakaan Desa dan Literasi"}, 1, P},
        {"Perpustakaan", {"Perpustakaan Desa dan Literasi"}, 1, E},
        {"PERPUSTAKAAN DESA", {"Perpustakaan Desa dan Literasi"}, 1, E},
        {"harry potter", {kHp1, kHp2}, 2, E},
        {"potter harry", {kHp1, kHp2}, 2, E},
        {"harry pot", {kHp1, kHp2}, 2, P},
        {"philosopher's stone", {kHp1}, 1, E},
        {"philosophers", {kHp1}, 1, E},
        {"philosopher", {kHp1}, 1, P},
        {"j k rowling", {kHp1, kHp2}, 2, E},
        {"tolkien", {"The Hobbit", "The Lord of the Rings"}, 2, E},
        {"tere liye", {"Rindu", "Bumi"}, 2, E},  // bm25 prefers the shorter record
        {"pramoedya", {"Bumi Manusia", "Anak Semua Bangsa"}, 2, E},
        {"bumi", {"Bumi", "Bumi Manusia", "Bumiputera dan Kolonialisme"}, 3, E},
        {"menulis", {"Teknik Menulis Kreatif"}, 1, E},
        {"kesehatan", {"Kesehatan Ibu dan Anak"}, 1, E},
        // Folding is the same both ways: the index holds "lodz", whatever was typed.
        {"lodz", {"Łódź: Miasto Przemysłu"}, 1, E},
        {"ŁÓDŹ", {"Łódź: Miasto Przemysłu"}, 1, E},
        {"łodz", {"Łódź: Miasto Przemysłu"}, 1, E},
        {"strasse", {"Café Society: Straße und Ærø"}, 1, E},
        {"Straße", {"Café Society: Straße und Ærø"}, 1, E},
        {"aero", {"Café Society: Straße und Ærø"}, 1, E},
        {"ÆRØ", {"Café Society: Straße und Ærø"}, 1, E},
        {"CAFÉ", {"Café Society: Straße und Ærø"}, 1, E},
        {"cafe", {"Café Society: Straße und Ærø"}, 1, E},
        {"muller jurgen", {"Café Society: Straße und Ærø"}, 1, E},
        // A withdrawn record is never found.
        {"ditarik", {}, 0, E},
    });
}

TEST_CASE_METHOD(SharedCatalog, "search: Indonesian affixes as a fallback", "[catalog][search]") {
    const auto S = MatchKind::Stemmed;
    check_rows(db, {
        {"pertanian", {"Bertani Cabai Organik"}, 1, S},  // tani
        {"petani", {"Bertani Cabai Organik"}, 1, S},
        {"pertanian cabai", {"Bertani Cabai Organik"}, 1, S},
        {"menyapu", {"Sapu Tangan Merah"}, 1, S},
        {"memukul", {"Pukul Tujuh Pagi"}, 1, S},
        {"penulis", {"Teknik Menulis Kreatif"}, 1, S},  // tulis
        {"sehat", {"Kesehatan Ibu dan Anak"}, 1, S},
        {"tahu", {"Ilmu Pengetahuan Alam untuk SD"}, 1, S},
        // The word itself in a title outranks a root in the stems.
        {"dibacakan", {"Membangun Minat Baca", "Belajar Membaca untuk Anak"}, 2, S},
    });
}

TEST_CASE_METHOD(SharedCatalog, "search: any text is safe", "[catalog][search]") {
    const auto E = MatchKind::Exact, P = MatchKind::Prefix;
    std::string thousand_x(1000, 'x');
    std::string laskar_repeated;
    for (int i = 0; i < 200; ++i) laskar_repeated += "laskar ";
    std::string punctuation;
    for (int i = 0; i < 250; ++i) punctuation += "\"*()";
    check_rows(db, {
        {"\"", {}, 0, E},
        {"\"laskar", {kLaskar, kLaskar}, 2, E},
        {"laskar\"", {kLaskar, kLaskar}, 2, E},
        {"harry \"potter", {kHp1, kHp2}, 2, E},
        {"\"revisi\"", {"Pemrograman C++ untuk Pemula (Edisi \"Revisi\")"}, 1, E},
        {"*", {}, 0, E},
        {"perpus*", {"Perpustakaan Desa dan Literasi"}, 1, P},
        {"-laskar", {kLaskar, kLaskar}, 2, E},
        {"laskar -pelangi", {kLaskar, kLaskar}, 2, E},
        {"harry AND potter", {kHp1, kHp2}, 2, E},  // "and" is a word of both titles
        {"harry OR potter", {}, 0, E},             // "or" is a word neither has
        {"NEAR(harry potter)", {}, 0, E},
        {"NOT laskar", {}, 0, E},
        {"(laskar)", {kLaskar, kLaskar}, 2, E},
        {"((laskar", {kLaskar, kLaskar}, 2, E},
        {"laskar)", {kLaskar, kLaskar}, 2, E},
        {"title:laskar", {}, 0, E},
        {"{title} : laskar", {}, 0, E},
        {"^laskar", {kLaskar, kLaskar}, 2, E},
        {"pemrograman c++", {"Pemrograman C++ untuk Pemula (Edisi \"Revisi\")"}, 1, E},
        {"\xF0\x9F\x93\x9A laskar \xF0\x9F\x8C\x88", {kLaskar, kLaskar}, 2, E},  // emoji around
        {"\xF0\x9F\x93\x9A", {}, 0, E},
        {"laskar\x01pelangi", {kLaskar, kLaskar}, 2, E},
        {"\t\nlaskar\r", {kLaskar, kLaskar}, 2, E},
        {"\xFF\xFElaskar", {kLaskar, kLaskar}, 2, E},
        {"'", {}, 0, E},
        {"", {}, 0, E},
        {"   ", {}, 0, E},
        {"!!! ... ???", {}, 0, E},
        {thousand_x, {}, 0, E},
        {laskar_repeated, {kLaskar, kLaskar}, 2, E},
        {punctuation, {}, 0, E},
    });
}

TEST_CASE_METHOD(SharedCatalog, "search: ISBN in any form matches exactly", "[catalog][search]") {
    const auto E = MatchKind::Exact, P = MatchKind::Prefix;
    check_rows(db, {
        {"9780747532699", {kHp1}, 1, E},
        {"978-0-7475-3269-9", {kHp1}, 1, E},
        {"0-7475-3269-9", {kHp1}, 1, E},
        {"0747532699", {kHp1}, 1, E},
        {"ISBN 0-7475-3269-9", {kHp1}, 1, E},
        {"isbn:978 0 7475 3269 9", {kHp1}, 1, E},
        {"9780747538493", {kHp2}, 1, E},  // stored from its ISBN-10
        {"0261102214", {"The Hobbit"}, 1, E},
        {"9786022910930", {kLaskar}, 1, E},
        // Partly typed: a prefix of the ISBNs.
        {"9780747", {kHp1, kHp2}, 2, P},
        {"978-0-7475", {kHp1, kHp2}, 2, P},
        // A wrong check digit is no ISBN, and no book has that number.
        {"9780747532698", {}, 0, E},
    });
    const auto r = find(db, "978-0-7475-3269-9");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].best_field == MatchField::Isbn);
    CHECK(r.hits[0].isbn == "9780747532699");
}

TEST_CASE_METHOD(SharedCatalog, "search: typos get a 'did you mean'", "[catalog][search]") {
    struct TypoRow {
        const char* query;
        std::optional<std::string> did_you_mean;
        Titles expected;
    };
    const std::vector<TypoRow> rows{
        {"hary poter", "harry potter", {kHp1, kHp2}},
        {"tolkein", "tolkien", {"The Hobbit", "The Lord of the Rings"}},
        {"pelangi laskr", "pelangi laskar", {kLaskar, kLaskar}},
        {"perpustakan", "perpustakaan", {"Perpustakaan Desa dan Literasi"}},
        {"harry potter", std::nullopt, {kHp1, kHp2}},  // nothing to correct
        {"qqqqzzzz", std::nullopt, {}},                // nothing close
    };
    for (const auto& row : rows) {
        INFO("query '" << row.query << "'");
        const auto r = find(db, row.query);
        CHECK(r.did_you_mean == row.did_you_mean);
        CHECK(top(r, row.expected.size()) == row.expected);
        if (row.did_you_mean) {
            CHECK(r.kind == MatchKind::Fuzzy);
            for (const auto& h : r.hits) CHECK(h.kind == MatchKind::Fuzzy);
        }
    }
}

TEST_CASE("search: the typo fallback sees records added after it first ran", "[catalog][search]") {
    desa::test::CatalogFixture f;
    CHECK(find(f.db, "hary poter").did_you_mean == "harry potter");  // vocabulary now in memory
    desa::catalog::Record r;
    r.title = "Kancil yang Cerdik";
    f.store.upsert(r);
    const auto after = find(f.db, "kancl cerdik");
    CHECK(after.did_you_mean == "kancil cerdik");
    CHECK(titles(after) == Titles{"Kancil yang Cerdik"});
    f.store.withdraw(r.id);
    CHECK(find(f.db, "kancl cerdik").hits.empty());
}

TEST_CASE_METHOD(SharedCatalog, "search: ranking", "[catalog][search]") {
    SECTION("a title match above a subject match") {
        const auto r = find(db, "literasi");
        CHECK(titles(r) == Titles{"Perpustakaan Desa dan Literasi", "Membangun Minat Baca"});
        CHECK(r.hits[0].best_field == MatchField::Title);
        CHECK(r.hits[1].best_field == MatchField::Subject);
    }
    SECTION("whole words above prefixes") {
        const auto r = find(db, "bumi");
        REQUIRE(r.hits.size() == 3);
        CHECK(r.hits[0].kind == MatchKind::Exact);
        CHECK(r.hits[1].kind == MatchKind::Exact);
        CHECK(r.hits[2].kind == MatchKind::Prefix);
        CHECK(r.hits[0].score >= r.hits[1].score);
        CHECK(find(db, "bumip").kind == MatchKind::Prefix);
    }
    SECTION("on the shelf above on loan when relevance ties") {
        // Two editions with the same text; the one on loan was catalogued first.
        const auto r = find(db, "laskar pelangi");
        REQUIRE(r.hits.size() == 2);
        CHECK(r.hits[0].available == 1);
        CHECK(r.hits[1].available == 0);
        CHECK(r.hits[0].score == Approx(r.hits[1].score));
        CHECK(r.hits[0].record_id > r.hits[1].record_id);
        const auto by_author = find(db, "rowling");
        CHECK(titles(by_author) == Titles{kHp1, kHp2});
        CHECK(by_author.hits[0].best_field == MatchField::Author);
    }
    SECTION("why it matched") {
        const std::vector<std::pair<const char*, MatchField>> rows{
            {"tetralogi", MatchField::Series},   {"bentang", MatchField::Publisher},
            {"899.221", MatchField::CallNumber}, {"hirata", MatchField::Author},
            {"pelangi", MatchField::Title},      {"hortikultura", MatchField::Subject},
        };
        for (const auto& [q, field] : rows) {
            INFO("query '" << q << "'");
            const auto r = find(db, q);
            REQUIRE_FALSE(r.hits.empty());
            CHECK(r.hits[0].best_field == field);
        }
    }
    SECTION("hit fields") {
        const auto r = find(db, "hobbit");
        REQUIRE(r.hits.size() == 1);
        const auto& h = r.hits[0];
        CHECK(h.title == "The Hobbit");
        CHECK(h.authors == std::vector<std::string>{"Tolkien, J. R. R."});
        CHECK(h.year == 1937);
        CHECK(h.isbn == "9780261102217");
        CHECK(h.available == 1);
        CHECK(h.copies == 1);
    }
}

TEST_CASE_METHOD(SharedCatalog, "search: facets over all matches", "[catalog][search]") {
    using Counts = std::vector<std::pair<std::string, int>>;
    SECTION("no filter") {
        const auto r = find(db, "fiksi", 2);
        CHECK(r.total == 6);
        CHECK(r.hits.size() == 2);  // facets still count all six
        CHECK(counts(r.facets.availability) == Counts{{"on_shelf", 5}, {"on_loan", 1}});
        CHECK(counts(r.facets.language) == Counts{{"ind", 6}});
        CHECK(counts(r.facets.decade) == Counts{{"1980", 2}, {"2000", 2}, {"2010", 2}});
        CHECK(counts(r.facets.location) == Counts{{"Rak A", 3}, {"Rak C", 3}, {"Rak B", 1}});
        CHECK(counts(r.facets.material_type) == Counts{{"book", 6}});
    }
    SECTION("each facet ignores its own filter, and counts under the others") {
        SearchQuery q;
        q.text = "fiksi";
        q.filters.availability = Availability::OnShelf;
        const auto r = desa::catalog::search(db, q);
        CHECK(r.total == 5);
        CHECK(counts(r.facets.availability) == Counts{{"on_shelf", 5}, {"on_loan", 1}});
        CHECK(counts(r.facets.language) == Counts{{"ind", 5}});
        CHECK(counts(r.facets.location) == Counts{{"Rak C", 3}, {"Rak A", 2}, {"Rak B", 1}});
    }
    SECTION("a record without copies is neither on the shelf nor on loan") {
        const auto r = find(db, "dongeng");
        CHECK(r.total == 1);
        CHECK(r.facets.availability.empty());
        CHECK(r.facets.location.empty());
        CHECK(counts(r.facets.decade) == Counts{{"1990", 1}});
    }
    SECTION("mixed languages and materials") {
        const auto r = find(db, "lampung");
        CHECK(r.total == 2);
        CHECK(counts(r.facets.material_type) == Counts{{"book", 1}, {"map", 1}});
        const auto the = find(db, "the");
        CHECK(counts(the.facets.language) == Counts{{"eng", 4}});
    }
}

TEST_CASE_METHOD(SharedCatalog, "search: filters", "[catalog][search]") {
    struct FilterRow {
        const char* name;
        const char* query;
        std::function<void(desa::catalog::SearchFilters&)> set;
        Titles expected;  // all hits, in order
    };
    const std::vector<FilterRow> rows{
        {"on the shelf", "harry potter", [](auto& f) { f.availability = Availability::OnShelf; }, {kHp1}},
        {"on loan", "harry potter", [](auto& f) { f.availability = Availability::OnLoan; }, {kHp2}},
        {"year range", "harry", [](auto& f) { f.year_from = 1998, f.year_to = 1998; }, {kHp2}},
        {"from a year", "tolkien", [](auto& f) { f.year_from = 1950; }, {"The Lord of the Rings"}},
        {"up to a year", "tolkien", [](auto& f) { f.year_to = 1950; }, {"The Hobbit"}},
        {"language", "the", [](auto& f) { f.languages = {"eng"}; }, {"The Hobbit", "The Lord of the Rings", kHp1, kHp2}},
        {"no such language", "fiksi", [](auto& f) { f.languages = {"eng"}; }, {}},
        {"location", "fiksi", [](auto& f) { f.locations = {"Rak C"}; },
         {"Bumi", "Bumi Manusia", "Anak Semua Bangsa"}},
        {"two locations", "tere liye", [](auto& f) { f.locations = {"Rak B", "Gudang"}; }, {"Rindu"}},
        {"material", "lampung", [](auto& f) { f.material_types = {"map"}; }, {"Peta Provinsi Lampung"}},
        {"magazine", "hortikultura", [](auto& f) { f.material_types = {"magazine"}; }, {"Majalah Trubus Edisi Maret"}},
        {"all at once", "fiksi",
         [](auto& f) {
             f.availability = Availability::OnShelf, f.languages = {"ind"}, f.locations = {"Rak A"};
             f.year_from = 2000, f.material_types = {"book"};
         },
         {kLaskar}},
    };
    for (const auto& row : rows) {
        INFO(row.name << ": '" << row.query << "'");
        SearchQuery q;
        q.text = row.query;
        row.set(q.filters);
        const auto r = desa::catalog::search(db, q);
        CHECK(titles(r) == row.expected);
        CHECK(r.total == static_cast<int>(row.expected.size()));
    }
}

TEST_CASE_METHOD(SharedCatalog, "search: pages", "[catalog][search]") {
    const auto all = find(db, "fiksi");
    REQUIRE(all.hits.size() == 6);
    SearchQuery q;
    q.text = "fiksi";
    q.limit = 2;
    q.offset = 2;
    const auto page = desa::catalog::search(db, q);
    CHECK(page.total == 6);
    REQUIRE(page.hits.size() == 2);
    CHECK(page.hits[0].record_id == all.hits[2].record_id);
    CHECK(page.hits[1].record_id == all.hits[3].record_id);
    q.offset = 10;
    CHECK(desa::catalog::search(db, q).hits.empty());
    q.limit = 0;
    q.offset = 0;
    CHECK(desa::catalog::search(db, q).total == 6);
    q.limit = -5;
    q.offset = -5;
    CHECK(desa::catalog::search(db, q).hits.empty());
}

TEST_CASE("search: a query matching most of a large catalogue takes the broad path", "[catalog][search]") {
    desa::test::TempDir dir;
    auto db = desa::storage::open_kiosk_database(dir.path());
    desa::catalog::CatalogStore store(db);
    {
        desa::storage::Transaction tx(db);
        for (int i = 0; i < desa::catalog::kRankedMatches + 100; ++i) {
            desa::catalog::Record r;
            r.title = "Bukunya Nomor " + std::to_string(i);
            r.copies = {desa::catalog::Copy{0, "N" + std::to_string(i), "Rak A",
                                            "", desa::catalog::CopyStatus::Available, std::nullopt}};
            store.upsert(r);
        }
        for (int i = 0; i < 5; ++i) {
            desa::catalog::Record r;
            r.title = "Buku Tulis " + std::to_string(i);
            r.copies = {desa::catalog::Copy{0, "T" + std::to_string(i), "Rak B", "",
                                            i == 4 ? desa::catalog::CopyStatus::OnLoan
                                                   : desa::catalog::CopyStatus::Available,
                                            std::nullopt}};
            store.upsert(r);
        }
        tx.commit();
    }
    const auto r = find(db, "buku", 8);
    CHECK(r.broad);
    CHECK(r.total == desa::catalog::kRankedMatches + 105);
    CHECK(r.facets.language.empty());
    // Whole words in the title first (on the shelf first, newest first), then the prefixes.
    CHECK(top(r, 6) == Titles{"Buku Tulis 3", "Buku Tulis 2", "Buku Tulis 1", "Buku Tulis 0", "Buku Tulis 4",
                              "Bukunya Nomor 1099"});
    CHECK(r.hits[0].kind == MatchKind::Exact);
    CHECK(r.hits[5].kind == MatchKind::Prefix);
    CHECK(r.kind == MatchKind::Exact);

    SearchQuery q;
    q.text = "b";
    q.limit = 3;
    q.offset = 4;
    q.filters.locations = {"Rak B"};
    const auto filtered = desa::catalog::search(db, q);
    CHECK(filtered.broad);
    CHECK(filtered.total == 5);
    CHECK(titles(filtered) == Titles{"Buku Tulis 4"});

    const auto narrow = find(db, "nomor 1099");
    CHECK_FALSE(narrow.broad);
    CHECK(titles(narrow) == Titles{"Bukunya Nomor 1099"});
}

TEST_CASE("search: titles and series rank by what the resident named, not by length", "[catalog][search]") {
    // Series written the goodbooks way ("Name, #2") and the MARC 490 way ("Name ; 2"). The first
    // book of each series is on loan and older than its box set: neither may push it down.
    struct Book {
        const char* title;
        const char* series;
        int year;
        bool on_shelf;
        const char* author = "";
    };
    const std::vector<Book> books{
        {"The Hunger Games Trilogy Box Set", "The Hunger Games, #1-3", 2010, true},
        {"The World of the Hunger Games", "", 2012, true},
        {"The Hunger Games: Catching Fire", "The Hunger Games ; 2", 2009, true},
        {"The Hunger Games", "The Hunger Games, #1", 2008, false},
        {"Mockingjay", "The Hunger Games, #3", 2010, true},
        {"Harry Potter Box Set", "Harry Potter, #1-7", 2007, true},
        {"Harry Potter: Film Wizardry", "", 2010, true},
        {"Harry Potter and the Cursed Child", "Harry Potter, #8", 2016, true},
        {"Harry Potter and the Chamber of Secrets", "Harry Potter ; 2", 1998, true},
        {"Harry Potter and the Philosopher's Stone", "Harry Potter, #1", 1997, false},
        {"Harry Potter and Philosophy", "", 2004, true},
        {"Kebun Sayur di Pekarangan", "", 2020, true, "Potter, Harry"},
        {"The Lord of the Rings Sketchbook", "", 2005, true},
        {"The Lord of the Rings", "", 1954, false},
    };
    desa::test::TempDir dir;
    auto db = desa::storage::open_kiosk_database(dir.path());
    desa::catalog::CatalogStore store(db);
    int n = 0;
    for (const Book& b : books) {
        desa::catalog::Record r;
        r.title = b.title;
        r.series = b.series;
        r.year = b.year;
        if (*b.author != '\0') r.authors = {b.author};
        r.copies = {desa::catalog::Copy{0, "RANK-" + std::to_string(++n), "Rak A", "",
                                        b.on_shelf ? desa::catalog::CopyStatus::Available
                                                   : desa::catalog::CopyStatus::OnLoan,
                                        std::nullopt}};
        store.upsert(r);
    }
    const auto E = MatchKind::Exact, P = MatchKind::Prefix;
    const Titles hunger{"The Hunger Games", "The Hunger Games: Catching Fire", "Mockingjay",
                        "The Hunger Games Trilogy Box Set", "The World of the Hunger Games"};
    const Titles potter{"Harry Potter and the Philosopher's Stone", "Harry Potter and the Chamber of Secrets",
                        "Harry Potter and the Cursed Child", "Harry Potter Box Set", "Harry Potter: Film Wizardry",
                        "Harry Potter and Philosophy", "Kebun Sayur di Pekarangan"};
    const Titles by_shelf_then_year{
        "Harry Potter and the Cursed Child",       "Harry Potter: Film Wizardry",
        "Harry Potter Box Set",                    "Harry Potter and Philosophy",
        "Harry Potter and the Chamber of Secrets", "Harry Potter and the Philosopher's Stone",
        "Kebun Sayur di Pekarangan"};
    check_rows(db, {
        // 1 the exact title, 2 the series in volume order then its sets, 4 the title holding the words.
        {"the hunger games", hunger, 5, E},
        {"THE HUNGER GAMES", hunger, 5, E},
        {"hunger games", hunger, 5, E},  // a leading article in the title is skipped
        {"the hunger gam", hunger, 5, P},  // typing: the same order with the last word half typed
        // No title is "Harry Potter": the series, then titles starting with it (newer first), then
        // the author of that name.
        {"harry potter", potter, 7, E},
        {"harry pot", potter, 7, P},
        // One word names no series here: titles starting with it, on the shelf and newer first.
        {"harry", by_shelf_then_year, 7, E},
        // Out of order the words start no title or series: titles holding them, the same way.
        {"potter harry", by_shelf_then_year, 7, E},
        {"philosophers stone", {"Harry Potter and the Philosopher's Stone"}, 1, E},
        {"lord of the rings", {"The Lord of the Rings", "The Lord of the Rings Sketchbook"}, 2, E},
        {"the lord of the rings", {"The Lord of the Rings", "The Lord of the Rings Sketchbook"}, 2, E},
        {"rings", {"The Lord of the Rings Sketchbook", "The Lord of the Rings"}, 2, E},  // tier 4: newer first
        {"mockingjay", {"Mockingjay"}, 1, E},
        // The volume typed after the series' name finds that volume.
        {"harry potter 2", {"Harry Potter and the Chamber of Secrets"}, 1, E},
        {"hunger games 3", {"Mockingjay", "The Hunger Games Trilogy Box Set"}, 2, E},
    });
    // Each hit says whether all its words were whole.
    const auto typing = find(db, "harry pot");
    for (const auto& h : typing.hits) CHECK(h.kind == MatchKind::Prefix);
    const auto whole = find(db, "harry potter");
    for (const auto& h : whole.hits) CHECK(h.kind == MatchKind::Exact);
}
