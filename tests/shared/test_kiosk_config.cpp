// kiosk.toml: a good file, each kind of problem, several at once, and how problems read.
#include <catch2/catch.hpp>

#include "config/kiosk_config.hpp"
#include "test_support.hpp"

using desa::config::ConfigProblem;
using desa::config::ProblemKind;
using desa::i18n::Language;
using desa::regions::RegionRegistry;

namespace {

const RegionRegistry& registry() {
    static const RegionRegistry r = RegionRegistry::parse_csv(
        "code,parent_code,level,name\n"
        "18,,provinsi,Lampung\n"
        "18.01,18,kabupaten_kota,Kabupaten Lampung Selatan\n"
        "18.01.04,18.01,kecamatan,Natar\n"
        "18.01.04.2001,18.01.04,desa_kelurahan,Hajimena\n",
        "test-regions.csv");
    return r;
}

// Shape-valid; nothing here verifies it against a PIN.
const std::string kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$W5xJp9yF0/VYR0nqUhb8hRcBtLrNMRiE5mXs8yM8m2s";
const std::string kVillage = "[village]\ncode = \"18.01.04.2001\"\n";
const std::string kSecurity = "[security]\nadmin_pin_hash = \"" + kHash + "\"\n";

// The two required tables plus `extra`; keys at the start of `extra` land in [security].
std::string with(const std::string& extra) { return kVillage + kSecurity + extra; }

desa::config::ConfigLoad parse(const std::string& text) {
    return desa::config::parse_kiosk_config(text, "kiosk.toml", registry());
}

std::string list(const std::vector<ConfigProblem>& problems) {
    std::string out;
    for (const auto& p : problems) {
        out += "\n  " + p.key + " kind=" + std::to_string(static_cast<int>(p.kind)) + " (" + p.detail + ")";
    }
    return out;
}

}  // namespace

TEST_CASE("a complete kiosk.toml is read field by field", "[config]") {
    const auto load = parse(R"(# Balai Desa Hajimena
[village]
code = "18.01.04.2001"

[language]
default = "en"
available = ["id", "en"]

[modules]
lessons = true
library = false
queue = true
aspirations = false

[idle]
reset_after_s = 60
warn_before_s = 10
attract_after_s = 300

[attract]
slide_seconds = 12
running_text_id = "Selamat datang di Balai Desa Hajimena"
running_text_en = "Welcome to Hajimena village hall"

[[attract.slides]]
title_id = "Posyandu"
title_en = "Health post"
body_id = "Setiap Selasa pukul 08.00"

[[attract.slides]]
title_id = "Gotong royong Minggu pagi"

[security]
admin_pin_hash = ")" + kHash + R"("
admin_max_attempts = 4
admin_lockout_s = 600
)");
    INFO(list(load.problems));
    REQUIRE(load.problems.empty());
    REQUIRE(load.config.has_value());
    const auto& c = *load.config;
    CHECK(c.village_code == "18.01.04.2001");
    CHECK(c.default_language == Language::English);
    CHECK(c.languages == std::vector<Language>{Language::Indonesian, Language::English});
    CHECK(c.modules.lessons);
    CHECK_FALSE(c.modules.library);
    CHECK(c.modules.queue);
    CHECK_FALSE(c.modules.aspirations);
    CHECK(c.idle_reset_after_s == 60);
    CHECK(c.idle_warn_before_s == 10);
    CHECK(c.attract_after_s == 300);
    CHECK(c.slide_seconds == 12);
    CHECK(c.running_text_id == "Selamat datang di Balai Desa Hajimena");
    CHECK(c.running_text_en == "Welcome to Hajimena village hall");
    REQUIRE(c.slides.size() == 2);
    CHECK(c.slides[0].title_id == "Posyandu");
    CHECK(c.slides[0].title_en == "Health post");
    CHECK(c.slides[0].body_id == "Setiap Selasa pukul 08.00");
    CHECK(c.slides[0].body_en.empty());
    CHECK(c.slides[1].title_id == "Gotong royong Minggu pagi");
    CHECK(c.admin_pin_hash == kHash);
    CHECK(c.admin_max_attempts == 4);
    CHECK(c.admin_lockout_s == 600);
}

TEST_CASE("a minimal kiosk.toml gets the documented defaults", "[config]") {
    const auto load = parse(with(""));
    INFO(list(load.problems));
    REQUIRE(load.config.has_value());
    const desa::config::KioskConfig defaults;
    const auto& c = *load.config;
    CHECK(c.default_language == Language::Indonesian);
    CHECK(c.languages == defaults.languages);
    CHECK(c.modules.lessons);
    CHECK(c.modules.aspirations);
    CHECK(c.idle_reset_after_s == 90);
    CHECK(c.idle_warn_before_s == 15);
    CHECK(c.attract_after_s == 120);
    CHECK(c.slide_seconds == 8);
    CHECK(c.slides.empty());
    CHECK(c.admin_max_attempts == 5);
    CHECK(c.admin_lockout_s == 300);
}

