#include "server/hub_server.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <functional>

#include "db/hub_schema.hpp"
#include "server/handlers.hpp"
#include "server/request_auth.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;
using SignedHandler = void (*)(HubServer::State&, const httplib::Request&, httplib::Response&, SqlDb&, const Kiosk&);
using UnsignedHandler = void (*)(HubServer::State&, const httplib::Request&, httplib::Response&);

// The one list of routes: registered from here and reported by hub_routes() for the spec test.
struct Route {
    const char* method;
    const char* openapi_path;
    const char* pattern;
    SignedHandler handler;              // a kiosk's signed request
    UnsignedHandler unsigned_handler;   // when handler is nullptr: enrolment, certificate checks
};

constexpr Route kRoutes[] = {
    {"POST", "/v1/enroll", "/v1/enroll", nullptr, handle_enroll},
    {"POST", "/v1/outbox", "/v1/outbox", handle_outbox, nullptr},
    {"GET", "/v1/aspirations/updates", "/v1/aspirations/updates", handle_updates, nullptr},
    {"GET", "/v1/channels/{name}/manifest", "/v1/channels/([a-z0-9_]{1,32})/manifest", handle_manifest, nullptr},
    {"GET", "/v1/files/{sha256}", "/v1/files/([0-9a-f]{64})", handle_file, nullptr},
    {"GET", "/v1/kiosk/endorsement", "/v1/kiosk/endorsement", handle_endorsement, nullptr},
    // Any code reaches the handler (after the signature check), so a malformed one is a 400, not a 404.
    {"GET", "/v1/learners/{code}/progress", "/v1/learners/([^/]{1,64})/progress", handle_learner_progress, nullptr},
    {"GET", "/v1/certificates/verify", "/v1/certificates/verify", nullptr, handle_certificate_verify},
};

std::string error_code_for(int status) {
    switch (status) {
        case 400: return "bad_request";
        case 404: return "not_found";
        case 405: return "method_not_allowed";
        case 413: return "too_large";
        case 416: return "range_not_satisfiable";
        default: return status >= 500 ? "internal" : "error";
    }
}

}  // namespace

std::int64_t server_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& detail) {
    json body{{"error", code}, {"server_time", server_now()}};
    if (!detail.empty()) body["detail"] = detail;
    send_json(res, status, body);
}

std::vector<RouteInfo> hub_routes() {
    std::vector<RouteInfo> out;
    for (const auto& r : kRoutes) out.push_back({r.method, r.openapi_path});
    return out;
}

bool tls_available() {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    return true;
#else
    return false;
#endif
}

HubServer::HubServer(ServerConfig config) : config_(std::move(config)) {
    const auto keys = load_public_keys(config_.data_dir);
    const auto sign = load_sign_key(config_.data_dir);
    state_ = std::make_unique<State>(config_.data_dir, config_.db_url, config_.threads, sign, keys);
    migrate(*state_->pool.acquire());  // also proves the database answers before we listen

    if (!config_.cert_file.empty() || !config_.key_file.empty()) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
        http_ = std::make_unique<httplib::SSLServer>(config_.cert_file.c_str(), config_.key_file.c_str());
#else
        throw std::runtime_error("this desa-hub was built without TLS support");
#endif
    } else {
        http_ = std::make_unique<httplib::Server>();
    }
    if (!http_->is_valid()) throw std::runtime_error("cannot use the TLS certificate or key");

    auto& http = *http_;
    State* state = state_.get();
    const std::size_t threads = config_.threads == 0 ? 1 : config_.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Small signed requests and replies: Nagle's delay cost a PostgreSQL-backed heartbeat ~40 ms
    // (bench/sync: 243 -> 1,056 requests/s with it off).
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(kMaxRequestBytes);
    http.set_read_timeout(30);
    http.set_write_timeout(30);

    http.set_pre_routing_handler([](const httplib::Request& creq, httplib::Response&) {
        // cpp-httplib would inflate a gzip body before the handler sees it, unbounded, and then the
        // bytes the kiosk signed (the body as sent) would be gone; it would also cut Range answers
        // itself. The request object is ours (not const at its origin): hand both to our handlers.
        auto& req = const_cast<httplib::Request&>(creq);
        req.headers.erase(kBodyEncodingHeader);
        if (const auto it = req.headers.find("Content-Encoding"); it != req.headers.end()) {
            req.headers.emplace(kBodyEncodingHeader, it->second);
            req.headers.erase("Content-Encoding");
        }
        req.ranges.clear();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_header("X-Desa-Server-Time", std::to_string(server_now()));
    });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_error(res, res.status, error_code_for(res.status));
        return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            spdlog::error("{} {}: {}", req.method, req.path, e.what());
        } catch (...) {
            spdlog::error("{} {}: unknown exception", req.method, req.path);
        }
        send_error(res, 500, "internal");
    });
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        const auto level = res.status >= 400 ? spdlog::level::info : spdlog::level::debug;
        spdlog::log(level, "{} {} -> {} (kiosk {})", req.method, req.path, res.status,
                    req.get_header_value("X-Desa-Kiosk").substr(0, 64));
    });

    for (const auto& route : kRoutes) {
        httplib::Server::Handler handler;
        if (!route.handler) {
            handler = [state, fn = route.unsigned_handler](const httplib::Request& req, httplib::Response& res) {
                fn(*state, req, res);
            };
        } else {
            handler = [state, fn = route.handler](const httplib::Request& req, httplib::Response& res) {
                auto db = state->pool.acquire();
                const SignedHeaders h{req.get_header_value("X-Desa-Kiosk"), req.get_header_value("X-Desa-Time"),
                                      req.get_header_value("X-Desa-Nonce"), req.get_header_value("X-Desa-Signature")};
                const auto auth = authenticate_request(*db, req.method, req.target, h, req.body, server_now());
                if (!auth.kiosk) return send_error(res, 401, auth.error);
                fn(*state, req, res, *db, *auth.kiosk);
            };
        }
        if (std::string_view(route.method) == "GET")
            http.Get(route.pattern, handler);
        else
            http.Post(route.pattern, handler);
    }
}

HubServer::~HubServer() = default;

int HubServer::bind(const std::string& host, int port) {
    if (port == 0) return http_->bind_to_any_port(host);
    return http_->bind_to_port(host, port) ? port : -1;
}

void HubServer::run() { http_->listen_after_bind(); }

void HubServer::stop() { http_->stop(); }

}  // namespace desa::hub
