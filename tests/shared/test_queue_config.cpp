// [queue] in kiosk.toml: a good table read field by field, and one case per bad value with its key.
// Also the local calendar (WIB day boundaries) the queue counts days with.
#include <catch2/catch.hpp>

#include "queue/queue_config.hpp"

using desa::config::ProblemKind;
using namespace desa::queue;

namespace {

QueueConfigLoad parse(const std::string& text) {
    const toml::table doc = toml::parse(std::string_view(text), std::string_view("kiosk.toml"));
    const toml::table* queue = doc["queue"].as_table();
    REQUIRE(queue != nullptr);
    return parse_queue_config(*queue, "kiosk.toml");
}

std::string list(const std::vector<desa::config::ConfigProblem>& problems) {
    std::string out;
    for (const auto& p : problems)
        out += "\n  " + p.key + " kind=" + std::to_string(static_cast<int>(p.kind)) + " (" + p.detail + ")";
    return out;
}

const std::string kGood = R"(
[queue]
timezone = "WITA"

[[queue.service]]
id = "domisili"
name_id = "Surat Keterangan Domisili"
name_en = "Certificate of domicile"
prefix = "A"
counters = [1, 2]
daily_quota = 80
priority_lane = true
[queue.service.hours]
mon = "08:00-12:00,13:00-15:00"
fri = "08:00-11:00"
sat = "closed"

[[queue.service]]
id = "konsultasi"
name_id = "Konsultasi"
prefix = "K"
counters = [3]
[queue.service.hours]
tue = "08:00-24:00"
)";

// One [[queue.service]] with `line` added (or replacing the key it names).
std::string service_with(const std::string& key, const std::string& line) {
    std::string body;
    const std::vector<std::pair<std::string, std::string>> fields{{"id", "id = \"sktm\""},
                                                                  {"name_id", "name_id = \"SKTM\""},
                                                                  {"prefix", "prefix = \"S\""},
                                                                  {"counters", "counters = [1]"}};
    for (const auto& [k, l] : fields)
        if (k != key) body += l + "\n";
    if (key.rfind("hours", 0) != 0) body += line + "\n";
    body += "[queue.service.hours]\n";
    body += key.rfind("hours", 0) == 0 ? line + "\n" : "mon = \"08:00-15:00\"\n";
    return "[queue]\n[[queue.service]]\n" + body;
}

}  // namespace

TEST_CASE("queue config: a good [queue] table is read field by field", "[queue][config]") {
    const auto load = parse(kGood);
    INFO(list(load.problems));
    REQUIRE(load.config);
    const QueueConfig& cfg = *load.config;
    CHECK(cfg.utc_offset_s == 8 * 3600);
    REQUIRE(cfg.services.size() == 2);
    const Service& a = cfg.services[0];
    CHECK(a.id == "domisili");
    CHECK(a.name_id == "Surat Keterangan Domisili");
    CHECK(a.name_en == "Certificate of domicile");
    CHECK(a.prefix == 'A');
    CHECK(a.counters == std::vector<int>{1, 2});
    CHECK(a.daily_quota == 80);
    CHECK(a.priority_lane);
    CHECK(format_opening_hours(a.hours[0]) == "08:00-12:00,13:00-15:00");
    CHECK(format_opening_hours(a.hours[1]) == "closed");
    CHECK(format_opening_hours(a.hours[4]) == "08:00-11:00");
    CHECK(a.hours[5].empty());
    const Service& k = cfg.services[1];
    CHECK(k.daily_quota == kMaxTicketsPerDay);
    CHECK_FALSE(k.priority_lane);
    CHECK(k.name_en.empty());
    CHECK(format_opening_hours(k.hours[1]) == "08:00-24:00");
}

