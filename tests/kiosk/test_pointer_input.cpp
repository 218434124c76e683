// PointerInput against a real Dear ImGui context: synthesised SDL events go in, and we watch what an
// ImGui::Button does over the following frames (clicks, hover), plus drag() and the wheel.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <imgui.h>

#include <cfloat>
#include <string>
#include <vector>

#include "platform/pointer_input.hpp"

using desa::kiosk::PointerInput;

namespace {

constexpr int kW = 800, kH = 600;
// The button sits at the window padding: (8,8)-(208,108) in a window covering the screen.
const ImVec2 kOnButton{50, 50};

struct FrameResult {
    bool clicked = false;
    bool hovered = false;
};

// One kiosk frame: pointer -> io, then a full-screen window with one button.
FrameResult run_frame(PointerInput& input) {
    input.apply_to_imgui(ImGui::GetIO());
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(kW, kH));
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    FrameResult r;
    r.clicked = ImGui::Button("Tap me", ImVec2(200, 100));
    r.hovered = ImGui::IsItemHovered();
    ImGui::End();
    ImGui::Render();
    return r;
}

struct ImGuiContextGuard {
    ImGuiContextGuard() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;  // tests must not write imgui.ini
        io.DisplaySize = ImVec2(kW, kH);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // NewFrame asserts on an unbuilt atlas
        // ImGui hovers windows that existed in the previous frame: let the button's window appear
        // before any gesture, as it has in the running kiosk.
        PointerInput idle;
        for (int i = 0; i < 2; ++i) run_frame(idle);
    }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};

// Runs frames until nothing is pending (plus a couple more) and counts the button's clicks.
int frames_until_idle(PointerInput& input, int extra = 2) {
    int clicks = 0;
    for (int guard = 0; guard < 100 && input.has_pending(); ++guard) clicks += run_frame(input).clicked;
    for (int i = 0; i < extra; ++i) clicks += run_frame(input).clicked;
    return clicks;
}

SDL_Event finger(Uint32 type, ImVec2 pos, SDL_FingerID id = 0) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = pos.x / kW;
    e.tfinger.y = pos.y / kH;
    return e;
}

SDL_Event mouse_button(Uint32 type, ImVec2 pos, Uint32 which = 0) {
    SDL_Event e{};
    e.type = type;
    e.button.which = which;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.x = int(pos.x);
    e.button.y = int(pos.y);
    return e;
}

SDL_Event mouse_motion(ImVec2 pos, Uint32 which = 0) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    e.motion.x = int(pos.x);
    e.motion.y = int(pos.y);
    return e;
}

SDL_Event wheel(float y, Uint32 direction = SDL_MOUSEWHEEL_NORMAL, Uint32 which = 0) {
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.which = which;
    e.wheel.y = int(y);
    e.wheel.preciseY = y;
    e.wheel.direction = direction;
    return e;
}

// Presses at `from`, moves in `steps` equal steps to `to` and lifts there. With per_frame, one
// event per frame (a slow gesture); otherwise everything is queued before the next frame.
struct Gesture {
    bool touch;
    ImVec2 from, to;
    int steps;
    bool per_frame;
};

struct GestureOutcome {
    int clicks = 0;
    float drag_sum = 0;
    bool drag_seen = false;
    ImVec2 origin{0, 0};
};

GestureOutcome perform(PointerInput& input, const Gesture& g) {
    GestureOutcome out;
    auto frame = [&] {
        const FrameResult r = run_frame(input);
        out.clicks += r.clicked;
        if (input.drag().active) {
            out.drag_seen = true;
            out.drag_sum += input.drag().delta_y;
            out.origin = input.drag().origin;
        }
    };
    auto feed = [&](const SDL_Event& e) {
        REQUIRE(input.handle_event(e, kW, kH));
        if (g.per_frame) frame();
    };
    feed(g.touch ? finger(SDL_FINGERDOWN, g.from) : mouse_button(SDL_MOUSEBUTTONDOWN, g.from));
    for (int i = 1; i <= g.steps; ++i) {
        const float t = float(i) / float(g.steps);
        const ImVec2 p(g.from.x + (g.to.x - g.from.x) * t, g.from.y + (g.to.y - g.from.y) * t);
        feed(g.touch ? finger(SDL_FINGERMOTION, p) : mouse_motion(p));
    }
    feed(g.touch ? finger(SDL_FINGERUP, g.to) : mouse_button(SDL_MOUSEBUTTONUP, g.to));
    for (int guard = 0; guard < 100 && input.has_pending(); ++guard) frame();
    frame();
    frame();
    return out;
}

}  // namespace

