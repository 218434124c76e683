// Translation catalogues: the .po parser, fallbacks, placeholders, and the shipped files.
#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "test_support.hpp"

using desa::i18n::Catalog;
using desa::i18n::Language;
using desa::i18n::PoParseError;
using Messages = std::map<std::string, std::string, std::less<>>;

namespace {

Messages parse_ok(std::string_view text) {
    std::vector<PoParseError> errors;
    Messages m = desa::i18n::parse_po(text, errors);
    for (const auto& e : errors) FAIL_CHECK("line " << e.line << ": " << e.message);
    return m;
}

}  // namespace

TEST_CASE("language codes", "[i18n]") {
    CHECK(desa::i18n::language_code(Language::Indonesian) == "id");
    CHECK(desa::i18n::language_code(Language::English) == "en");
    const std::vector<std::pair<const char*, std::optional<Language>>> rows{
        {"id", Language::Indonesian}, {"ID", Language::Indonesian}, {"en", Language::English},
        {"En", Language::English},    {"fr", std::nullopt},          {"", std::nullopt},
        {"ind", std::nullopt},        {"id ", std::nullopt},
    };
    for (const auto& [code, expected] : rows) {
        DYNAMIC_SECTION("'" << code << "'") { CHECK(desa::i18n::language_from_code(code) == expected); }
    }
}

TEST_CASE(".po entries that parse", "[i18n]") {
    struct Row {
        const char* name;
        const char* text;
        Messages expected;
    };
    const std::vector<Row> rows{
        {"simple", "msgid \"a\"\nmsgstr \"A\"\n", {{"a", "A"}}},
        {"comments and blank lines",
         "# translator comment\n#. extracted\n#: screens/home.cpp:12\n\nmsgid \"a\"\n\n# between\nmsgstr \"A\"\n",
         {{"a", "A"}}},
        {"header entry skipped",
         "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgid \"a\"\nmsgstr \"A\"\n",
         {{"a", "A"}}},
        {"multi-line strings concatenate",
         "msgid \"\"\n\"home.\"\n\"tile\"\nmsgstr \"\"\n\"Perpus\"\n  \"takaan\"\n", {{"home.tile", "Perpustakaan"}}},
        {"escapes", R"(msgid "e"
msgstr "baris\nbaru\ttab \"kutip\" garis\\miring\r")",
         {{"e", "baris\nbaru\ttab \"kutip\" garis\\miring\r"}}},
        {"empty msgstr means untranslated", "msgid \"a\"\nmsgstr \"\"\nmsgid \"b\"\nmsgstr \"B\"\n", {{"b", "B"}}},
        {"fuzzy entries are not used",
         "#, fuzzy\nmsgid \"a\"\nmsgstr \"A\"\n\n#, c-format, fuzzy\nmsgid \"b\"\nmsgstr \"B\"\n\n#, c-format\n"
         "msgid \"c\"\nmsgstr \"C\"\n",
         {{"c", "C"}}},
        {"msgctxt is accepted and ignored", "msgctxt \"menu\"\nmsgid \"a\"\nmsgstr \"A\"\n", {{"a", "A"}}},
        {"CRLF, indentation, BOM and UTF-8",
         "\xEF\xBB\xBFmsgid \"sapa\"\r\n  msgstr   \"Selamat datang di Balai Desa \xE2\x80\x94 Hajimena\"  \r\n",
         {{"sapa", "Selamat datang di Balai Desa \xE2\x80\x94 Hajimena"}}},
        {"obsolete entries are comments", "#~ msgid \"old\"\n#~ msgstr \"Lama\"\nmsgid \"a\"\nmsgstr \"A\"",
         {{"a", "A"}}},
        {"keyword glued to its string", "msgid\"a\"\nmsgstr\"A\"\n", {{"a", "A"}}},
        {"empty file", "", {}},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) { CHECK(parse_ok(row.text) == row.expected); }
    }
}

