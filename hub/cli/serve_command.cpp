// desa-hub serve --listen HOST:PORT: the HTTP API until SIGTERM/SIGINT.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <iostream>
#include <thread>

#include "cli/cli_context.hpp"
#include "server/hub_server.hpp"

namespace desa::hub {
namespace {

struct ServeArgs {
    std::string listen = "127.0.0.1:8080";
    std::string cert, key;
    bool allow_plain_http = false;
    std::size_t threads = 8;
};

struct HostPort {
    std::string host;
    int port = 0;
};

// "127.0.0.1:8080", "0.0.0.0:0", "[::1]:8443", "localhost:8080".
std::optional<HostPort> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::string host = text.substr(0, colon);
    if (host.starts_with("[") && host.ends_with("]")) host = host.substr(1, host.size() - 2);
    if (host.empty() || host.find_first_of(" /") != std::string::npos) return std::nullopt;
    const std::string port_text = text.substr(colon + 1);
    int port = -1;
    const auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (port_text.empty() || ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 ||
        port > 65535)
        return std::nullopt;
    return HostPort{host, port};
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.starts_with("127.");
}

int run_serve(CliContext& ctx, const ServeArgs& a) {
    const auto where = parse_listen(a.listen);
    if (!where) throw CommandError(kExitBadInput, "--listen must be HOST:PORT, not '" + a.listen + "'");
    if (a.cert.empty() != a.key.empty()) throw CommandError(kExitBadInput, "--cert and --key go together");
    const bool tls = !a.cert.empty();
    if (tls && !tls_available()) throw CommandError(kExitBadInput, "this desa-hub was built without TLS support");
    if (!tls && !is_loopback(where->host) && !a.allow_plain_http)
        throw CommandError(kExitBadInput, "refusing plain HTTP on " + where->host +
                                              ": give --cert and --key, or --allow-plain-http (e.g. behind a TLS "
                                              "proxy)");
    if (a.threads < 1 || a.threads > 256) throw CommandError(kExitBadInput, "--threads must be 1..256");
    ctx.ensure_data_dir();

    // SIGTERM/SIGINT are taken by a watcher thread (sigwait), blocked everywhere else: the HTTP
    // workers started below inherit the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    // A kiosk that hangs up mid-answer must not end the hub: OpenSSL writes without MSG_NOSIGNAL.
    ::signal(SIGPIPE, SIG_IGN);

    ServerConfig config{ctx.data_dir, ctx.db_url(), a.threads, a.cert, a.key};
    HubServer server(config);
    const int port = server.bind(where->host, where->port);
    if (port <= 0) throw CommandError(kExitFailed, "cannot listen on " + a.listen);
    const std::string shown = (where->host.find(':') != std::string::npos ? "[" + where->host + "]" : where->host) +
                              ":" + std::to_string(port);
    std::cout << "listening on " << shown << std::endl;  // tests and scripts read this line
    spdlog::info("desa-hub serving {} on {} ({}), database {}", tls ? "HTTPS" : "HTTP", shown,
                 a.threads == 1 ? "1 worker" : std::to_string(a.threads) + " workers", redact_db_url(config.db_url));

    std::thread watcher([&server, stop_signals] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        spdlog::info("signal {}: stopping", sig);
        server.stop();
    });
    server.run();
    // run() also ends when listening fails; wake the watcher so it can be joined.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, CliContext& ctx) {
    const std::string tls_note = tls_available()
                                     ? "HTTPS with --cert/--key."
                                     : "This build has NO TLS support: only loopback, or --allow-plain-http.";
    auto* serve = app.add_subcommand("serve", "Serve the kiosk API (docs/hub-api.yaml). Plain HTTP only on "
                                              "loopback unless --allow-plain-http; " +
                                                  tls_note);
    add_common_options(*serve, ctx);
    auto a = ctx.hold<ServeArgs>();
    serve->add_option("--listen", a->listen, "HOST:PORT (port 0: any free port; the real one is printed)");
    serve->add_option("--cert", a->cert, "TLS certificate chain (PEM)");
    serve->add_option("--key", a->key, "TLS private key (PEM)");
    serve->add_flag("--allow-plain-http", a->allow_plain_http, "Allow plain HTTP on a non-loopback address");
    serve->add_option("--threads", a->threads, "HTTP workers and database connections (default 8)");
    serve->callback([&ctx, a] { ctx.exit_code = run_serve(ctx, *a); });
}

}  // namespace desa::hub
