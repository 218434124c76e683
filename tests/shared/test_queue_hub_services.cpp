// The queue services a hub publishes for a village (queue/hub_services): checked with the kiosk's
// own [queue] parser (every problem names its key), installed whole into the data directory (a bad
// version leaves the one in use), and used instead of kiosk.toml's, with a removed service's
// waiting tickets still callable and numbering continuing. A real kiosk.db and files.
#include <catch2/catch.hpp>

#include <fstream>

#include "queue/hub_services.hpp"
#include "queue_fixture.hpp"

using namespace desa;
using namespace desa::queue;

namespace {

std::string service_toml(const std::string& id, const std::string& prefix, const std::string& extra = "",
                         const std::string& counters = "[1, 2]") {
    return "[[queue.service]]\nid = \"" + id + "\"\nname_id = \"Layanan " + id + "\"\nprefix = \"" + prefix +
           "\"\ncounters = " + counters + "\n" + extra + "[queue.service.hours]\nmon = \"08:00-15:00\"\n";
}

void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

std::vector<std::string> ids(const QueueConfig& cfg) {
    std::vector<std::string> out;
    for (const auto& s : cfg.services) out.push_back(s.id + (s.withdrawn ? "(withdrawn)" : ""));
    return out;
}

}  // namespace

TEST_CASE("hub services channel name per village", "[queue][hub_services]") {
    CHECK(hub_services_channel("18.01.04.2001") == "queue_services_1801042001");
    CHECK(hub_services_channel("18.72.01.1001") == "queue_services_1872011001");
}

