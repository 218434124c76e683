// ISBN parsing, checksums and 10 <-> 13 conversion, including the forms spreadsheets leave behind.
#include <catch2/catch.hpp>

#include "catalog/isbn.hpp"

using desa::catalog::normalize_isbn;
using Opt = std::optional<std::string>;

TEST_CASE("checksums of compact ISBNs", "[catalog][isbn]") {
    struct Row {
        const char* isbn;
        bool valid10;
        bool valid13;
    };
    const std::vector<Row> rows{
        {"0439023483", true, false},      {"043965548X", true, false},
        {"043965548x", false, false},     // compact form is upper case; normalize_isbn accepts x
        {"0439023484", false, false},     {"6020332950", true, false},
        {"9780439023481", false, true},   {"9780439023482", false, false},
        {"9791032305690", false, true},   {"9771032305693", false, false},  // 977 is ISSN, not ISBN
        {"978043902348", false, false},   {"97804390234811", false, false},
        {"", false, false},               {"X439023483", false, false},
        {"04390234X3", false, false},
    };
    for (const auto& r : rows) {
        DYNAMIC_SECTION(r.isbn) {
            CHECK(desa::catalog::is_valid_isbn10(r.isbn) == r.valid10);
            CHECK(desa::catalog::is_valid_isbn13(r.isbn) == r.valid13);
        }
    }
}

TEST_CASE("ISBN-10 <-> ISBN-13", "[catalog][isbn]") {
    struct Row {
        const char* isbn10;
        const char* isbn13;
    };
    const std::vector<Row> pairs{
        {"0439023483", "9780439023481"},
        {"043965548X", "9780439655484"},
        {"6020332950", "9786020332956"},
        {"0007442912", "9780007442911"},
    };
    for (const auto& p : pairs) {
        DYNAMIC_SECTION(p.isbn10 << " / " << p.isbn13) {
            CHECK(desa::catalog::isbn10_to_13(p.isbn10) == Opt(p.isbn13));
            CHECK(desa::catalog::isbn13_to_10(p.isbn13) == Opt(p.isbn10));
        }
    }
    CHECK(desa::catalog::isbn13_to_10("9791032305690") == std::nullopt);  // 979 has no ISBN-10
    CHECK(desa::catalog::isbn13_to_10("9780439023482") == std::nullopt);
    CHECK(desa::catalog::isbn10_to_13("0439023484") == std::nullopt);
}

TEST_CASE("normalize_isbn accepts every written form", "[catalog][isbn]") {
    const std::vector<std::pair<const char*, Opt>> rows{
        {"9780439023481", "9780439023481"},
        {"978-0-439-02348-1", "9780439023481"},
        {"978 0 439 02348 1", "9780439023481"},
        {"0439023483", "9780439023481"},
        {"0-439-02348-3", "9780439023481"},
        {"ISBN 0-439-02348-3", "9780439023481"},
        {"isbn:9780439023481", "9780439023481"},
        {"ISBN-13: 978-0-439-02348-1", "9780439023481"},
        {"ISBN-10: 0439023483", "9780439023481"},
        {"ISBN 13 : 9780439023481", "9780439023481"},
        {"  043965548x  ", "9780439655484"},
        {"0-439-65548-X", "9780439655484"},
        {"439023483", "9780439023481"},  // 9-digit SBN
        {"0439023483 (pbk.)", "9780439023481"},
        {"9780439023481 : Rp 75.000", "9780439023481"},
        {"979-10-323-0569-0", "9791032305690"},
        {"978-602-03-3295-6", "9786020332956"},
        // Not ISBNs.
        {"", std::nullopt},
        {"ISBN", std::nullopt},
        {"9780439023482", std::nullopt},  // wrong check digit
        {"0439023484", std::nullopt},
        {"97804390234", std::nullopt},
        {"9780439023481abc", std::nullopt},
        {"X439023483", std::nullopt},
        {"0439X23483", std::nullopt},
        {"harry potter", std::nullopt},
        {"9.78043902348e+12", std::nullopt},  // float damage is for isbn_from_spreadsheet
        {"978-0-439-02348-1-0", std::nullopt},
    };
    for (const auto& [text, expected] : rows) {
        DYNAMIC_SECTION("'" << text << "'") { CHECK(normalize_isbn(text) == expected); }
    }
}

TEST_CASE("spreadsheet-damaged ISBNs are recovered only when it is certain", "[catalog][isbn]") {
    struct Row {
        const char* isbn10_column;
        const char* isbn13_column;
        Opt expected;
    };
    const std::vector<Row> rows{
        // goodbooks-10k row 1: ISBN-10 lost its leading zero; the float is ignored.
        {"439023483", "9.78043902348e+12", "9780439023481"},
        {"7442912", "9.78000744291e+12", "9780007442911"},  // three zeros lost
        {"043965548X", "9.78043965548e+12", "9780439655484"},
        // Only the float: the lost check digit rounded the 12th digit; one candidate fits.
        {"", "9.78043902348e+12", "9780439023481"},
        {"", "9.78043955493e+12", "9780439554930"},
        {"", "9.78030727e+12", "9780307269997"},   // %g trimmed the trailing zeros: D = ...727000
        {"", "9.78000744291E12", "9780007442911"},
        // Two candidates fit (9780439655484 and 9780439655477): refuse to guess.
        {"", "9.78043965548e+12", std::nullopt},
        {"", "9.78031606793e+12", std::nullopt},
        // Full precision survives.
        {"", "9780439023481.0", "9780439023481"},
        {"", "9.780439023481e+12", "9780439023481"},
        {"", "9780439023481", "9780439023481"},
        // Junk: wrong length, wrong checksum after padding, too few digits.
        {"", "76783609419.0", std::nullopt},
        {"", "9.78044E+12", std::nullopt},  // a spreadsheet's display rounding, 6 digits
        {"", "9.78e+12", std::nullopt},
        {"439023484", "", std::nullopt},
        {"123456", "", std::nullopt},
        {"", "", std::nullopt},
        {"abc", "def", std::nullopt},
    };
    for (const auto& r : rows) {
        DYNAMIC_SECTION("'" << r.isbn10_column << "' / '" << r.isbn13_column << "'") {
            CHECK(desa::catalog::isbn_from_spreadsheet(r.isbn10_column, r.isbn13_column) == r.expected);
        }
    }
}
