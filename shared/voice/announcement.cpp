#include "voice/announcement.hpp"

#include <stdexcept>

#include "voice/chime.hpp"
#include "voice/number_words.hpp"
#include "voice/speech.hpp"

namespace desa::voice {

CallAudio make_call_audio(std::string_view ticket_number, int counter, const BoardConfig& config) {
    const auto sentence = call_sentence(ticket_number, counter);
    if (!sentence) throw std::invalid_argument("not a ticket number and counter: " + std::string(ticket_number));
    CallAudio audio;
    audio.sentence = *sentence;
    if (config.chime) append(audio.pcm, make_chime());
    if (config.speech) {
        const SpeechResult speech = synthesize_speech(audio.sentence, {config.voice, config.rate_wpm, 50});
        if (!speech.ok()) {
            audio.speech_error = speech.error;
        } else {
            const Pcm voice = resampled(speech.pcm, kSampleRate);
            for (int i = 0; i < config.repeat; ++i) {
                if (!audio.pcm.samples.empty()) append_silence(audio.pcm, i == 0 ? kGapAfterChime : kGapBetweenRepeats);
                append(audio.pcm, voice);
            }
            audio.spoken = true;
        }
    }
    scale(audio.pcm, config.volume / 100.0);
    return audio;
}

}  // namespace desa::voice
