#include "app/lesson_reader.hpp"

#include <spdlog/spdlog.h>

#include "voice/speech.hpp"

namespace desa::kiosk {

LessonReader::LessonReader(std::function<void()> wake, OpenAudio open_audio)
    : wake_(std::move(wake)), open_audio_(open_audio ? std::move(open_audio) : OpenAudio(open_sdl_audio)) {
    thread_ = std::thread([this] { run(); });
}

LessonReader::~LessonReader() {
    {
        std::lock_guard lock(mutex_);
        quit_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void LessonReader::speak(std::string text, int rate_wpm) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::make_pair(std::move(text), rate_wpm);
        ++generation_;
        if (out_) out_->stop();
    }
    cv_.notify_all();
}

void LessonReader::stop() {
    std::lock_guard lock(mutex_);
    pending_.reset();
    ++generation_;
    if (out_) out_->stop();
}

bool LessonReader::speaking() const {
    std::lock_guard lock(mutex_);
    return pending_ || synthesising_ || (out_ && out_->queued_seconds() > 0.05);
}

std::string LessonReader::last_error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

double LessonReader::spoken_seconds() const {
    std::lock_guard lock(mutex_);
    return spoken_seconds_;
}

int LessonReader::requests_played() const {
    std::lock_guard lock(mutex_);
    return played_;
}

void LessonReader::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        cv_.wait(lock, [&] { return quit_ || pending_; });
        if (quit_) return;
        auto [text, rate] = std::move(*pending_);
        pending_.reset();
        const std::uint64_t generation = generation_;
        synthesising_ = true;
        if (!out_) {
            std::string error;
            out_ = open_audio_(error);
            if (!out_) error_ = "no sound device: " + error;
        }
        lock.unlock();
        voice::SpeechOptions options;
        options.rate_wpm = rate;
        const auto speech = voice::synthesize_speech(text.substr(0, voice::kMaxSpeechText), options);
        lock.lock();
        synthesising_ = false;
        if (generation != generation_) continue;  // replaced or stopped while synthesising
        if (!speech.ok()) {
            error_ = speech.error;
            spdlog::warn("lesson reader: speech failed: {}", speech.error);
        } else if (out_ && out_->play(speech.pcm)) {
            error_.clear();
            spoken_seconds_ += speech.pcm.seconds();
            ++played_;
        } else if (out_) {
            error_ = "the sound device refused the audio";
        }
        if (wake_) wake_();
    }
}

}  // namespace desa::kiosk
