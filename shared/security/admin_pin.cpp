#include "security/admin_pin.hpp"

#include <algorithm>
#include <cctype>
#include <sodium.h>

#include "security/sodium.hpp"
#include <stdexcept>

namespace desa::security {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string hash_pin(std::string_view pin) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("Argon2id hashing failed (out of memory?)");
    }
    return std::string(out);
}

bool verify_pin_hash(std::string_view argon2id_hash, std::string_view pin) {
    if (!looks_like_argon2id_hash(argon2id_hash)) return false;
    ensure_sodium();
    const std::string terminated(argon2id_hash);  // libsodium wants a C string
    return crypto_pwhash_str_verify(terminated.c_str(), pin.data(), pin.size()) == 0;
}

// "$argon2id$v=19$m=65536,t=2,p=1$<salt, base64>$<hash, base64>" as written by libsodium. A shape
// check only: a config typo (a PIN pasted instead of its hash) is caught at start-up.
bool looks_like_argon2id_hash(std::string_view text) {
    if (text.size() >= crypto_pwhash_STRBYTES) return false;
    std::size_t pos = 0;
    auto literal = [&](std::string_view s) {
        if (text.substr(pos, s.size()) != s) return false;
        pos += s.size();
        return true;
    };
    auto number = [&] {
        const std::size_t start = pos;
        while (pos < text.size() && is_digit(text[pos])) ++pos;
        return pos > start && pos - start <= 10;
    };
    auto base64 = [&] {
        const std::size_t start = pos;
        while (pos < text.size() && (std::isalnum(static_cast<unsigned char>(text[pos])) ||
                                     text[pos] == '+' || text[pos] == '/')) {
            ++pos;
        }
        return pos > start;
    };
    return literal("$argon2id$v=19$m=") && number() && literal(",t=") && number() &&
           literal(",p=") && number() && literal("$") && base64() && literal("$") && base64() &&
           pos == text.size();
}

PinRule check_new_pin(std::string_view pin) {
    if (!std::all_of(pin.begin(), pin.end(), is_digit)) return PinRule::NotDigits;
    if (pin.size() < 6) return PinRule::TooShort;
    if (pin.size() > 12) return PinRule::TooLong;

    // Sequences along the keypad, wrapping 9 -> 0 as in 789012: the first PINs anyone tries.
    auto steps_by = [&](int delta) {
        for (std::size_t i = 1; i < pin.size(); ++i) {
            if ((pin[i - 1] - '0' + delta + 10) % 10 != pin[i] - '0') return false;
        }
        return true;
    };
    if (steps_by(1) || steps_by(-1)) return PinRule::Trivial;
    // A short block repeated: 000000, 121212, 123123, 45674567.
    for (std::size_t block = 1; block <= pin.size() / 2; ++block) {
        if (pin.size() % block != 0) continue;
        bool repeats = true;
        for (std::size_t i = block; i < pin.size() && repeats; ++i) repeats = pin[i] == pin[i - block];
        if (repeats) return PinRule::Trivial;
    }
    return PinRule::Ok;
}

// ------------------------------------------------------------------------------ StaffPinGuard

