// desa-hub queue appointment issue | list through the real binary: the QR it writes as a PNG,
// read back by the kiosk's own scan pipeline (ZXing), checks a resident in at the kiosk's queue
// (queue::QueueVisit) ahead of walk-ins within its window; too early, expired, forged and other
// villages' codes are refused; bad arguments store nothing.
#include <fstream>
#include <map>

#include "cli/cli_context.hpp"
#include "hub_setup.hpp"
#include "queue/queue_visit.hpp"
#include "scan/barcode_scan.hpp"
#include "shared/queue_fixture.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

constexpr const char* kVillage = "18.01.04.2001";

// A day a few days ahead in WIB (the hub refuses windows already over), 09:00-10:00.
struct Slot {
    desa::queue::LocalDate day;
    std::int64_t from = 0, until = 0;
    std::string from_text;
};

Slot slot_days_ahead(int days) {
    const std::int64_t now = now_seconds();
    Slot s;
    s.day = desa::queue::local_date(now + days * 86400LL, desa::queue::kWibOffsetSeconds);
    s.from = desa::queue::local_day_start(s.day, desa::queue::kWibOffsetSeconds) + 9 * 3600;
    s.until = s.from + 3600;
    s.from_text = desa::queue::date_iso(s.day) + " 09:00";
    return s;
}

int appointment_count(HubSetup& hub) {
    const auto r = run_hub(hub.args({"queue", "appointment", "list", "--json"}));
    REQUIRE(r.exit_code == 0);
    return static_cast<int>(r.json().size());
}

struct KioskOffice : desa::test::QueueFixture {
    desa::sync::SignPublicKey province;
    std::string village = kVillage;
    explicit KioskOffice(desa::sync::SignPublicKey key) : province(key) {}
    desa::queue::QueueDesk desk() {
        return {queue, clock.unix_seconds(), dir.path(), village, std::optional(province)};
    }
    // The text typed (or read by a USB scanner) into the check field.
    bool check(desa::queue::QueueVisit& v, const std::string& text) {
        v.clear_check();
        v.code.insert(text);
        auto d = desk();
        return v.check(d);
    }
};

}  // namespace

