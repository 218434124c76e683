#include "security/sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace desa::security {

// A function-local static makes the first use thread-safe without a global constructor.
void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace desa::security