TEST_CASE(".po errors carry line numbers", "[i18n]") {
    struct Row {
        const char* name;
        const char* text;
        int line;
        const char* message;
    };
    const std::vector<Row> rows{
        {"unterminated string", "msgid \"a\"\nmsgstr \"A\n", 2, "unterminated string"},
        {"backslash at the end of the line", "msgid \"a\"\nmsgstr \"A\\\"\n", 2, "unterminated string"},
        {"msgstr without msgid", "# x\nmsgstr \"A\"\n", 2, "msgstr without msgid"},
        {"two msgstr", "msgid \"a\"\nmsgstr \"A\"\nmsgstr \"B\"\n", 3, "msgstr without msgid"},
        {"msgid without msgstr", "msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"B\"\n", 1, "msgid \"a\" has no msgstr"},
        {"msgid without msgstr at the end", "msgid \"a\"\nmsgstr \"A\"\nmsgid \"b\"\n", 3,
         "msgid \"b\" has no msgstr"},
        {"unknown keyword", "msgid \"a\"\nmsgtsr \"A\"\n", 2, "unknown keyword 'msgtsr'"},
        {"plural forms", "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"A\"\n", 2, "plural forms are not supported"},
        {"duplicate msgid", "msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"a\"\nmsgstr \"B\"\n", 4,
         "duplicate msgid \"a\" (first on line 1)"},
        {"unknown escape", "msgid \"a\"\nmsgstr \"\\q\"\n", 2, "unknown escape \\q"},
        {"text after the string", "msgid \"a\" x\nmsgstr \"A\"\n", 1, "unexpected text after the closing quote"},
        {"keyword without string", "msgid\nmsgstr \"A\"\n", 1, "expected a quoted string"},
        {"stray string", "\"loose\"\nmsgid \"a\"\nmsgstr \"A\"\n", 1, "string without msgid or msgstr before it"},
        {"msgctxt without msgid", "msgctxt \"x\"\nmsgctxt \"y\"\nmsgid \"a\"\nmsgstr \"A\"\n", 2,
         "msgctxt without msgid"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) {
            std::vector<PoParseError> errors;
            desa::i18n::parse_po(row.text, errors);
            REQUIRE_FALSE(errors.empty());
            CHECK(errors.front().line == row.line);
            CHECK(errors.front().message == row.message);
        }
    }
}

TEST_CASE("one .po file reports all its errors and keeps the good entries", "[i18n]") {
    std::vector<PoParseError> errors;
    const Messages m = desa::i18n::parse_po(
        "msgid \"a\"\nmsgstr \"A\n"       // 1-2: unterminated
        "msgid \"b\"\nmsgstr \"B\"\n"     // 3-4: fine
        "msgid \"c\"\nmsgstr \"\\x\"\n"   // 5-6: bad escape
        "msgid \"b\"\nmsgstr \"B2\"\n",   // 7-8: duplicate
        errors);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].line == 2);
    CHECK(errors[1].line == 6);
    CHECK(errors[2].line == 7);
    CHECK(m == Messages{{"b", "B"}});
}

