#pragma once
// The console's HTTP plumbing: JSON replies, the session cookie, and the checks every request
// passes (client address, POST origin and CSRF token, no compressed bodies).
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "console/console_sessions.hpp"
#include "i18n/catalog.hpp"

namespace desa::console {

inline constexpr std::string_view kCookie = "desa_console";

void send_json(httplib::Response&, int status, const nlohmann::json&);
void send_error(httplib::Response&, int status, std::string_view code, std::string_view message);

// Headers on every answer: a strict Content-Security-Policy (only our own script and style, no
// framing), no MIME sniffing, no referrer, no caching of API answers.
httplib::Headers security_headers();

// Pre-routing: false (and an answer written) for a client outside LAN ranges (unless
// allow_all_interfaces) or a compressed request body.
bool screen_request(const httplib::Request&, httplib::Response&, bool allow_all_interfaces);

// The cookie's token and its session, or nullopt.
std::optional<std::pair<std::string, Session>> session_of(SessionStore&, const httplib::Request&);

// A POST the console accepts: a JSON body, from this origin (Origin and Sec-Fetch-Site, when the
// browser sends them), and with `session`, its CSRF token in X-CSRF-Token. Otherwise writes the
// refusal (415 or 403) and returns false.
bool post_allowed(const httplib::Request&, httplib::Response&, const Session* session);

i18n::Language language_of(std::string_view code);  // "en" -> English, anything else Indonesian
std::optional<std::uint64_t> parse_sequence(std::string_view text);
// `text` with every `placeholder` replaced by `value`.
std::string fill(std::string text, std::string_view placeholder, std::string_view value);

}  // namespace desa::console
