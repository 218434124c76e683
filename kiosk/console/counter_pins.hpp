#pragma once
// Counter PINs of the console: checked against the Argon2id hashes of [[console.counter]], with
// each counter's wrong attempts and lock-out kept in kiosk.db (settings "console.pin.<counter>"),
// so restarting the kiosk does not give a guesser a fresh round. The rules are the admin PIN's
// (security/admin_pin): the n-th wrong PIN in a row locks the counter for lockout_s; a right PIN
// resets the count; a clock that jumped backwards restarts the lock from now.
#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "security/admin_pin.hpp"
#include "storage/database.hpp"

namespace desa::console {

// Not thread-safe for one counter: the caller serialises checks of the same counter (the server
// holds a lock per counter), so parallel guesses cannot all pass before the count goes up.
security::PinCheck check_counter_pin(storage::Database& db, const Clock& clock, int counter,
                                     std::string_view pin_hash, const security::LockoutPolicy& policy,
                                     std::string_view pin);

// Seconds left of a counter's lock-out, 0 when it is not locked.
std::int64_t counter_locked_seconds(storage::Database& db, const Clock& clock, int counter,
                                    const security::LockoutPolicy& policy);

}  // namespace desa::console
