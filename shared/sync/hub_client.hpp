#pragma once
// The kiosk's HTTP client for desa-hub (libcurl): signed requests per docs/sync-protocol.md, a
// clock correction learnt from the hub's `clock_skew` refusal, stall detection, and every failure
// sorted into network / HTTP status / bad answer so the engine can decide what to retry. Bodies
// are bounded: a hub (or a captive portal in front of it) cannot make the kiosk buffer without end.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sync/protocol.hpp"

namespace desa::sync {

enum class FailureKind {
    Network,     // no connection, DNS, reset, timeout, stall, truncated transfer
    HttpStatus,  // the hub (or something in between) answered with a non-success status
    BadAnswer,   // a success status but not what the protocol says: not JSON, wrong shape, bad signature
};
std::string_view failure_kind_name(FailureKind);  // "network", "http", "bad_answer"

struct HubFailure {
    FailureKind kind = FailureKind::Network;
    long http_status = 0;                     // HttpStatus only
    std::optional<std::int64_t> retry_after;  // seconds, from Retry-After (HttpStatus only)
    std::string error_code;                   // the hub's {"error": ...}: "code_used", "revoked", ...
    std::string detail;                       // one line, no personal data, no keys
};
// "network: Connection refused", "http 503 (retry after 20 s)", "bad_answer: not JSON".
std::string describe(const HubFailure&);

struct HubRequest {
    std::string method = "GET";
    std::string path;  // "/v1/aspirations/updates?after=3": signed exactly as sent
    std::string body;  // as sent (already compressed when gzip is set)
    bool gzip = false; // the body is gzip: Content-Encoding: gzip
    std::string content_type;                 // with a body
    std::optional<std::string> if_none_match; // a manifest version, sent quoted
    std::optional<std::int64_t> range_first;  // Range: bytes=first-last
    std::optional<std::int64_t> range_last;
    std::optional<std::string> if_range;      // an ETag value, sent quoted
    std::size_t max_body = 8u << 20;          // a longer answer is a bad answer
    bool sign = true;                         // false only for enrolment
};

struct HubResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    std::optional<std::int64_t> server_time;     // X-Desa-Server-Time
    std::optional<std::string> header(std::string_view lower_name) const;
};

struct HubAnswer {
    std::optional<HubResponse> response;  // a 2xx or 304
    std::optional<HubFailure> failure;
    bool ok() const { return response.has_value(); }
};

struct ClientOptions {
    long connect_timeout_s = 10;
    long low_speed_bytes = 64;   // slower than this ...
    long low_speed_time_s = 30;  // ... for this long is a stall
    long total_timeout_s = 300;  // one request, whatever its speed
    std::function<std::int64_t()> now;  // local unix seconds; default: the system clock
    const std::atomic<bool>* cancel = nullptr;  // set: the transfer in progress stops (worker shutdown)
};

struct WireCounters {  // bytes on the wire, headers included (bench/sync, status)
    std::int64_t requests = 0;
    std::int64_t bytes_sent = 0;
    std::int64_t bytes_received = 0;
};

// "http://host:port" from what an administrator typed ("http://10.0.0.5:8080/"); only http and
// https, a host, an optional port, no path, query, user or fragment. nullopt otherwise.
std::optional<std::string> normalize_hub_url(std::string_view url);
// Retry-After as seconds from `now`: delta-seconds or an HTTP date; nullopt when unreadable.
std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now);

class HubClient {
public:
    explicit HubClient(std::string base_url, ClientOptions options = {});
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    // Signs every request with this kiosk's key from now on.
    void set_identity(std::string kiosk_id, const SignSecretKey& secret);
    // hub time − local time, applied to X-Desa-Time. Learnt from a clock_skew refusal.
    void set_clock_offset(std::int64_t seconds) { clock_offset_ = seconds; }
    std::int64_t clock_offset() const { return clock_offset_; }
    bool clock_corrected() const { return clock_corrected_; }  // during this client's life
    const std::string& base_url() const { return base_url_; }
    const WireCounters& counters() const { return counters_; }

    // One request; a 401 clock_skew is corrected and retried once with a fresh signature.
    HubAnswer send(const HubRequest& request);

private:
    HubAnswer perform(const HubRequest& request);
    std::int64_t local_now() const;

    std::string base_url_;
    ClientOptions options_;
    void* curl_ = nullptr;  // CURL*, kept for connection reuse
    std::optional<std::string> kiosk_id_;
    SignSecretKey secret_{};
    std::int64_t clock_offset_ = 0;
    bool clock_corrected_ = false;
    WireCounters counters_;
};

// The answer's body as a JSON object, or a BadAnswer failure (a captive portal's HTML page, a
// truncated or empty body, an array...).
std::optional<nlohmann::json> json_object(const HubResponse& response, HubFailure& failure);
HubFailure bad_answer(std::string detail);

}  // namespace desa::sync
