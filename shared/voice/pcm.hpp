#pragma once
// Mono 16-bit PCM in memory: what the chime generator and the speech synthesiser produce, what
// the board hands to the audio device, and what `board say --wav` writes for a person to hear.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desa::voice {

// espeak-ng's native rate; the chime is made at the same rate so the two join without resampling.
inline constexpr int kSampleRate = 22050;

struct Pcm {
    int sample_rate = kSampleRate;
    std::vector<std::int16_t> samples;  // mono

    double seconds() const {
        return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
    }
};

// Root mean square of the samples, 0..32768 (0 for none).
double rms(const Pcm&);
// Loudest absolute sample.
int peak(const Pcm&);
// The part between the first and the last sample louder than `threshold`: how long something is
// actually heard, leading and trailing silence left out.
double audible_seconds(const Pcm&, int threshold = 500);

// Appends `seconds` of silence.
void append_silence(Pcm&, double seconds);
// Appends `more` (same sample rate required; throws std::invalid_argument otherwise).
void append(Pcm&, const Pcm& more);
// The same sound at `rate` (linear interpolation: enough for speech and a chime).
Pcm resampled(const Pcm&, int rate);
// Multiplies by `gain` (0..1), rounding and clipping.
void scale(Pcm&, double gain);

// A RIFF/WAVE file's bytes: PCM format 1, mono, 16-bit little-endian.
std::string wav_bytes(const Pcm&);
// Reads wav_bytes() output back (mono 16-bit PCM only); nullopt for anything else or a truncated file.
std::optional<Pcm> parse_wav(std::string_view bytes);
// Writes wav_bytes() to `file` (creating parent directories). Throws std::runtime_error on failure.
void write_wav(const std::filesystem::path& file, const Pcm&);

}  // namespace desa::voice