TEST_CASE("queue config: every bad value is reported with its key", "[queue][config]") {
    struct Case {
        std::string key, line;  // the service key changed, and its new line
        std::string problem_key;
        ProblemKind kind;
    };
    const std::string s = "queue.service[0].";
    const std::vector<Case> cases{
        {"id", "", s + "id", ProblemKind::Missing},
        {"id", "id = \"Surat Domisili\"", s + "id", ProblemKind::UnknownValue},
        {"id", "id = 7", s + "id", ProblemKind::WrongType},
        {"id", "id = \"" + std::string(33, 'a') + "\"", s + "id", ProblemKind::OutOfRange},
        {"name_id", "", s + "name_id", ProblemKind::Missing},
        {"name_id", "name_id = \"\"", s + "name_id", ProblemKind::OutOfRange},
        {"name_en", "name_en = [\"x\"]", s + "name_en", ProblemKind::WrongType},
        {"prefix", "", s + "prefix", ProblemKind::Missing},
        {"prefix", "prefix = \"a\"", s + "prefix", ProblemKind::UnknownValue},
        {"prefix", "prefix = \"AB\"", s + "prefix", ProblemKind::OutOfRange},
        {"prefix", "prefix = \"1\"", s + "prefix", ProblemKind::UnknownValue},
        {"counters", "", s + "counters", ProblemKind::Missing},
        {"counters", "counters = []", s + "counters", ProblemKind::OutOfRange},
        {"counters", "counters = 1", s + "counters", ProblemKind::WrongType},
        {"counters", "counters = [0]", s + "counters[0]", ProblemKind::OutOfRange},
        {"counters", "counters = [1, \"2\"]", s + "counters[1]", ProblemKind::WrongType},
        {"counters", "counters = [2, 2]", s + "counters[1]", ProblemKind::Inconsistent},
        {"daily_quota", "daily_quota = 0", s + "daily_quota", ProblemKind::OutOfRange},
        {"daily_quota", "daily_quota = 1000", s + "daily_quota", ProblemKind::OutOfRange},
        {"daily_quota", "daily_quota = \"50\"", s + "daily_quota", ProblemKind::WrongType},
        {"priority_lane", "priority_lane = \"yes\"", s + "priority_lane", ProblemKind::WrongType},
        {"colour", "colour = \"red\"", s + "colour", ProblemKind::UnknownKey},
        {"hours.mon", "mon = \"8-15\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"08:00-25:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"08:60-12:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"15:00-08:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"08:00-08:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"13:00-15:00,08:00-12:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"08:00-12:00,11:00-15:00\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = \"08:00-12:00,\"", s + "hours.mon", ProblemKind::UnknownValue},
        {"hours.mon", "mon = 8", s + "hours.mon", ProblemKind::WrongType},
        {"hours.mon", "monday = \"08:00-12:00\"", s + "hours.monday", ProblemKind::UnknownKey},
        {"hours.mon", "mon = \"closed\"", s + "hours", ProblemKind::Inconsistent},
    };
    for (const Case& c : cases) {
        const std::string text = service_with(c.key, c.line);
        const auto load = parse(text);
        INFO(text << list(load.problems));
        CHECK_FALSE(load.config);
        REQUIRE(load.problems.size() >= 1);
        const bool found = std::any_of(load.problems.begin(), load.problems.end(), [&](const auto& p) {
            return p.key == c.problem_key && p.kind == c.kind && p.file == "kiosk.toml";
        });
        CHECK(found);
    }
}