TEST_CASE("edge values that are allowed", "[config]") {
    const std::vector<std::pair<const char*, std::string>> rows{
        {"limits of idle", with("[idle]\nreset_after_s = 15\nwarn_before_s = 0\nattract_after_s = 15\n")},
        {"upper limits", with("[idle]\nreset_after_s = 3600\nwarn_before_s = 120\nattract_after_s = 86400\n"
                              "[attract]\nslide_seconds = 600\n")},
        {"80-character title in UTF-8",
         with("[[attract.slides]]\ntitle_id = \"" + [] {
             std::string s;
             for (int i = 0; i < 80; ++i) s += "\xC3\xA9";  // é, two bytes each
             return s;
         }() + "\"\n")},
        {"only Indonesian", with("[language]\navailable = [\"id\"]\n")},
        {"one module", with("[modules]\nlessons = false\nlibrary = false\nqueue = false\n")},
        {"language codes in capitals", with("[language]\ndefault = \"EN\"\navailable = [\"ID\", \"EN\"]\n")},
    };
    for (const auto& [name, text] : rows) {
        DYNAMIC_SECTION(name) {
            const auto load = parse(text);
            INFO(list(load.problems));
            CHECK(load.problems.empty());
            CHECK(load.config.has_value());
        }
    }
}