TEST_CASE("tr() falls back to Indonesian, then to the id itself", "[i18n]") {
    const Catalog c = Catalog::from_maps({{"home.title", "Beranda"}, {"only.id", "Hanya Indonesia"}, {"blank", "Kosong"}},
                                         {{"home.title", "Home"}, {"only.en", "English only"}, {"blank", ""}});
    struct Row {
        Language lang;
        const char* id;
        const char* expected;
    };
    const std::vector<Row> rows{
        {Language::Indonesian, "home.title", "Beranda"},
        {Language::English, "home.title", "Home"},
        {Language::English, "only.id", "Hanya Indonesia"},
        {Language::Indonesian, "only.en", "only.en"},  // Indonesian never borrows English
        {Language::English, "blank", "Kosong"},        // empty counts as untranslated
        {Language::English, "no.such.id", "no.such.id"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(desa::i18n::language_code(row.lang) << " " << row.id) {
            CHECK(c.tr(row.lang, row.id) == row.expected);
        }
    }
    // The echoed id stays valid: screens may keep the reference for a frame.
    const std::string& echoed = c.tr(Language::English, "missing.one");
    c.tr(Language::English, "missing.two");
    CHECK(echoed == "missing.one");

    CHECK(c.has(Language::English, "only.en"));
    CHECK_FALSE(c.has(Language::Indonesian, "only.en"));
    CHECK_FALSE(c.has(Language::English, "blank"));
    CHECK(c.missing_in(Language::English) == std::vector<std::string>{"blank", "only.id"});
    CHECK(c.missing_in(Language::Indonesian) == std::vector<std::string>{"only.en"});
}

TEST_CASE("format() fills {placeholders}", "[i18n]") {
    const Catalog c = Catalog::from_maps(
        {{"queue.ticket", "Nomor antrean {number} untuk {service}"}, {"plain", "Tanpa isian"}},
        {{"queue.ticket", "{service}: ticket {number}"}});
    CHECK(c.format(Language::Indonesian, "queue.ticket", {{"number", "A-017"}, {"service", "KTP"}}) ==
          "Nomor antrean A-017 untuk KTP");
    CHECK(c.format(Language::English, "queue.ticket", {{"number", "A-017"}, {"service", "KTP"}}) ==
          "KTP: ticket A-017");
    // Unknown placeholders stay visible; values are not expanded again.
    CHECK(c.format(Language::Indonesian, "queue.ticket", {{"number", "{service}"}}) ==
          "Nomor antrean {service} untuk {service}");
    CHECK(c.format(Language::Indonesian, "plain", {{"x", "y"}}) == "Tanpa isian");
    CHECK(c.format(Language::Indonesian, "raw {a} {", {{"a", "1"}}) == "raw 1 {");
}

TEST_CASE("the shipped catalogues parse cleanly and are complete", "[i18n]") {
    const auto dir = desa::test::assets_dir() / "i18n";
    for (const char* name : {"id/kiosk.po", "en/kiosk.po"}) {
        DYNAMIC_SECTION(name) {
            std::vector<PoParseError> errors;
            const Messages m = desa::i18n::parse_po(desa::test::read_file(dir / name), errors);
            for (const auto& e : errors) FAIL_CHECK(name << ":" << e.line << ": " << e.message);
            CHECK(m.count("config.problem.missing") == 1);
        }
    }
    const Catalog c = Catalog::load_dir(dir);
    CHECK(c.missing_in(Language::Indonesian).empty());
    CHECK(c.missing_in(Language::English).empty());
    CHECK(c.tr(Language::Indonesian, "config.problem.missing") == "kunci wajib tidak ada");
    CHECK(c.tr(Language::English, "config.problem.missing") == "required key is missing");
}

TEST_CASE("load_dir names the file and line of a problem", "[i18n]") {
    desa::test::TempDir dir;
    std::filesystem::create_directories(dir / "id");
    std::filesystem::create_directories(dir / "en");
    desa::test::write_file(dir / "id" / "a.po", "msgid \"a\"\nmsgstr \"A\"\n");
    CHECK_THROWS_WITH(Catalog::load_dir(dir.path()), Catch::Contains("en") && Catch::Contains("cannot open"));
    desa::test::write_file(dir / "en" / "a.po", "msgid \"a\"\nmsgstr \"A\"\n\nmsgid \"b\"\nmsgstr B\n");
    CHECK_THROWS_WITH(Catalog::load_dir(dir.path()),
                      Catch::Contains("a.po:5: expected a quoted string"));
}

TEST_CASE("load_dir merges one file per area and refuses an id defined twice", "[i18n]") {
    desa::test::TempDir dir;
    std::filesystem::create_directories(dir / "id");
    std::filesystem::create_directories(dir / "en");
    desa::test::write_file(dir / "id" / "home.po", "msgid \"home\"\nmsgstr \"Beranda\"\n");
    desa::test::write_file(dir / "id" / "library.po", "msgid \"lib\"\nmsgstr \"Perpustakaan\"\n");
    desa::test::write_file(dir / "id" / "notes.txt", "not a catalogue");
    desa::test::write_file(dir / "en" / "all.po", "msgid \"home\"\nmsgstr \"Home\"\n\nmsgid \"lib\"\nmsgstr \"Library\"\n");
    const Catalog c = Catalog::load_dir(dir.path());
    CHECK(c.tr(Language::Indonesian, "lib") == "Perpustakaan");
    CHECK(c.tr(Language::English, "home") == "Home");
    CHECK(c.missing_in(Language::English).empty());
    desa::test::write_file(dir / "id" / "zz.po", "msgid \"home\"\nmsgstr \"Rumah\"\n");
    CHECK_THROWS_WITH(Catalog::load_dir(dir.path()),
                      Catch::Contains("zz.po") && Catch::Contains("'home'") && Catch::Contains("home.po"));
}
