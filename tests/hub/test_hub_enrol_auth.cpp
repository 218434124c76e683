// Through the real `desa-hub serve`: enrolment and every refusal of a signed request.
#include "hub_setup.hpp"
#include "model/kiosks.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

std::string error_of(const httplib::Result& res) { return json::parse(res->body).value("error", ""); }

void check_server_time(const httplib::Result& res) {
    REQUIRE(res->has_header("X-Desa-Server-Time"));
    const auto t = std::stoll(res->get_header_value("X-Desa-Server-Time"));
    CHECK(std::llabs(t - static_cast<long long>(std::time(nullptr))) <= 5);
}

}  // namespace

TEST_CASE("enrolment: a code works once, unknown, used and expired codes are refused", "[hub][api][enrol]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        desa::hub::test::TestKiosk kiosk;
        const std::string code = hub.enrol_code();
        const json request{{"code", code.substr(0, 4) + "-" + code.substr(4, 4) + "-" + code.substr(8)},  // as shown
                           {"public_key", desa::sync::encode_sign_public_key(kiosk.key.public_key)},
                           {"name", "Kios Balai Desa"}};
        auto res = hub.client->Post("/v1/enroll", request.dump(), "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        check_server_time(res);
        const auto answer = json::parse(res->body);
        desa::sync::EnrolAnswer a{answer["kiosk_id"], answer["village_code"], answer["village_name"],
                                  answer["province_sign_key"], answer["province_seal_key"], answer["server_time"]};
        CHECK(a.village_code == "18.01.04.2001");
        CHECK(a.village_name == "Hajimena");
        CHECK(a.province_sign_key == hub.keys.sign_base64());
        CHECK(a.province_seal_key == hub.keys.seal_base64());
        const auto sign_key = desa::sync::parse_sign_public_key(a.province_sign_key);
        REQUIRE(sign_key);
        CHECK(desa::sync::verify_text(desa::sync::enrol_answer_text(a), answer["signature"].get<std::string>(), *sign_key));
        CHECK(desa::sync::key_fingerprint(sign_key->bytes) == hub.keys.sign_fingerprint());
        const auto listed = run_hub(hub.args({"kiosk", "list", "--json"})).json();
        REQUIRE(listed.size() == 1);
        CHECK(listed[0]["id"] == a.kiosk_id);
        CHECK(listed[0]["name"] == "Kios Balai Desa");

        // The same code again, even with another key: used.
        desa::hub::test::TestKiosk other;
        json again = request;
        again["public_key"] = desa::sync::encode_sign_public_key(other.key.public_key);
        res = hub.client->Post("/v1/enroll", again.dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 403);
        CHECK(error_of(res) == "code_used");
        check_server_time(res);

        // Unknown: a well-formed code never issued, a typo (check character), garbage.
        for (const std::string& bad : {std::string("23456789ABCD"), code.substr(0, 11) + (code[11] == 'Z' ? "Y" : "Z"),
                                      std::string("not a code"), std::string(500, 'A')}) {
            json body = again;
            body["code"] = bad;
            res = hub.client->Post("/v1/enroll", body.dump(), "application/json");
            REQUIRE(res);
            CHECK(res->status == 403);
            CHECK(error_of(res) == "code_unknown");
        }

        // Expired: a code made an hour ago, valid for ten minutes.
        const auto now = static_cast<std::int64_t>(std::time(nullptr));
        const auto expired = create_enrol_code(*hub.db(), "18.01.04.2001", "", 600, now - 3600);
        json late = again;
        late["code"] = expired.code;
        res = hub.client->Post("/v1/enroll", late.dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 403);
        CHECK(error_of(res) == "code_expired");

        // Malformed requests.
        for (const std::string& body : {std::string("not json"), std::string("[]"), std::string("{\"code\": 5}"),
                                       json{{"code", expired.code}, {"public_key", "AAAA"}}.dump(),
                                       json{{"code", expired.code},
                                            {"public_key", desa::sync::encode_sign_public_key(other.key.public_key)},
                                            {"name", "bad\nname"}}
                                           .dump()}) {
            res = hub.client->Post("/v1/enroll", body, "application/json");
            REQUIRE(res);
            CHECK(res->status == 400);
        }
        CHECK(hub.hub->stop() == 0);
    }
}

