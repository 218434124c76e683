// MARC 21 ISO 2709: the reader against fixtures built independently (tests/data/catalog/
// make_marc_fixtures.py), broken records among good ones, MARC-8, the text helpers behind the
// field mapping, and record -> MARC -> record round trips.
#include <catch2/catch.hpp>

#include "catalog/catalog_export.hpp"
#include "catalog/import_marc.hpp"
#include "catalog/import_text.hpp"
#include "catalog/marc8.hpp"
#include "catalog/marc_mapping.hpp"
#include "catalog_checks.hpp"
#include "test_support.hpp"

using namespace desa::catalog;
using desa::test::any_contains;
using desa::test::catalog_fixture;

namespace {

const ParsedRecord& by_title(const ParseResult& r, std::string_view title) {
    for (const auto& p : r.records)
        if (p.record.title == title) return p;
    FAIL("no record titled " << title);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("good MARC records map every field", "[marc]") {
    const ParseResult r = read_marc(catalog_fixture("good.mrc"));
    REQUIRE(r.records.size() == 3);
    CHECK(r.skipped.empty());

    const Record& laskar = by_title(r, "Laskar pelangi").record;
    CHECK(laskar.control_number == "INLIS000000000001");
    CHECK(laskar.subtitle == "sebuah novel");
    CHECK(laskar.authors == std::vector<std::string>{"Hirata, Andrea"});
    CHECK(laskar.isbns == std::vector<std::string>{"9789793062792"});
    CHECK(laskar.language == "ind");
    CHECK(laskar.call_number == "899.2213 HIR l");  // 082: DDC segmentation mark dropped, $b appended
    CHECK(laskar.edition == "Cet. 1.");             // abbreviations keep their full stop
    CHECK(laskar.place == "Yogyakarta");
    CHECK(laskar.publisher == "Bentang");
    CHECK(laskar.year == 2008);
    CHECK(laskar.extent == "xiv, 529 hlm.");
    CHECK(laskar.series == "Tetralogi laskar pelangi");
    CHECK(laskar.notes == "Novel pertama dari tetralogi.");
    CHECK(laskar.subjects == std::vector<std::string>{"Fiksi Indonesia", "Pendidikan -- Belitung"});
    CHECK(laskar.material_type == "book");
    REQUIRE(laskar.copies.size() == 2);
    CHECK(laskar.copies[0].barcode == "B0001");
    CHECK(laskar.copies[0].location == "Rak Fiksi");
    CHECK(laskar.copies[0].call_number == "899.221 HIR l");
    CHECK(laskar.copies[1].barcode == "B0002");

    const ParsedRecord& bumi = by_title(r, "Bumi manusia");
    CHECK(bumi.record.authors == std::vector<std::string>{"Toer, Pramoedya Ananta", "Lane, Max"});
    CHECK(bumi.record.isbns == std::vector<std::string>{"9789799731241"});
    CHECK(any_contains(bumi.warnings, "9789799731235"));  // the invalid ISBN is noted, not stored
    CHECK(bumi.record.place == "Jakarta");
    CHECK(bumi.record.publisher == "Lentera Dipantara");
    CHECK(bumi.record.year == 2005);
    CHECK(bumi.record.subjects == std::vector<std::string>{"Sejarah -- Fiksi"});
    REQUIRE(bumi.record.copies.size() == 1);  // from 949, the fallback holdings tag
    CHECK(bumi.record.copies[0].barcode == "B0100");
    CHECK(bumi.record.copies[0].location == "Rak Sastra");
    CHECK(bumi.record.copies[0].call_number == "899.221 TOE b");

    const Record& resep = by_title(r, "Resep masakan Jawa").record;
    CHECK(resep.authors == std::vector<std::string>{"Indonesia. Kementerian Pertanian"});
    CHECK(resep.language == "jav");  // 008/35-37
    CHECK(resep.year == 2015);       // 008/07-10
    CHECK(resep.call_number == "641.5 RES");
    CHECK(resep.subjects == std::vector<std::string>{"Jawa Tengah -- Masakan"});
    CHECK(resep.copies.empty());
    CHECK(resep.control_number.empty());
}

TEST_CASE("one broken record never stops the rest", "[marc]") {
    const std::string bytes = catalog_fixture("broken_among_good.mrc");
    const ParseResult r = read_marc(bytes);
    REQUIRE(r.records.size() == 3);
    CHECK(r.records[0].where.record_number == 1);
    CHECK(r.records[1].where.record_number == 3);
    CHECK(r.records[2].where.record_number == 7);
    const std::size_t first_length = std::stoul(bytes.substr(0, 5));
    struct Row {
        std::size_t number;
        const char* reason;
    };
    const std::vector<Row> expected{{2, "lies outside the record"},
                                    {4, "past the end of the record"},
                                    {5, "is not a number"},
                                    {6, "field terminator"},
                                    {8, "no title"}};
    REQUIRE(r.skipped.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        DYNAMIC_SECTION("record " << expected[i].number) {
            CHECK(r.skipped[i].where.record_number == expected[i].number);
            CHECK_THAT(r.skipped[i].reason, Catch::Contains(expected[i].reason));
        }
    }
    CHECK(r.skipped[0].where.byte_offset == first_length);
    CHECK(describe(r.skipped[0].where) == "record 2 (byte " + std::to_string(first_length) + ")");
}

TEST_CASE("broken MARC files from the fixtures", "[marc]") {
    struct Row {
        const char* file;
        std::vector<std::string> titles;
        std::vector<std::string> skip_reasons;
        std::vector<std::string> warnings;  // substrings expected among all warnings
    };
    const std::vector<Row> rows{
        {"wrong_leader_length.mrc", {"Panjang salah", "Panjang huruf"}, {},
         {"leader says the record is 42 bytes", "is not a number"}},
        {"directory_out_of_bounds.mrc", {}, {"lies outside the record"}, {}},
        {"invalid_utf8.mrc", {"Kopi di Caf\xEF\xBF\xBD Bandung"}, {}, {"invalid UTF-8 in field 245 repaired"}},
        {"mislabelled_utf8.mrc", {"Kisah Caf\xC3\xA9 J\xC3\xBCrgen"}, {}, {"leader/09 says MARC-8"}},
        {"missing_terminator.mrc", {"Sesudahnya"}, {"record terminator 0x1D missing"}, {}},
        {"truncated.mrc", {"Bumi manusia", "Resep masakan Jawa"}, {"truncated"}, {}},
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.file) {
            const ParseResult r = read_marc(catalog_fixture(row.file));
            std::vector<std::string> titles, warnings;
            for (const auto& p : r.records) {
                titles.push_back(p.record.title);
                warnings.insert(warnings.end(), p.warnings.begin(), p.warnings.end());
            }
            CHECK(titles == row.titles);
            REQUIRE(r.skipped.size() == row.skip_reasons.size());
            for (std::size_t i = 0; i < row.skip_reasons.size(); ++i)
                CHECK_THAT(r.skipped[i].reason, Catch::Contains(row.skip_reasons[i]));
            for (const auto& w : row.warnings) CHECK(any_contains(warnings, w));
        }
    }
}

TEST_CASE("invalid UTF-8 is repaired, the rest of the text kept", "[marc]") {
    const ParseResult r = read_marc(catalog_fixture("invalid_utf8.mrc"));
    REQUIRE(r.records.size() == 1);
    CHECK(r.records[0].record.authors == std::vector<std::string>{"Surya, \xEF\xBF\xBD(Budi"});
}

TEST_CASE("a MARC-8 record comes out as precomposed UTF-8", "[marc]") {
    const ParseResult r = read_marc(catalog_fixture("marc8.mrc"));
    REQUIRE(r.records.size() == 1);
    const ParsedRecord& p = r.records[0];
    CHECK(p.warnings.empty());
    CHECK(p.record.authors == std::vector<std::string>{"M\u00FCller, J\u00FCrgen"});
    CHECK(p.record.title == "Espa\u00F1a y Fran\u00E7ais");
    CHECK(p.record.subtitle == "\u0141\u00F3d\u017A, \u010Cesk\u00FD Krumlov, Sa\u1E63\u1E6Dra");
    CHECK(p.record.place == "K\u00F6ln");
    CHECK(p.record.publisher == "Verlag f\u00FCr \u00E6rzte");
    // No precomposed x-acute or a-hook-above in Latin-1/Extended-A: base letter + combining mark.
    CHECK(p.record.notes == "Catatan: x\u0301 dan a\u0309; \u00A9 1999 unicode.");
}

TEST_CASE("MARC-8 conversion table", "[marc]") {
    struct Row {
        const char* marc8;
        const char* utf8;
        std::size_t unsupported;
    };
    const std::vector<Row> rows{
        {"plain ASCII", "plain ASCII", 0},
        {"caf\xE2"
         "e",
         "caf\u00E9", 0},
        {"\xE2"
         "E\xE1"
         "a\xE3"
         "o\xE4"
         "n\xE8"
         "u\xF0"
         "c\xE9"
         "s\xEA"
         "a",
         "\u00C9\u00E0\u00F4\u00F1\u00FC\u00E7\u0161\u00E5", 0},
        {"\xA1\xB1\xA2\xB2\xA5\xB5\xA6\xB6\xC7\xB8", "\u0141\u0142\u00D8\u00F8\u00C6\u00E6\u0152\u0153\u00DF\u0131", 0},
        {"\xC3\xC5\xC6\xC0\xB9\xC8", "\u00A9\u00BF\u00A1\u00B0\u00A3\u20AC", 0},
        {"\xF2"
         "h\xF2"
         "s",
         "\u1E25\u1E63", 0},      // dot below: transliterated Arabic
        {"q\xE2", "q\u0301", 0},  // mark at the very end kept
        {"\xE2\xE8"
         "u",
         "\u00FA\u0308", 0},                 // two marks: first composes
        {"x\x1Bp2\x1Bs+1", "x\u00B2+1", 0},  // superscript set then back
        {"C\x1B"
         "b2\x1B(BO",
         "C\u2082O", 0},  // subscript set, ESC ( B back
        {"\x1Bg"
         "a\x1Bs"
         "a",
         "\u03B1a", 0},                                      // Greek symbols
        {"\x1B(NABC\x1B(B ok", "\uFFFD\uFFFD\uFFFD ok", 3},  // Cyrillic: not converted
        {"\x1B$1!!!!!!\x1B(B.", "\uFFFD\uFFFD.", 2},         // CJK: three bytes a character
        {"a\x88"
         "b\x89"
         "c",
         "abc", 0},  // non-sort markers dropped
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.utf8) {
            const Marc8Conversion c = marc8_to_utf8(row.marc8);
            CHECK(c.utf8 == row.utf8);
            CHECK(c.unsupported == row.unsupported);
        }
    }
}

