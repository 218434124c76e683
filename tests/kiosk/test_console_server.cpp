// The counter console over real HTTP on 127.0.0.1: the page and its texts, login with good and bad
// PINs and the lock-out (kept across a restart), CSRF and origin checks, the actions through the
// ticket state machine with clear errors for forbidden steps, and who-did-what-when in the state.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "console/console_http.hpp"
#include "test_console_fixture.hpp"

using namespace desa;
using desa::test::Browser;
using desa::test::ConsoleFixture;
using nlohmann::json;

TEST_CASE("console: the page, its texts in both languages, and nothing without a session", "[console]") {
    ConsoleFixture f;
    Browser b(f.port());
    const auto page = b.get("/");
    CHECK(page.status == 200);
    CHECK(page.text.find("/console.js") != std::string::npos);
    const auto csp = page.headers.find("Content-Security-Policy");
    REQUIRE(csp != page.headers.end());
    CHECK(csp->second.find("script-src 'self'") != std::string::npos);
    CHECK(page.headers.find("X-Frame-Options")->second == "DENY");
    CHECK(b.get("/console.js").status == 200);
    CHECK(b.get("/console.css").status == 200);
    CHECK(b.get("/../kiosk.db").status == 404);

    const auto id = b.get("/api/texts?lang=id");
    const auto en = b.get("/api/texts?lang=en");
    CHECK(id.body["console.action.call_next"] == "Panggil berikutnya");
    CHECK(en.body["console.action.call_next"] == "Call next");
    CHECK(id.body.size() == en.body.size());
    CHECK(b.get("/api/counters").body["counters"] == json::array({1, 2, 3}));

    CHECK(b.state().status == 401);
    CHECK(b.get("/api/session").status == 401);
    CHECK(b.act("call_next").status == 401);
}

TEST_CASE("console: login with the counter's PIN gives an HttpOnly SameSite=Strict session", "[console][login]") {
    ConsoleFixture f;
    Browser b(f.port());
    const auto r = b.login(1, test::kPinCounter1);
    REQUIRE(r.status == 200);
    CHECK(r.body["counter"] == 1);
    CHECK(r.body["csrf"].get<std::string>().size() == 64);
    const std::string cookie = r.headers.find("Set-Cookie")->second;
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(b.get("/api/session").body["counter"] == 1);
    CHECK(b.state().status == 200);

    CHECK(b.post("/api/logout", json::object()).status == 200);
    CHECK(b.state().status == 401);
}