TEST_CASE("a tap or click on a button fires exactly one click", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    // (touch, down and up queued before one frame, moves in between)
    auto [touch, same_frame, wiggle] = GENERATE(table<bool, bool, float>({
        {true, true, 0.0f},    // quick tap: down+up between two frames must not be lost
        {true, false, 0.0f},   // slow tap
        {true, false, 9.0f},   // finger wobbles below the 16 px threshold: still a tap
        {true, true, 12.0f},
        {false, true, 0.0f},   // mouse click
        {false, false, 10.0f},
    }));
    CAPTURE(touch, same_frame, wiggle);
    const GestureOutcome out = perform(
        input, {touch, kOnButton, ImVec2(kOnButton.x + wiggle * 0.6f, kOnButton.y + wiggle * 0.8f),
                wiggle > 0 ? 3 : 0, !same_frame});
    CHECK(out.clicks == 1);
    CHECK_FALSE(out.drag_seen);
}

TEST_CASE("a drag scrolls instead of clicking", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    auto [touch, dy, steps, per_frame] = GENERATE(table<bool, float, int, bool>({
        {true, 100.0f, 10, true},    // finger drags 100 px down, one move per frame
        {true, -100.0f, 10, true},   // and up
        {true, 100.0f, 10, false},   // a fast swipe: every event arrives before one frame
        {true, 100.0f, 1, true},     // a single big move
        {false, 100.0f, 10, true},   // mouse drags scroll too
    }));
    CAPTURE(touch, dy, steps, per_frame);
    const ImVec2 from{100, 60};
    const GestureOutcome out = perform(input, {touch, from, ImVec2(from.x, from.y + dy), steps, per_frame});
    CHECK(out.clicks == 0);
    CHECK(out.drag_seen);
    CHECK(out.drag_sum == Approx(dy).margin(0.01));
    CHECK(out.origin.x == Approx(from.x));
    CHECK(out.origin.y == Approx(from.y));
    CHECK_FALSE(input.drag().active);  // ended once the pointer lifted
    CHECK(input.drag().delta_y == 0.0f);
}

TEST_CASE("the drag cancels the press as soon as the threshold is crossed", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input(16.0f);
    input.handle_event(finger(SDL_FINGERDOWN, kOnButton), kW, kH);
    run_frame(input);
    CHECK(ImGui::GetIO().MouseDown[0]);
    CHECK_FALSE(input.drag().active);

    input.handle_event(finger(SDL_FINGERMOTION, ImVec2(kOnButton.x, kOnButton.y + 10)), kW, kH);
    run_frame(input);
    CHECK(ImGui::GetIO().MouseDown[0]);  // 10 px: still a press
    CHECK_FALSE(input.drag().active);

    input.handle_event(finger(SDL_FINGERMOTION, ImVec2(kOnButton.x, kOnButton.y + 20)), kW, kH);
    run_frame(input);
    CHECK_FALSE(ImGui::GetIO().MouseDown[0]);
    CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX);
    CHECK(input.drag().active);
    CHECK(input.drag().delta_y == Approx(20));  // the whole way from the press

    // Back onto the button and lift there: still no click.
    input.handle_event(finger(SDL_FINGERMOTION, kOnButton), kW, kH);
    input.handle_event(finger(SDL_FINGERUP, kOnButton), kW, kH);
    CHECK(frames_until_idle(input) == 0);
}

TEST_CASE("a drag that comes back and lifts over the button does not click", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    auto [touch, per_frame] = GENERATE(table<bool, bool>({
        {true, true}, {true, false}, {false, true}, {false, false}}));
    CAPTURE(touch, per_frame);
    const ImVec2 away(kOnButton.x, kOnButton.y + 40);
    int clicks = 0;
    auto feed = [&](const SDL_Event& e) {
        input.handle_event(e, kW, kH);
        if (per_frame) clicks += run_frame(input).clicked;
    };
    feed(touch ? finger(SDL_FINGERDOWN, kOnButton) : mouse_button(SDL_MOUSEBUTTONDOWN, kOnButton));
    feed(touch ? finger(SDL_FINGERMOTION, away) : mouse_motion(away));
    feed(touch ? finger(SDL_FINGERMOTION, kOnButton) : mouse_motion(kOnButton));
    feed(touch ? finger(SDL_FINGERUP, kOnButton) : mouse_button(SDL_MOUSEBUTTONUP, kOnButton));
    clicks += frames_until_idle(input);
    CHECK(clicks == 0);
    // Afterwards a mouse is back where it is (hovering); a finger is gone.
    CHECK(run_frame(input).hovered == !touch);
}

TEST_CASE("after a finger lifts nothing stays hovered, a mouse keeps hovering", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;

    SECTION("finger") {
        input.handle_event(finger(SDL_FINGERDOWN, kOnButton), kW, kH);
        input.handle_event(finger(SDL_FINGERUP, kOnButton), kW, kH);
        CHECK(input.has_pending());
        FrameResult r = run_frame(input);  // press
        CHECK(r.hovered);
        CHECK(input.has_pending());
        r = run_frame(input);  // release: the click
        CHECK(r.clicked);
        CHECK(input.has_pending());  // the hide is still to come
        r = run_frame(input);
        CHECK_FALSE(r.hovered);
        CHECK(ImGui::GetIO().MousePos.x == -FLT_MAX);
        CHECK(ImGui::GetIO().MousePos.y == -FLT_MAX);
        CHECK_FALSE(input.has_pending());
        CHECK_FALSE(run_frame(input).hovered);
    }
    SECTION("mouse") {
        input.handle_event(mouse_button(SDL_MOUSEBUTTONDOWN, kOnButton), kW, kH);
        input.handle_event(mouse_button(SDL_MOUSEBUTTONUP, kOnButton), kW, kH);
        CHECK(frames_until_idle(input) == 1);
        CHECK(run_frame(input).hovered);
        CHECK(ImGui::GetIO().MousePos.x == kOnButton.x);
    }
}