TEST_CASE("decode_iso2709 rejects damaged headers", "[marc]") {
    struct Row {
        std::string bytes;
        const char* reason;
    };
    const std::string ok = encode_iso2709(marc_from_record([] {
        Record r;
        r.title = "Judul";
        return r;
    }()));
    auto with = [&ok](std::size_t at, std::string_view text) {
        std::string s = ok;
        s.replace(at, text.size(), text);
        return s;
    };
    const std::vector<Row> rows{
        {"00005\x1D", "too short"},
        {ok.substr(0, ok.size() - 1) + "x", "record terminator"},
        {with(12, "00a00"), "base address of data '00a00' is not a number"},
        {with(12, "00010"), "inside the leader"},
        {with(12, "00030"), "directory does not end"},
        {with(24, "!!!"), "tag is not three letters or digits"},
        {with(24 + 3, "99990"), "lies outside the record"},
        {with(24 + 7, "0000x"), "is not a number"},
    };
    for (const auto& row : rows) {
        DYNAMIC_SECTION(row.reason) {
            const DecodedMarc d = decode_iso2709(row.bytes);
            CHECK_FALSE(d.record);
            CHECK_THAT(d.error, Catch::Contains(row.reason));
        }
    }
    CHECK(decode_iso2709(ok).record);
}

