#pragma once
// A counter console on 127.0.0.1 (a free port) over a fresh kiosk.db, with a manual clock on
// Monday 2025-12-01 09:00 WIB and services open all day: "domisili" (A, counters 1-2, priority
// lane) and "sktm" (S, counters 2-3). Counter 1's PIN is 246813, counters 2 and 3 share 975318.
// Browser is a cookie-keeping HTTP client that logs in and sends the CSRF token like the page.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "console/console_server.hpp"
#include "core/clock.hpp"
#include "kiosk_fixture.hpp"
#include "queue/ticket_queue.hpp"
#include "security/admin_pin.hpp"
#include "storage/kiosk_schema.hpp"

namespace desa::test {

inline constexpr const char* kPinCounter1 = "246813";
inline constexpr const char* kPinCounters23 = "975318";

inline queue::Service all_day_service(std::string id, char prefix, std::vector<int> counters, bool priority) {
    queue::Service s;
    s.id = std::move(id);
    s.name_id = "Layanan " + s.id;
    s.name_en = "Service " + s.id;
    s.prefix = prefix;
    s.counters = std::move(counters);
    for (auto& day : s.hours) day = *queue::parse_opening_hours("00:00-24:00");
    s.priority_lane = priority;
    return s;
}

inline queue::QueueConfig console_office() {
    queue::QueueConfig q;
    q.services.push_back(all_day_service("domisili", 'A', {1, 2}, true));
    q.services.push_back(all_day_service("sktm", 'S', {2, 3}, false));
    return q;
}

// Argon2id costs ~0.1 s: each PIN is hashed once per test run.
inline const std::string& hash_of(const std::string& pin) {
    static std::map<std::string, std::string> hashes;
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    auto& h = hashes[pin];
    if (h.empty()) h = security::hash_pin(pin);
    return h;
}

struct ConsoleFixture {
    std::filesystem::path dir;
    ManualClock clock;
    storage::Database db;  // the kiosk process's own connection (and the kiosk screen's tickets)
    queue::QueueEvents events;
    console::ConsoleOptions options;
    std::unique_ptr<console::ConsoleServer> server;

    static std::filesystem::path make_dir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "desa-console-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        return pattern;
    }

    explicit ConsoleFixture(queue::QueueConfig q = console_office(), std::vector<int> counters = {1, 2, 3})
        : dir(make_dir()), db(storage::open_kiosk_database(dir)) {
        clock.wall_seconds = 1'764'554'400;  // Monday 2025-12-01 09:00 WIB
        options.listen = {"127.0.0.1", 0};
        options.max_attempts = 3;
        options.lockout_s = 60;
        for (int c : counters) options.counters.push_back({c, hash_of(c == 1 ? kPinCounter1 : kPinCounters23)});
        options.queue = std::move(q);
        options.kiosk_db = dir / "kiosk.db";
        options.assets_dir = source_assets();
        start();
    }
    ~ConsoleFixture() {
        server.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    void start() {
        server = std::make_unique<console::ConsoleServer>(options, clock, events);
        server->start();
    }
    void restart() {
        server.reset();
        start();
    }
    int port() const { return server->port(); }

    // A ticket as the kiosk screen issues it, on the kiosk's own connection.
    queue::Ticket take(const std::string& service, queue::Lane lane = queue::Lane::Regular) {
        queue::TicketQueue q(db, options.queue, clock);
        auto r = q.take(service, lane);
        if (!r.ticket) throw std::runtime_error("take refused: " + std::string(queue::refusal_name(*r.refusal)));
        return *r.ticket;
    }
};

struct Reply {
    int status = 0;
    nlohmann::json body;
    httplib::Headers headers;
    std::string text;
};

class Browser {
public:
    explicit Browser(int port) : http_("127.0.0.1", port) {
        http_.set_read_timeout(60);
        http_.set_keep_alive(true);
    }

    Reply get(const std::string& path) { return reply(http_.Get(path.c_str(), headers(false))); }
    Reply post(const std::string& path, const nlohmann::json& body, bool with_csrf = true,
               httplib::Headers extra = {}, const std::string& type = "application/json") {
        auto h = headers(with_csrf);
        for (auto& kv : extra) h.insert(kv);
        return reply(http_.Post(path.c_str(), h, body.dump(), type.c_str()));
    }

    Reply login(int counter, const std::string& pin, const std::string& lang = "id") {
        Reply r = post("/api/login", {{"counter", counter}, {"pin", pin}, {"lang", lang}}, false);
        if (r.status == 200) {
            const std::string cookie = r.headers.find("Set-Cookie")->second;
            cookie_ = cookie.substr(0, cookie.find(';'));
            csrf_ = r.body["csrf"];
        }
        return r;
    }
    Reply act(const std::string& action, std::int64_t ticket_id = 0, const std::string& to = "") {
        nlohmann::json body{{"action", action}};
        if (ticket_id != 0) body["ticket_id"] = ticket_id;
        if (!to.empty()) body["to_service"] = to;
        return post("/api/action", body);
    }
    Reply state(const std::string& since = "") { return get("/api/state" + (since.empty() ? "" : "?since=" + since)); }
    void forget_cookie() { cookie_.clear(); }
    const std::string& csrf() const { return csrf_; }

private:
    httplib::Headers headers(bool with_csrf) const {
        httplib::Headers h;
        if (!cookie_.empty()) h.emplace("Cookie", cookie_);
        if (with_csrf && !csrf_.empty()) h.emplace("X-CSRF-Token", csrf_);
        return h;
    }
    static Reply reply(const httplib::Result& res) {
        Reply r;
        if (!res) throw std::runtime_error("HTTP request failed: " + httplib::to_string(res.error()));
        r.status = res->status;
        r.headers = res->headers;
        r.text = res->body;
        r.body = nlohmann::json::parse(res->body, nullptr, false);
        return r;
    }

    httplib::Client http_;
    std::string cookie_, csrf_;
};

}  // namespace desa::test