TEST_CASE("console: wrong PINs count down, then the counter is locked, also after a restart", "[console][login]") {
    ConsoleFixture f;  // max_attempts 3, lockout 60 s
    Browser b(f.port());
    auto r = b.login(1, test::kPinCounters23);  // another counter's PIN is wrong here
    CHECK(r.status == 401);
    CHECK(r.body["error"] == "wrong_pin");
    CHECK(r.body["attempts_left"] == 2);
    CHECK(r.body["message"] == "PIN salah. Sisa percobaan: 2.");
    CHECK(b.login(1, "000000", "en").body["message"] == "Wrong PIN. Attempts left: 1.");
    r = b.login(1, "111111");
    CHECK(r.status == 429);
    CHECK(r.body["error"] == "locked");
    CHECK(r.body["seconds"] == 60);
    CHECK(b.login(1, test::kPinCounter1).status == 429);  // even the right PIN while locked
    CHECK(b.login(2, test::kPinCounters23).status == 200);  // other counters are not locked

    f.restart();
    Browser again(f.port());
    CHECK(again.login(1, test::kPinCounter1).status == 429);
    f.clock.advance(Millis{61'000});
    CHECK(again.login(1, test::kPinCounter1).status == 200);
}

TEST_CASE("console: malformed logins and POSTs are refused without counting", "[console][login]") {
    ConsoleFixture f;
    Browser b(f.port());
    CHECK(b.post("/api/login", json::array({1}), false).status == 400);
    CHECK(b.post("/api/login", {{"counter", "1"}, {"pin", "246813"}}, false).status == 400);
    CHECK(b.post("/api/login", {{"counter", 1}, {"pin", std::string(100, '1')}}, false).status == 400);
    CHECK(b.post("/api/login", {{"counter", 9}, {"pin", "246813"}}, false).body["error"] == "unknown_counter");
    // A cross-site form can only post text/plain or form data: refused before the PIN is looked at.
    CHECK(b.post("/api/login", {{"counter", 1}, {"pin", "246813"}}, false, {}, "text/plain").status == 415);
    CHECK(b.post("/api/login", {{"counter", 1}, {"pin", "246813"}}, false, {{"Origin", "http://evil.example"}}).status == 403);
    CHECK(b.post("/api/login", {{"counter", 1}, {"pin", "246813"}}, false, {{"Sec-Fetch-Site", "cross-site"}}).status == 403);
    CHECK(b.login(1, test::kPinCounter1).status == 200);  // nothing above used an attempt

    // Logged in: an action without the CSRF token, or with another one, is refused.
    f.take("domisili");
    CHECK(b.post("/api/action", {{"action", "call_next"}}, false).status == 403);
    CHECK(b.post("/api/action", {{"action", "call_next"}}, false, {{"X-CSRF-Token", std::string(64, 'a')}}).status == 403);
    CHECK(b.post("/api/action", {{"action", "fly"}}).status == 400);
    CHECK(b.post("/api/action", {{"action", "finish"}, {"ticket_id", "1"}}).status == 400);
    CHECK(b.post("/api/action", {{"action", "transfer"}, {"ticket_id", 1}}).status == 400);  // no target
    CHECK(b.post("/api/action", {{"action", "transfer"}, {"ticket_id", 1}, {"to_service", "../x"}}).status == 400);
    CHECK(b.state().body["services"][0]["waiting"] == 1);  // still waiting: nothing happened
}

TEST_CASE("console: a client outside the LAN is refused unless allow_all_interfaces", "[console]") {
    httplib::Request req;
    httplib::Response res;
    req.remote_addr = "8.8.8.8";
    CHECK_FALSE(console::screen_request(req, res, false));
    CHECK(res.status == 403);
    CHECK(console::screen_request(req, res, true));
    req.remote_addr = "192.168.1.23";
    CHECK(console::screen_request(req, res, false));

    ConsoleFixture f;
    f.options.listen = {"0.0.0.0", 0};
    CHECK_THROWS_AS(console::ConsoleServer(f.options, f.clock, f.events), console::ConsoleError);
    f.options.listen = {"8.8.8.8", 0};
    CHECK_THROWS_AS(console::ConsoleServer(f.options, f.clock, f.events), console::ConsoleError);
}

TEST_CASE("console: call next takes the priority lane first, then ticket time, each step records the counter",
          "[console][actions]") {
    ConsoleFixture f;
    const auto a1 = f.take("domisili");
    f.clock.advance(Millis{60'000});
    const auto a2 = f.take("domisili", queue::Lane::Priority);
    f.clock.advance(Millis{60'000});
    const auto s1 = f.take("sktm");
    Browser c1(f.port()), c2(f.port()), c3(f.port());
    REQUIRE(c1.login(1, test::kPinCounter1).status == 200);
    REQUIRE(c2.login(2, test::kPinCounters23).status == 200);
    REQUIRE(c3.login(3, test::kPinCounters23, "en").status == 200);

    auto r = c1.act("call_next");
    REQUIRE(r.status == 200);
    CHECK(r.body["ticket"]["number"] == a2.number);  // priority lane first
    CHECK(r.body["ticket"]["state"] == "called");
    CHECK(r.body["state"]["current"]["number"] == a2.number);
    CHECK(c1.act("call_next").body["error"] == "busy");  // one resident at a time

    f.clock.advance(Millis{30'000});
    CHECK(c1.act("recall", a2.id).body["ticket"]["recalls"] == 1);
    CHECK(c1.act("finish", a2.id).body["error"] == "not_allowed");  // called -> done is not a step
    CHECK(c1.act("serving", a2.id).body["ticket"]["state"] == "serving");
    CHECK(c1.act("no_show", a2.id).body["error"] == "not_allowed");
    const auto foreign = c3.act("finish", a2.id);  // counter 3 does not serve domisili
    CHECK(foreign.status == 409);
    CHECK(foreign.body["error"] == "wrong_counter");
    CHECK(foreign.body["message"] == "This counter does not serve that ticket's service.");
    CHECK(c2.act("finish", a2.id).body["error"] == "other_counter");  // serves it, but did not call it
    f.clock.advance(Millis{240'000});
    r = c1.act("finish", a2.id);
    REQUIRE(r.status == 200);
    CHECK(r.body["ticket"]["state"] == "done");
    CHECK(r.body["state"]["current"].is_null());

    // Counter 2 serves both services: the older regular ticket A001 before S001.
    r = c2.act("call_next");
    CHECK(r.body["ticket"]["number"] == a1.number);
    CHECK(c2.act("no_show", a1.id).body["ticket"]["state"] == "no_show");
    r = c2.act("call_next");
    CHECK(r.body["ticket"]["number"] == s1.number);
    // Transfer S001 to domisili: waiting again there, keeping its number and original time.
    r = c2.act("transfer", s1.id, "domisili");
    REQUIRE(r.status == 200);
    CHECK(r.body["ticket"]["state"] == "waiting");
    CHECK(r.body["ticket"]["service"] == "domisili");
    CHECK(r.body["ticket"]["issued_at"] == s1.issued_at);
    CHECK(c2.act("call_next").body["ticket"]["number"] == s1.number);
    CHECK(c2.act("transfer", s1.id, "bogus").body["error"] == "unknown_service");
    CHECK(c2.act("transfer", s1.id, "domisili").body["error"] == "same_service");
    CHECK(c3.act("call_next").body["error"] == "nobody_waiting");
    CHECK(c3.act("recall").body["error"] == "no_ticket");
    CHECK(c3.act("recall", 999).body["error"] == "unknown_ticket");

    // Who and when: the state lists every event of the current ticket with its counter.
    const auto state = c2.state().body;
    const auto& events = state["current"]["events"];
    REQUIRE(events.size() == 4);  // issued at the kiosk, called, transferred, called again
    CHECK(events[0]["action"] == "issue");
    CHECK(events[0]["counter"].is_null());
    CHECK(events[1]["action"] == "call");
    CHECK(events[1]["counter"] == 2);
    CHECK(events[2]["action"] == "transfer");
    CHECK(events[2]["service"] == "domisili");
    CHECK(events[3]["action"] == "call");
    CHECK(events[3]["at"].get<std::int64_t>() > 0);

    // Today's statistics and the last calls.
    const auto& domisili = state["services"][0];
    CHECK(domisili["id"] == "domisili");
    CHECK(domisili["mine"] == true);
    CHECK(domisili["served"] == 1);
    CHECK(domisili["no_shows"] == 1);
    CHECK(domisili["average_service_s"] == 240);
    CHECK(state["services"][1]["issued"] == 1);
    CHECK(state["last_calls"][0]["number"] == s1.number);
    CHECK(state["last_calls"][0]["counter"] == 2);
}

TEST_CASE("console: services the hub installed while it runs are served without a restart", "[console][actions]") {
    ConsoleFixture f;
    const auto a1 = f.take("domisili");
    Browser c1(f.port());
    REQUIRE(c1.login(1, test::kPinCounter1).status == 200);
    const auto service_ids = [&] {
        std::vector<std::string> ids;
        const auto state = c1.get("/api/state");  // kept: the loop must not outlive the reply
        for (const auto& s : state.body["services"]) ids.push_back(s["id"].get<std::string>());
        return ids;
    };
    const auto before = service_ids();
    CHECK(std::find(before.begin(), before.end(), "domisili") != before.end());
    CHECK(std::find(before.begin(), before.end(), "izin-usaha") == before.end());
    CHECK(c1.act("call_next").body["ticket"]["number"] == a1.number);
    CHECK(c1.act("transfer", a1.id, "izin-usaha").body["error"] == "unknown_service");

    // The kiosk's sync installs the hub's list: business permits join; domisili stays (its ticket
    // is still open) as a withdrawn service.
    std::ofstream(f.dir / "queue-services.toml")
        << "[[queue.service]]\nid = \"izin-usaha\"\nname_id = \"Surat Izin Usaha\"\nprefix = \"U\"\n"
           "counters = [1, 2]\n[queue.service.hours]\nmon = \"08:00-15:00\"\n";
    const auto ids = service_ids();
    CHECK(std::find(ids.begin(), ids.end(), "izin-usaha") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "domisili") != ids.end());
    const auto moved = c1.act("transfer", a1.id, "izin-usaha");
    REQUIRE(moved.status == 200);
    CHECK(moved.body["ticket"]["service"] == "izin-usaha");
}
