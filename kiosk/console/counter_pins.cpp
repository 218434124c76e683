#include "console/counter_pins.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace desa::console {

namespace {

struct PinState {
    std::int64_t failed = 0;
    std::int64_t locked_until = 0;  // wall-clock unix seconds; 0 = not locked
};

std::string key_of(int counter) { return "console.pin." + std::to_string(counter); }

PinState load(storage::Database& db, int counter) {
    PinState s;
    const auto text = db.get_setting(key_of(counter));
    long long failed = 0, until = 0;
    // A value we cannot read (edited by hand) counts as a clean state rather than a permanent lock.
    if (text && std::sscanf(text->c_str(), "%lld %lld", &failed, &until) == 2 && failed >= 0) {
        s.failed = failed;
        s.locked_until = until;
    }
    return s;
}

void save(storage::Database& db, int counter, const PinState& s) {
    db.set_setting(key_of(counter), std::to_string(s.failed) + " " + std::to_string(s.locked_until));
}

// Seconds still locked at `now`; an expired or implausible lock is cleared (and saved).
std::int64_t settle(storage::Database& db, int counter, PinState& s, std::int64_t now, std::int64_t lockout) {
    if (s.locked_until == 0) return 0;
    if (s.locked_until - now > lockout) {  // the clock went backwards: restart the lock from now
        s.locked_until = now + lockout;
        save(db, counter, s);
    }
    if (now < s.locked_until) return s.locked_until - now;
    s = PinState{};
    save(db, counter, s);
    return 0;
}

security::LockoutPolicy sane(security::LockoutPolicy p) {
    p.max_attempts = std::max(p.max_attempts, 1);
    p.lockout_seconds = std::max<std::int64_t>(p.lockout_seconds, 1);
    return p;
}

}  // namespace

std::int64_t counter_locked_seconds(storage::Database& db, const Clock& clock, int counter,
                                    const security::LockoutPolicy& policy) {
    storage::Transaction tx(db);
    PinState s = load(db, counter);
    const std::int64_t left = settle(db, counter, s, clock.unix_seconds(), sane(policy).lockout_seconds);
    tx.commit();
    return left;
}

security::PinCheck check_counter_pin(storage::Database& db, const Clock& clock, int counter,
                                     std::string_view pin_hash, const security::LockoutPolicy& given,
                                     std::string_view pin) {
    const security::LockoutPolicy policy = sane(given);
    if (const std::int64_t left = counter_locked_seconds(db, clock, counter, policy); left > 0)
        return security::PinCheck{security::PinVerdict::LockedOut, 0, left};

    // Argon2id takes ~0.1 s: verified outside the write transaction so queue actions never wait on it.
    const bool right = security::verify_pin_hash(pin_hash, pin);

    storage::Transaction tx(db);
    const std::int64_t now = clock.unix_seconds();
    PinState s = load(db, counter);
    if (right) {
        save(db, counter, PinState{});
        tx.commit();
        return security::PinCheck{security::PinVerdict::Accepted, policy.max_attempts, 0};
    }
    s.failed += 1;
    if (s.failed >= policy.max_attempts) {
        s.locked_until = now + policy.lockout_seconds;
        save(db, counter, s);
        tx.commit();
        return security::PinCheck{security::PinVerdict::LockedOut, 0, policy.lockout_seconds};
    }
    save(db, counter, s);
    tx.commit();
    return security::PinCheck{security::PinVerdict::Rejected, static_cast<int>(policy.max_attempts - s.failed), 0};
}

}  // namespace desa::console
