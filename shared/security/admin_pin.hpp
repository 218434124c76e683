#pragma once
// Staff PINs: the admin PIN guards leaving kiosk mode and the settings, the librarian PIN the
// library desk. Stored only as Argon2id hashes (libsodium crypto_pwhash_str); wrong attempts are
// counted per role in the kiosk database so a restart does not reset a lock-out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace desa::security {

// Argon2id, libsodium's interactive limits. Throws std::runtime_error if libsodium fails (OOM).
std::string hash_pin(std::string_view pin);
bool verify_pin_hash(std::string_view argon2id_hash, std::string_view pin);
bool looks_like_argon2id_hash(std::string_view text);  // "$argon2id$v=19$..."

enum class PinRule { Ok, TooShort, TooLong, NotDigits, Trivial };  // 6..12 digits, not 000000/123456
PinRule check_new_pin(std::string_view pin);

enum class PinVerdict { Accepted, Rejected, LockedOut };

struct PinCheck {
    PinVerdict verdict;
    int attempts_left = 0;            // after a rejection
    std::int64_t locked_seconds = 0;  // while locked out
};

struct LockoutPolicy {
    int max_attempts = 5;
    std::int64_t lockout_seconds = 300;
};

enum class StaffRole { Admin, Librarian };
std::string_view staff_role_name(StaffRole);  // "admin", "librarian"

class StaffPinGuard {
public:
    // `db` must have kiosk_migrations() applied (table staff_pin_state). Each role has its own
    // count of wrong attempts and its own lock-out.
    StaffPinGuard(storage::Database& db, const Clock& clock, StaffRole role, std::string pin_hash,
                  LockoutPolicy policy);
    StaffRole role() const { return role_; }

    // During a lock-out the PIN is not even checked. The n-th consecutive wrong PIN (n =
    // max_attempts) starts a lock-out; a right PIN resets the counter. If the wall clock jumps
    // backwards (Pi booted in 1970), the lock restarts from now rather than lasting for years.
    PinCheck check(std::string_view pin);
    std::optional<std::int64_t> locked_seconds_left() const;
    void replace_hash(std::string new_hash);

private:
    storage::Database& db_;
    const Clock& clock_;
    StaffRole role_;
    std::string hash_;
    LockoutPolicy policy_;
};

}  // namespace desa::security
