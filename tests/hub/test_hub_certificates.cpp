// Certificates across kiosks and at the hub: the endorsement a kiosk gets at enrolment (or fetches
// later when enrolled before hubs gave one), a certificate kiosk A issues checked offline by kiosk
// B with nothing but its pinned province key, and the hub's verdicts by CLI and by the public
// HTTP route: valid, forged when altered, unknown_kiosk for a key it never enrolled, revoked.
#include <cstdio>

#include "lesson_kiosks.hpp"
#include "lessons/certificate.hpp"
#include "lessons/learner_card.hpp"
#include "sync/endorsement.hpp"
#include "sync/sync_store.hpp"

using namespace desa;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

std::string url_encode(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

sync::SignSecretKey kiosk_secret(const LessonKiosk& k) { return *sync::load_kiosk_secret(k.dir.path()); }

std::string issue(const LessonKiosk& k, const std::string& endorsement, const std::string& name = "Ibu Sari Wulandari") {
    const lessons::Certificate c{k.identity.kiosk_id, k.identity.village_code, "literasi-digital", {2026, 11, 29},
                                 lessons::new_learner_code(), name};
    return lessons::certificate_qr_text(c, kiosk_secret(k), endorsement);
}

json hub_verdict_http(HubSetup& hub, const std::string& qr) {
    const auto res = hub.client->Get(("/v1/certificates/verify?qr=" + url_encode(qr)).c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body);
}

}  // namespace

TEST_CASE("a certificate from kiosk A is valid offline at kiosk B and at the hub until A is revoked", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        LessonKiosk a(hub, "18.01.04.2001"), b(hub, "18.01.04.2002");

        // The endorsement came with the enrolment and vouches for A's own key.
        const auto endorsement = sync::kiosk_endorsement(a.db);
        REQUIRE(endorsement);
        CHECK(sync::endorsement_valid(a.identity, sync::public_key_of(kiosk_secret(a)), *endorsement));
        CHECK_FALSE(sync::endorsement_valid(b.identity, sync::public_key_of(kiosk_secret(b)), *endorsement));

        const std::string qr = issue(a, *endorsement);
        // Kiosk B, offline: its pinned province key is all it needs.
        const auto at_b = lessons::verify_certificate(qr, b.identity.province_sign_key, {sync::public_key_of(kiosk_secret(b))});
        CHECK(at_b.verdict == lessons::CertificateVerdict::Valid);
        CHECK_FALSE(at_b.issued_here);

        const auto cli = run_hub(hub.args({"lessons", "verify-certificate", qr, "--json"}));
        CHECK(cli.exit_code == 0);
        CHECK(cli.json()["verdict"] == "valid");
        const auto http = hub_verdict_http(hub, qr);
        CHECK(http["verdict"] == "valid");
        CHECK(http["kiosk_id"] == a.identity.kiosk_id);
        CHECK(http["village"] == "18.01.04.2001");
        CHECK(http["course"] == "literasi-digital");
        CHECK(http["day"] == "2026-11-29");
        CHECK(http["display_name"] == "Ibu Sari Wulandari");
        CHECK_FALSE(http.contains("learner"));

        // One character of the name changed (the certificate stays well-formed): forged everywhere.
        std::string altered = qr;
        const std::size_t name_at = altered.find(':', altered.find("20261129") + 9) + 3;
        altered[name_at] = altered[name_at] == 'A' ? 'B' : 'A';
        CHECK(lessons::verify_certificate(altered, b.identity.province_sign_key, {}).verdict ==
              lessons::CertificateVerdict::Forged);
        const auto forged = run_hub(hub.args({"lessons", "verify-certificate", altered, "--json"}));
        CHECK(forged.exit_code == 1);
        CHECK(forged.json()["verdict"] == "forged");
        CHECK(hub_verdict_http(hub, altered)["verdict"] == "forged");
        CHECK(hub_verdict_http(hub, "bukan sertifikat")["verdict"] == "unknown");

        // A key the hub never enrolled, even vouched for under a stolen kiosk id, is unknown to it.
        const auto stranger = sync::make_sign_key_pair();
        const lessons::Certificate fake{a.identity.kiosk_id, "18.01.04.2001", "literasi-digital", {2026, 11, 29},
                                        lessons::new_learner_code(), "Orang Lain"};
        const std::string self_made = lessons::certificate_qr_text(fake, stranger.secret_key, *endorsement);
        CHECK(hub_verdict_http(hub, self_made)["verdict"] == "unknown_kiosk");
        // Kiosk A's own key but another village than it enrolled for: not this hub's kiosk either.
        lessons::Certificate moved = fake;
        moved.village_code = "18.01.04.2005";
        CHECK(hub_verdict_http(hub, lessons::certificate_qr_text(moved, kiosk_secret(a), ""))["verdict"] == "unknown_kiosk");

        REQUIRE(run_hub(hub.args({"kiosk", "revoke", a.identity.kiosk_id})).exit_code == 0);
        const auto revoked = run_hub(hub.args({"lessons", "verify-certificate", qr}));
        CHECK(revoked.exit_code == 1);
        CHECK(revoked.out.find("revoked") != std::string::npos);
        CHECK(hub_verdict_http(hub, qr)["verdict"] == "revoked");

        // Missing or oversized input is a 400, not a verdict.
        CHECK(hub.client->Get("/v1/certificates/verify")->status == 400);
        CHECK(hub.client->Get(("/v1/certificates/verify?qr=" + std::string(1200, 'A')).c_str())->status == 400);
    }
}

TEST_CASE("a kiosk enrolled without an endorsement fetches it in a sync cycle, a revoked one gets none", "[hub][lessons]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        LessonKiosk a(hub, "18.01.04.2001");
        // As a kiosk enrolled by an older hub: no endorsement stored.
        sync::clear_state(a.db, sync::kStateKioskEndorsement);
        REQUIRE_FALSE(sync::kiosk_endorsement(a.db));
        // A certificate it issues meanwhile is its own: valid at the hub that enrolled its key.
        const std::string early = issue(a, "");
        CHECK(hub_verdict_http(hub, early)["verdict"] == "valid");

        REQUIRE(a.sync_once().ok);
        const auto fetched = sync::kiosk_endorsement(a.db);
        REQUIRE(fetched);
        CHECK(sync::endorsement_valid(a.identity, sync::public_key_of(kiosk_secret(a)), *fetched));

        // The route itself, for a kiosk as the test client speaks it; revoked: refused.
        auto other = hub.enrol_kiosk("18.01.04.2002");
        const auto res = hub.get(other, "/v1/kiosk/endorsement");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        const auto body = json::parse(res->body);
        CHECK(body["kiosk_id"] == other.id);
        CHECK(sync::verify_text(lessons::endorsement_text(other.id, "18.01.04.2002", other.key.public_key),
                                body["endorsement"].get<std::string>(), hub.keys.sign));
        REQUIRE(run_hub(hub.args({"kiosk", "revoke", other.id})).exit_code == 0);
        const auto refused = hub.get(other, "/v1/kiosk/endorsement");
        REQUIRE(refused);
        CHECK(refused->status == 401);
        CHECK(json::parse(refused->body)["error"] == "revoked");
        CHECK(hub.client->Get("/v1/kiosk/endorsement")->status == 401);
    }
}
