#include "sync/backoff.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

#include "security/sodium.hpp"

namespace desa::sync {
namespace {

std::int64_t jittered(std::int64_t base, double jitter) {
    const double j = std::clamp(std::isnan(jitter) ? 0.0 : jitter, -1.0, 1.0);
    return std::max<std::int64_t>(1, std::llround(static_cast<double>(base) * (1.0 + kBackoffJitter * j)));
}

}  // namespace

std::int64_t backoff_delay(int failures, std::optional<std::int64_t> retry_after, double jitter) {
    const int n = std::clamp(failures, 1, 62);
    std::int64_t base = kBackoffFirstSeconds;
    for (int i = 1; i < n && base < kBackoffMaxSeconds; ++i) base *= 2;
    base = std::min(base, kBackoffMaxSeconds);
    std::int64_t delay = jittered(base, jitter);
    if (retry_after && *retry_after > 0) delay = std::max(delay, std::min(*retry_after, kRetryAfterMaxSeconds));
    return delay;
}

std::int64_t regular_delay(std::int64_t interval_seconds, double jitter) {
    return jittered(std::max<std::int64_t>(1, interval_seconds), jitter);
}

double random_jitter() {
    security::ensure_sodium();
    // 2^32 steps over [-1, 1] is fine-grained enough for seconds.
    return static_cast<double>(randombytes_random()) / 4294967295.0 * 2.0 - 1.0;
}

}  // namespace desa::sync
