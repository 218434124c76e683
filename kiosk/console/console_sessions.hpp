#pragma once
// Logged-in counters of the console: a random session token (the HttpOnly cookie) and a separate
// random CSRF token the page sends back in a header with every POST. Kept in memory only: a
// restarted kiosk asks the staff to log in again, which is cheap, and nothing secret touches disk.
#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"

namespace desa::console {

struct Session {
    int counter = 0;
    std::string csrf;  // 64 hex characters
    i18n::Language language = i18n::Language::Indonesian;
    std::chrono::steady_clock::time_point last_used;
};

class SessionStore {
public:
    // A session unused this long ends (a counter phone forgotten overnight); at most
    // `max_sessions` live at once, the least recently used going first.
    explicit SessionStore(std::chrono::minutes idle_limit = std::chrono::hours(10), std::size_t max_sessions = 200);

    // Returns the new session's token (64 hex characters).
    std::string open(int counter, i18n::Language language);
    // The session of `token`, refreshed; nullopt when unknown or expired.
    std::optional<Session> use(std::string_view token);
    void close(std::string_view token);
    void set_language(std::string_view token, i18n::Language language);
    std::size_t size() const;

private:
    void drop_expired(std::chrono::steady_clock::time_point now);

    mutable std::mutex mutex_;
    std::chrono::minutes idle_limit_;
    std::size_t max_sessions_;
    std::map<std::string, Session, std::less<>> sessions_;
};

std::string random_token();  // 32 random bytes as hex (libsodium)
// Compares in time independent of where they differ (libsodium sodium_memcmp).
bool same_token(std::string_view a, std::string_view b);

}  // namespace desa::console
