#pragma once
// The sound of one call on the board: the chime, then the call sentence spoken (repeated as
// configured), at the configured volume. Speech that fails (espeak-ng or its data missing, an
// unknown voice) leaves the chime alone rather than silence: residents still look up.
#include <string>
#include <string_view>

#include "voice/board_config.hpp"
#include "voice/pcm.hpp"

namespace desa::voice {

inline constexpr double kGapAfterChime = 0.25;  // seconds between the chime and the voice
inline constexpr double kGapBetweenRepeats = 0.7;

struct CallAudio {
    Pcm pcm;                   // at kSampleRate; empty when chime and speech are both off
    std::string sentence;      // "Nomor antrian A nol dua belas, silakan ke loket satu."
    bool spoken = false;       // speech is in pcm
    std::string speech_error;  // why speech is missing although it was asked for
};

// Refuses (std::invalid_argument) a ticket number that is not a capital and three digits or a
// counter outside 1..99: the board only announces what the queue issued.
CallAudio make_call_audio(std::string_view ticket_number, int counter, const BoardConfig& config);

}  // namespace desa::voice