TEST_CASE("hub services file: the kiosk's parser, every problem named by its key", "[queue][hub_services]") {
    const auto good = parse_hub_services(service_toml("domisili", "A") + service_toml("sktm", "S", "daily_quota = 5\n"),
                                         "queue-services.toml");
    REQUIRE(good.problems.empty());
    REQUIRE(good.services);
    REQUIRE(good.services->size() == 2);
    CHECK((*good.services)[1].daily_quota == 5);

    struct Case {
        std::string text, key;
    };
    const std::vector<Case> cases{
        {service_toml("domisili", "a"), "queue.service[0].prefix"},
        {service_toml("Domisili", "A"), "queue.service[0].id"},
        {service_toml("domisili", "A") + service_toml("ktp", "A"), "queue.service[1].prefix"},
        {service_toml("domisili", "A") + service_toml("domisili", "B"), "queue.service[1].id"},
        {service_toml("domisili", "A", "daily_quota = 0\n"), "queue.service[0].daily_quota"},
        {service_toml("domisili", "A", "colour = \"red\"\n"), "queue.service[0].colour"},
        {"[queue]\ntimezone = \"WIB\"\n" + service_toml("domisili", "A"), "queue.timezone"},
        {"village = \"18.01.04.2001\"\n" + service_toml("domisili", "A"), "village"},
        {"[queue]\n", "queue.service"},
        {"", "queue.service"},
        {"[[queue.service]\nid = 1\n", ""},  // syntax
        {"[queue]\nservice = 3\n", "queue.service"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto load = parse_hub_services(c.text, "queue-services.toml");
        CHECK_FALSE(load.services);
        REQUIRE_FALSE(load.problems.empty());
        bool named = false;
        for (const auto& p : load.problems) named = named || p.key == c.key;
        CHECK(named);
        CHECK_FALSE(problem_line(load.problems.front()).empty());
    }
}

TEST_CASE("hub services install: whole files only, the one in use kept on refusal", "[queue][hub_services]") {
    test::TempDir data;
    const auto v1 = data / "content/v1", v2 = data / "content/v2", bad = data / "content/bad", big = data / "content/big";
    write(v1 / "queue-services.toml", service_toml("domisili", "A"));
    write(v2 / "queue-services.toml", service_toml("ktp", "K"));
    write(bad / "queue-services.toml", service_toml("ktp", "k"));
    write(big / "queue-services.toml", "# " + std::string(kMaxHubServicesBytes, 'x') + "\n" + service_toml("ktp", "K"));

    CHECK(install_hub_services(data.path(), data / "content/none") != std::nullopt);  // no file in the version
    CHECK_FALSE(std::filesystem::exists(data / kHubServicesFile));
    CHECK(install_hub_services(data.path(), v1) == std::nullopt);
    CHECK(test::read_file(data / kHubServicesFile) == service_toml("domisili", "A"));
    const auto refused = install_hub_services(data.path(), bad);
    REQUIRE(refused);
    CHECK(refused->find("queue.service[0].prefix") != std::string::npos);
    CHECK(install_hub_services(data.path(), big)->find("KiB") != std::string::npos);
    CHECK(test::read_file(data / kHubServicesFile) == service_toml("domisili", "A"));
    CHECK(install_hub_services(data.path(), v2) == std::nullopt);
    CHECK(test::read_file(data / kHubServicesFile) == service_toml("ktp", "K"));
    CHECK(test::read_file(data / kHubServicesPrevious) == service_toml("domisili", "A"));
}

TEST_CASE("hub services in use: removed services keep their waiting tickets callable", "[queue][hub_services]") {
    test::QueueFixture office;  // kiosk.toml: domisili (A, counters 1-2), sktm (S, counters 2-3)
    const QueueConfig configured = test::office_config();
    // No hub file: kiosk.toml's services.
    CHECK(ids(effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds())) ==
          std::vector<std::string>{"domisili", "sktm"});
    const auto a1 = office.take("domisili");
    const auto s1 = office.take("sktm");
    CHECK(a1.number == "A001");

    // The hub's version drops sktm and adds ktp: sktm stays, withdrawn, while S001 waits.
    write(office.dir / "v1" / "queue-services.toml",
          service_toml("domisili", "A") + service_toml("ktp", "K", "", "[3]"));
    REQUIRE(install_hub_services(office.dir.path(), office.dir / "v1") == std::nullopt);
    const QueueConfig now = effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds());
    CHECK(ids(now) == std::vector<std::string>{"domisili", "ktp", "sktm(withdrawn)"});
    const Service* sktm = find_service(now.services, "sktm");
    REQUIRE(sktm);
    CHECK(sktm->counters == std::vector<int>{2, 3});  // kiosk.toml's definition
    CHECK(sktm->name_id == "Layanan sktm");

    TicketQueue q(office.db, now, office.clock);
    CHECK(q.take("sktm").refusal == Refusal::UnknownService);  // no new tickets
    CHECK(q.take("domisili").ticket->number == "A002");        // numbering continues
    CHECK(q.take("ktp").ticket->number == "K001");
    CHECK(q.transfer(a1.id, "sktm", 1).refusal == Refusal::UnknownService);  // not into a withdrawn one
    const auto called = q.call_next(3);  // counter 3 serves ktp and the withdrawn sktm
    REQUIRE(called.ticket);
    CHECK(called.ticket->number == "S001");
    REQUIRE(q.start_serving(s1.id, 3).ticket);
    REQUIRE(q.finish(s1.id, 3).ticket);
    // Served: sktm is gone from the next list.
    CHECK(ids(effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds())) ==
          std::vector<std::string>{"domisili", "ktp"});

    // A service nobody describes any more (neither kiosk.toml nor the previous hub file) with a
    // ticket waiting: a stand-in callable at every counter of the office.
    auto kebun = test::make_service("kebun", 'B', {9}, "08:00-15:00");
    QueueConfig with_kebun = now;
    with_kebun.services.push_back(kebun);
    TicketQueue q2(office.db, with_kebun, office.clock);
    REQUIRE(q2.take("kebun").ticket);
    const QueueConfig later = effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds());
    const Service* stand_in = find_service(later.services, "kebun");
    REQUIRE(stand_in);
    CHECK(stand_in->withdrawn);
    CHECK(stand_in->prefix == 'B');
    CHECK(stand_in->counters == std::vector<int>{1, 2, 3});

    // A damaged hub file: kiosk.toml's services serve again.
    write(office.dir / kHubServicesFile, "[[queue.service]\n");
    CHECK(ids(effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds()))[0] ==
          "domisili");
    CHECK(find_service(effective_queue_config(configured, office.dir.path(), office.db, office.clock.unix_seconds()).services,
                       "sktm") != nullptr);
}
