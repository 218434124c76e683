#include "sync/enrolment.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "core/readable_code.hpp"
#include "security/sealed_box.hpp"
#include "sync/endorsement.hpp"

namespace desa::sync {
namespace {

using nlohmann::json;

bool is_hex16(std::string_view s) {
    return s.size() == 16 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

EnrolOutcome problem(EnrolProblem p, std::string detail) {
    EnrolOutcome o;
    o.problem = p;
    o.detail = std::move(detail);
    return o;
}

std::int64_t system_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

EnrolOutcome from_failure(const HubFailure& f) {
    if (f.kind == FailureKind::Network) return problem(EnrolProblem::Unreachable, describe(f));
    if (f.kind == FailureKind::BadAnswer) return problem(EnrolProblem::BadAnswer, describe(f));
    if (f.http_status == 403 && f.error_code == "code_unknown") return problem(EnrolProblem::CodeUnknown, describe(f));
    if (f.http_status == 403 && f.error_code == "code_used") return problem(EnrolProblem::CodeUsed, describe(f));
    if (f.http_status == 403 && f.error_code == "code_expired") return problem(EnrolProblem::CodeExpired, describe(f));
    return problem(EnrolProblem::HubRefused, describe(f));
}

std::optional<std::string> text_field(const json& j, const char* key, std::size_t max) {
    if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    auto s = j[key].get<std::string>();
    if (s.size() > max) return std::nullopt;
    return s;
}

}  // namespace

bool is_kiosk_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::optional<EnrolTicket> parse_enrol_qr(std::string_view text) {
    constexpr std::string_view kPrefix = "DESA-ENROL:1:";
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (!text.starts_with(kPrefix) || text.size() > 400) return std::nullopt;
    text.remove_prefix(kPrefix.size());
    // The hub URL has colons of its own: code and fingerprint are the last two fields.
    const auto last = text.rfind(':');
    if (last == std::string_view::npos || last == 0) return std::nullopt;
    const auto before = text.rfind(':', last - 1);
    if (before == std::string_view::npos) return std::nullopt;
    EnrolTicket t{std::string(text.substr(0, before)), std::string(text.substr(before + 1, last - before - 1)),
                  std::string(text.substr(last + 1))};
    if (!normalize_hub_url(t.hub_url) || t.code.empty() || !is_hex16(*t.fingerprint)) return std::nullopt;
    t.fingerprint = lower(*t.fingerprint);
    return t;
}

std::string_view enrol_problem_name(EnrolProblem p) {
    switch (p) {
        case EnrolProblem::BadHubUrl: return "bad_hub_url";
        case EnrolProblem::BadCode: return "bad_code";
        case EnrolProblem::AlreadyEnrolled: return "already_enrolled";
        case EnrolProblem::CodeUnknown: return "code_unknown";
        case EnrolProblem::CodeUsed: return "code_used";
        case EnrolProblem::CodeExpired: return "code_expired";
        case EnrolProblem::Unreachable: return "unreachable";
        case EnrolProblem::HubRefused: return "hub_refused";
        case EnrolProblem::BadAnswer: return "bad_answer";
        case EnrolProblem::FingerprintMismatch: return "fingerprint_mismatch";
        case EnrolProblem::VillageMismatch: return "village_mismatch";
    }
    return "hub_refused";
}

EnrolOutcome enrol(storage::Database& db, const std::filesystem::path& data_dir, const EnrolRequest& request,
                   const ClientOptions& options) {
    const auto hub_url = normalize_hub_url(request.hub_url);
    if (!hub_url) return problem(EnrolProblem::BadHubUrl, "not http(s)://host[:port]");
    const auto code = readable_code::check(request.code, kEnrolCodeLength);
    if (!code.code) return problem(EnrolProblem::BadCode, std::string(readable_code::problem_name(*code.problem)));
    if (request.fingerprint && !is_hex16(*request.fingerprint))
        return problem(EnrolProblem::BadCode, "the fingerprint is not 16 hex digits");
    if (const auto existing = load_identity(db); existing && !request.replace)
        return problem(EnrolProblem::AlreadyEnrolled, "kiosk " + existing->kiosk_id + " at " + existing->hub_url);

    const SignKeyPair keys = make_sign_key_pair();
    HubClient client(*hub_url, options);
    HubRequest req;
    req.method = "POST";
    req.path = "/v1/enroll";
    req.sign = false;
    req.content_type = "application/json";
    req.max_body = 64 * 1024;
    req.body = json{{"code", *code.code},
                    {"public_key", encode_sign_public_key(keys.public_key)},
                    {"name", request.kiosk_name}}
                   .dump();
    const auto answer = client.send(req);
    if (!answer.ok()) return from_failure(*answer.failure);

    HubFailure bad;
    const auto body = json_object(*answer.response, bad);
    if (!body) return problem(EnrolProblem::BadAnswer, describe(bad));
    EnrolAnswer a;
    const auto kiosk_id = text_field(*body, "kiosk_id", 64);
    const auto village = text_field(*body, "village_code", 32);
    const auto village_name = text_field(*body, "village_name", 200);
    const auto sign_key = text_field(*body, "province_sign_key", 64);
    const auto seal_key = text_field(*body, "province_seal_key", 64);
    const auto signature = text_field(*body, "signature", 200);
    if (!kiosk_id || !village || !village_name || !sign_key || !seal_key || !signature ||
        !body->contains("server_time") || !(*body)["server_time"].is_number_integer())
        return problem(EnrolProblem::BadAnswer, "the enrolment answer lacks a field");
    a = {*kiosk_id, *village, *village_name, *sign_key, *seal_key, (*body)["server_time"].get<std::int64_t>()};
    const auto sign = parse_sign_public_key(a.province_sign_key);
    if (!sign || !security::parse_box_public_key(a.province_seal_key) || !is_kiosk_id(a.kiosk_id))
        return problem(EnrolProblem::BadAnswer, "a key or the kiosk id in the answer is malformed");
    if (!verify_text(enrol_answer_text(a), *signature, *sign))
        return problem(EnrolProblem::BadAnswer, "the enrolment answer's signature does not verify");
    if (request.fingerprint && key_fingerprint(sign->bytes) != lower(*request.fingerprint))
        return problem(EnrolProblem::FingerprintMismatch,
                       "hub key " + key_fingerprint(sign->bytes) + ", QR named " + lower(*request.fingerprint));
    if (!request.expected_village.empty() && a.village_code != request.expected_village)
        return problem(EnrolProblem::VillageMismatch,
                       "code made for " + a.village_code + ", this kiosk is " + request.expected_village);

    const std::int64_t now = options.now ? options.now() : system_now();
    Identity id{a.kiosk_id, *hub_url, a.village_code, *sign, a.province_seal_key, now};
    // The province's voucher for this kiosk's certificates. The enrolment stands without it (an
    // older hub gives none; the sync cycle fetches it later), so a bad one is dropped, not fatal.
    auto endorsement = text_field(*body, "endorsement", 200);
    if (endorsement && endorsement->empty()) endorsement.reset();
    if (endorsement && !endorsement_valid(id, keys.public_key, *endorsement)) {
        spdlog::warn("enrolment: the hub's endorsement of this kiosk does not verify; it will be fetched again");
        endorsement.reset();
    }
    // Key file first: a power cut between the two leaves an unpinned kiosk that can enrol again,
    // never a pinned identity without its key.
    save_kiosk_secret(data_dir, keys.secret_key);
    storage::Transaction tx(db);
    save_identity(db, id);
    set_state_int(db, kStateClockOffset, a.server_time - now);
    clear_state(db, kStateUpdatesAfter);  // a new identity starts its status feed from the beginning
    clear_state(db, kStateLastError);
    clear_state(db, kStateLastErrorAt);
    if (endorsement) set_state(db, kStateKioskEndorsement, *endorsement);
    else clear_state(db, kStateKioskEndorsement);  // a previous identity's never vouches for this key
    tx.commit();
    spdlog::info("enrolled as kiosk {} of village {} at {} (province key {})", id.kiosk_id, id.village_code,
                 id.hub_url, key_fingerprint(sign->bytes));
    EnrolOutcome o;
    o.identity = id;
    o.village_name = a.village_name;
    return o;
}

}  // namespace desa::sync
