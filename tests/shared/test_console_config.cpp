// [console] of kiosk.toml: the LAN address rules (no 0.0.0.0, no public address unless
// allow_all_interfaces), counters that must serve a service, PIN hashes, limits, unknown keys;
// and the table read through parse_kiosk_config.
#include <catch2/catch.hpp>

#include "config/kiosk_config.hpp"
#include "queue/console_config.hpp"

using namespace desa::queue;
using desa::config::ProblemKind;

namespace {

const std::string kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$W5xJp9yF0/VYR0nqUhb8hRcBtLrNMRiE5mXs8yM8m2s";

QueueConfig office() {
    QueueConfig q;
    Service s;
    s.id = "domisili";
    s.name_id = "Domisili";
    s.counters = {1, 2};
    q.services.push_back(s);
    return q;
}

ConsoleConfigLoad parse(const std::string& text) {
    return parse_console_config(*toml::parse(text)["console"].as_table(), office(), "kiosk.toml");
}

std::string counter(int n) { return "[[console.counter]]\nnumber = " + std::to_string(n) + "\npin_hash = \"" + kHash + "\"\n"; }

bool has(const ConsoleConfigLoad& load, const std::string& key, ProblemKind kind) {
    for (const auto& p : load.problems)
        if (p.key == key && p.kind == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("console config: a LAN address and counters with PIN hashes", "[console][config]") {
    const auto load = parse("[console]\nlisten = \"192.168.1.10:8080\"\nmax_attempts = 3\nlockout_s = 60\n" + counter(1) + counter(2));
    REQUIRE(load.problems.empty());
    CHECK(load.config->enabled);
    CHECK(load.config->listen.host == "192.168.1.10");
    CHECK(load.config->listen.port == 8080);
    CHECK_FALSE(load.config->allow_all_interfaces);
    CHECK(load.config->max_attempts == 3);
    CHECK(load.config->lockout_s == 60);
    REQUIRE(load.config->counters.size() == 2);
    CHECK(load.config->counters[1].counter == 2);
    CHECK(load.config->counters[1].pin_hash == kHash);
}

TEST_CASE("console config: 0.0.0.0 and public addresses need allow_all_interfaces", "[console][config]") {
    CHECK(has(parse("[console]\nlisten = \"0.0.0.0:8080\"\n" + counter(1)), "console.listen", ProblemKind::Inconsistent));
    CHECK(has(parse("[console]\nlisten = \"8.8.8.8:8080\"\n" + counter(1)), "console.listen", ProblemKind::Inconsistent));
    CHECK(parse("[console]\nlisten = \"0.0.0.0:8080\"\nallow_all_interfaces = true\n" + counter(1)).problems.empty());
    for (const char* lan : {"10.0.0.5", "172.16.0.1", "172.31.255.254", "192.168.0.2", "127.0.0.1", "169.254.3.4"})
        CHECK(is_lan_address(lan));
    for (const char* wan : {"172.32.0.1", "8.8.8.8", "192.169.0.1", "0.0.0.0", "100.64.0.1", "localhost", "010.0.0.1"})
        CHECK_FALSE(is_lan_address(wan));
}

TEST_CASE("console config: bad addresses, counters and hashes are reported per key", "[console][config]") {
    for (const char* bad : {"192.168.1.10", "192.168.1.10:0", "192.168.1.10:70000", "192.168.1:80", "host:80",
                            "[::1]:80", "192.168.1.10:80x", "256.1.1.1:80"}) {
        INFO(bad);
        CHECK(has(parse(std::string("[console]\nlisten = \"") + bad + "\"\n" + counter(1)), "console.listen",
                  ProblemKind::UnknownValue));
    }
    CHECK(has(parse("[console]\n" + counter(1)), "console.listen", ProblemKind::Missing));
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\n"), "console.counter", ProblemKind::Missing));
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\n" + counter(3)), "console.counter[0].number",
              ProblemKind::Inconsistent));  // counter 3 serves no service
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\n" + counter(1) + counter(1)), "console.counter[1].number",
              ProblemKind::Inconsistent));
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\n[[console.counter]]\nnumber = 1\npin_hash = \"246810\"\n"),
              "console.counter[0].pin_hash", ProblemKind::UnknownValue));
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\nmax_attempts = 50\n" + counter(1)), "console.max_attempts",
              ProblemKind::OutOfRange));
    CHECK(has(parse("[console]\nlisten = \"127.0.0.1:80\"\nport = 80\n" + counter(1)), "console.port", ProblemKind::UnknownKey));
    const auto pasted_pin = parse("[console]\nlisten = \"127.0.0.1:80\"\n[[console.counter]]\nnumber = 1\npin_hash = \"246810\"\n");
    for (const auto& p : pasted_pin.problems) CHECK(p.detail.find("246810") == std::string::npos);  // never echoed
}

TEST_CASE("console config: through kiosk.toml, absent means off", "[console][config]") {
    const auto registry = desa::regions::RegionRegistry::parse_csv(
        "code,parent_code,level,name\n18,,provinsi,Lampung\n18.01,18,kabupaten_kota,Kab\n18.01.04,18.01,kecamatan,Natar\n"
        "18.01.04.2001,18.01.04,desa_kelurahan,Hajimena\n",
        "regions.csv");
    const std::string base = "[village]\ncode = \"18.01.04.2001\"\n[security]\nadmin_pin_hash = \"" + kHash +
                             "\"\n[queue]\n[[queue.service]]\nid = \"domisili\"\nname_id = \"Domisili\"\nprefix = \"A\"\n"
                             "counters = [1]\n[queue.service.hours]\nmon = \"08:00-15:00\"\n";
    const auto off = desa::config::parse_kiosk_config(base, "kiosk.toml", registry);
    REQUIRE(off.problems.empty());
    CHECK_FALSE(off.config->console.enabled);
    const auto on = desa::config::parse_kiosk_config(base + "[console]\nlisten = \"192.168.1.10:8080\"\n" + counter(1),
                                                     "kiosk.toml", registry);
    REQUIRE(on.problems.empty());
    CHECK(on.config->console.enabled);
    CHECK(on.config->console.counters.size() == 1);
    const auto wrong = desa::config::parse_kiosk_config(base + "[console]\nlisten = \"192.168.1.10:8080\"\n" + counter(2),
                                                        "kiosk.toml", registry);
    CHECK_FALSE(wrong.config);
}