TEST_CASE("each kind of problem, with its key", "[config]") {
    struct Row {
        const char* name;
        std::string text;
        ProblemKind kind;
        const char* key;
        const char* detail;   // fragment
        std::size_t count = 1;  // problems expected in total
    };
    const std::string long_text(501, 'a');
    const std::vector<Row> rows{
        {"syntax error", kVillage + "[security\nadmin_pin_hash = 1\n", ProblemKind::Syntax, "", "line 3"},
        {"no [village]", kSecurity, ProblemKind::Missing, "village.code", ""},
        {"no village.code", "[village]\n" + kSecurity, ProblemKind::Missing, "village.code", ""},
        {"village is not a table", "village = \"Hajimena\"\n" + kSecurity, ProblemKind::WrongType, "village",
         "expected table, got string"},
        {"village code not a string", "[village]\ncode = 18010420\n" + kSecurity, ProblemKind::WrongType,
         "village.code", "expected string, got integer"},
        {"village code unknown", "[village]\ncode = \"18.01.04.2999\"\n" + kSecurity, ProblemKind::UnknownVillage,
         "village.code", "18.01.04.2999 is not in the region registry"},
        {"kecamatan instead of village", "[village]\ncode = \"18.01.04\"\n" + kSecurity,
         ProblemKind::UnknownVillage, "village.code", "18.01.04 (Natar) is not a desa/kelurahan"},
        {"typo in a table name", with("[idel]\nreset_after_s = 60\n"), ProblemKind::UnknownKey, "idel", ""},
        {"printer port out of range", with("[printer]\ndevice = \"printer.lan:99999\"\n"), ProblemKind::UnknownValue,
         "printer.device", "host:port with port 1-65535"},
        {"printer port not a number", with("[printer]\ndevice = \"printer.lan:abc\"\n"), ProblemKind::UnknownValue,
         "printer.device", "\"printer.lan:abc\""},
        {"typo in a key", with("[idle]\nreset_after = 60\n"), ProblemKind::UnknownKey, "idle.reset_after", ""},
        {"extra key in village", kVillage + "name = \"Hajimena\"\n" + kSecurity, ProblemKind::UnknownKey,
         "village.name", ""},
        {"unknown default language", with("[language]\ndefault = \"jv\"\n"), ProblemKind::UnknownValue,
         "language.default", "\"jv\"; allowed: id, en"},
        {"default language not a string", with("[language]\ndefault = 1\n"), ProblemKind::WrongType,
         "language.default", "expected string, got integer"},
        {"no languages", with("[language]\navailable = []\n"), ProblemKind::OutOfRange, "language.available",
         "at least 1"},
        {"languages not a list", with("[language]\navailable = \"id\"\n"), ProblemKind::WrongType,
         "language.available", "expected array of strings, got string"},
        {"unknown language in list", with("[language]\navailable = [\"id\", \"fr\"]\n"), ProblemKind::UnknownValue,
         "language.available[1]", "\"fr\""},
        {"number in language list", with("[language]\navailable = [\"id\", 2]\n"), ProblemKind::WrongType,
         "language.available[1]", "expected string, got integer"},
        {"language listed twice", with("[language]\navailable = [\"id\", \"id\"]\n"), ProblemKind::Inconsistent,
         "language.available[1]", "listed twice"},
        {"default not available", with("[language]\ndefault = \"en\"\navailable = [\"id\"]\n"),
         ProblemKind::Inconsistent, "language.default", "\"en\" is not in language.available"},
        {"module flag not a boolean", with("[modules]\nqueue = \"ya\"\n"), ProblemKind::WrongType,
         "modules.queue", "expected boolean, got string"},
        {"every module off",
         with("[modules]\nlessons = false\nlibrary = false\nqueue = false\naspirations = false\n"),
         ProblemKind::Inconsistent, "modules", "at least one module"},
        {"reset too short", with("[idle]\nreset_after_s = 5\n"), ProblemKind::OutOfRange, "idle.reset_after_s",
         "allowed 15..3600, got 5"},
        {"float for an integer", with("[idle]\nreset_after_s = 90.0\n"), ProblemKind::WrongType,
         "idle.reset_after_s", "expected integer, got float"},
        {"warn too long", with("[idle]\nwarn_before_s = 121\n"), ProblemKind::OutOfRange, "idle.warn_before_s",
         "allowed 0..120"},
        {"warning not before reset", with("[idle]\nreset_after_s = 30\nwarn_before_s = 30\n"),
         ProblemKind::Inconsistent, "idle.warn_before_s", "30 must be less than idle.reset_after_s 30"},
        {"attract before reset (default attract)", with("[idle]\nreset_after_s = 200\n"),
         ProblemKind::Inconsistent, "idle.attract_after_s", "120 must be at least idle.reset_after_s 200"},
        {"slide too fast", with("[attract]\nslide_seconds = 1\n"), ProblemKind::OutOfRange,
         "attract.slide_seconds", "allowed 2..600, got 1"},
        {"running text too long", with("[attract]\nrunning_text_en = \"" + long_text + "\"\n"),
         ProblemKind::OutOfRange, "attract.running_text_en", "0..500 characters, got 501"},
        {"slides as one table", with("[attract.slides]\ntitle_id = \"Posyandu\"\n"), ProblemKind::WrongType,
         "attract.slides", "expected array of tables"},
        {"slide without title", with("[[attract.slides]]\ntitle_id = \"A\"\n[[attract.slides]]\nbody_id = \"B\"\n"),
         ProblemKind::Missing, "attract.slides[1].title_id", ""},
        {"empty slide title", with("[[attract.slides]]\ntitle_id = \"\"\n"), ProblemKind::OutOfRange,
         "attract.slides[0].title_id", "1..80 characters, got 0"},
        {"slide title too long", with("[[attract.slides]]\ntitle_id = \"" + std::string(81, 'x') + "\"\n"),
         ProblemKind::OutOfRange, "attract.slides[0].title_id", "got 81"},
        {"slide body too long", with("[[attract.slides]]\ntitle_id = \"A\"\nbody_id = \"" + std::string(401, 'x') + "\"\n"),
         ProblemKind::OutOfRange, "attract.slides[0].body_id", "0..400 characters, got 401"},
        {"typo in a slide key", with("[[attract.slides]]\ntitel_id = \"A\"\n"), ProblemKind::UnknownKey,
         "attract.slides[0].titel_id", "", 2},  // and title_id is then missing
        {"no [security]", kVillage, ProblemKind::Missing, "security.admin_pin_hash", ""},
        {"security not a table", "security = 5\n" + kVillage,  // a bare key must precede [village]
         ProblemKind::WrongType, "security",
         "expected table, got integer"},
        {"PIN instead of its hash", kVillage + "[security]\nadmin_pin_hash = \"483920\"\n",
         ProblemKind::UnknownValue, "security.admin_pin_hash", "Argon2id"},
        {"argon2i is not argon2id",
         kVillage + "[security]\nadmin_pin_hash = \"$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA\"\n",
         ProblemKind::UnknownValue, "security.admin_pin_hash", "Argon2id"},
        {"too few attempts", with("admin_max_attempts = 2\n"), ProblemKind::OutOfRange,
         "security.admin_max_attempts", "allowed 3..10, got 2"},
        {"lock-out too short", with("admin_lockout_s = 29\n"), ProblemKind::OutOfRange, "security.admin_lockout_s",
         "allowed 30..86400, got 29"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) {
            const auto load = parse(row.text);
            INFO(list(load.problems));
            CHECK_FALSE(load.config.has_value());
            CHECK(load.problems.size() == row.count);
            const auto it = std::find_if(load.problems.begin(), load.problems.end(),
                                         [&](const ConfigProblem& p) { return p.key == row.key; });
            REQUIRE(it != load.problems.end());
            CHECK(it->kind == row.kind);
            CHECK(it->file == "kiosk.toml");
            CHECK_THAT(it->detail, Catch::Contains(row.detail));
        }
    }
}

