#pragma once
// The province's endorsement of this kiosk (docs/sync-protocol.md "Kiosk endorsement"): the
// province key's signature over lessons::endorsement_text(kiosk id, village, kiosk key). A
// certificate carries it so any kiosk of the province can check, offline, that the province vouches
// for the kiosk that signed it. Given in the enrolment answer; a kiosk enrolled before hubs gave
// one fetches it once with GET /v1/kiosk/endorsement during a sync cycle.
#include <optional>
#include <string_view>

#include "sync/hub_client.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_session.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {

// The public half of a kiosk secret key (libsodium keeps it in the last 32 bytes).
SignPublicKey public_key_of(const SignSecretKey& secret);

// True when `endorsement` (base64) is the pinned province key's signature for this kiosk and key.
bool endorsement_valid(const Identity& identity, const SignPublicKey& kiosk_key, std::string_view endorsement);

// Asks the hub for the endorsement and stores it when it verifies. nullopt on success; the failure
// otherwise (a hub too old to know the route answers 404). Never throws for network trouble.
std::optional<HubFailure> fetch_endorsement(SyncSession& session, const SignPublicKey& kiosk_key);

}  // namespace desa::sync
