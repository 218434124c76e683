// [board] in kiosk.toml: defaults, a full table, each bad value reported with its key, and the
// table read as part of kiosk.toml.
#include <catch2/catch.hpp>

#include "config/kiosk_config.hpp"
#include "voice/board_config.hpp"

using desa::config::ProblemKind;
using desa::voice::BoardConfigLoad;
using desa::voice::parse_board_config;

namespace {

BoardConfigLoad parse(std::string_view text) {
    const toml::table doc = toml::parse(text, std::string_view("kiosk.toml"));
    return parse_board_config(*doc["board"].as_table(), "kiosk.toml");
}

}  // namespace

TEST_CASE("board config: defaults and a full table", "[voice][config]") {
    const auto empty = parse("[board]\n");
    REQUIRE(empty.config);
    CHECK(empty.config->speech);
    CHECK(empty.config->chime);
    CHECK(empty.config->voice == "id");
    CHECK(empty.config->repeat == 1);

    const auto full = parse(
        "[board]\nspeech = false\nchime = true\nvoice = \"id\"\nrate_wpm = 120\nvolume = 65\nrepeat = 2\n"
        "last_calls = 8\nhighlight_s = 0\n");
    REQUIRE(full.problems.empty());
    CHECK_FALSE(full.config->speech);
    CHECK(full.config->chime);  // speech off, chime on: the chime still plays
    CHECK(full.config->rate_wpm == 120);
    CHECK(full.config->volume == 65);
    CHECK(full.config->repeat == 2);
    CHECK(full.config->last_calls == 8);
    CHECK(full.config->highlight_s == 0);
}

TEST_CASE("board config: every bad value is reported with its key", "[voice][config]") {
    struct Case {
        const char* text;
        const char* key;
        ProblemKind kind;
    };
    const Case cases[] = {
        {"speech = \"yes\"", "board.speech", ProblemKind::WrongType},
        {"chime = 1", "board.chime", ProblemKind::WrongType},
        {"voice = 7", "board.voice", ProblemKind::WrongType},
        {"voice = \"\"", "board.voice", ProblemKind::UnknownValue},
        {"voice = \"../../etc/passwd\"", "board.voice", ProblemKind::UnknownValue},
        {"voice = \"ID\"", "board.voice", ProblemKind::UnknownValue},
        {"rate_wpm = 79", "board.rate_wpm", ProblemKind::OutOfRange},
        {"rate_wpm = 261", "board.rate_wpm", ProblemKind::OutOfRange},
        {"rate_wpm = 1.5", "board.rate_wpm", ProblemKind::WrongType},
        {"volume = -1", "board.volume", ProblemKind::OutOfRange},
        {"volume = 101", "board.volume", ProblemKind::OutOfRange},
        {"repeat = 0", "board.repeat", ProblemKind::OutOfRange},
        {"repeat = 4", "board.repeat", ProblemKind::OutOfRange},
        {"last_calls = 0", "board.last_calls", ProblemKind::OutOfRange},
        {"last_calls = 11", "board.last_calls", ProblemKind::OutOfRange},
        {"highlight_s = 121", "board.highlight_s", ProblemKind::OutOfRange},
        {"speach = true", "board.speach", ProblemKind::UnknownKey},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto load = parse(std::string("[board]\n") + c.text + "\n");
        CHECK_FALSE(load.config);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].key == c.key);
        CHECK(load.problems[0].kind == c.kind);
        CHECK(load.problems[0].file == "kiosk.toml");
    }
}

TEST_CASE("board config: read as part of kiosk.toml", "[voice][config]") {
    const auto regions = desa::regions::RegionRegistry::parse_csv(
        "code,parent_code,level,name\n18,,provinsi,Lampung\n18.01,18,kabupaten_kota,Kabupaten Lampung Selatan\n"
        "18.01.04,18.01,kecamatan,Natar\n18.01.04.2001,18.01.04,desa_kelurahan,Hajimena\n",
        "test-regions.csv");
    const std::string head =
        "[village]\ncode = \"18.01.04.2001\"\n[security]\nadmin_pin_hash = "
        "\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$W5xJp9yF0/VYR0nqUhb8hRcBtLrNMRiE5mXs8yM8m2s\"\n";
    const auto without = desa::config::parse_kiosk_config(head, "kiosk.toml", regions);
    REQUIRE(without.config);
    CHECK(without.config->board.speech);
    const auto with = desa::config::parse_kiosk_config(head + "[board]\nspeech = false\n", "kiosk.toml", regions);
    REQUIRE(with.config);
    CHECK_FALSE(with.config->board.speech);
    CHECK(with.config->board.chime);
    const auto bad = desa::config::parse_kiosk_config(head + "[board]\nvolume = 500\n", "kiosk.toml", regions);
    REQUIRE_FALSE(bad.config);
    CHECK(bad.problems.at(0).key == "board.volume");
}