TEST_CASE("queue config: table-level problems", "[queue][config]") {
    struct Case {
        std::string text, key;
        ProblemKind kind;
    };
    const std::string svc =
        "[[queue.service]]\nid = \"a\"\nname_id = \"A\"\nprefix = \"A\"\ncounters = [1]\n"
        "hours = { mon = \"08:00-12:00\" }\n";
    const std::string svc2 =
        "[[queue.service]]\nid = \"b\"\nname_id = \"B\"\nprefix = \"B\"\ncounters = [1]\n"
        "hours = { mon = \"08:00-12:00\" }\n";
    const std::vector<Case> cases{
        {"[queue]\n", "queue.service", ProblemKind::Missing},
        {"[queue]\nservice = []\n", "queue.service", ProblemKind::OutOfRange},
        {"[queue]\nservice = [1, 2]\n", "queue.service", ProblemKind::WrongType},
        {"[queue]\nservice = \"a\"\n", "queue.service", ProblemKind::WrongType},
        {"[queue]\ntimezone = \"UTC\"\n" + svc, "queue.timezone", ProblemKind::UnknownValue},
        {"[queue]\nconsole = 1\n" + svc, "queue.console", ProblemKind::UnknownKey},
        {"[queue]\n" + svc + svc, "queue.service[1].id", ProblemKind::Inconsistent},
        {"[queue]\n" + svc + svc2 +
             "[[queue.service]]\nid = \"c\"\nname_id = \"C\"\nprefix = \"B\"\ncounters = [2]\n"
             "hours = { tue = \"08:00-12:00\" }\n",
         "queue.service[2].prefix", ProblemKind::Inconsistent},
        {"[queue]\n" + svc + "hours = 5\n", "", ProblemKind::Syntax},  // duplicate key: a TOML error
    };
    for (const Case& c : cases) {
        INFO(c.text);
        if (c.kind == ProblemKind::Syntax) {
            CHECK_THROWS_AS(toml::parse(std::string_view(c.text)), toml::parse_error);
            continue;
        }
        const auto load = parse(c.text);
        INFO(list(load.problems));
        CHECK_FALSE(load.config);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].key == c.key);
        CHECK(load.problems[0].kind == c.kind);
    }
    // Several bad values in one file: each reported, none stops the others.
    const auto many = parse("[queue]\ntimezone = 7\n" + service_with("prefix", "prefix = \"ab\"").substr(8) +
                            "[[queue.service]]\nid = \"X\"\nname_id = \"\"\nprefix = \"Q\"\ncounters = [100]\n"
                            "hours = { sun = \"24:00-24:00\" }\n");
    INFO(list(many.problems));
    CHECK(many.problems.size() == 6);
}

TEST_CASE("queue calendar: WIB days, weekdays and minutes", "[queue][time]") {
    struct Case {
        std::int64_t unix;
        int offset;
        std::string date;
        Weekday weekday;
        int minute;
    };
    // 2025-12-01T00:00:00Z is a Monday, 07:00 WIB.
    const std::int64_t t0 = 1'764'547'200;
    const std::vector<Case> cases{
        {t0, kWibOffsetSeconds, "20251201", Weekday::Monday, 7 * 60},
        {t0 + 17 * 3600 - 1, kWibOffsetSeconds, "20251201", Weekday::Monday, 1439},  // 23:59:59 WIB
        {t0 + 17 * 3600, kWibOffsetSeconds, "20251202", Weekday::Tuesday, 0},        // midnight WIB
        {t0 - 7 * 3600, kWibOffsetSeconds, "20251201", Weekday::Monday, 0},
        {t0 - 7 * 3600 - 1, kWibOffsetSeconds, "20251130", Weekday::Sunday, 1439},
        {t0 + 16 * 3600, kWitOffsetSeconds, "20251202", Weekday::Tuesday, 60},
        {t0 + 5 * 86400, kWibOffsetSeconds, "20251206", Weekday::Saturday, 7 * 60},
        {-1, 0, "19691231", Weekday::Wednesday, 1439},
        {1'709'164'800, kWibOffsetSeconds, "20240229", Weekday::Thursday, 7 * 60},  // leap day
    };
    for (const Case& c : cases) {
        INFO(c.unix << " offset " << c.offset);
        const LocalMoment m = local_moment(c.unix, c.offset);
        CHECK(date_text(m.date) == c.date);
        CHECK(m.weekday == c.weekday);
        CHECK(m.minute_of_day == c.minute);
        CHECK(local_day_start(m.date, c.offset) <= c.unix);
        CHECK(local_day_start(m.date, c.offset) + 86400 > c.unix);
    }
    CHECK(date_iso(LocalDate{2025, 12, 1}) == "2025-12-01");
    CHECK(date_number(LocalDate{2025, 12, 1}) == 20251201);
    CHECK(date_from_number(20251201) == LocalDate{2025, 12, 1});
    for (const char* bad : {"", "2025121", "202512011", "2025-12-", "20251301", "20250230", "19991231", "2025120x"})
        CHECK_FALSE(parse_date_text(bad));
    CHECK(parse_date_text("20240229") == LocalDate{2024, 2, 29});
    CHECK_FALSE(parse_date_text("20250229"));
    CHECK_FALSE(clock_plausible(0));
    CHECK(clock_plausible(t0));
}
