#pragma once
// desa-hub's HTTP API (docs/sync-protocol.md, docs/hub-api.yaml) on cpp-httplib: enrolment,
// signed kiosk requests, the outbox, the status feed, the content channels, learners' merged
// lesson progress, and the public certificate check.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "db/db_pool.hpp"
#include "model/province_keys.hpp"

namespace httplib {
class Server;
}

namespace desa::hub {

inline constexpr std::size_t kMaxOutboxRecords = 200;
inline constexpr std::size_t kMaxOutboxBytes = 1024 * 1024;       // uncompressed
inline constexpr std::size_t kMaxRequestBytes = 2 * 1024 * 1024;  // as sent
inline constexpr std::size_t kMaxEnrolBytes = 8 * 1024;

struct ServerConfig {
    std::filesystem::path data_dir;
    std::string db_url;
    std::size_t threads = 8;  // HTTP workers, and as many database connections
    std::string cert_file, key_file;  // both set: HTTPS
};

struct RouteInfo {
    std::string method;  // "GET", "POST"
    std::string path;    // OpenAPI form: /v1/channels/{name}/manifest
};

// Every route the server registers, in the OpenAPI path form (the spec test compares them).
std::vector<RouteInfo> hub_routes();
bool tls_available();  // cpp-httplib built with OpenSSL

class HubServer {
public:
    // Loads the province keys (KeyError) and checks the database (DbError, migrating it).
    explicit HubServer(ServerConfig config);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    // Binds (port 0: any free port) and returns the port, or -1 when it cannot bind.
    int bind(const std::string& host, int port);
    void run();   // serves until stop(); call after bind()
    void stop();  // from another thread or a signal watcher

    struct State;  // what the handlers share (keys, pool, data dir)

private:
    ServerConfig config_;
    std::unique_ptr<State> state_;
    std::unique_ptr<httplib::Server> http_;
};

}  // namespace desa::hub