namespace {

struct PinState {
    std::int64_t failed_attempts = 0;
    std::int64_t locked_until = 0;  // wall-clock unix seconds; 0 = not locked
    std::int64_t locked_at = 0;
};

PinState load_state(storage::Database& db, std::string_view role) {
    auto s = db.prepare("SELECT failed_attempts, locked_until, locked_at FROM staff_pin_state WHERE role = ?1");
    s.bind(1, role);
    if (!s.step()) return {};
    return PinState{s.column_int64(0), s.column_int64(1), s.column_int64(2)};
}

void save_state(storage::Database& db, std::string_view role, const PinState& state) {
    db.prepare(
          "INSERT INTO staff_pin_state (role, failed_attempts, locked_until, locked_at) "
          "VALUES (?4, ?1, ?2, ?3) ON CONFLICT(role) DO UPDATE SET failed_attempts = excluded.failed_attempts, "
          "locked_until = excluded.locked_until, locked_at = excluded.locked_at")
        .bind(4, role)
        .bind(1, state.failed_attempts)
        .bind(2, state.locked_until)
        .bind(3, state.locked_at)
        .step();
}

// Brings a stored lock in line with the current wall clock, persisting any change. Returns the
// seconds left while still locked, 0 otherwise.
std::int64_t settle_lock(storage::Database& db, std::string_view role, PinState& state,
                         std::int64_t now, std::int64_t lockout_seconds) {
    if (state.locked_until == 0) return 0;
    if (state.locked_until - now > lockout_seconds) {
        // The clock went backwards (e.g. a Pi without RTC booted in 1970): a lock measured from
        // the old time would last for years, so it restarts from now instead.
        state.locked_until = now + lockout_seconds;
        state.locked_at = now;
        save_state(db, role, state);
    }
    if (now < state.locked_until) return state.locked_until - now;
    // Expired: a fresh round of attempts.
    state = PinState{};
    save_state(db, role, state);
    return 0;
}

}  // namespace

StaffPinGuard::StaffPinGuard(storage::Database& db, const Clock& clock, StaffRole role,
                             std::string pin_hash, LockoutPolicy policy)
    : db_(db), clock_(clock), role_(role), hash_(std::move(pin_hash)), policy_(policy) {
    policy_.max_attempts = std::max(policy_.max_attempts, 1);
    policy_.lockout_seconds = std::max<std::int64_t>(policy_.lockout_seconds, 1);
}

PinCheck StaffPinGuard::check(std::string_view pin) {
    // One write transaction for read-check-update, so two screens cannot both use the last attempt.
    storage::Transaction tx(db_);
    const std::int64_t now = clock_.unix_seconds();
    PinState state = load_state(db_, staff_role_name(role_));
    if (const std::int64_t left = settle_lock(db_, staff_role_name(role_), state, now, policy_.lockout_seconds); left > 0) {
        tx.commit();
        return PinCheck{PinVerdict::LockedOut, 0, left};
    }

    if (verify_pin_hash(hash_, pin)) {
        save_state(db_, staff_role_name(role_), PinState{});
        tx.commit();
        return PinCheck{PinVerdict::Accepted, policy_.max_attempts, 0};
    }

    state.failed_attempts += 1;
    if (state.failed_attempts >= policy_.max_attempts) {
        state.locked_until = now + policy_.lockout_seconds;
        state.locked_at = now;
        save_state(db_, staff_role_name(role_), state);
        tx.commit();
        return PinCheck{PinVerdict::LockedOut, 0, policy_.lockout_seconds};
    }
    save_state(db_, staff_role_name(role_), state);
    tx.commit();
    return PinCheck{PinVerdict::Rejected,
                    static_cast<int>(policy_.max_attempts - state.failed_attempts), 0};
}

std::optional<std::int64_t> StaffPinGuard::locked_seconds_left() const {
    // The UI may ask every frame for its countdown: the common cases are a plain read.
    const std::int64_t now = clock_.unix_seconds();
    PinState state = load_state(db_, staff_role_name(role_));
    if (state.locked_until == 0) return std::nullopt;
    if (const std::int64_t left = state.locked_until - now; left > 0 && left <= policy_.lockout_seconds) {
        return left;
    }
    storage::Transaction tx(db_);
    state = load_state(db_, staff_role_name(role_));
    const std::int64_t left = settle_lock(db_, staff_role_name(role_), state, now, policy_.lockout_seconds);
    tx.commit();
    if (left > 0) return left;
    return std::nullopt;
}

std::string_view staff_role_name(StaffRole role) {
    switch (role) {
        case StaffRole::Admin: return "admin";
        case StaffRole::Librarian: return "librarian";
    }
    return "admin";
}

void StaffPinGuard::replace_hash(std::string new_hash) { hash_ = std::move(new_hash); }

}  // namespace desa::security
