#pragma once
// The display board (`desa-kiosk --role display`): the same binary as the kiosk, on the hall's
// television. It follows the queue in kiosk.db, redraws only when the queue changes, a new call's
// highlight ends or the clock's minute turns, and announces each new call (chime, then the call
// in Indonesian) on its announcer thread. Nothing on it is touched.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>

#include "app/kiosk_context.hpp"
#include "board/board_announcer.hpp"
#include "board/board_feed.hpp"
#include "board/board_text.hpp"
#include "core/clock.hpp"
#include "platform/audio_out.hpp"
#include "platform/display.hpp"
#include "platform/imgui_sdl_renderer.hpp"
#include "platform/pointer_input.hpp"
#include "queue/queue_board.hpp"
#include "ui/frame_log.hpp"

union SDL_Event;
struct ImGuiContext;

namespace desa::kiosk {

struct BoardOptions {
    bool lockdown = true;  // Esc and window close do nothing (SIGTERM still stops it)
    FontFiles fonts;
    // Watch kiosk.db and wake the loop on changes (BoardFeed). Off for screenshots and tests
    // that call queue_changed() themselves.
    bool follow_queue = true;
};

class BoardApp {
public:
    // `audio` may be null (no sound device, screenshots): the board then only shows the calls.
    BoardApp(KioskContext& kiosk, Display& display, const Clock& clock, AudioOut* audio, BoardOptions options);
    ~BoardApp();
    BoardApp(const BoardApp&) = delete;
    BoardApp& operator=(const BoardApp&) = delete;

    void handle_event(const SDL_Event& event);
    // Reads the queue if it changed (and announces new calls), ends an expired highlight, notices
    // a new minute or day.
    void update();
    bool needs_frame() const;
    // How long the loop may sleep: until the highlight ends or the clock's next minute.
    std::optional<Millis> sleep_budget() const;
    void render_frame();

    // The queue changed: read it at the next update(). Called from the feed's SDL event.
    void queue_changed() { changed_ = true; }
    // Screenshots: show `state` instead of kiosk.db's, with the call `highlight_event_id` as new.
    void show(queue::BoardState state, std::int64_t highlight_event_id);
    void set_language(i18n::Language language);

    bool quit_requested() const { return quit_; }
    const queue::BoardState& state() const { return state_; }
    const FrameLog& frame_log() const { return log_; }
    std::uint64_t frames_drawn() const { return frames_drawn_; }
    std::int64_t last_announced() const { return last_announced_; }
    std::int64_t highlighted() const { return highlight_event_id_; }
    BoardAnnouncer* announcer() { return announcer_.get(); }

private:
    void reload();
    void request_frames() { frames_wanted_ = 1; }  // absolute drawing: one frame settles it
    std::int64_t minute_now() const;

    KioskContext& kiosk_;
    Display& display_;
    const Clock& clock_;
    BoardOptions options_;
    i18n::Language language_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<ImGuiSdlRenderer> renderer_;
    BoardFonts fonts_;
    PointerInput pointer_;  // only for the widgets' Ui; the board takes no input
    FrameLog log_;
    queue::BoardState state_;
    bool frozen_ = false;  // show(): a fixed state, kiosk.db is not read
    bool changed_ = true;
    bool quit_ = false;
    int frames_wanted_ = 1;
    std::uint64_t frames_drawn_ = 0;
    std::int64_t last_announced_ = 0;
    std::int64_t highlight_event_id_ = 0;
    Millis highlight_until_{0};
    std::int64_t drawn_minute_ = -1;
    std::uint32_t feed_event_ = 0;
    std::shared_ptr<std::atomic<bool>> feed_wake_pending_ = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<BoardAnnouncer> announcer_;
    std::unique_ptr<BoardFeed> feed_;  // last: stopped first
};

}  // namespace desa::kiosk
