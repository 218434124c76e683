#include "sync/sync_error.hpp"

#include <charconv>

#include "sync/protocol.hpp"

namespace desa::sync {
namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// "http 503 ..." -> 503; 0 when the text after "http " is not a status.
int http_status(std::string_view rest) {
    if (!rest.starts_with("http ")) return 0;
    rest.remove_prefix(5);
    int status = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), status);
    return ec == std::errc() && end != rest.data() ? status : 0;
}

// What describe(HubFailure) wrote after "<step>: ".
ErrorReason failure_reason(std::string_view rest) {
    if (rest.starts_with("network")) return ErrorReason::Unreachable;
    if (rest.starts_with("bad_answer")) return ErrorReason::BadAnswer;
    const int status = http_status(rest);
    if (status == 0) return ErrorReason::Other;
    if (status == 408 || status == 429 || status >= 500) return ErrorReason::HubBusy;
    if (status == 401 && contains(rest, " revoked")) return ErrorReason::Revoked;
    if (status == 401 && contains(rest, " unknown_kiosk")) return ErrorReason::UnknownKiosk;
    return ErrorReason::Refused;
}

}  // namespace

std::string_view error_reason_name(ErrorReason r) {
    switch (r) {
        case ErrorReason::Unreachable: return "unreachable";
        case ErrorReason::HubBusy: return "hub_busy";
        case ErrorReason::Revoked: return "revoked";
        case ErrorReason::UnknownKiosk: return "unknown_kiosk";
        case ErrorReason::Refused: return "refused";
        case ErrorReason::BadAnswer: return "bad_answer";
        case ErrorReason::Conflict: return "conflict";
        case ErrorReason::TooLarge: return "too_large";
        case ErrorReason::ContentRejected: return "content_rejected";
        case ErrorReason::DiskFull: return "disk_full";
        case ErrorReason::Local: return "local";
        case ErrorReason::Other: return "other";
    }
    return "other";
}

ClassifiedError classify_sync_error(std::string_view line) {
    ClassifiedError out;
    if (line.starts_with("local error")) {
        out.reason = ErrorReason::Local;
        return out;
    }
    // The engine's warnings about the outbox (sync_engine.cpp).
    if (contains(line, "outbox record(s) in conflict")) return {"outbox", ErrorReason::Conflict};
    if (contains(line, "outbox record(s) larger than a batch")) return {"outbox", ErrorReason::TooLarge};
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos) return out;
    const std::string_view step = line.substr(0, colon);
    const std::string_view rest = line.substr(colon + 2);
    if (step != "outbox" && step != "aspirations" && !is_channel_name(step)) return out;
    out.step = std::string(step);
    if (rest.starts_with("not enough disk space")) out.reason = ErrorReason::DiskFull;
    else if (rest.starts_with("version ")) out.reason = ErrorReason::ContentRejected;  // not newer / not applied
    else out.reason = failure_reason(rest);
    return out;
}

}  // namespace desa::sync
