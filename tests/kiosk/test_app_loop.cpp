// The event-driven loop: after a change the app draws a few frames and then wants none until the
// next event or deadline, so an idle kiosk sleeps instead of redrawing 60 times a second.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <tuple>

#include "app/kiosk_app.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

int settle(KioskApp& app) {
    int frames = 0;
    while (app.needs_frame() && frames < 100) {
        app.render_frame();
        ++frames;
    }
    return frames;
}

void tap(KioskApp& app, ImVec2 at, const Display& display) {
    for (Uint32 type : {SDL_FINGERDOWN, SDL_FINGERUP}) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.x = at.x / static_cast<float>(display.width);
        e.tfinger.y = at.y / static_cast<float>(display.height);
        app.handle_event(e);
    }
}

ImVec2 centre_of(const KioskApp& app, const std::string& id) {
    const TapTarget* t = app.frame_log().find_by_id(id);
    REQUIRE(t != nullptr);
    return ImVec2((t->min.x + t->max.x) / 2, (t->min.y + t->max.y) / 2);
}

// The demo kiosk, headless at 1280x800 on a manual clock, settled after its first frames.
struct Loop {
    test::DemoKiosk kiosk;
    ManualClock clock;
    std::unique_ptr<Display> display = open_headless(1280, 800);
    KioskApp app{*kiosk.ctx, *display, clock, {}};
    int first_frames = settle(app);
};

}  // namespace

TEST_CASE("an idle home screen sleeps until the attract deadline", "[loop]") {
    Loop loop;
    KioskApp& app = loop.app;
    ManualClock& clock = loop.clock;
    CHECK(loop.first_frames >= 1);
    CHECK(loop.first_frames <= 5);
    REQUIRE_FALSE(app.needs_frame());
    REQUIRE(app.sleep_budget() == Millis{120'000});  // attract_after_s of the demo config

    clock.advance(Millis{60'000});
    app.update();
    REQUIRE_FALSE(app.needs_frame());  // nothing changed: no frame
    REQUIRE(app.sleep_budget() == Millis{60'000});
}

TEST_CASE("a tap draws a handful of frames, then the loop sleeps again", "[loop]") {
    Loop loop;
    auto& app = loop.app;
    const auto before = app.frames_drawn();
    tap(app, centre_of(app, "home.tile.library"), *loop.display);
    REQUIRE(app.needs_frame());
    const int frames = settle(app);
    CHECK(app.session().screen() == session::Screen::Library);
    CHECK(frames <= 8);
    CHECK(app.frames_drawn() - before == static_cast<std::uint64_t>(frames));
    REQUIRE_FALSE(app.needs_frame());
    // Away from home, the next deadline is the "are you still there?" warning (90 s - 15 s).
    REQUIRE(app.sleep_budget() == Millis{75'000});
}

TEST_CASE("only the attract screen animates, at a bounded rate", "[loop]") {
    Loop loop;
    KioskApp& app = loop.app;
    ManualClock& clock = loop.clock;
    clock.advance(Millis{120'000});
    app.update();
    settle(app);
    REQUIRE(app.session().screen() == session::Screen::Attract);
    const auto budget = app.sleep_budget();
    REQUIRE(budget.has_value());
    CHECK(*budget > Millis{0});
    CHECK(*budget <= Millis{50});
    // Over one simulated second the attract screen draws about 20 frames, not 60.
    const auto before = app.frames_drawn();
    for (int ms = 0; ms < 1000; ms += 10) {
        clock.advance(Millis{10});
        app.update();
        if (app.needs_frame()) app.render_frame();
    }
    const auto frames = app.frames_drawn() - before;
    CHECK(frames >= 15);
    CHECK(frames <= 25);
}

TEST_CASE("in lock-down, quit requests and Esc are ignored, without it they quit", "[loop]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    auto display = open_headless(800, 600);
    for (const bool lockdown : {true, false}) {
        KioskApp app(*kiosk.ctx, *display, clock, AppOptions{lockdown, {}});
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        app.handle_event(quit);
        SDL_Event esc{};
        esc.type = SDL_KEYDOWN;
        esc.key.keysym.sym = SDLK_ESCAPE;
        app.handle_event(esc);
        CHECK(app.quit_requested() == !lockdown);
    }
}
