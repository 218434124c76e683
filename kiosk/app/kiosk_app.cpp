#include "app/kiosk_app.hpp"

#include <SDL.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <tuple>
#include <utility>

#include <spdlog/spdlog.h>

#include "platform/loop_wake.hpp"
#include "screens/follow_up_screens.hpp"
#include "ui/theme.hpp"

namespace desa::kiosk {
namespace {

constexpr Millis kAnimationFrame{50};  // 20 fps is smooth enough for a running text

session::IdlePolicy idle_policy(const config::KioskConfig& c) {
    const auto s = [](int seconds) { return Millis{static_cast<std::int64_t>(seconds) * 1000}; };
    return {s(c.idle_reset_after_s - c.idle_warn_before_s), s(c.idle_reset_after_s), s(c.attract_after_s)};
}

bool is_press(const SDL_Event& e) {
    return (e.type == SDL_MOUSEBUTTONDOWN && e.button.which != SDL_TOUCH_MOUSEID) || e.type == SDL_FINGERDOWN;
}
bool is_release(const SDL_Event& e) {
    return (e.type == SDL_MOUSEBUTTONUP && e.button.which != SDL_TOUCH_MOUSEID) || e.type == SDL_FINGERUP;
}

// What a frame can change that needs more frames to settle.
auto visible_state(const session::KioskSession& s) {
    return std::make_tuple(s.screen(), s.language(), s.accessibility.large_text, s.accessibility.high_contrast,
                           s.focused(), s.forms.library_search.text, s.forms.admin_pin.text,
                           s.forms.librarian_pin.text, s.signed_in_librarian(), s.warning_visible(), s.can_go_back());
}

}  // namespace

KioskApp::KioskApp(KioskContext& kiosk, Display& display, const Clock& clock, AppOptions options)
    : kiosk_(kiosk),
      display_(display),
      clock_(clock),
      options_(std::move(options)),
      admin_pin_(kiosk.db, clock, security::StaffRole::Admin, kiosk.config.admin_pin_hash,
                 security::LockoutPolicy{kiosk.config.admin_max_attempts, kiosk.config.admin_lockout_s}),
      librarian_pin_(kiosk.db, clock, security::StaffRole::Librarian, kiosk.config.library.librarian_pin_hash,
                     security::LockoutPolicy{kiosk.config.admin_max_attempts, kiosk.config.admin_lockout_s}),
      session_(idle_policy(kiosk.config), kiosk.config.default_language, clock.monotonic()) {
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: nothing about a visit is written to disk
    io.LogFilename = nullptr;
    ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
    ImGui::GetStyle().WindowBorderSize = 0;
    renderer_ = std::make_unique<ImGuiSdlRenderer>(display_.renderer);
    slides_ = std::make_unique<SlideShow>(display_.renderer);
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(display_.renderer, &info) == 0 && info.name != nullptr) renderer_name_ = info.name;
    pointer_.set_drag_threshold(std::max(12.0f, make_theme(display_.width, display_.height, false, false).px(16)));
    last_frame_at_ = clock_.monotonic();

    static const std::uint32_t sync_event = SDL_RegisterEvents(1);  // once per process
    sync_event_ = sync_event;
    SyncServiceOptions sync;
    sync.run_worker = options_.sync_worker;
    sync.worker.interval_seconds = static_cast<std::int64_t>(kiosk.config.sync.interval_minutes) * 60;
    sync.notify = loop_wake(sync_event_, sync_wake_pending_);
    sync_ = std::make_unique<SyncService>(kiosk, std::move(sync));
    sync_->start();
    camera_view_ = std::make_unique<CameraView>(display_.renderer);
    pictures_ = std::make_unique<LessonPictures>(display_.renderer);
    static const std::uint32_t reader_event = SDL_RegisterEvents(1);
    reader_event_ = reader_event;
    reader_ = std::make_unique<LessonReader>(loop_wake(reader_event_, reader_wake_pending_));
    static const std::uint32_t progress_event = SDL_RegisterEvents(1);
    progress_event_ = progress_event;
    progress_fetch_ = std::make_unique<LearnerProgressFetch>(kiosk.data_dir, loop_wake(progress_event_, progress_wake_pending_));
    open_camera();
}

void KioskApp::open_camera() {
    const std::string& device = kiosk_.config.camera_device;
    if (kiosk_.camera || device.empty()) return;  // --camera FOLDER (tests, demos) wins
    auto opened = open_v4l2_camera(device);
    kiosk_.camera_fault = opened.fault;
    if (opened.fault != CameraFault::None) {
        spdlog::warn("camera {}: {} ({})", device, camera_fault_name(opened.fault), opened.detail);
        return;
    }
    spdlog::info("camera {}: {} {}x{}", device, opened.format.pixel_format, opened.format.width, opened.format.height);
    static const std::uint32_t camera_event = SDL_RegisterEvents(1);
    camera_event_ = camera_event;
    scan::CameraWorkerOptions options;
    options.notify = loop_wake(camera_event_, camera_wake_pending_);
    kiosk_.camera = scan::live_camera(device, std::make_shared<scan::CameraWorker>(std::move(opened.source), options));
    owns_camera_ = true;
}

