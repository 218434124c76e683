#pragma once
// The "ding-dong" before every call, made in code: it needs no file and no speech engine, so it
// plays even when speech is switched off or espeak-ng is missing (a complaint about other queue
// systems: switching speech off silenced the chime too).
#include "voice/pcm.hpp"

namespace desa::voice {

// Two bell-like tones a major third apart, E5 then C5, like a door chime.
inline constexpr double kChimeHighHz = 659.25;
inline constexpr double kChimeLowHz = 523.25;
inline constexpr double kChimeSecondToneAt = 0.55;  // seconds after the first
inline constexpr double kChimeSeconds = 1.6;        // the whole chime, its tail faded out

// The chime at kSampleRate, its loudest sample at `peak_level` (0..1) of full scale.
// Deterministic: the same call gives the same samples.
Pcm make_chime(double peak_level = 0.6);

}  // namespace desa::voice