TEST_CASE("signed requests: unknown, revoked, bad signature, clock skew and replay are refused", "[hub][api][auth]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        const std::string target = "/v1/aspirations/updates?after=0";

        auto res = hub.get(kiosk, target);
        REQUIRE(res);
        CHECK(res->status == 200);
        check_server_time(res);

        {  // "unknown kiosk"
            auto stranger = kiosk;
            stranger.id = "NOSUCHKIOSK";
            res = hub.get(stranger, target);
            REQUIRE(res);
            CHECK(res->status == 401);
            CHECK(error_of(res) == "unknown_kiosk");
            res = hub.client->Get(target.c_str());  // no headers at all
            REQUIRE(res);
            CHECK(error_of(res) == "unknown_kiosk");
        }
        {  // "bad signatures"
            auto impostor = kiosk;
            impostor.key = desa::sync::make_sign_key_pair();  // right id, wrong key
            res = hub.get(impostor, target);
            REQUIRE(res);
            CHECK(res->status == 401);
            CHECK(error_of(res) == "bad_signature");

            // Signed for one query, sent with another.
            auto h = kiosk.sign("GET", "/v1/aspirations/updates?after=0", "");
            res = hub.client->Get("/v1/aspirations/updates?after=5", h);
            REQUIRE(res);
            CHECK(error_of(res) == "bad_signature");
            // Signed as POST, sent as GET.
            h = kiosk.sign("POST", target, "");
            res = hub.client->Get(target.c_str(), h);
            CHECK(error_of(res) == "bad_signature");

            // Malformed headers: time, nonce, signature.
            for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
                     {"X-Desa-Time", "soon"}, {"X-Desa-Time", "-5"}, {"X-Desa-Nonce", "XYZ"},
                     {"X-Desa-Nonce", std::string(32, 'G')}, {"X-Desa-Signature", "%%%"}, {"X-Desa-Signature", ""}}) {
                h = kiosk.sign("GET", target, "");
                h.erase(name);
                h.emplace(name, value);
                res = hub.client->Get(target.c_str(), h);
                REQUIRE(res);
                CHECK(res->status == 401);
                CHECK(error_of(res) == "bad_signature");
            }
        }
        {  // "clock skew: refused with the hub's time, accepted once corrected"
            auto drifted = kiosk;
            drifted.clock_offset = -(static_cast<std::int64_t>(std::time(nullptr)) - 100);  // a Pi back in 1970
            res = hub.get(drifted, target);
            REQUIRE(res);
            CHECK(res->status == 401);
            CHECK(error_of(res) == "clock_skew");
            const auto server_time = json::parse(res->body)["server_time"].get<std::int64_t>();
            CHECK(std::llabs(server_time - static_cast<long long>(std::time(nullptr))) <= 5);
            // The kiosk stores server_time - local time and signs again.
            const std::int64_t local = static_cast<std::int64_t>(std::time(nullptr)) + drifted.clock_offset;
            drifted.clock_offset += server_time - local;
            res = hub.get(drifted, target);
            REQUIRE(res);
            CHECK(res->status == 200);
            // 301 s ahead is too far, 250 s is fine.
            drifted = kiosk;
            drifted.clock_offset = 301 + 5;
            CHECK(error_of(hub.get(drifted, target)) == "clock_skew");
            drifted.clock_offset = 250;
            CHECK(hub.get(drifted, target)->status == 200);
        }
        {  // "replay: the same signed request twice"
            const auto h = kiosk.sign("GET", target, "");
            res = hub.client->Get(target.c_str(), h);
            REQUIRE(res);
            CHECK(res->status == 200);
            res = hub.client->Get(target.c_str(), h);
            REQUIRE(res);
            CHECK(res->status == 401);
            CHECK(error_of(res) == "replayed");
            // A bad request does not burn its nonce: a forger cannot block the kiosk's next request.
            const std::string nonce = desa::sync::random_nonce_hex();
            auto forged = kiosk.sign("GET", target, "", nonce);
            forged.erase("X-Desa-Signature");
            forged.emplace("X-Desa-Signature", kiosk.sign("GET", "/other", "", nonce).find("X-Desa-Signature")->second);
            CHECK(error_of(hub.client->Get(target.c_str(), forged)) == "bad_signature");
            CHECK(hub.client->Get(target.c_str(), kiosk.sign("GET", target, "", nonce))->status == 200);
        }
        {  // "every answer carries the hub's time, also errors of the HTTP layer"
            for (const char* path : {"/", "/v1/nothing", "/v1/files/xyz"}) {
                res = hub.client->Get(path);
                REQUIRE(res);
                CHECK(res->status == 404);
                check_server_time(res);
            }
        }
        {  // "revoked"
            REQUIRE(run_hub(hub.args({"kiosk", "revoke", kiosk.id})).exit_code == 0);
            res = hub.get(kiosk, target);
            REQUIRE(res);
            CHECK(res->status == 401);
            CHECK(error_of(res) == "revoked");
            check_server_time(res);
            const auto listed = run_hub(hub.args({"kiosk", "list", "--json"})).json();
            CHECK_FALSE(listed[0]["revoked_at"].is_null());
            CHECK(run_hub(hub.args({"kiosk", "revoke", "NOSUCHKIOSK"})).exit_code == 1);
        }
    }
}
