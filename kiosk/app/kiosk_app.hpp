#pragma once
// The kiosk shell: owns the ImGui context, turns SDL events into session activity and pointer
// input, applies the idle rules, and draws a frame only when something changed. The same object
// runs the real window, headless screenshots and UI scripts.
#include <memory>
#include <optional>

#include "app/kiosk_context.hpp"
#include "app/learner_progress_fetch.hpp"
#include "app/lesson_reader.hpp"
#include "app/sync_service.hpp"
#include "platform/display.hpp"
#include "platform/imgui_sdl_renderer.hpp"
#include "platform/pointer_input.hpp"
#include "screens/screens.hpp"
#include "security/admin_pin.hpp"
#include "session/kiosk_session.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_log.hpp"
#include "ui/keyboard.hpp"
#include "ui/camera_view.hpp"
#include "ui/lesson_pictures.hpp"
#include "ui/slide_show.hpp"

struct ImGuiContext;

namespace desa::kiosk {

struct AppOptions {
    bool lockdown = true;  // Esc, Alt+F4 and window close do nothing; leaving needs the admin PIN
    FontFiles fonts;
    // Sync with the hub on a worker thread from the start (the real kiosk, when enrolled). Off for
    // screenshots and scripts, where the admin screen's "sync now" still starts it.
    bool sync_worker = false;
};

class KioskApp {
public:
    KioskApp(KioskContext& kiosk, Display& display, const Clock& clock, AppOptions options);
    ~KioskApp();
    KioskApp(const KioskApp&) = delete;
    KioskApp& operator=(const KioskApp&) = delete;

    void handle_event(const SDL_Event& event);
    // Applies the idle rules at the clock's current time.
    void update();
    // True when a frame must be drawn now (input queued, state changed, animation due).
    bool needs_frame() const;
    // How long the loop may sleep before update()/a frame is due; nullopt = until the next event.
    std::optional<Millis> sleep_budget() const;
    void render_frame();

    bool quit_requested() const { return requests_.quit; }
    session::KioskSession& session() { return session_; }
    const FrameLog& frame_log() const { return log_; }
    const Display& display() const { return display_; }
    std::uint64_t frames_drawn() const { return frames_drawn_; }
    SyncService& sync() { return *sync_; }
    LessonReader& reader() { return *reader_; }

private:
    void request_frames() { frames_wanted_ = 3; }  // ImGui settles layout within a few frames
    void draw_screen(ScreenContext& ctx);
    void open_camera();
    void follow_camera();  // streams while a scanning screen is open
    bool animating() const;
    std::size_t slide_count() const;
    Millis next_animation(Millis now) const;

    KioskContext& kiosk_;
    Display& display_;
    const Clock& clock_;
    AppOptions options_;
    ImGuiContext* imgui_ = nullptr;
    std::unique_ptr<ImGuiSdlRenderer> renderer_;
    std::unique_ptr<SlideShow> slides_;  // textures: destroyed before the renderer's Display
    bool slides_stale_ = true;           // a sync finished: look at the installed version again
    std::unique_ptr<CameraView> camera_view_;  // the live preview's texture, like the slides
    bool owns_camera_ = false;                 // opened here from [camera] device: closed here
    bool camera_streaming_ = false;            // a scanning screen is open: the camera runs
    std::unique_ptr<LessonPictures> pictures_;  // the lesson on screen's pictures, like the slides
    PointerInput pointer_;
    security::StaffPinGuard admin_pin_;  // on this app's clock, so scripts can wait out a lock-out
    security::StaffPinGuard librarian_pin_;
    session::KioskSession session_;
    KeyboardState keyboard_;
    ScreenMemory memory_;
    ScreenRequests requests_;
    FontSet fonts_;
    FrameLog log_;
    std::string renderer_name_;
    int frames_wanted_ = 3;
    bool swallow_until_release_ = false;
    Millis last_frame_at_{0};
    Millis next_animation_at_{0};
    std::uint64_t frames_drawn_ = 0;
    // The SDL user event the sync threads push to wake the loop; one at a time in the queue.
    std::uint32_t sync_event_ = 0;
    std::shared_ptr<std::atomic<bool>> sync_wake_pending_ = std::make_shared<std::atomic<bool>>(false);
    // The same for the camera's worker (a new preview or code).
    std::uint32_t camera_event_ = 0;
    std::shared_ptr<std::atomic<bool>> camera_wake_pending_ = std::make_shared<std::atomic<bool>>(false);
    // The lesson reader's wake-up: speech started (or failed), the speaker button changes.
    std::uint32_t reader_event_ = 0;
    std::shared_ptr<std::atomic<bool>> reader_wake_pending_ = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<LessonReader> reader_;  // its thread joined before the loop's objects go
    bool reader_was_speaking_ = false;
    // A presented learner card's progress from the hub, fetched off the loop and merged on it.
    std::uint32_t progress_event_ = 0;
    std::shared_ptr<std::atomic<bool>> progress_wake_pending_ = std::make_shared<std::atomic<bool>>(false);
    std::unique_ptr<LearnerProgressFetch> progress_fetch_;
    std::unique_ptr<SyncService> sync_;  // last member: stopped (threads joined) first
};

}  // namespace desa::kiosk
