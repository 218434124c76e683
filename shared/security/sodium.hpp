#pragma once
// libsodium must be initialised once before any other call; every module calls this first.

namespace desa::security {

// Idempotent and thread-safe. Throws std::runtime_error if libsodium cannot start.
void ensure_sodium();

}  // namespace desa::security