TEST_CASE("mouse events synthesised from touch are ignored", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    CHECK_FALSE(input.handle_event(mouse_motion(kOnButton, SDL_TOUCH_MOUSEID), kW, kH));
    CHECK_FALSE(input.handle_event(mouse_button(SDL_MOUSEBUTTONDOWN, kOnButton, SDL_TOUCH_MOUSEID), kW, kH));
    CHECK_FALSE(input.handle_event(mouse_button(SDL_MOUSEBUTTONUP, kOnButton, SDL_TOUCH_MOUSEID), kW, kH));
    CHECK_FALSE(input.handle_event(wheel(1.0f, SDL_MOUSEWHEEL_NORMAL, SDL_TOUCH_MOUSEID), kW, kH));
    CHECK_FALSE(input.has_pending());
    CHECK(frames_until_idle(input) == 0);

    // With a real finger tap alongside, the tap clicks once (not twice).
    input.handle_event(finger(SDL_FINGERDOWN, kOnButton), kW, kH);
    input.handle_event(mouse_button(SDL_MOUSEBUTTONDOWN, kOnButton, SDL_TOUCH_MOUSEID), kW, kH);
    input.handle_event(finger(SDL_FINGERUP, kOnButton), kW, kH);
    input.handle_event(mouse_button(SDL_MOUSEBUTTONUP, kOnButton, SDL_TOUCH_MOUSEID), kW, kH);
    CHECK(frames_until_idle(input) == 1);
}

TEST_CASE("only the first finger is tracked", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    const ImVec2 elsewhere{600, 400};
    input.handle_event(finger(SDL_FINGERDOWN, kOnButton, 0), kW, kH);
    run_frame(input);
    // A second finger lands away from the button and sweeps 200 px: neither a move nor a drag.
    CHECK(input.handle_event(finger(SDL_FINGERDOWN, elsewhere, 1), kW, kH));
    CHECK(input.handle_event(finger(SDL_FINGERMOTION, ImVec2(600, 200), 1), kW, kH));
    run_frame(input);
    CHECK(ImGui::GetIO().MousePos.x == kOnButton.x);
    CHECK(ImGui::GetIO().MousePos.y == kOnButton.y);
    CHECK_FALSE(input.drag().active);
    CHECK(input.handle_event(finger(SDL_FINGERUP, ImVec2(600, 200), 1), kW, kH));
    run_frame(input);
    CHECK(ImGui::GetIO().MouseDown[0]);  // the first finger is still down

    input.handle_event(finger(SDL_FINGERUP, kOnButton, 0), kW, kH);
    CHECK(frames_until_idle(input) == 1);

    // Once the first finger is up, the other finger id is tracked normally.
    input.handle_event(finger(SDL_FINGERDOWN, kOnButton, 1), kW, kH);
    input.handle_event(finger(SDL_FINGERUP, kOnButton, 1), kW, kH);
    CHECK(frames_until_idle(input) == 1);
}

TEST_CASE("the mouse wheel reaches io.MouseWheel", "[pointer]") {
    ImGuiContextGuard ctx;
    PointerInput input;
    auto [amount, direction, expected] = GENERATE(table<float, Uint32, float>({
        {1.0f, SDL_MOUSEWHEEL_NORMAL, 1.0f},
        {-2.0f, SDL_MOUSEWHEEL_NORMAL, -2.0f},
        {0.5f, SDL_MOUSEWHEEL_NORMAL, 0.5f},   // precise (touchpad) deltas
        {1.0f, SDL_MOUSEWHEEL_FLIPPED, -1.0f},  // "natural scrolling" devices
    }));
    CAPTURE(amount, direction);
    ImGuiIO& io = ImGui::GetIO();
    CHECK(input.handle_event(wheel(amount, direction), kW, kH));
    CHECK(input.has_pending());
    input.apply_to_imgui(io);
    CHECK(io.MouseWheel == Approx(expected));
    CHECK_FALSE(input.has_pending());
    ImGui::NewFrame();
    ImGui::Render();  // ImGui consumes and clears the wheel
    input.apply_to_imgui(io);
    CHECK(io.MouseWheel == 0.0f);
}

TEST_CASE("non-pointer events are not claimed", "[pointer]") {
    PointerInput input;
    for (Uint32 type : {Uint32(SDL_KEYDOWN), Uint32(SDL_TEXTINPUT), Uint32(SDL_WINDOWEVENT), Uint32(SDL_QUIT)}) {
        SDL_Event e{};
        e.type = type;
        CHECK_FALSE(input.handle_event(e, kW, kH));
    }
    CHECK_FALSE(input.has_pending());
}