TEST_CASE("a file that is not MARC is refused as a whole", "[marc]") {
    CHECK_THROWS_AS(read_marc(std::string("title,authors\nA,B\n")), ImportFormatError);
    CHECK(read_marc(std::string("\n\n")).records.empty());  // nothing but blank lines: nothing to read
}

TEST_CASE("text helpers behind the mapping", "[marc]") {
    SECTION("ISBD punctuation") {
        struct Row {
            const char* in;
            Isbd mode;
            const char* out;
        };
        const std::vector<Row> rows{
            {"Laskar pelangi /", Isbd::Title, "Laskar pelangi"},
            {"Laskar pelangi :", Isbd::Title, "Laskar pelangi"},
            {"Seri ;", Isbd::Title, "Seri"},
            {"Judul paralel =", Isbd::Title, "Judul paralel"},
            {"Cerita rakyat.", Isbd::Title, "Cerita rakyat"},
            {"Tunggu dulu...", Isbd::Title, "Tunggu dulu..."},
            {"Tolkien, J. R. R.", Isbd::Name, "Tolkien, J. R. R."},
            {"Tolkien, J.R.R.", Isbd::Name, "Tolkien, J.R.R."},
            {"King, Martin Luther, Jr.", Isbd::Name, "King, Martin Luther, Jr."},
            {"Hirata, Andrea,", Isbd::Name, "Hirata, Andrea"},
            {"Gramedia Pustaka Utama,", Isbd::Name, "Gramedia Pustaka Utama"},
            {"Bentang. /", Isbd::Title, "Bentang"},
            {"2nd ed.", Isbd::Separators, "2nd ed."},
            {"245 p. ;", Isbd::Separators, "245 p."},
            {"  spasi  ", Isbd::Title, "spasi"},
            {" / ", Isbd::Title, ""},
        };
        for (const auto& row : rows) DYNAMIC_SECTION(row.in) { CHECK(strip_isbd(row.in, row.mode) == row.out); }
    }
    SECTION("years") {
        const std::vector<std::pair<const char*, std::optional<int>>> rows{
            {"2008", 2008},  {"c2008.", 2008},   {"[2008?]", 2008},  {"2008.0", 2008}, {"-750.0", -750},
            {"[-17]", -17},  {"1999-2001", 1999}, {"199-", 1990},    {"750", 750},     {"", std::nullopt},
            {"s.a.", std::nullopt}, {"cet. 3", std::nullopt}, {"p1995", 1995},
        };
        for (const auto& [in, year] : rows) DYNAMIC_SECTION("'" << in << "'") { CHECK(parse_year(in) == year); }
    }
    SECTION("languages") {
        const std::vector<std::pair<const char*, const char*>> rows{
            {"ind", "ind"}, {"id", "ind"}, {"Indonesia", "ind"}, {"Bahasa Indonesia", "ind"}, {"eng", "eng"},
            {"en-US", "eng"}, {"en-GB", "eng"}, {"English", "eng"}, {"Inggris", "eng"}, {"ARA", "ara"},
            {"Arab", "ara"}, {"fre", "fre"}, {"fra", "fre"}, {"deu", "ger"}, {"Jawa", "jav"}, {"nl", "dut"},
            {"", ""}, {"  ", ""}, {"Bahasa Lampung", "Bahasa Lampung"}, {"mul", "mul"},
        };
        for (const auto& [in, code] : rows) DYNAMIC_SECTION("'" << in << "'") { CHECK(normalize_language(in) == code); }
    }
    SECTION("UTF-8 checks") {
        CHECK(is_valid_utf8("Caf\xC3\xA9"));
        CHECK_FALSE(is_valid_utf8("Caf\xE9"));
        CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
        CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
        CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
        CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // cut off
        std::size_t replaced = 0;
        CHECK(repair_utf8("a\xE9" "b\xFF", &replaced) == "a\uFFFD" "b\uFFFD");
        CHECK(replaced == 2);
        CHECK(cp1252_to_utf8("Caf\xE9 \x93kutip\x94 \x80") == "Caf\u00E9 \u201Ckutip\u201D \u20AC");
    }
    SECTION("multi-value cells round-trip") {
        const std::vector<std::vector<std::string>> rows{
            {"a", "b"}, {"Sejarah; Indonesia", "x|y"}, {"back\\slash", "end\\"}, {"one"}, {}};
        for (const auto& values : rows) DYNAMIC_SECTION(join_multi(values)) {
                CHECK(split_multi(join_multi(values)) == values);
            }
        CHECK(split_multi("Budi; Ani | Siti") == std::vector<std::string>{"Budi", "Ani", "Siti"});
        CHECK(split_multi("C:\\dir") == std::vector<std::string>{"C:\\dir"});
        CHECK(split_multi(" | x", true) == std::vector<std::string>{"", "x"});
    }
}

