#pragma once
// When to try again after a failed sync cycle (docs/sync-protocol.md "Errors and retries"):
// 30 s doubling to 30 min, ±20 % jitter so a province's kiosks do not return in lock-step after
// an outage, and never sooner than the hub's Retry-After. A pure function, table-tested.
#include <cstdint>
#include <optional>

namespace desa::sync {

inline constexpr std::int64_t kBackoffFirstSeconds = 30;
inline constexpr std::int64_t kBackoffMaxSeconds = 30 * 60;
inline constexpr double kBackoffJitter = 0.20;
// A Retry-After above this is taken as this: a misconfigured proxy must not park the kiosk for days.
inline constexpr std::int64_t kRetryAfterMaxSeconds = 6 * 60 * 60;

// failures: consecutive failed cycles, >= 1 (0 is treated as 1). jitter: in [-1, 1], scaled to
// ±20 % (callers draw it at random; tests pass the ends). Returns seconds, >= 1.
std::int64_t backoff_delay(int failures, std::optional<std::int64_t> retry_after, double jitter);

// The next regular cycle after a success: `interval` ± 20 % by the same jitter.
std::int64_t regular_delay(std::int64_t interval_seconds, double jitter);

// A uniformly random jitter in [-1, 1] (libsodium).
double random_jitter();

}  // namespace desa::sync
