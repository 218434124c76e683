#pragma once
// Where the board's sounds go: SDL's audio device, fed with SDL_QueueAudio so playing never
// blocks the caller (SDL's own thread drains the queue), or a recorder for tests and headless runs.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "voice/pcm.hpp"

namespace desa::kiosk {

class AudioOut {
public:
    virtual ~AudioOut() = default;
    // Appends `pcm` after whatever is still playing; returns at once. False if the device refused it.
    virtual bool play(const voice::Pcm& pcm) = 0;
    // Seconds of sound queued and not yet played.
    virtual double queued_seconds() const = 0;
    // Drops what is queued (a resident tapped "stop" or moved to the next step).
    virtual void stop() {}
};

// The default SDL audio device, mono 16-bit at voice::kSampleRate (SDL converts to what the
// hardware wants). nullptr with `error` set when there is none (no sound card, SDL_AUDIODRIVER).
std::unique_ptr<AudioOut> open_sdl_audio(std::string& error);

// Keeps everything "played", instantly: tests check what the board would have said.
class RecordingAudioOut final : public AudioOut {
public:
    bool play(const voice::Pcm& pcm) override;
    double queued_seconds() const override { return 0.0; }
    std::vector<voice::Pcm> played() const;

private:
    mutable std::mutex mutex_;
    std::vector<voice::Pcm> played_;
};

}  // namespace desa::kiosk