TEST_CASE("record -> MARC 21 -> record keeps every field", "[marc]") {
    Record r;
    r.control_number = "desa-0001";
    r.title = "Tunggu dulu...";  // an ending that ISBD stripping must not touch
    r.subtitle = "kisah: \"nyata\"";
    r.authors = {"Tolkien, J.R.R.", "Hirata, Andrea"};
    r.subjects = {"Fiksi", "Sejarah -- Indonesia"};
    r.series = "Seri ;";
    r.publisher = "Bentang,";
    r.place = "Yogyakarta";
    r.year = -750;
    r.edition = "Cet. 2.";
    r.extent = "245 hlm.";
    r.isbns = {"9789793062792", "9780439023481"};
    r.call_number = "899.221 HIR l";
    r.language = "Bahasa Lampung";
    r.material_type = "zine";
    r.collection = "Anak";
    r.notes = "Baris satu\n\nbaris tiga";
    r.copies = {Copy{0, "B1", "Rak A", "899.221 HIR l c.1", CopyStatus::OnLoan, 1718000000},
                Copy{0, "B2", "", "", CopyStatus::Lost, std::nullopt}};
    const std::string bytes = encode_iso2709(marc_from_record(r));
    CHECK(std::stoul(bytes.substr(0, 5)) == bytes.size());
    CHECK(bytes[9] == 'a');
    const ParseResult back = read_marc(bytes);
    REQUIRE(back.records.size() == 1);
    CHECK(back.records[0].warnings.empty());
    REQUIRE(back.records[0].record.copies.size() == 2);
    desa::test::check_same_record(back.records[0].record, r);
}

