#include "voice/speech.hpp"

#include <espeak-ng/speak_lib.h>

#include <mutex>

namespace desa::voice {
namespace {

std::mutex g_espeak;          // espeak-ng is one global synthesiser
int g_rate = 0;               // its sample rate once initialised; -1 when that failed
std::string g_current_voice;  // the voice set last (setting it reloads dictionaries: ~10 ms)

struct Sink {
    Pcm* pcm;
    std::size_t max_samples;
};

// Called by espeak_Synth on this thread (synchronous mode) with each chunk of audio.
int on_samples(short* wav, int count, espeak_EVENT* events) {
    auto* sink = events != nullptr ? static_cast<Sink*>(events->user_data) : nullptr;
    if (sink == nullptr) return 1;
    if (wav != nullptr && count > 0) sink->pcm->samples.insert(sink->pcm->samples.end(), wav, wav + count);
    return sink->pcm->samples.size() > sink->max_samples ? 1 : 0;  // 1 stops synthesis
}

bool valid_voice_name(std::string_view name) {
    if (name.empty() || name.size() > 20) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

}  // namespace

SpeechResult synthesize_speech(std::string_view text, const SpeechOptions& options) {
    SpeechResult result;
    if (text.empty() || text.size() > kMaxSpeechText) {
        result.error = "text must be 1.." + std::to_string(kMaxSpeechText) + " characters";
        return result;
    }
    if (text.find('\0') != std::string_view::npos) {
        result.error = "text contains a NUL character";
        return result;
    }
    if (!valid_voice_name(options.voice)) {
        result.error = "bad voice name";
        return result;
    }
    if (options.rate_wpm < 80 || options.rate_wpm > 450 || options.pitch < 0 || options.pitch > 99) {
        result.error = "rate must be 80..450 and pitch 0..99";
        return result;
    }

    std::lock_guard lock(g_espeak);
    if (g_rate == 0) {
        g_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
        if (g_rate <= 0) g_rate = -1;
        else espeak_SetSynthCallback(on_samples);
    }
    if (g_rate < 0) {
        result.error = "espeak-ng data not found (install the Debian package espeak-ng-data)";
        return result;
    }
    if (g_current_voice != options.voice) {
        if (espeak_SetVoiceByName(options.voice.c_str()) != EE_OK) {
            g_current_voice.clear();
            result.error = "unknown espeak-ng voice '" + options.voice + "'";
            return result;
        }
        g_current_voice = options.voice;
    }
    espeak_SetParameter(espeakRATE, options.rate_wpm, 0);
    espeak_SetParameter(espeakPITCH, options.pitch, 0);

    result.pcm.sample_rate = g_rate;
    Sink sink{&result.pcm, static_cast<std::size_t>(kMaxSpeechSeconds * g_rate)};
    const std::string owned(text);  // espeak-ng wants a NUL-terminated buffer
    const espeak_ERROR status = espeak_Synth(owned.c_str(), owned.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, &sink);
    espeak_Synchronize();
    if (status != EE_OK) {
        result.pcm.samples.clear();
        result.error = "espeak-ng could not synthesise the text";
    }
    return result;
}

}  // namespace desa::voice
