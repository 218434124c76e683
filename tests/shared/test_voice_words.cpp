// Numbers and calls as Indonesians read them: tables of cases in tests/data/voice (one case a
// line, DuckDB-style), every number 0..999 read back by an independent parser, and bad input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "voice/number_words.hpp"

using namespace desa::voice;

namespace {

std::vector<std::vector<std::string>> read_table(const std::string& name) {
    std::ifstream in(std::filesystem::path(DESA_TEST_DATA_DIR) / "voice" / name);
    REQUIRE(in);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::stringstream split(line);
        for (std::string cell; std::getline(split, cell, '\t');) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// A reader of Indonesian number words written apart from the code under test: it knows only the
// words and their values, so a wrong word order or a missing "se-" form reads back as another number.
std::optional<long long> read_back(const std::string& words) {
    static const std::map<std::string, int> units = {{"nol", 0},  {"satu", 1},  {"dua", 2},     {"tiga", 3},
                                                     {"empat", 4}, {"lima", 5}, {"enam", 6},    {"tujuh", 7},
                                                     {"delapan", 8}, {"sembilan", 9}};
    std::stringstream in(words);
    long long total = 0, group = 0, current = 0;
    bool any = false;
    for (std::string w; in >> w;) {
        any = true;
        if (auto u = units.find(w); u != units.end()) current += u->second;
        else if (w == "sepuluh") current += 10;
        else if (w == "sebelas") current += 11;
        else if (w == "seratus") group += 100;
        else if (w == "seribu") total += 1000;
        else if (w == "belas") current += 10;
        else if (w == "puluh") current *= 10;
        else if (w == "ratus") group += current * 100, current = 0;
        else if (w == "ribu") total += (group + current) * 1000, group = current = 0;
        else if (w == "juta") total += (group + current) * 1'000'000, group = current = 0;
        else return std::nullopt;
        if (w == "puluh") group += current, current = 0;
    }
    if (!any) return std::nullopt;
    return total + group + current;
}

}  // namespace

TEST_CASE("number words: the table of cases", "[voice]") {
    const auto rows = read_table("number_words.tsv");
    REQUIRE(rows.size() > 60);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 2);
        INFO(row[0]);
        CHECK(number_words(std::stoll(row[0])) == row[1]);
    }
}

TEST_CASE("number words: every number 0..999 (and thousands) reads back to itself", "[voice]") {
    for (long long n = 0; n <= 999; ++n) {
        const auto words = number_words(n);
        REQUIRE(words);
        INFO(n << " = " << *words);
        CHECK(read_back(*words) == n);
        CHECK(words->find("  ") == std::string::npos);
        CHECK(words->front() != ' ');
        CHECK(words->back() != ' ');
        // "se-" forms: "satu" never comes before belas, puluh, ratus or ribu.
        for (const char* wrong : {"satu belas", "satu puluh", "satu ratus", "satu ribu"})
            CHECK(words->find(wrong) == std::string::npos);
    }
    for (long long n = 1000; n <= 999'999; n += 997) {
        INFO(n);
        CHECK(read_back(*number_words(n)) == n);
    }
}

TEST_CASE("number words: out of range", "[voice]") {
    CHECK_FALSE(number_words(-1));
    CHECK_FALSE(number_words(kMaxWordedNumber + 1));
    CHECK(number_words(kMaxWordedNumber));
}

TEST_CASE("ticket calls: the table of cases", "[voice]") {
    const auto rows = read_table("ticket_calls.tsv");
    REQUIRE(rows.size() >= 10);
    for (const auto& row : rows) {
        REQUIRE(row.size() == 3);
        INFO(row[0] << " at " << row[1]);
        CHECK(call_sentence(row[0], std::stoi(row[1])) == row[2]);
    }
    CHECK(ticket_words("A012") == "A nol dua belas");
    CHECK(digit_group_words("012") == "nol dua belas");
    CHECK(digit_group_words("0") == "nol");
    CHECK(digit_group_words("000100") == "nol nol nol seratus");
}

TEST_CASE("ticket calls: malformed numbers and counters are refused", "[voice]") {
    for (const char* bad : {"", "A", "A12", "A0123", "a012", "AA12", "A01x", "1012", "A 12", "Á012", "A-12", "A01\n"})
        CHECK_FALSE(ticket_words(bad));
    for (const char* bad : {"", "1234567", "12a", " 1", "-1", "+1"}) CHECK_FALSE(digit_group_words(bad));
    CHECK_FALSE(call_sentence("A012", 0));
    CHECK_FALSE(call_sentence("A012", 100));
    CHECK_FALSE(call_sentence("A012", -1));
    CHECK_FALSE(call_sentence("A12", 1));
    CHECK(call_sentence("A012", 99));
}
