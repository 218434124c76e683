#include "platform/audio_out.hpp"

#include <SDL.h>

namespace desa::kiosk {
namespace {

class SdlAudioOut final : public AudioOut {
public:
    SdlAudioOut(SDL_AudioDeviceID device, int rate) : device_(device), rate_(rate) {}
    ~SdlAudioOut() override { SDL_CloseAudioDevice(device_); }
    SdlAudioOut(const SdlAudioOut&) = delete;
    SdlAudioOut& operator=(const SdlAudioOut&) = delete;

    bool play(const voice::Pcm& pcm) override {
        if (pcm.samples.empty()) return true;
        const voice::Pcm at_rate = pcm.sample_rate == rate_ ? pcm : voice::resampled(pcm, rate_);
        // SDL_QueueAudio copies the samples and locks the device itself: safe from any thread.
        return SDL_QueueAudio(device_, at_rate.samples.data(),
                              static_cast<Uint32>(at_rate.samples.size() * sizeof(std::int16_t))) == 0;
    }
    double queued_seconds() const override {
        return static_cast<double>(SDL_GetQueuedAudioSize(device_)) / (sizeof(std::int16_t) * rate_);
    }
    void stop() override { SDL_ClearQueuedAudio(device_); }

private:
    SDL_AudioDeviceID device_;
    int rate_;
};

}  // namespace

std::unique_ptr<AudioOut> open_sdl_audio(std::string& error) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error = SDL_GetError();
        return nullptr;
    }
    SDL_AudioSpec want{};
    want.freq = voice::kSampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 2048;  // ~93 ms per callback: latency does not matter, dropouts would
    SDL_AudioSpec have{};
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device == 0) {
        error = SDL_GetError();
        return nullptr;
    }
    SDL_PauseAudioDevice(device, 0);  // silence until something is queued
    return std::make_unique<SdlAudioOut>(device, want.freq);
}

bool RecordingAudioOut::play(const voice::Pcm& pcm) {
    std::lock_guard lock(mutex_);
    played_.push_back(pcm);
    return true;
}

std::vector<voice::Pcm> RecordingAudioOut::played() const {
    std::lock_guard lock(mutex_);
    return played_;
}

}  // namespace desa::kiosk
