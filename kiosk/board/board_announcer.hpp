#pragma once
// Speaks the board's calls on its own thread: synthesising a call takes ~0.1 s of CPU and playing
// it several seconds, and neither may hold up the screen. Calls are played one after another;
// when staff call faster than the hall can hear, the oldest waiting announcements are dropped
// (the screen still lists every call).
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "platform/audio_out.hpp"
#include "voice/board_config.hpp"

namespace desa::kiosk {

struct AnnouncerStats {
    int announced = 0;     // calls handed to the audio device
    int dropped = 0;       // calls skipped because newer ones were waiting
    int speech_failed = 0; // calls that got the chime only (speech asked for, espeak-ng failed)
};

class BoardAnnouncer {
public:
    static constexpr std::size_t kMaxPending = 3;
    // The next call is prepared once less than this much sound is still queued, so a call is heard
    // right after the previous one and the backlog stays in our queue, where it can be trimmed.
    static constexpr double kQueueLowSeconds = 0.5;

    BoardAnnouncer(AudioOut& out, voice::BoardConfig config);
    ~BoardAnnouncer();  // stops; an announcement being synthesised finishes first
    BoardAnnouncer(const BoardAnnouncer&) = delete;
    BoardAnnouncer& operator=(const BoardAnnouncer&) = delete;

    // Queues "Nomor antrian <number>, silakan ke loket <counter>"; returns at once. Invalid
    // numbers or counters are ignored (logged): the board only reads what the queue issued.
    void announce(std::string number, int counter);
    // Waits until nothing is pending or being prepared (tests), at most `timeout`.
    bool wait_idle(std::chrono::milliseconds timeout);
    AnnouncerStats stats() const;

private:
    struct Call {
        std::string number;
        int counter = 0;
    };
    void run();

    AudioOut& out_;
    voice::BoardConfig config_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::deque<Call> pending_;
    bool busy_ = false;
    bool stop_ = false;
    AnnouncerStats stats_;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace desa::kiosk
