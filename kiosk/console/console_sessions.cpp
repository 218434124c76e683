#include "console/console_sessions.hpp"

#include <sodium.h>

#include <algorithm>

#include "security/sodium.hpp"

namespace desa::console {

std::string random_token() {
    security::ensure_sodium();
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return std::string(hex, sizeof bytes * 2);
}

bool same_token(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    security::ensure_sodium();
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SessionStore::SessionStore(std::chrono::minutes idle_limit, std::size_t max_sessions)
    : idle_limit_(idle_limit), max_sessions_(std::max<std::size_t>(max_sessions, 1)) {}

void SessionStore::drop_expired(std::chrono::steady_clock::time_point now) {
    std::erase_if(sessions_, [&](const auto& entry) { return now - entry.second.last_used > idle_limit_; });
}

std::string SessionStore::open(int counter, i18n::Language language) {
    const auto now = std::chrono::steady_clock::now();
    std::string token = random_token();
    std::lock_guard lock(mutex_);
    drop_expired(now);
    while (sessions_.size() >= max_sessions_) {
        const auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](const auto& a, const auto& b) {
            return a.second.last_used < b.second.last_used;
        });
        sessions_.erase(oldest);
    }
    sessions_[token] = Session{counter, random_token(), language, now};
    return token;
}

std::optional<Session> SessionStore::use(std::string_view token) {
    if (token.size() != 64) return std::nullopt;
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(token);
    if (it == sessions_.end()) return std::nullopt;
    if (now - it->second.last_used > idle_limit_) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.last_used = now;
    return it->second;
}

void SessionStore::close(std::string_view token) {
    std::lock_guard lock(mutex_);
    if (const auto it = sessions_.find(token); it != sessions_.end()) sessions_.erase(it);
}

void SessionStore::set_language(std::string_view token, i18n::Language language) {
    std::lock_guard lock(mutex_);
    if (const auto it = sessions_.find(token); it != sessions_.end()) it->second.language = language;
}

std::size_t SessionStore::size() const {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

}  // namespace desa::console
