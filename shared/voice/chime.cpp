#include "voice/chime.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace desa::voice {
namespace {

constexpr double kAttackSeconds = 0.008;  // fast enough to "strike", slow enough not to click
constexpr double kDecaySeconds = 0.38;    // exponential decay time constant of each tone
constexpr double kFadeSeconds = 0.06;     // the tail goes to zero instead of stopping abruptly

// One struck tone: the fundamental with two softer overtones, which makes it a bell, not a beep.
double tone(double f, double t) {
    if (t < 0) return 0;
    const double envelope = std::min(1.0, t / kAttackSeconds) * std::exp(-t / kDecaySeconds);
    const double w = 2 * std::numbers::pi * f * t;
    return envelope * (std::sin(w) + 0.25 * std::sin(2 * w) + 0.08 * std::sin(3 * w));
}

}  // namespace

Pcm make_chime(double peak_level) {
    const int count = static_cast<int>(std::lround(kChimeSeconds * kSampleRate));
    std::vector<double> wave(static_cast<std::size_t>(count));
    double loudest = 0;
    for (int i = 0; i < count; ++i) {
        const double t = static_cast<double>(i) / kSampleRate;
        double v = tone(kChimeHighHz, t) + tone(kChimeLowHz, t - kChimeSecondToneAt);
        const double left = kChimeSeconds - t;
        if (left < kFadeSeconds) v *= left / kFadeSeconds;
        wave[static_cast<std::size_t>(i)] = v;
        loudest = std::max(loudest, std::abs(v));
    }
    Pcm pcm;
    pcm.samples.resize(wave.size());
    const double gain = loudest > 0 ? std::clamp(peak_level, 0.0, 1.0) * 32767.0 / loudest : 0.0;
    for (std::size_t i = 0; i < wave.size(); ++i)
        pcm.samples[i] = static_cast<std::int16_t>(std::lround(wave[i] * gain));
    return pcm;
}

}  // namespace desa::voice
