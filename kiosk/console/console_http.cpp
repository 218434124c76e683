#include "console/console_http.hpp"

#include <charconv>

#include "queue/console_config.hpp"

namespace desa::console {

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, int status, std::string_view code, std::string_view message) {
    send_json(res, status, {{"error", code}, {"message", message}});
}

httplib::Headers security_headers() {
    return {
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    };
}

bool screen_request(const httplib::Request& req, httplib::Response& res, bool allow_all_interfaces) {
    if (!allow_all_interfaces && !queue::is_lan_address(req.remote_addr)) {
        send_error(res, 403, "outside_lan", "");
        return false;
    }
    // cpp-httplib would inflate a compressed body before any limit applies: bodies here are tiny JSON.
    if (req.has_header("Content-Encoding")) {
        send_error(res, 415, "compressed_body", "");
        return false;
    }
    return true;
}

std::optional<std::pair<std::string, Session>> session_of(SessionStore& sessions, const httplib::Request& req) {
    const std::string cookies = req.get_header_value("Cookie");
    const std::string name = std::string(kCookie) + "=";
    std::size_t pos = 0;
    while (pos < cookies.size()) {
        while (pos < cookies.size() && (cookies[pos] == ' ' || cookies[pos] == ';')) ++pos;
        const std::size_t end = std::min(cookies.find(';', pos), cookies.size());
        const std::string_view item(cookies.data() + pos, end - pos);
        if (item.starts_with(name)) {
            std::string token(item.substr(name.size()));
            if (auto session = sessions.use(token)) return std::make_pair(std::move(token), std::move(*session));
        }
        pos = end;
    }
    return std::nullopt;
}

bool post_allowed(const httplib::Request& req, httplib::Response& res, const Session* session) {
    const std::string type = req.get_header_value("Content-Type");
    // A cross-site form can only send text/plain, urlencoded or multipart without a preflight.
    if (!type.starts_with("application/json")) {
        send_error(res, 415, "json_only", "");
        return false;
    }
    const std::string host = req.get_header_value("Host");
    if (req.has_header("Origin") && req.get_header_value("Origin") != "http://" + host) {
        send_error(res, 403, "foreign_origin", "");
        return false;
    }
    if (req.has_header("Sec-Fetch-Site")) {
        const std::string site = req.get_header_value("Sec-Fetch-Site");
        if (site != "same-origin" && site != "none") {
            send_error(res, 403, "foreign_origin", "");
            return false;
        }
    }
    if (session != nullptr && !same_token(req.get_header_value("X-CSRF-Token"), session->csrf)) {
        send_error(res, 403, "csrf", "");
        return false;
    }
    return true;
}

i18n::Language language_of(std::string_view code) {
    return code == "en" ? i18n::Language::English : i18n::Language::Indonesian;
}

std::optional<std::uint64_t> parse_sequence(std::string_view text) {
    std::uint64_t value = 0;
    if (text.empty() || text.size() > 20) return std::nullopt;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string fill(std::string text, std::string_view placeholder, std::string_view value) {
    for (std::size_t pos = text.find(placeholder); pos != std::string::npos;
         pos = text.find(placeholder, pos + value.size()))
        text.replace(pos, placeholder.size(), value);
    return text;
}

}  // namespace desa::console
