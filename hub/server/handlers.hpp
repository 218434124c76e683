#pragma once
// Internal to the server: the state handlers share and the handlers themselves.
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "db/db_pool.hpp"
#include "model/kiosks.hpp"
#include "model/province_keys.hpp"
#include "server/hub_server.hpp"

namespace desa::hub {

struct HubServer::State {
    State(std::filesystem::path dir, const std::string& db_url, std::size_t connections, sync::SignKeyPair sign_key,
          ProvincePublicKeys public_keys)
        : data_dir(std::move(dir)), pool(db_url, connections), sign(sign_key), keys(public_keys) {}
    std::filesystem::path data_dir;
    DbPool pool;
    sync::SignKeyPair sign;
    ProvincePublicKeys keys;
};

std::int64_t server_now();
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
// {"error": code, "server_time": now}: the hub's time in every refusal lets a kiosk correct its clock.
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& detail = {});

// Header names the server uses between its pre-routing step and the handlers.
inline constexpr const char* kBodyEncodingHeader = "X-Desa-Hub-Body-Encoding";

void handle_enroll(HubServer::State& s, const httplib::Request& req, httplib::Response& res);
void handle_outbox(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                   const Kiosk& kiosk);
void handle_updates(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                    const Kiosk& kiosk);
void handle_manifest(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                     const Kiosk& kiosk);
void handle_file(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                 const Kiosk& kiosk);
void handle_endorsement(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                        const Kiosk& kiosk);
void handle_learner_progress(HubServer::State& s, const httplib::Request& req, httplib::Response& res, SqlDb& db,
                             const Kiosk& kiosk);
// Public: no kiosk signature (a librarian's phone or a web page checks a certificate).
void handle_certificate_verify(HubServer::State& s, const httplib::Request& req, httplib::Response& res);

}  // namespace desa::hub
