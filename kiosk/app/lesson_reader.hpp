#pragma once
// Reads lesson steps and questions aloud: espeak-ng (voice "id", desa_speech) on the reader's own
// thread, played through SDL audio (platform/audio_out). A new text replaces the one being read,
// "stop" silences at once, and the UI thread never waits for synthesis. The audio device is opened
// on the first request, so screens that never speak never touch the sound card.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "platform/audio_out.hpp"

namespace desa::kiosk {

class LessonReader {
public:
    // `open_audio` makes the output on first use (default: the SDL device); `wake` is called from
    // the reader's thread when speaking starts or fails, so the loop redraws the speaker button.
    using OpenAudio = std::function<std::unique_ptr<AudioOut>(std::string& error)>;
    explicit LessonReader(std::function<void()> wake = {}, OpenAudio open_audio = {});
    ~LessonReader();
    LessonReader(const LessonReader&) = delete;
    LessonReader& operator=(const LessonReader&) = delete;

    void speak(std::string text, int rate_wpm);  // replaces whatever is being read
    void stop();
    bool speaking() const;  // synthesising, or sound still queued
    std::string last_error() const;  // "" when the last request played
    double spoken_seconds() const;   // sound handed to the device so far (tests, diagnostics)
    int requests_played() const;

private:
    void run();

    std::function<void()> wake_;
    OpenAudio open_audio_;
    std::unique_ptr<AudioOut> out_;  // used on the reader's thread (and stop(), which SDL allows)
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::optional<std::pair<std::string, int>> pending_;
    std::uint64_t generation_ = 0;
    bool synthesising_ = false;
    bool quit_ = false;
    std::string error_;
    double spoken_seconds_ = 0;
    int played_ = 0;
    std::thread thread_;
};

}  // namespace desa::kiosk