TEST_CASE("the PIN hash never appears in a problem", "[config]") {
    const auto load = parse(kVillage + "[security]\nadmin_pin_hash = \"271828\"\n");
    REQUIRE(load.problems.size() == 1);
    CHECK_THAT(load.problems[0].detail, !Catch::Contains("271828"));
}

TEST_CASE("all problems in a file are reported at once", "[config]") {
    const auto load = parse(R"([village]
code = "18.01.04"
[idle]
reset_after_s = 5
warn_before_s = "15"
[modules]
librari = true
[security]
admin_pin_hash = "1234"
admin_max_attempts = 99
)");
    INFO(list(load.problems));
    CHECK_FALSE(load.config.has_value());
    std::vector<std::pair<std::string, ProblemKind>> got;
    for (const auto& p : load.problems) got.emplace_back(p.key, p.kind);
    std::sort(got.begin(), got.end());
    const std::vector<std::pair<std::string, ProblemKind>> expected{
        {"idle.reset_after_s", ProblemKind::OutOfRange},
        {"idle.warn_before_s", ProblemKind::WrongType},
        {"modules.librari", ProblemKind::UnknownKey},
        {"security.admin_max_attempts", ProblemKind::OutOfRange},
        {"security.admin_pin_hash", ProblemKind::UnknownValue},
        {"village.code", ProblemKind::UnknownVillage},
    };
    CHECK(got == expected);
}

TEST_CASE("describe() reads naturally in both languages", "[config]") {
    const auto catalog = desa::i18n::Catalog::load_dir(desa::test::assets_dir() / "i18n");
    struct Row {
        ConfigProblem problem;
        const char* id;
        const char* en;
    };
    const std::vector<Row> rows{
        {{"kiosk.toml", "idle.reset_after_s", ProblemKind::OutOfRange, "allowed 15..3600, got 5"},
         "kiosk.toml: idle.reset_after_s: nilai di luar batas yang diizinkan (allowed 15..3600, got 5)",
         "kiosk.toml: idle.reset_after_s: value is outside the allowed range (allowed 15..3600, got 5)"},
        {{"/etc/desa-kiosk/kiosk.toml", "village.code", ProblemKind::Missing, ""},
         "/etc/desa-kiosk/kiosk.toml: village.code: kunci wajib tidak ada",
         "/etc/desa-kiosk/kiosk.toml: village.code: required key is missing"},
        {{"kiosk.toml", "", ProblemKind::Unreadable, "No such file or directory"},
         "kiosk.toml: berkas tidak dapat dibaca (No such file or directory)",
         "kiosk.toml: file cannot be read (No such file or directory)"},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.en) {
            CHECK(describe(row.problem, catalog, Language::Indonesian) == row.id);
            CHECK(describe(row.problem, catalog, Language::English) == row.en);
        }
    }
    // Every kind has its own text in both languages (no id echoed back).
    for (int k = 0; k <= static_cast<int>(ProblemKind::Unreadable); ++k) {
        const ConfigProblem p{"f", "k", static_cast<ProblemKind>(k), ""};
        for (Language lang : {Language::Indonesian, Language::English}) {
            CHECK_THAT(describe(p, catalog, lang), !Catch::Contains("config.problem"));
        }
    }
}

TEST_CASE("load_kiosk_config reads a file or reports it unreadable", "[config]") {
    desa::test::TempDir dir;
    SECTION("missing file") {
        const auto load = desa::config::load_kiosk_config(dir / "kiosk.toml", registry());
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].kind == ProblemKind::Unreadable);
        CHECK(load.problems[0].file == (dir / "kiosk.toml").string());
        CHECK(load.problems[0].detail == "No such file or directory");
    }
    SECTION("a directory") {
        const auto load = desa::config::load_kiosk_config(dir.path(), registry());
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].kind == ProblemKind::Unreadable);
    }
    SECTION("a good file against the real Lampung registry") {
        desa::test::write_file(dir / "kiosk.toml", with("[language]\ndefault = \"id\"\n"));
        const auto lampung = RegionRegistry::load_csv(desa::test::assets_dir() / "regions" / "wilayah-lampung.csv");
        const auto load = desa::config::load_kiosk_config(dir / "kiosk.toml", lampung);
        INFO(list(load.problems));
        REQUIRE(load.config.has_value());
        CHECK(lampung.find(load.config->village_code)->name == "Hajimena");
    }
}