TEST_CASE("hub appointment: the PNG's QR checks in at the kiosk ahead of walk-ins, within its window",
          "[hub][queue][appointment]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        const Slot slot = slot_days_ahead(3);
        desa::test::TempDir out;
        const auto png = out / "janji.png";
        const auto issued = run_hub(hub.args({"queue", "appointment", "issue", "--village", "1801042001", "--service",
                                              "domisili", "--from", slot.from_text, "--to", "10:00", "--note",
                                              "Bawa KK asli", "--png", png.string(), "--json"}));
        INFO(issued.err);
        REQUIRE(issued.exit_code == 0);
        const json a = issued.json();
        CHECK(a["village"] == kVillage);
        CHECK(a["service"] == "domisili");
        CHECK(a["valid_from"] == slot.from);
        CHECK(a["valid_until"] == slot.until);
        const std::string id = a["id"];
        CHECK(id.size() == 10);
        const std::string qr = a["qr"];
        CHECK(qr.starts_with("DESA-JANJI:1:" + std::string(kVillage) + ":" + id + ":domisili:" +
                             std::to_string(slot.from) + ":" + std::to_string(slot.until) + ":"));
        CHECK(qr.find("Bawa") == std::string::npos);  // the note stays at the hub

        // The PNG, read as the kiosk's camera pictures are.
        std::string error;
        const auto image = desa::scan::load_image(png, error);
        REQUIRE(image);
        const auto codes = desa::scan::read_codes(*image);
        REQUIRE(codes.size() == 1);
        CHECK(codes[0].kind == desa::scan::CodeKind::Appointment);
        CHECK(codes[0].text == qr);

        // The kiosk pinned the province key at enrolment.
        KioskOffice office(hub.keys.sign);
        desa::queue::QueueVisit v;
        office.at(slot.from - 60);
        CHECK_FALSE(office.check(v, codes[0].text));
        CHECK(v.problem == desa::queue::CodeProblem::TooEarly);
        office.at(slot.until);
        CHECK_FALSE(office.check(v, codes[0].text));
        CHECK(v.problem == desa::queue::CodeProblem::Expired);

        // Two walk-ins first, then the appointment, within its window.
        office.at(slot.from + 60);
        const auto walk_in = office.queue.take("domisili");
        REQUIRE(walk_in.ticket);
        REQUIRE(office.queue.take("domisili").ticket);
        office.at(slot.from + 600);
        REQUIRE(office.check(v, codes[0].text));
        REQUIRE(v.issued);
        CHECK(v.issued->ticket.lane == desa::queue::Lane::Appointment);
        CHECK(v.issued->ticket.appointment_id == id);
        CHECK(v.issued->line.position == 1);
        const auto called = office.queue.call_next(1);
        REQUIRE(called.ticket);
        CHECK(called.ticket->appointment_id == id);  // ahead of both walk-ins
        // Once only.
        CHECK_FALSE(office.check(v, codes[0].text));
        CHECK(v.problem == desa::queue::CodeProblem::AlreadyCheckedIn);

        // Altered (another service, a longer window), or signed by another key: forged.
        const std::vector<std::pair<std::string, std::string>> altered{
            {":domisili:", ":sktm:"}, {std::to_string(slot.until), std::to_string(slot.until + 3600)}, {id, "ZZZZZZZZZZ"}};
        for (const auto& [from, to] : altered) {
            std::string text = qr;
            text.replace(text.find(from), from.size(), to);
            INFO(text);
            CHECK_FALSE(office.check(v, text));
            CHECK(v.problem == desa::queue::CodeProblem::Forged);
        }
        KioskOffice other_province(desa::sync::make_sign_key_pair().public_key);
        other_province.at(slot.from + 600);
        desa::queue::QueueVisit w;
        CHECK_FALSE(other_province.check(w, qr));
        CHECK(w.problem == desa::queue::CodeProblem::Forged);
        // Another village's office.
        KioskOffice neighbour(hub.keys.sign);
        neighbour.village = "18.01.04.2002";
        neighbour.at(slot.from + 600);
        CHECK_FALSE(neighbour.check(w, qr));
        CHECK(w.problem == desa::queue::CodeProblem::OtherVillage);

        // Listed, by region prefix.
        const auto list = run_hub(hub.args({"queue", "appointment", "list", "--village", "18.01", "--json"}));
        REQUIRE(list.exit_code == 0);
        REQUIRE(list.json().size() == 1);
        CHECK(list.json()[0]["id"] == id);
        CHECK(list.json()[0]["note"] == "Bawa KK asli");
        CHECK(list.json()[0]["qr"] == qr);
        const auto elsewhere = run_hub(hub.args({"queue", "appointment", "list", "--village", "18.72", "--json"}));
        REQUIRE(elsewhere.exit_code == 0);
        CHECK(elsewhere.json().empty());
        const auto text_list = run_hub(hub.args({"queue", "appointment", "list"}));
        CHECK(text_list.out.find(id) != std::string::npos);
        // The text form prints the QR text too.
        const auto plain = run_hub(hub.args({"queue", "appointment", "issue", "--village", kVillage, "--service",
                                             "sktm", "--from", slot.from_text, "--to", "09:15"}));
        REQUIRE(plain.exit_code == 0);
        CHECK(plain.out.find("DESA-JANJI:1:") != std::string::npos);
        CHECK(appointment_count(hub) == 2);
    }
}