TEST_CASE("MARC material types survive the leader", "[marc]") {
    for (const char* type : {"book", "magazine", "map", "music_score", "audiovisual", "audio", "image", "electronic",
                             "kit", "object", "manuscript"}) {
        DYNAMIC_SECTION(type) {
            const auto [t, level] = leader_codes_for(type);
            CHECK(material_type_from_leader(t, level) == type);
        }
    }
}

TEST_CASE("oversized MARC fields are refused, delimiters in text neutralised", "[marc]") {
    Record r;
    r.title = std::string(10000, 'x');
    CHECK_THROWS_AS(encode_iso2709(marc_from_record(r)), std::length_error);
    r.title = "Judul\x1D\x1E\x1Frusak";
    const ParseResult back = read_marc(encode_iso2709(marc_from_record(r)));
    REQUIRE(back.records.size() == 1);
    CHECK(back.records[0].record.title == "Judul   rusak");
}

TEST_CASE("damaged or cut-off bytes anywhere never crash the MARC reader", "[marc]") {
    const std::string good = catalog_fixture("good.mrc");
    std::size_t records = 0, skipped = 0;
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (const char value : {'\x1D', '\x1E', '\x1F', '9', '\xE2', '\0'}) {
            std::string damaged = good;
            damaged[at] = value;
            try {
                const ParseResult r = read_marc(damaged);
                records += r.records.size();
                skipped += r.skipped.size();
            } catch (const ImportFormatError&) {  // the first leader itself destroyed
            }
        }
    }
    CHECK(records > 0);
    CHECK(skipped > 0);
    for (std::size_t length = 0; length <= good.size(); ++length) {
        try {
            const ParseResult r = read_marc(std::string_view(good).substr(0, length));
            CHECK(r.records.size() + r.skipped.size() <= 3);
        } catch (const ImportFormatError&) {
            CHECK(length < 24);
        }
    }
}
