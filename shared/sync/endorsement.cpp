#include "sync/endorsement.hpp"

#include <algorithm>

#include "lessons/certificate.hpp"

namespace desa::sync {

SignPublicKey public_key_of(const SignSecretKey& secret) {
    SignPublicKey key;
    std::copy(secret.bytes.begin() + 32, secret.bytes.end(), key.bytes.begin());
    return key;
}

bool endorsement_valid(const Identity& identity, const SignPublicKey& kiosk_key, std::string_view endorsement) {
    return !endorsement.empty() && endorsement.size() <= 200 &&
           verify_text(lessons::endorsement_text(identity.kiosk_id, identity.village_code, kiosk_key), endorsement,
                       identity.province_sign_key);
}

std::optional<HubFailure> fetch_endorsement(SyncSession& s, const SignPublicKey& kiosk_key) {
    HubRequest req;
    req.path = "/v1/kiosk/endorsement";
    req.max_body = 16 * 1024;
    const auto answer = s.client.send(req);
    if (!answer.ok()) return answer.failure;
    HubFailure bad;
    const auto body = json_object(*answer.response, bad);
    if (!body) return bad;
    const auto it = body->find("endorsement");
    if (it == body->end() || !it->is_string()) return bad_answer("the endorsement answer lacks a field");
    const std::string endorsement = it->get<std::string>();
    // Checked against what this kiosk pinned, not what the answer says about it.
    if (!endorsement_valid(s.identity, kiosk_key, endorsement))
        return bad_answer("the endorsement does not verify with the pinned province key");
    set_state(s.db, kStateKioskEndorsement, endorsement);
    return std::nullopt;
}

}  // namespace desa::sync