TEST_CASE("hub appointment: bad arguments are refused and store nothing", "[hub][queue][appointment]") {
    auto backends = test_backends();
    HubSetup hub(std::move(backends.front()));
    const Slot slot = slot_days_ahead(2);
    const std::string yesterday = desa::queue::date_iso(
        desa::queue::local_date(now_seconds() - 86400, desa::queue::kWibOffsetSeconds)) + " 09:00";
    const std::string next_year = desa::queue::date_iso(
        desa::queue::local_date(now_seconds() + 400 * 86400LL, desa::queue::kWibOffsetSeconds)) + " 09:00";
    struct Case {
        std::vector<std::string> args;
        int exit_code;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"--village", "18.01.04"}, 2, "not a desa/kelurahan code"},
        {{"--village", "18.01.04.9999"}, 1, "not in the imported regions"},
        {{"--service", "Domisili!"}, 2, "not a service id"},
        {{"--service", ""}, 2, "not a service id"},
        {{"--from", "2025-13-01 09:00"}, 2, "--from"},
        {{"--from", "2025-12-01T09:00"}, 2, "--from"},
        {{"--from", "2025-12-01 25:00"}, 2, "--from"},
        {{"--to", "9:30"}, 2, "--to"},
        {{"--to", "08:59"}, 2, "not after the start"},
        {{"--to", "09:00"}, 2, "not after the start"},
        {{"--from", yesterday}, 2, "already over"},
        {{"--from", next_year}, 2, "more than a year ahead"},
        {{"--timezone", "UTC"}, 2, "--timezone"},
        {{"--note", "baris\nkedua"}, 2, "--note"},
        {{"--note", std::string(201, 'x')}, 2, "--note"},
    };
    for (const auto& c : cases) {
        std::map<std::string, std::string> options{
            {"--village", kVillage}, {"--service", "domisili"}, {"--from", slot.from_text}, {"--to", "10:00"}};
        options[c.args.front()] = c.args.back();
        std::vector<std::string> args{"queue", "appointment", "issue"};
        for (const auto& [name, value] : options) args.insert(args.end(), {name, value});
        const auto r = run_hub(hub.args(args));
        INFO(c.args.front() << " " << c.args.back() << ": " << r.err);
        CHECK(r.exit_code == c.exit_code);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
    // The window may end at 23:59 and start at 00:00 of its day.
    const std::string early = desa::queue::date_iso(slot.day) + " 00:00";
    const auto ok = run_hub(hub.args({"queue", "appointment", "issue", "--village", kVillage, "--service", "domisili",
                                      "--from", early, "--to", "08:00", "--timezone", "WIT", "--json"}));
    REQUIRE(ok.exit_code == 0);
    CHECK(ok.json()["valid_from"] == desa::queue::local_day_start(slot.day, desa::queue::kWitOffsetSeconds));
    CHECK(appointment_count(hub) == 1);
    CHECK(run_hub(hub.args({"queue", "appointment", "list", "--village", "18.x"})).exit_code == 2);

    // Once the village's services are published, only those can be booked.
    desa::test::TempDir files;
    const auto services = files / "layanan.toml";
    {
        std::ofstream(services) << "[[queue.service]]\nid = \"ktp\"\nname_id = \"Pengantar KTP\"\nprefix = \"K\"\n"
                                   "counters = [1]\n[queue.service.hours]\nmon = \"08:00-12:00\"\n";
    }
    REQUIRE(run_hub(hub.args({"content", "publish", "queue-services", services.string(), "--village", kVillage}))
                .exit_code == 0);
    const auto unknown = run_hub(hub.args({"queue", "appointment", "issue", "--village", kVillage, "--service",
                                           "domisili", "--from", slot.from_text, "--to", "10:00"}));
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("not among the services published") != std::string::npos);
    CHECK(run_hub(hub.args({"queue", "appointment", "issue", "--village", kVillage, "--service", "ktp", "--from",
                            slot.from_text, "--to", "10:00"}))
              .exit_code == 0);
    // Another village has published nothing: any well-formed service id.
    CHECK(run_hub(hub.args({"queue", "appointment", "issue", "--village", "18.01.04.2002", "--service", "domisili",
                            "--from", slot.from_text, "--to", "10:00"}))
              .exit_code == 0);
    CHECK(appointment_count(hub) == 3);
}
