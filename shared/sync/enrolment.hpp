#pragma once
// Enrolment (docs/sync-protocol.md "Enrolment"): the kiosk makes its own Ed25519 key pair, sends
// the public half with the one-time code, checks the hub's signed answer (and the QR's key
// fingerprint when scanned), then pins the province keys and its kiosk id. The secret key goes to
// <data>/sync/kiosk.secret; nothing is pinned unless every check passed.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "sync/hub_client.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {

inline constexpr std::size_t kEnrolCodeLength = 12;  // 11 random symbols + check, shown XXXX-XXXX-XXXX

struct EnrolTicket {
    std::string hub_url;
    std::string code;
    std::optional<std::string> fingerprint;  // 16 hex digits of the province sign key (from the QR)
};
// "DESA-ENROL:1:<hub_url>:<code>:<fingerprint>" as scanned; nullopt for anything else.
std::optional<EnrolTicket> parse_enrol_qr(std::string_view text);

enum class EnrolProblem {
    BadHubUrl,           // not http(s)://host[:port]
    BadCode,             // not a well-formed code (a typo caught before it is spent)
    AlreadyEnrolled,     // pinned keys are never replaced silently
    CodeUnknown,
    CodeUsed,
    CodeExpired,
    Unreachable,         // network failure
    HubRefused,          // any other refusal (status and error code in the detail)
    BadAnswer,           // not the protocol's answer, or its signature does not verify
    FingerprintMismatch, // the hub's key is not the one the QR named
    VillageMismatch,     // the code was made for another village than this kiosk's
};
std::string_view enrol_problem_name(EnrolProblem);  // "code_used", ...

struct EnrolRequest {
    std::string hub_url;  // as typed
    std::string code;     // as typed, dashes allowed
    std::optional<std::string> fingerprint;
    std::string kiosk_name;
    std::string expected_village;  // this kiosk's configured village; empty: any
    bool replace = false;          // enrol again although already enrolled (administrator's choice)
};

struct EnrolOutcome {
    std::optional<Identity> identity;
    std::optional<EnrolProblem> problem;
    std::string detail;        // one line for logs, no secrets
    std::string village_name;  // from the hub, on success
};

EnrolOutcome enrol(storage::Database& db, const std::filesystem::path& data_dir, const EnrolRequest& request,
                   const ClientOptions& options = {});

// A kiosk id as the hub makes them: [A-Za-z0-9_-], 1..64.
bool is_kiosk_id(std::string_view id);

}  // namespace desa::sync
