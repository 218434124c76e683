#include "board/board_announcer.hpp"

#include <spdlog/spdlog.h>

#include "voice/announcement.hpp"
#include "voice/number_words.hpp"

namespace desa::kiosk {

BoardAnnouncer::BoardAnnouncer(AudioOut& out, voice::BoardConfig config)
    : out_(out), config_(std::move(config)), thread_([this] { run(); }) {}

BoardAnnouncer::~BoardAnnouncer() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void BoardAnnouncer::announce(std::string number, int counter) {
    if (!voice::call_sentence(number, counter)) {
        spdlog::warn("board: not announcing a malformed call ({} at counter {})", number, counter);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        pending_.push_back({std::move(number), counter});
        while (pending_.size() > kMaxPending) {
            pending_.pop_front();
            ++stats_.dropped;
        }
    }
    wake_.notify_all();
}

bool BoardAnnouncer::wait_idle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, timeout, [this] { return pending_.empty() && !busy_; });
}

AnnouncerStats BoardAnnouncer::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

void BoardAnnouncer::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        if (stop_) return;
        if (pending_.empty()) {
            wake_.wait(lock, [this] { return stop_ || !pending_.empty(); });
            continue;
        }
        // The previous call is still being heard: look again in 100 ms (only while sound plays).
        if (out_.queued_seconds() > kQueueLowSeconds) {
            wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; });
            continue;
        }
        const Call call = pending_.front();
        pending_.pop_front();
        busy_ = true;
        lock.unlock();
        bool played = false, speech_failed = false;
        try {
            const voice::CallAudio audio = voice::make_call_audio(call.number, call.counter, config_);
            if (!audio.speech_error.empty()) {
                speech_failed = true;
                spdlog::warn("board: speech failed, chime only: {}", audio.speech_error);
            }
            played = out_.play(audio.pcm);
            spdlog::info("board: {}", audio.sentence);
        } catch (const std::exception& e) {
            spdlog::warn("board: cannot announce {}: {}", call.number, e.what());
        }
        lock.lock();
        busy_ = false;
        stats_.announced += played ? 1 : 0;
        stats_.speech_failed += speech_failed ? 1 : 0;
        if (pending_.empty()) idle_.notify_all();
    }
}

}  // namespace desa::kiosk
