#pragma once
// One hub per backend for the API tests: a data directory with keys and Lampung's regions, a
// `desa-hub serve` process, an HTTP client, and enrolled test kiosks. Aspiration records are made
// by the kiosk's own aspirations::submit(), so the hub reads exactly what kiosks send.
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <memory>

#include "aspirations/aspiration_store.hpp"
#include "hub_fixture.hpp"
#include "hub_process.hpp"
#include "model/province_keys.hpp"
#include "server/gzip.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"

namespace desa::hub::test {

inline std::string lampung_csv() { return std::string(DESA_SOURCE_DIR) + "/assets/regions/wilayah-lampung.csv"; }

struct HubSetup {
    explicit HubSetup(TestBackend b) : backend(std::move(b)) {
        REQUIRE(run_hub(args({"keys", "init"})).exit_code == 0);
        if (std::filesystem::exists(lampung_csv())) REQUIRE(run_hub(args({"regions", "import", lampung_csv()})).exit_code == 0);
        keys = load_public_keys(data.path());
        hub = std::make_unique<HubProcess>(args({}));
        client = std::make_unique<httplib::Client>("127.0.0.1", hub->port());
        client->set_read_timeout(10, 0);
    }

    std::vector<std::string> args(std::vector<std::string> command) const {
        command.insert(command.end(), {"--data-dir", data.path().string(), "--db", backend.url});
        return command;
    }

    std::string enrol_code(const std::string& village = "18.01.04.2001") {
        const auto r = run_hub(args({"kiosk", "enroll", "--village", village, "--json"}));
        REQUIRE(r.exit_code == 0);
        return r.json()["code"].get<std::string>();
    }

    TestKiosk enrol_kiosk(const std::string& village = "18.01.04.2001") {
        TestKiosk k;
        const nlohmann::json body{{"code", enrol_code(village)},
                                  {"public_key", sync::encode_sign_public_key(k.key.public_key)},
                                  {"name", "Balai desa"}};
        const auto res = client->Post("/v1/enroll", body.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        k.id = nlohmann::json::parse(res->body)["kiosk_id"].get<std::string>();
        return k;
    }

    httplib::Result get(const TestKiosk& k, const std::string& target, httplib::Headers extra = {}) {
        auto h = k.sign("GET", target, "");
        h.insert(extra.begin(), extra.end());
        return client->Get(target.c_str(), h);
    }

    // POST /v1/outbox with the body gzipped, signed over the compressed bytes (as sent).
    httplib::Result post_outbox(const TestKiosk& k, const std::string& json_text) {
        const std::string body = gzip_compress(json_text);
        auto h = k.sign("POST", "/v1/outbox", body);
        h.emplace("Content-Encoding", "gzip");
        return client->Post("/v1/outbox", h, body, "application/json");
    }

    std::unique_ptr<SqlDb> db() const { return backend.open_migrated(); }

    TestBackend backend;
    desa::test::TempDir data;
    ProvincePublicKeys keys;
    std::unique_ptr<HubProcess> hub;
    std::unique_ptr<httplib::Client> client;
};

// `count` aspirations submitted on a real kiosk database, as outbox records (oldest first).
inline std::vector<sync::OutboxRecord> kiosk_aspirations(const security::BoxPublicKey& province, int count,
                                                         aspirations::Identity identity = aspirations::Identity::Anonymous) {
    spdlog::set_level(spdlog::level::warn);  // the kiosk database's migration notes
    desa::test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    aspirations::SubmitRules rules{"18.01.04.2001", province, 1000};
    for (int i = 0; i < count; ++i) {
        aspirations::Accepted a{aspirations::Kind::Complaint,
                                aspirations::Category::Infrastructure,
                                "Jalan rusak nomor " + std::to_string(i),
                                "Jalan di dusun kami berlubang besar sejak musim hujan.",
                                "Dusun Satu", "002", "001", std::nullopt, {}, identity, {}, {}, {}};
        if (identity != aspirations::Identity::Anonymous) {
            a.name = "Siti Aminah";
            a.nik = "1801044501900001";
            a.phone = "+6281234567890";
            a.photo = {0x89, 'P', 'N', 'G', 1, 2, 3};
        }
        const auto r = aspirations::submit(db, a, rules, 1'700'000'000 + i);
        REQUIRE(r.receipt);
    }
    return sync::pending(db, "aspirations", 1000);
}

inline std::string batch_json(const std::vector<sync::OutboxRecord>& records) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : records)
        list.push_back({{"uuid", r.uuid}, {"channel", r.channel}, {"created_at", r.created_at}, {"payload", r.payload}});
    return nlohmann::json{{"records", list}}.dump();
}

}  // namespace desa::hub::test
