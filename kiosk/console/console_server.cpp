#include "console/console_server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <semaphore>
#include <sstream>
#include <thread>

#include "console/console_http.hpp"
#include "console/console_sessions.hpp"
#include "console/console_texts.hpp"
#include "console/counter_desk.hpp"
#include "console/counter_pins.hpp"
#include "queue/hub_services.hpp"
#include "queue/queue_watch.hpp"

namespace desa::console {

namespace {

using nlohmann::json;

constexpr int kMaxWaiters = 40;          // long-polls held at once; more get an answer at once
constexpr std::size_t kWorkerThreads = 56;  // long-polls hold a thread each; keep room for actions
constexpr std::size_t kMaxBodyBytes = 16 * 1024;

std::string read_asset(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConsoleError("counter console: cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// One SQLite connection per request in flight: connections are opened on demand and kept.
class ConnectionPool {
public:
    explicit ConnectionPool(std::filesystem::path file) : file_(std::move(file)) {}

    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<storage::Database> db) : pool_(pool), db_(std::move(db)) {}
        ~Lease() { pool_.give(std::move(db_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        storage::Database& operator*() { return *db_; }

    private:
        ConnectionPool& pool_;
        std::unique_ptr<storage::Database> db_;
    };

    Lease take() {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                auto db = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(db));
            }
        }
        return Lease(*this, std::make_unique<storage::Database>(queue::open_kiosk_connection(file_)));
    }

private:
    void give(std::unique_ptr<storage::Database> db) {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(db));
    }

    std::filesystem::path file_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<storage::Database>> idle_;
};

}  // namespace

struct ConsoleServer::Impl {
    ConsoleOptions options;
    const Clock& clock;
    queue::QueueEvents& events;
    ConsoleTexts texts;
    std::string html, js, css;
    SessionStore sessions;
    ConnectionPool pool;
    std::map<int, std::unique_ptr<std::mutex>> counter_locks;  // one per configured counter
    std::counting_semaphore<2> pin_checks{2};  // Argon2id uses 64 MiB each: two at a time
    std::atomic<int> waiters{0};
    std::atomic<bool> stopping{false};
    httplib::Server http;
    std::unique_ptr<queue::QueueWatcher> watcher;
    std::thread thread;
    int port = 0;

    Impl(ConsoleOptions o, const Clock& c, queue::QueueEvents& e)
        : options(std::move(o)),
          clock(c),
          events(e),
          texts(ConsoleTexts::load(options.assets_dir / "i18n")),
          html(read_asset(options.assets_dir / "console" / "console.html")),
          js(read_asset(options.assets_dir / "console" / "console.js")),
          css(read_asset(options.assets_dir / "console" / "console.css")),
          pool(options.kiosk_db) {
        for (const auto& c : options.counters) counter_locks[c.counter] = std::make_unique<std::mutex>();
    }

    // The services as the office runs them now: kiosk.toml's, or the hub's once a sync installed
    // them (read per request: a new version applies without restarting the console).
    queue::QueueConfig current_queue_config(storage::Database& db) const {
        return queue::effective_queue_config(options.queue, options.kiosk_db.parent_path(), db, clock.unix_seconds());
    }

    const queue::CounterLogin* login_of(int counter) const {
        for (const auto& c : options.counters)
            if (c.counter == counter) return &c;
        return nullptr;
    }

    void routes();
    void login(const httplib::Request&, httplib::Response&);
    void state(const httplib::Request&, httplib::Response&);
    void action(const httplib::Request&, httplib::Response&);
};

