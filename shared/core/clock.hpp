#pragma once
// Time as the kiosk sees it. The app runs on SystemClock; tests and UI scripts use ManualClock so
// "advance the clock 90 s" is instant and deterministic.
#include <chrono>
#include <cstdint>

namespace desa {

using Millis = std::chrono::milliseconds;

struct Clock {
    virtual ~Clock() = default;
    // Monotonic time since an arbitrary epoch: for idle timers and animations.
    virtual Millis monotonic() const = 0;
    // Wall-clock seconds since 1970. May be wrong (a Raspberry Pi boots in 1970): never trust it
    // for ordering, only for human-facing dates and coarse lock-outs.
    virtual std::int64_t unix_seconds() const = 0;
};

struct SystemClock final : Clock {
    Millis monotonic() const override;
    std::int64_t unix_seconds() const override;
};

struct ManualClock final : Clock {
    Millis now{0};
    std::int64_t wall_seconds = 1'764'547'200;  // 2025-12-01T00:00:00Z, an arbitrary fixed day

    Millis monotonic() const override { return now; }
    std::int64_t unix_seconds() const override {
        return wall_seconds + std::chrono::duration_cast<std::chrono::seconds>(now).count();
    }
    void advance(Millis by) { now += by; }
};

}  // namespace desa