void KioskApp::follow_camera() {
    const bool wanted = screen_scans(session_.screen());
    if (!kiosk_.camera || !kiosk_.camera->live() || wanted == camera_streaming_) return;
    camera_streaming_ = wanted;
    kiosk_.camera->set_active(wanted);
    if (wanted) camera_view_->start(*kiosk_.camera);
}

KioskApp::~KioskApp() {
    sync_.reset();  // the worker stops (a transfer in progress is cancelled) before the window goes
    if (owns_camera_) kiosk_.camera.reset();  // joins the camera's worker
    camera_view_.reset();
    pictures_.reset();
    slides_.reset();
    renderer_.reset();
    ImGui::DestroyContext(imgui_);
}

void KioskApp::handle_event(const SDL_Event& event) {
    const Millis now = clock_.monotonic();
    if (event.type == sync_event_) {
        // The sync worker or the enrolment changed something: redraw only where it shows.
        sync_wake_pending_->store(false);
        slides_stale_ = true;  // the cycle may have installed new slides
        refresh_queue_config(kiosk_, clock_.unix_seconds());  // ... or the hub's queue services
        reload_courses(kiosk_, true);                          // ... or lesson packages
        if (sync_->poll() || session_.screen() == session::Screen::AdminSync ||
            session_.screen() == session::Screen::AdminSettings)
            request_frames();
        return;
    }
    if (progress_event_ != 0 && event.type == progress_event_) {
        progress_wake_pending_->store(false);
        if (progress_fetch_->merge_finished(kiosk_.db, session_.lesson.learner) > 0) request_frames();
        return;
    }
    if (reader_event_ != 0 && event.type == reader_event_) {
        reader_wake_pending_->store(false);
        request_frames();  // the speaker button shows "stop" (or why there is no sound)
        return;
    }
    if (camera_event_ != 0 && event.type == camera_event_) {
        // A new preview or code: only a scanning screen shows it.
        camera_wake_pending_->store(false);
        if (screen_scans(session_.screen())) frames_wanted_ = std::max(frames_wanted_, 1);  // one frame per preview
        return;
    }
    switch (event.type) {
        case SDL_QUIT:
            if (!options_.lockdown) requests_.quit = true;
            return;
        case SDL_WINDOWEVENT:
            if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED && display_.window != nullptr)
                SDL_GetRendererOutputSize(display_.renderer, &display_.width, &display_.height);
            if (event.window.event == SDL_WINDOWEVENT_CLOSE && !options_.lockdown) requests_.quit = true;
            request_frames();
            return;
        case SDL_KEYDOWN: {
            // Esc and Alt+F4 do nothing in kiosk mode (Alt+F4 reaches us as SDL_QUIT from the WM).
            if (event.key.keysym.sym == SDLK_ESCAPE && !options_.lockdown) requests_.quit = true;
            if (session_.note_activity(now)) break;
            if (auto* field = session_.focused()) {
                if (event.key.keysym.sym == SDLK_BACKSPACE) field->backspace();
                // Like the on-screen "done" key: the screen decides (submit, or close the keyboard).
                if (event.key.keysym.sym == SDLK_RETURN || event.key.keysym.sym == SDLK_KP_ENTER)
                    keyboard_.submit_requested = true;
            }
            break;
        }
        case SDL_TEXTINPUT:
            if (session_.note_activity(now)) break;
            if (auto* field = session_.focused()) keyboard_.rejected_last = !field->insert(event.text.text);
            break;
        default:
            break;
    }
    if (is_press(event) || event.type == SDL_MOUSEWHEEL || (event.type == SDL_FINGERMOTION && !swallow_until_release_)) {
        if (session_.note_activity(now) && is_press(event)) {
            swallow_until_release_ = true;  // this touch only wakes the kiosk
            request_frames();
            return;
        }
    }
    if (swallow_until_release_) {
        if (is_release(event)) swallow_until_release_ = false;
        if (is_press(event) || is_release(event) || event.type == SDL_FINGERMOTION) return;
    }
    if (pointer_.handle_event(event, display_.width, display_.height) || event.type == SDL_KEYDOWN ||
        event.type == SDL_TEXTINPUT)
        request_frames();
}

