#pragma once
// Speech from espeak-ng, synthesised offline into memory (no audio device, no network: the cloud
// text-to-speech of other queue systems went quiet with the internet). Library desa_speech, apart
// from desa_core, so only the kiosk links libespeak-ng.
#include <string>
#include <string_view>

#include "voice/pcm.hpp"

namespace desa::voice {

struct SpeechOptions {
    std::string voice = "id";  // an espeak-ng voice name: "id" is Bahasa Indonesia
    int rate_wpm = 140;        // words per minute; a call across a hall is better a little slow
    int pitch = 50;            // 0..99, espeak-ng's default 50
};

inline constexpr std::size_t kMaxSpeechText = 1000;  // characters; a call sentence is ~60
inline constexpr double kMaxSpeechSeconds = 60.0;     // synthesis stops beyond this

struct SpeechResult {
    Pcm pcm;            // at espeak-ng's rate (kSampleRate), empty on failure
    std::string error;  // empty on success: "espeak-ng data not found", "unknown voice 'xx'", ...
    bool ok() const { return error.empty(); }
};

// Synthesises `text` (UTF-8). Thread-safe: espeak-ng keeps global state, so calls are serialised;
// it is initialised on first use (ESPEAK_DATA_PATH may point at its data). Refuses empty or
// overlong text, a voice name that is not [a-z0-9-]{1,20}, a rate outside 80..450 and a pitch
// outside 0..99.
SpeechResult synthesize_speech(std::string_view text, const SpeechOptions& options = {});

}  // namespace desa::voice
