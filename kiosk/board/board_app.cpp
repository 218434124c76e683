#include "board/board_app.hpp"

#include <SDL.h>
#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "board/board_screen.hpp"
#include "platform/loop_wake.hpp"
#include "queue/local_time.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

BoardApp::BoardApp(KioskContext& kiosk, Display& display, const Clock& clock, AudioOut* audio, BoardOptions options)
    : kiosk_(kiosk),
      display_(display),
      clock_(clock),
      options_(std::move(options)),
      language_(kiosk.config.default_language) {
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    ImGui::GetStyle().WindowPadding = ImVec2(0, 0);
    ImGui::GetStyle().WindowBorderSize = 0;
    renderer_ = std::make_unique<ImGuiSdlRenderer>(display_.renderer);
    // Calls made before the board started were announced by the board that ran then (or nobody
    // needs them any more): start after the newest event.
    last_announced_ = queue::newest_event_id(kiosk_.db);
    if (audio != nullptr) announcer_ = std::make_unique<BoardAnnouncer>(*audio, kiosk_.config.board);
    if (options_.follow_queue) {
        static const std::uint32_t feed_event = SDL_RegisterEvents(1);  // once per process
        feed_event_ = feed_event;
        // Called on the feed's thread.
        feed_ = std::make_unique<BoardFeed>(kiosk_.data_dir / "kiosk.db", clock_, kiosk_.config.queue.utc_offset_s,
                                            loop_wake(feed_event_, feed_wake_pending_));
    }
}

BoardApp::~BoardApp() {
    feed_.reset();
    announcer_.reset();
    renderer_.reset();
    ImGui::DestroyContext(imgui_);
}

void BoardApp::set_language(i18n::Language language) {
    language_ = language;
    request_frames();
}

void BoardApp::show(queue::BoardState state, std::int64_t highlight_event_id) {
    frozen_ = true;
    changed_ = false;
    state_ = std::move(state);
    highlight_event_id_ = highlight_event_id;
    highlight_until_ = clock_.monotonic() + Millis{static_cast<std::int64_t>(kiosk_.config.board.highlight_s) * 1000};
    request_frames();
}

void BoardApp::handle_event(const SDL_Event& event) {
    if (feed_event_ != 0 && event.type == feed_event_) {
        feed_wake_pending_->store(false);
        changed_ = true;
        return;
    }
    switch (event.type) {
        case SDL_QUIT:
            if (!options_.lockdown) quit_ = true;
            break;
        case SDL_KEYDOWN:
            if (event.key.keysym.sym == SDLK_ESCAPE && !options_.lockdown) quit_ = true;
            break;
        case SDL_WINDOWEVENT:
            if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED && display_.window != nullptr)
                SDL_GetRendererOutputSize(display_.renderer, &display_.width, &display_.height);
            if (event.window.event == SDL_WINDOWEVENT_CLOSE && !options_.lockdown) quit_ = true;
            request_frames();
            break;
        default:
            break;  // a television has no touch: everything else is ignored
    }
}

void BoardApp::reload() {
    const std::int64_t now = clock_.unix_seconds();
    const auto& cfg = kiosk_.config;
    try {
        refresh_queue_config(kiosk_, now);  // the hub's services, installed by the kiosk's sync meanwhile
        const auto calls = queue::calls_after(kiosk_.db, cfg.queue, now, last_announced_, 10);
        state_ = queue::read_board(kiosk_.db, cfg.queue, now, cfg.board.last_calls);
        for (const auto& call : calls) {
            if (announcer_) announcer_->announce(call.number, call.counter);
            last_announced_ = std::max(last_announced_, call.event_id);
        }
        if (!calls.empty() && cfg.board.highlight_s > 0) {
            highlight_event_id_ = calls.back().event_id;
            highlight_until_ = clock_.monotonic() + Millis{static_cast<std::int64_t>(cfg.board.highlight_s) * 1000};
        }
    } catch (const std::exception& e) {
        // A locked or briefly unreadable database: the next change tries again; the screen keeps
        // the last state it read.
        spdlog::warn("board: cannot read the queue: {}", e.what());
    }
    request_frames();
}

void BoardApp::update() {
    if (!frozen_) {
        // A new day empties the lines even without an event (the watcher also signals it).
        const auto today = queue::date_number(queue::local_date(clock_.unix_seconds(), kiosk_.config.queue.utc_offset_s));
        if (changed_ || today != state_.service_day) {
            changed_ = false;
            reload();
        }
    }
    if (highlight_event_id_ != 0 && clock_.monotonic() >= highlight_until_) {
        highlight_event_id_ = 0;
        request_frames();
    }
    if (minute_now() != drawn_minute_) request_frames();
}

std::int64_t BoardApp::minute_now() const { return clock_.unix_seconds() / 60; }

bool BoardApp::needs_frame() const { return frames_wanted_ > 0; }

std::optional<Millis> BoardApp::sleep_budget() const {
    if (needs_frame() || changed_) return Millis{0};
    const Millis now = clock_.monotonic();
    const std::int64_t unix = clock_.unix_seconds();
    Millis wake = Millis{(60 - unix % 60) * 1000};  // the clock's next minute
    if (highlight_event_id_ != 0) wake = std::min(wake, std::max(Millis{0}, highlight_until_ - now));
    return wake;
}

void BoardApp::render_frame() {
    const float short_side = static_cast<float>(std::min(display_.width, display_.height));
    if (fonts_.short_side != short_side) {
        fonts_ = build_board_fonts(options_.fonts, short_side);
        renderer_->upload_font_atlas();
        // The texture has the glyphs now: ImGui's two CPU copies of a large atlas (several MB) go.
        ImGui::GetIO().Fonts->ClearTexData();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(display_.width), static_cast<float>(display_.height));
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ImGui::NewFrame();
    log_.clear();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##board", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground);

    const auto moment = queue::local_moment(clock_.unix_seconds(), kiosk_.config.queue.utc_offset_s);
    char clock_text[8];
    std::snprintf(clock_text, sizeof clock_text, "%02d:%02d", moment.hour % 24, moment.minute_of_day % 60);
    Ui ui{kiosk_.catalog, language_, make_theme(display_.width, display_.height, false, false), fonts_.as_set, log_,
          pointer_.drag()};
    const BoardView view{state_,
                         kiosk_.config.queue,
                         ui.trf(kiosk_.kelurahan ? "village.title.kelurahan" : "village.title", {{"name", kiosk_.village_name}}),
                         clock_text,
                         highlight_event_id_,
                         kiosk_.config.board.last_calls};
    draw_board(ui, fonts_, view, io.DisplaySize);
    ImGui::End();
    ImGui::Render();

    const ImU32 bg = board_background();
    SDL_SetRenderDrawColor(display_.renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(display_.renderer);
    renderer_->render(ImGui::GetDrawData());
    SDL_RenderPresent(display_.renderer);
    ++frames_drawn_;
    drawn_minute_ = minute_now();
    if (frames_wanted_ > 0) --frames_wanted_;
}

}  // namespace desa::kiosk