void KioskApp::update() {
    // The evaluation's thank-you returns home by itself a few seconds later.
    if (apply_follow_up_timers(session_, clock_.monotonic())) request_frames();
    if (sync_->poll()) request_frames();  // an enrolment finished (scripts get no SDL wake-up)
    // The loop is awake: a wake-up lost on the way (taken from the queue by someone else) must not
    // silence the next ones. At worst one extra event is queued.
    sync_wake_pending_->store(false);
    camera_wake_pending_->store(false);
    reader_wake_pending_->store(false);
    if (const bool speaking = reader_->speaking(); speaking != reader_was_speaking_) {
        reader_was_speaking_ = speaking;
        request_frames();  // the speaker button turns back to "listen"
    }
    const auto event = session_.tick(clock_.monotonic());
    if (event == session::IdleEvent::None) return;
    if (event != session::IdleEvent::WarningShown) {
        reader_->stop();  // the next resident does not hear the last one's lesson
        pictures_->clear();
        memory_ = {};
        keyboard_ = {};
        sync_->dismiss_enrolment();
    }
    request_frames();
}

std::size_t KioskApp::slide_count() const {
    return slides_->slides().empty() ? kiosk_.config.slides.size() : slides_->slides().size();
}

bool KioskApp::animating() const {
    return session_.screen() == session::Screen::Attract &&
           (!kiosk_.config.running_text_id.empty() || slide_count() > 1);
}

Millis KioskApp::next_animation(Millis now) const {
    // The running text moves every frame; slides alone change only at the next slide boundary
    // (the loop sleeps in SDL_WaitEventTimeout until then).
    if (!kiosk_.config.running_text_id.empty()) return now + kAnimationFrame;
    const Millis period{static_cast<std::int64_t>(kiosk_.config.slide_seconds) * 1000};
    return (now / period + 1) * period;
}

bool KioskApp::needs_frame() const {
    if (frames_wanted_ > 0 || pointer_.has_pending()) return true;
    return animating() && clock_.monotonic() >= next_animation_at_;
}

std::optional<Millis> KioskApp::sleep_budget() const {
    const Millis now = clock_.monotonic();
    if (needs_frame()) return Millis{0};
    std::optional<Millis> wake = session_.next_deadline(now);
    if (animating()) wake = wake ? std::min(*wake, next_animation_at_) : next_animation_at_;
    // A lock-out countdown on the PIN screen changes once a second.
    if ((session_.screen() == session::Screen::AdminPin && admin_pin_.locked_seconds_left()) ||
        (session_.screen() == session::Screen::LibrarianPin && librarian_pin_.locked_seconds_left()))
        wake = wake ? std::min(*wake, now + Millis{1000}) : now + Millis{1000};
    if (const auto at = follow_up_wake_at(session_)) wake = wake ? std::min(*wake, *at) : *at;
    // While a lesson is read aloud the speaker button must turn back to "listen" when it ends: a
    // look four times a second, only then (no sound, no wake-ups).
    if (reader_->speaking()) wake = wake ? std::min(*wake, now + Millis{250}) : now + Millis{250};
    if (!wake) return std::nullopt;
    return std::max(Millis{0}, *wake - now);
}

void KioskApp::draw_screen(ScreenContext& ctx) {
    using session::Screen;
    // The desk's screens exist only for a signed-in librarian (a script or a stale stack cannot
    // reach them otherwise).
    if (session::needs_librarian(session_.screen()) && !session_.signed_in_librarian()) {
        session_.sign_out_librarian();
        session_.open(Screen::LibrarianPin);
    }
    switch (session_.screen()) {
        case Screen::Attract: draw_attract_screen(ctx); break;
        case Screen::Home: draw_home_screen(ctx); break;
        case Screen::Lessons: draw_lessons_screen(ctx); break;
        case Screen::Library: draw_library_screen(ctx); break;
        case Screen::LibraryRecord: draw_library_record_screen(ctx); break;
        case Screen::Queue: draw_queue_screen(ctx); break;
        case Screen::Aspirations: draw_aspirations_screen(ctx); break;
        case Screen::AdminPin: draw_admin_pin_screen(ctx); break;
        case Screen::AdminSettings: draw_admin_settings_screen(ctx); break;
        case Screen::AdminSync: draw_admin_sync_screen(ctx); break;
        case Screen::LibrarianPin: draw_librarian_pin_screen(ctx); break;
        case Screen::LibraryDesk: draw_library_desk_screen(ctx); break;
        case Screen::CatalogEdit: draw_catalog_edit_screen(ctx); break;
        case Screen::LendingCheckout: draw_lending_checkout_screen(ctx); break;
        case Screen::LendingReturn: draw_lending_return_screen(ctx); break;
        case Screen::Members: draw_members_screen(ctx); break;
        case Screen::MemberDetail: draw_member_detail_screen(ctx); break;
        case Screen::Overdue: draw_overdue_screen(ctx); break;
        case Screen::AspirationTrack: draw_aspiration_track_screen(ctx); break;
        case Screen::QuickEvaluation: draw_quick_evaluation_screen(ctx); break;
        case Screen::QueueCheck: draw_queue_check_screen(ctx); break;
        case Screen::QueueOps: draw_queue_ops_screen(ctx); break;
        case Screen::LessonCard: draw_lesson_card_screen(ctx); break;
        case Screen::LessonStep: draw_lesson_step_screen(ctx); break;
        case Screen::LessonQuiz: draw_lesson_quiz_screen(ctx); break;
        case Screen::LessonCertificate: draw_lesson_certificate_screen(ctx); break;
        case Screen::LessonAdmin: draw_lesson_admin_screen(ctx); break;
    }
}

