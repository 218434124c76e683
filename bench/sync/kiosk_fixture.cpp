#include "kiosk_fixture.hpp"

#include <iostream>
#include <stdexcept>

#include "storage/kiosk_schema.hpp"
#include "sync/enrolment.hpp"

namespace desa::bench_sync {

BenchKiosk enrol_kiosk(const BenchEnv& env, const fs::path& hub_data, const std::string& db_url,
                       const std::string& hub_url, const std::string& village, const fs::path& dir) {
    fs::create_directories(dir);
    auto db = storage::open_kiosk_database(dir);
    sync::EnrolRequest request;
    request.hub_url = hub_url;
    request.code = enrol_code(env, hub_data, db_url, village);
    request.kiosk_name = "bench";
    request.expected_village = village;
    const auto outcome = sync::enrol(db, dir, request);
    if (!outcome.identity)
        throw std::runtime_error("enrolment failed: " +
                                 std::string(outcome.problem ? sync::enrol_problem_name(*outcome.problem) : "?") +
                                 " " + outcome.detail);
    const auto secret = sync::load_kiosk_secret(dir);
    if (!secret) throw std::runtime_error("enrolled kiosk has no key file");
    return {dir, *outcome.identity, *secret};
}

std::unique_ptr<sync::HubClient> kiosk_client(const BenchKiosk& kiosk, const std::string& base_url) {
    auto client = std::make_unique<sync::HubClient>(base_url);
    client->set_identity(kiosk.identity.kiosk_id, kiosk.secret);
    return client;
}

void result(const std::string& key, const std::string& text) { std::cout << key << ": " << text << std::endl; }

}  // namespace desa::bench_sync
