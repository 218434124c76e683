#include "sync/hub_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <mutex>
#include <stdexcept>

namespace desa::sync {
namespace {

using nlohmann::json;

void ensure_curl() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl cannot start");
    });
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return std::string(s);
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    std::int64_t v = 0;
    if (s.empty() || s.size() > 18) return std::nullopt;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

struct Transfer {
    HubResponse response;
    std::size_t max_body = 0;
    bool too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (t->response.body.size() + n > t->max_body) {
        t->too_large = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    t->response.body.append(data, n);
    return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    const std::string_view line(data, n);
    if (line.starts_with("HTTP/")) {
        t->response.headers.clear();  // a new response (after 100 Continue): forget the last one
        return n;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return n;
    if (t->response.headers.size() < 100) t->response.headers[lower(line.substr(0, colon))] = trim(line.substr(colon + 1));
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    const auto* cancel = static_cast<const std::atomic<bool>*>(user);
    return cancel != nullptr && cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

std::string in_quotes(std::string_view value) { return "\"" + std::string(value) + "\""; }

HubFailure status_failure(const HubResponse& r, std::int64_t now) {
    HubFailure f;
    f.kind = FailureKind::HttpStatus;
    f.http_status = r.status;
    if (const auto ra = r.header("retry-after")) f.retry_after = parse_retry_after(*ra, now);
    const json body = json::parse(r.body, nullptr, false);
    if (body.is_object() && body.contains("error") && body["error"].is_string()) {
        const auto code = body["error"].get<std::string>();
        // Only a short token is kept: the status line must stay one line and free of page text.
        if (code.size() <= 40 && std::all_of(code.begin(), code.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            }))
            f.error_code = code;
    }
    return f;
}

}  // namespace

std::string_view failure_kind_name(FailureKind k) {
    switch (k) {
        case FailureKind::Network: return "network";
        case FailureKind::HttpStatus: return "http";
        case FailureKind::BadAnswer: return "bad_answer";
    }
    return "network";
}

std::string describe(const HubFailure& f) {
    std::string text(failure_kind_name(f.kind));
    if (f.kind == FailureKind::HttpStatus) text += " " + std::to_string(f.http_status);
    if (!f.error_code.empty()) text += " " + f.error_code;
    if (!f.detail.empty()) text += ": " + f.detail;
    if (f.retry_after) text += " (retry after " + std::to_string(*f.retry_after) + " s)";
    return text;
}

std::optional<std::string> HubResponse::header(std::string_view lower_name) const {
    const auto it = headers.find(std::string(lower_name));
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

std::optional<std::string> normalize_hub_url(std::string_view url) {
    std::string scheme;
    if (lower(url.substr(0, 7)) == "http://") scheme = "http://";
    else if (lower(url.substr(0, 8)) == "https://") scheme = "https://";
    else return std::nullopt;
    std::string_view rest = url.substr(scheme.size());
    if (rest.ends_with('/')) rest.remove_suffix(1);
    if (rest.empty() || rest.size() > 255) return std::nullopt;
    std::string_view host = rest, port;
    if (rest.front() == '[') {  // [IPv6]:port
        const auto close = rest.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = rest.substr(0, close + 1);
        const auto after = rest.substr(close + 1);
        if (!after.empty() && (after.front() != ':' || after.size() < 2)) return std::nullopt;
        if (!after.empty()) port = after.substr(1);
        for (char c : host.substr(1, host.size() - 2))
            if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.') return std::nullopt;
        if (host.size() < 3) return std::nullopt;
    } else {
        const auto colon = rest.find(':');
        if (colon != std::string_view::npos) {
            host = rest.substr(0, colon);
            port = rest.substr(colon + 1);
            if (port.empty()) return std::nullopt;
        }
        if (host.empty()) return std::nullopt;
        for (char c : host)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return std::nullopt;
    }
    if (!port.empty()) {
        const auto p = parse_int(port);
        if (!p || *p < 1 || *p > 65535 || port.front() == '0') return std::nullopt;
    }
    return scheme + lower(host) + (port.empty() ? "" : ":" + std::string(port));
}

std::optional<std::int64_t> parse_retry_after(std::string_view value, std::int64_t now) {
    const std::string v = trim(value);
    if (v.empty()) return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return parse_int(v);
    ensure_curl();
    const time_t when = curl_getdate(v.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    return std::max<std::int64_t>(0, static_cast<std::int64_t>(when) - now);
}

HubFailure bad_answer(std::string detail) {
    HubFailure f;
    f.kind = FailureKind::BadAnswer;
    f.detail = std::move(detail);
    return f;
}

std::optional<json> json_object(const HubResponse& response, HubFailure& failure) {
    json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded()) {
        const auto type = response.header("content-type").value_or("");
        failure = bad_answer("not JSON" + (type.empty() ? std::string() : " (" + type.substr(0, 40) + ")"));
        return std::nullopt;
    }
    if (!body.is_object()) {
        failure = bad_answer("not a JSON object");
        return std::nullopt;
    }
    return body;
}

HubClient::HubClient(std::string base_url, ClientOptions options)
    : base_url_(std::move(base_url)), options_(std::move(options)) {
    ensure_curl();
    curl_ = curl_easy_init();
    if (curl_ == nullptr) throw std::runtime_error("libcurl: cannot make a handle");
}

HubClient::~HubClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

void HubClient::set_identity(std::string kiosk_id, const SignSecretKey& secret) {
    kiosk_id_ = std::move(kiosk_id);
    secret_ = secret;
}

std::int64_t HubClient::local_now() const {
    if (options_.now) return options_.now();
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

HubAnswer HubClient::send(const HubRequest& request) {
    auto answer = perform(request);
    if (answer.failure && answer.failure->http_status == 401 && answer.failure->error_code == "clock_skew" &&
        request.sign && answer.response) {
        // perform() left the refusal in `response` so its server time can be read here.
        const auto& r = *answer.response;
        std::optional<std::int64_t> hub_time = r.server_time;
        const json body = json::parse(r.body, nullptr, false);
        if (body.is_object() && body.contains("server_time") && body["server_time"].is_number_integer())
            hub_time = body["server_time"].get<std::int64_t>();
        if (hub_time) {
            clock_offset_ = *hub_time - local_now();
            clock_corrected_ = true;
            answer = perform(request);  // once: a second refusal is reported as it is
        }
    }
    if (answer.failure) answer.response.reset();
    return answer;
}

HubAnswer HubClient::perform(const HubRequest& request) {
    auto* curl = static_cast<CURL*>(curl_);
    curl_easy_reset(curl);  // keeps the connection cache
    Transfer t;
    t.max_body = request.max_body;
    const std::string url = base_url_ + request.path;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // worker threads: no SIGALRM for DNS timeouts
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a portal's redirect is not the hub
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_s);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
    curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options_.low_speed_time_s);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.total_timeout_s);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
    if (options_.cancel != nullptr) {
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, options_.cancel);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "desa-kiosk/" DESA_VERSION);

    if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    std::string range;
    if (request.range_first) {
        range = std::to_string(*request.range_first) + "-" +
                (request.range_last ? std::to_string(*request.range_last) : std::string());
        curl_easy_setopt(curl, CURLOPT_RANGE, range.c_str());
    }

    curl_slist* headers = nullptr;
    const auto add = [&](const std::string& h) { headers = curl_slist_append(headers, h.c_str()); };
    add("Expect:");  // no 100-continue round trip for batches
    add("Accept: application/json");
    if (!request.content_type.empty()) add("Content-Type: " + request.content_type);
    if (request.gzip) add("Content-Encoding: gzip");
    if (request.if_none_match) add("If-None-Match: " + in_quotes(*request.if_none_match));
    if (request.if_range) add("If-Range: " + in_quotes(*request.if_range));
    if (request.sign) {
        if (!kiosk_id_) {
            curl_slist_free_all(headers);
            throw std::logic_error("HubClient: a signed request before set_identity");
        }
        const std::int64_t time = local_now() + clock_offset_;
        const std::string nonce = random_nonce_hex();
        add("X-Desa-Kiosk: " + *kiosk_id_);
        add("X-Desa-Time: " + std::to_string(time));
        add("X-Desa-Nonce: " + nonce);
        add("X-Desa-Signature: " + sign_text(request_text(request.method, request.path, time, nonce, request.body), secret_));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);

    long status = 0, header_bytes = 0, request_bytes = 0;
    curl_off_t up = 0, down = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_bytes);
    curl_easy_getinfo(curl, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(curl, CURLINFO_SIZE_DOWNLOAD_T, &down);
    counters_.requests += 1;
    counters_.bytes_sent += request_bytes + up;
    counters_.bytes_received += header_bytes + down;

    HubAnswer answer;
    if (rc != CURLE_OK) {
        if (t.too_large) {
            answer.failure = bad_answer("answer longer than " + std::to_string(request.max_body) + " bytes");
        } else {
            HubFailure f;
            f.kind = FailureKind::Network;
            f.detail = rc == CURLE_OPERATION_TIMEDOUT     ? "timed out or stalled"
                       : rc == CURLE_ABORTED_BY_CALLBACK ? "cancelled"
                                                         : curl_easy_strerror(rc);
            answer.failure = f;
        }
        return answer;
    }
    t.response.status = status;
    if (const auto st = t.response.header("x-desa-server-time")) t.response.server_time = parse_int(*st);
    if ((status >= 200 && status < 300) || status == 304) {
        answer.response = std::move(t.response);
        return answer;
    }
    answer.failure = status_failure(t.response, local_now());
    answer.response = std::move(t.response);  // send() reads a clock_skew refusal's time, then drops it
    return answer;
}

}  // namespace desa::sync