void KioskApp::render_frame() {
    ImGui::SetCurrentContext(imgui_);  // another app in the same process (tests) may have been current
    const Millis now = clock_.monotonic();
    const auto before = visible_state(session_);
    const Theme theme = make_theme(display_.width, display_.height, session_.accessibility.large_text,
                                   session_.accessibility.high_contrast);
    if (fonts_.text_scale != theme.text_scale) {
        fonts_ = build_fonts(options_.fonts, theme.text_scale);
        renderer_->upload_font_atlas();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(display_.width), static_cast<float>(display_.height));
    io.DeltaTime = std::max(0.001f, static_cast<float>((now - last_frame_at_).count()) / 1000.0f);
    last_frame_at_ = now;
    pointer_.apply_to_imgui(io);
    ImGui::NewFrame();
    log_.clear();

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No window background: SDL_RenderClear paints it, and every full-screen layer costs a whole
    // frame's worth of pixels on a software renderer.
    ImGui::Begin("##root", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);

    Ui ui{kiosk_.catalog, session_.language(), theme, fonts_, log_, pointer_.drag()};
    ScreenContext ctx{ui,       session_,  kiosk_,       admin_pin_,     librarian_pin_, keyboard_,
                      memory_,  requests_, ImVec2(0, 0), io.DisplaySize, io.DisplaySize, now,
                      renderer_name_, clock_.unix_seconds(), sync_.get(), slides_.get(), camera_view_.get(),
                      pictures_.get(), reader_.get()};
    follow_camera();
    if (session_.screen() == session::Screen::Attract) {
        slides_->refresh(kiosk_.db, now, std::exchange(slides_stale_, false));
    }
    session::TextField* field = session_.focused();
    const float keyboard_h = field ? keyboard_height(ui, field->kind, io.DisplaySize) : 0.0f;
    if (session_.screen() == session::Screen::Attract) {
        ctx.area_max = io.DisplaySize;
        draw_screen(ctx);
    } else {
        ctx.area_min = ImVec2(0, layout_header(ctx).height);
        ctx.area_max = ImVec2(io.DisplaySize.x, io.DisplaySize.y - keyboard_h);
        draw_header(ctx);
        ImGui::PushClipRect(ctx.area_min, ctx.area_max, true);  // a screen never draws under the keyboard
        draw_screen(ctx);
        ImGui::PopClipRect();
        field = session_.focused();  // the screen may have focused or closed a field
        if (field != nullptr && keyboard_h > 0) {
            const auto action = on_screen_keyboard(ui, keyboard_, *field, ImVec2(0, ctx.area_max.y), io.DisplaySize);
            if (action == KeyboardAction::Done) keyboard_.submit_requested = true;
        }
        if (keyboard_.submit_requested) {
            keyboard_.submit_requested = false;
            on_keyboard_done(ctx);
        }
    }
    ImGui::End();
    if (session_.warning_visible()) draw_idle_warning(ctx);

    ImGui::Render();
    const bool attract = session_.screen() == session::Screen::Attract;
    const ImU32 bg = attract ? theme.palette.header : theme.palette.background;  // the attract screen's colour
    SDL_SetRenderDrawColor(display_.renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(display_.renderer);
    renderer_->render(ImGui::GetDrawData());
    SDL_RenderPresent(display_.renderer);
    // The first frame is on screen: now the full integrity check of kiosk.db (its catalogue part
    // was left out at open), on its own connection and thread.
    if (++frames_drawn_ == 1) kiosk_.db.start_integrity_check();

    if (frames_wanted_ > 0) --frames_wanted_;
    if (visible_state(session_) != before || requests_.quit || std::exchange(requests_.redraw, false)) request_frames();
    if (const auto learner = std::exchange(requests_.fetch_learner, std::nullopt)) progress_fetch_->start(*learner);
    follow_camera();  // the screen may have changed: start or stop the camera now, not next frame
    if (animating()) next_animation_at_ = next_animation(now);
}

}  // namespace desa::kiosk