void ConsoleServer::Impl::login(const httplib::Request& req, httplib::Response& res) {
    if (!post_allowed(req, res, nullptr)) return;
    const json body = json::parse(req.body, nullptr, false);
    const bool has_lang = body.is_object() && body.contains("lang") && body["lang"].is_string();
    const auto lang = has_lang ? language_of(body["lang"].get<std::string>()) : i18n::Language::Indonesian;
    if (!body.is_object() || !body.contains("counter") || !body["counter"].is_number_integer() ||
        !body.contains("pin") || !body["pin"].is_string() || body["pin"].get<std::string>().size() > 64)
        return send_error(res, 400, "bad_request", texts.tr(lang, "console.error.bad_request"));
    const std::int64_t number = body["counter"].get<std::int64_t>();
    const auto* login = number >= 1 && number <= 99 ? login_of(static_cast<int>(number)) : nullptr;
    if (login == nullptr) return send_error(res, 400, "unknown_counter", texts.tr(lang, "console.error.unknown_counter"));

    security::PinCheck check{};
    {
        // One check at a time per counter, so parallel guesses cannot all pass before the count goes up.
        std::lock_guard counter_lock(*counter_locks.at(login->counter));
        pin_checks.acquire();
        try {
            auto db = pool.take();
            check = check_counter_pin(*db, clock, login->counter, login->pin_hash,
                                      security::LockoutPolicy{options.max_attempts, options.lockout_s},
                                      body["pin"].get<std::string>());
        } catch (...) {
            pin_checks.release();
            throw;
        }
        pin_checks.release();
    }
    switch (check.verdict) {
        case security::PinVerdict::Accepted: {
            const std::string token = sessions.open(login->counter, lang);
            const auto session = sessions.use(token);
            res.set_header("Set-Cookie", std::string(kCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
            spdlog::info("counter console: counter {} logged in from {}", login->counter, req.remote_addr);
            return send_json(res, 200, {{"counter", login->counter}, {"csrf", session->csrf},
                                        {"lang", i18n::language_code(lang)}});
        }
        case security::PinVerdict::Rejected:
            spdlog::info("counter console: wrong PIN for counter {} from {}", login->counter, req.remote_addr);
            return send_json(res, 401, {{"error", "wrong_pin"}, {"attempts_left", check.attempts_left},
                                        {"message", fill(texts.tr(lang, "console.error.wrong_pin"),
                                                         "{attempts}", std::to_string(check.attempts_left))}});
        case security::PinVerdict::LockedOut:
            spdlog::warn("counter console: counter {} locked for {} s", login->counter, check.locked_seconds);
            res.set_header("Retry-After", std::to_string(check.locked_seconds));
            return send_json(res, 429, {{"error", "locked"}, {"seconds", check.locked_seconds},
                                        {"message", fill(texts.tr(lang, "console.error.locked"), "{minutes}",
                                                         std::to_string((check.locked_seconds + 59) / 60))}});
    }
}

void ConsoleServer::Impl::state(const httplib::Request& req, httplib::Response& res) {
    const auto session = session_of(sessions, req);
    if (!session) return send_error(res, 401, "not_logged_in", texts.tr(i18n::Language::Indonesian, "console.error.not_logged_in"));
    std::uint64_t seq = events.sequence();
    if (const auto since = parse_sequence(req.get_param_value("since")); since && *since == seq && !stopping) {
        // Nothing new yet: hold the request until the queue changes (or the poll times out).
        const bool room = waiters.fetch_add(1) < kMaxWaiters;
        if (room) seq = events.wait_for_change(*since, options.long_poll);
        waiters.fetch_sub(1);
        if (!room) {  // every waiting slot taken: the page retries after a pause instead of spinning
            res.set_header("Retry-After", "2");
            return send_error(res, 503, "too_many_waiting", "");
        }
    }
    auto db = pool.take();
    queue::TicketQueue q(*db, current_queue_config(*db), clock);
    json out = desk_state(q, *db, session->second.counter);
    out["seq"] = std::to_string(seq);  // a string: JavaScript numbers lose digits past 2^53
    send_json(res, 200, out);
}

void ConsoleServer::Impl::action(const httplib::Request& req, httplib::Response& res) {
    const auto session = session_of(sessions, req);
    if (!session) return send_error(res, 401, "not_logged_in", texts.tr(i18n::Language::Indonesian, "console.error.not_logged_in"));
    if (!post_allowed(req, res, &session->second)) return;
    const auto lang = session->second.language;
    const int counter = session->second.counter;
    const auto request = parse_desk_request(json::parse(req.body, nullptr, false));
    if (!request) return send_error(res, 400, "bad_request", texts.tr(lang, "console.error.bad_request"));

    auto db = pool.take();
    queue::TicketQueue q(*db, current_queue_config(*db), clock);
    DeskOutcome outcome;
    {
        std::lock_guard counter_lock(*counter_locks.at(counter));
        outcome = perform(q, counter, request->action, request->ticket_id, request->to_service);
    }
    if (!outcome.ticket)
        return send_json(res, 409, {{"error", outcome.error}, {"message", texts.tr(lang, "console.error." + outcome.error)}});
    queue::publish_new_changes(*db, events);  // wake the other counters and the board now, not at the watcher's next round
    spdlog::info("counter console: counter {} {} {}", counter, desk_action_name(request->action), outcome.ticket->number);
    json out{{"ticket", ticket_json(*outcome.ticket)}, {"seq", std::to_string(events.sequence())}};
    out["state"] = desk_state(q, *db, counter);
    send_json(res, 200, out);
}

void ConsoleServer::Impl::routes() {
    http.new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    http.set_payload_max_length(kMaxBodyBytes);
    http.set_read_timeout(10);
    http.set_write_timeout(10);
    http.set_keep_alive_timeout(2);  // an idle connection holds a worker; stop() waits for it too
    http.set_default_headers(security_headers());
    const bool allow_all = options.allow_all_interfaces;
    http.set_pre_routing_handler([allow_all](const httplib::Request& req, httplib::Response& res) {
        return screen_request(req, res, allow_all) ? httplib::Server::HandlerResponse::Unhandled
                                                   : httplib::Server::HandlerResponse::Handled;
    });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, res.status == 404 ? "not_found" : "error", "");
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            spdlog::error("counter console: {} {}: {}", req.method, req.path, e.what());
        } catch (...) {
            spdlog::error("counter console: {} {}: unknown exception", req.method, req.path);
        }
        send_error(res, 500, "internal", "");
    });

    http.Get("/", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(html, "text/html; charset=utf-8");
    });
    http.Get("/console.js", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(js, "text/javascript; charset=utf-8");
    });
    http.Get("/console.css", [this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-cache");
        res.set_content(css, "text/css; charset=utf-8");
    });
    http.Get("/api/texts", [this](const httplib::Request& req, httplib::Response& res) {
        res.set_content(texts.json(language_of(req.get_param_value("lang"))), "application/json");
    });
    http.Get("/api/counters", [this](const httplib::Request&, httplib::Response& res) {
        json list = json::array();
        for (const auto& c : options.counters) list.push_back(c.counter);
        send_json(res, 200, {{"counters", list}});
    });
    http.Get("/api/session", [this](const httplib::Request& req, httplib::Response& res) {
        const auto session = session_of(sessions, req);
        if (!session) return send_error(res, 401, "not_logged_in", "");
        send_json(res, 200, {{"counter", session->second.counter}, {"csrf", session->second.csrf},
                             {"lang", i18n::language_code(session->second.language)}});
    });
    http.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) { login(req, res); });
    http.Post("/api/logout", [this](const httplib::Request& req, httplib::Response& res) {
        const auto session = session_of(sessions, req);
        if (session && !post_allowed(req, res, &session->second)) return;
        if (session) sessions.close(session->first);
        res.set_header("Set-Cookie", std::string(kCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        send_json(res, 200, {{"ok", true}});
    });
    http.Post("/api/lang", [this](const httplib::Request& req, httplib::Response& res) {
        const auto session = session_of(sessions, req);
        if (!session) return send_error(res, 401, "not_logged_in", "");
        if (!post_allowed(req, res, &session->second)) return;
        const json body = json::parse(req.body, nullptr, false);
        if (!body.is_object() || !body.contains("lang") || !body["lang"].is_string() ||
            !i18n::language_from_code(body["lang"].get<std::string>()))
            return send_error(res, 400, "bad_request", "");
        sessions.set_language(session->first, language_of(body["lang"].get<std::string>()));
        send_json(res, 200, {{"lang", body["lang"]}});
    });
    http.Get("/api/state", [this](const httplib::Request& req, httplib::Response& res) { state(req, res); });
    http.Post("/api/action", [this](const httplib::Request& req, httplib::Response& res) { action(req, res); });
}

ConsoleOptions console_options(const queue::ConsoleConfig& console, const queue::QueueConfig& queue,
                               const std::filesystem::path& data_dir, const std::filesystem::path& assets_dir) {
    ConsoleOptions o;
    o.listen = console.listen;
    o.allow_all_interfaces = console.allow_all_interfaces;
    o.max_attempts = console.max_attempts;
    o.lockout_s = console.lockout_s;
    o.counters = console.counters;
    o.queue = queue;
    o.kiosk_db = data_dir / "kiosk.db";
    o.assets_dir = assets_dir;
    return o;
}

ConsoleServer::ConsoleServer(ConsoleOptions options, const Clock& clock, queue::QueueEvents& events) {
    if (const std::string why = queue::listen_refusal(options.listen, options.allow_all_interfaces); !why.empty())
        throw ConsoleError("counter console: " + why);
    if (!queue::parse_listen_address(options.listen.host + ":" + std::to_string(options.listen.port)))
        throw ConsoleError("counter console: " + options.listen.host + " is not an IPv4 address");
    if (options.counters.empty()) throw ConsoleError("counter console: no [[console.counter]] to log in to");
    impl_ = std::make_unique<Impl>(std::move(options), clock, events);
    try {
        impl_->watcher = std::make_unique<queue::QueueWatcher>(impl_->options.kiosk_db, events, clock,
                                                               impl_->options.queue.utc_offset_s);
    } catch (const std::exception& e) {
        throw ConsoleError(std::string("counter console: ") + e.what());
    }
    impl_->routes();
    const auto& listen = impl_->options.listen;
    impl_->port = listen.port == 0 ? impl_->http.bind_to_any_port(listen.host)
                                   : (impl_->http.bind_to_port(listen.host, listen.port) ? listen.port : -1);
    if (impl_->port <= 0)
        throw ConsoleError("counter console: cannot listen on " + listen.host + ":" + std::to_string(listen.port) +
                           " (address not on this machine, or port in use)");
}

ConsoleServer::~ConsoleServer() { stop(); }

void ConsoleServer::start() {
    if (impl_->thread.joinable()) return;
    impl_->thread = std::thread([impl = impl_.get()] { impl->http.listen_after_bind(); });
    // httplib's stop() does nothing before its accept loop is running: a stop() right after
    // start() would otherwise leave the loop running and the join waiting forever.
    for (int i = 0; i < 5000 && !impl_->http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    spdlog::info("counter console on http://{}:{}/", impl_->options.listen.host, impl_->port);
}

void ConsoleServer::stop() {
    if (!impl_ || impl_->stopping.exchange(true)) return;
    impl_->events.wake_all();  // long-polls answer now, so the worker pool can be joined
    impl_->http.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->watcher.reset();
}

int ConsoleServer::port() const { return impl_->port; }
const std::string& ConsoleServer::host() const { return impl_->options.listen.host; }

}  // namespace desa::console
