#pragma once
// The counter console: an HTTP server (cpp-httplib) on the hall's LAN serving one page
// (assets/console/) and a small JSON API for the staff at each counter.
//
//   GET  /                     the page (console.html, console.js, console.css)
//   GET  /api/texts?lang=id    the page's texts (assets/i18n/<lang>/console.po)
//   GET  /api/counters         the counters one can log in to
//   POST /api/login            {"counter": 1, "pin": "...", "lang": "id"} -> session cookie + csrf token
//   GET  /api/session          {"counter", "csrf", "lang"} of the cookie's session, 401 without
//   POST /api/logout, POST /api/lang {"lang": "en"}
//   GET  /api/state?since=SEQ  long-poll: answers when the queue's sequence differs from SEQ (at
//                              once when it already does) or after ~25 s, with the counter's state
//   POST /api/action           {"action": "call_next|recall|serving|finish|no_show|transfer",
//                               "ticket_id": 12, "to_service": "sktm"}
//
// Security: the session is an HttpOnly, SameSite=Strict cookie; every POST must be JSON and, once
// logged in, carry the session's CSRF token in X-CSRF-Token; a foreign Origin or a cross-site
// Sec-Fetch-Site is refused. Unless allow_all_interfaces, clients outside LAN address ranges are
// refused too. Each request works on its own SQLite connection (a pool), and each counter's actions
// are serialised, so TicketQueue's BEGIN IMMEDIATE decides between counters pressing at once.
#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

#include "core/clock.hpp"
#include "queue/console_config.hpp"
#include "queue/queue_config.hpp"
#include "queue/queue_events.hpp"

namespace desa::console {

struct ConsoleOptions {
    queue::ListenAddress listen;  // port 0: any free port (see ConsoleServer::port())
    bool allow_all_interfaces = false;
    int max_attempts = 5;
    int lockout_s = 300;
    std::vector<queue::CounterLogin> counters;
    queue::QueueConfig queue;          // kiosk.toml's [queue]; the hub's services replace it when installed
    std::filesystem::path kiosk_db;    // <data dir>/kiosk.db, already opened (migrated) by the process
    std::filesystem::path assets_dir;  // console/ and i18n/ inside
    std::chrono::milliseconds long_poll{25'000};
};

ConsoleOptions console_options(const queue::ConsoleConfig&, const queue::QueueConfig&,
                               const std::filesystem::path& data_dir, const std::filesystem::path& assets_dir);

class ConsoleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ConsoleServer {
public:
    // Loads the page and its texts and binds the address; throws ConsoleError when an asset is
    // missing, the address is refused (0.0.0.0 without allow_all_interfaces) or cannot be bound.
    ConsoleServer(ConsoleOptions options, const Clock& clock, queue::QueueEvents& events);
    ~ConsoleServer();  // stop()
    ConsoleServer(const ConsoleServer&) = delete;
    ConsoleServer& operator=(const ConsoleServer&) = delete;

    // Serves on its own thread (and the server's worker pool) until stop().
    void start();
    void stop();
    int port() const;
    const std::string& host() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace desa::console