TEST_CASE("the demo kiosk.toml and configs/kiosk.example.toml are valid", "[config]") {
    const auto assets = desa::test::assets_dir();
    const auto lampung = RegionRegistry::load_csv(assets / "regions" / "wilayah-lampung.csv");
    for (const auto& file : {assets / "demo" / "kiosk.toml", assets / ".." / "configs" / "kiosk.example.toml"}) {
        const auto load = desa::config::load_kiosk_config(file, lampung);
        INFO(file << list(load.problems));
        CHECK(load.problems.empty());
        REQUIRE(load.config.has_value());
        // Both offer the five services of the village office, A to E.
        const auto& services = load.config->queue.services;
        REQUIRE(services.size() == 5);
        std::string prefixes;
        for (const auto& s : services) {
            prefixes += s.prefix;
            CHECK(!s.name_en.empty());
            CHECK(desa::queue::is_open(s, desa::queue::Weekday::Monday, 8 * 60));
            CHECK(!desa::queue::is_open(s, desa::queue::Weekday::Sunday, 10 * 60));
        }
        CHECK(prefixes == "ABCDE");
    }
}

namespace {
const std::string kQueue = R"(
[queue]
timezone = "WITA"
[[queue.service]]
id = "domisili"
name_id = "Surat Keterangan Domisili"
name_en = "Certificate of domicile"
prefix = "A"
counters = [1, 2]
daily_quota = 50
priority_lane = true
[queue.service.hours]
mon = "08:00-12:00,13:00-15:00"
[[queue.service]]
id = "sktm"
name_id = "SKTM"
prefix = "B"
counters = [2]
[queue.service.hours]
fri = "08:00-11:00"
)";
}  // namespace

TEST_CASE("[queue] services are part of kiosk.toml", "[config][queue]") {
    SECTION("absent: no services") {
        const auto load = parse(with(""));
        REQUIRE(load.config.has_value());
        CHECK(load.config->queue.services.empty());
        CHECK(load.config->queue.utc_offset_s == desa::queue::kWibOffsetSeconds);
    }
    SECTION("a good table is read") {
        const auto load = parse(with(kQueue));
        INFO(list(load.problems));
        REQUIRE(load.config.has_value());
        const auto& q = load.config->queue;
        CHECK(q.utc_offset_s == desa::queue::kWitaOffsetSeconds);
        REQUIRE(q.services.size() == 2);
        CHECK(q.services[0].id == "domisili");
        CHECK(q.services[0].counters == std::vector<int>{1, 2});
        CHECK(q.services[0].daily_quota == 50);
        CHECK(q.services[0].priority_lane);
        CHECK(q.services[0].hours[0].size() == 2);
        CHECK(q.services[1].prefix == 'B');
        CHECK(!q.services[1].priority_lane);
        CHECK(q.services[1].daily_quota == 999);
    }
    SECTION("a bad service is reported with its key, next to other problems") {
        std::string bad = kQueue;
        bad.replace(bad.find("prefix = \"B\""), 12, "prefix = \"A\"");
        bad.replace(bad.find("counters = [2]"), 14, "counters = [0]");
        const auto load = parse(with("[idle]\nreset_after_s = 5\n" + bad));
        INFO(list(load.problems));
        CHECK(!load.config.has_value());
        bool idle = false, counter = false;
        for (const auto& p : load.problems) {
            CHECK(p.file == "kiosk.toml");
            idle = idle || p.key == "idle.reset_after_s";
            counter = counter || (p.key == "queue.service[1].counters[0]" && p.kind == ProblemKind::OutOfRange);
        }
        CHECK(idle);
        CHECK(counter);
    }
    SECTION("a duplicate prefix and an unknown key") {
        std::string bad = kQueue;
        bad.replace(bad.find("prefix = \"B\""), 12, "prefix = \"A\"");
        const auto load = parse(with(bad + "[queue.colour]\n"));
        INFO(list(load.problems));
        CHECK(!load.config.has_value());
        bool prefix = false, unknown = false;
        for (const auto& p : load.problems) {
            prefix = prefix || (p.key == "queue.service[1].prefix" && p.kind == ProblemKind::Inconsistent);
            unknown = unknown || (p.key == "queue.colour" && p.kind == ProblemKind::UnknownKey);
        }
        CHECK(prefix);
        CHECK(unknown);
    }
}
