// The follow-up screens inside the real app loop: the evaluation's thank-you wakes the sleeping
// loop and goes home by itself; the queue's entry point opens the evaluation for a service.
#include <catch2/catch.hpp>

#include "app/kiosk_app.hpp"
#include "kiosk_fixture.hpp"
#include "screens/follow_up_screens.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

int settle(KioskApp& app) {
    int frames = 0;
    for (; app.needs_frame() && frames < 100; ++frames) app.render_frame();
    return frames;
}

}  // namespace

TEST_CASE("the thank-you wakes the idle loop and returns home after a few seconds", "[follow_up_screens]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    auto display = open_headless(1280, 800);
    KioskApp app{*kiosk.ctx, *display, clock, {}};
    settle(app);
    auto& session = app.session();
    open_quick_evaluation(session, aspirations::Service::Library);
    CHECK(session.screen() == session::Screen::QuickEvaluation);
    CHECK(session.aspiration.evaluation.service == aspirations::Service::Library);
    CHECK(session.aspiration.evaluation.service_from_ticket);
    session.aspiration.evaluation.thanked_at = clock.monotonic();
    app.update();
    settle(app);
    // The loop sleeps only until the thank-you is due, not until the idle warning (75 s).
    const auto budget = app.sleep_budget();
    REQUIRE(budget);
    CHECK(*budget == aspirations::QuickEvaluationVisit::kThanksShownFor);
    clock.advance(*budget - Millis{1});
    app.update();
    CHECK(session.screen() == session::Screen::QuickEvaluation);
    clock.advance(Millis{1});
    app.update();
    CHECK(app.needs_frame());
    settle(app);
    CHECK(session.screen() == session::Screen::Home);
    CHECK_FALSE(session.aspiration.evaluation.thanked());
    CHECK_FALSE(session.aspiration.evaluation.service);

    // Opening it again starts from a clean form, without a service unless one is given.
    open_quick_evaluation(session);
    CHECK_FALSE(session.aspiration.evaluation.service);
    CHECK_FALSE(session.aspiration.evaluation.service_from_ticket);
}

TEST_CASE("every follow-up screenshot state is listed and prepared without touching the database",
          "[follow_up_screens]") {
    test::DemoKiosk kiosk;
    auto count = [&] {
        auto s = kiosk.ctx->db.prepare("SELECT count(*) FROM outbox");
        s.step();
        return s.column_int64(0);
    };
    for (const auto& name : follow_up_screenshot_names()) {
        session::KioskSession session({}, i18n::Language::Indonesian, Millis{0});
        INFO(name);
        CHECK(prepare_follow_up_screenshot(name, session, Millis{0}));
        CHECK(session.screen() != session::Screen::Home);
    }
    session::KioskSession session({}, i18n::Language::Indonesian, Millis{0});
    CHECK_FALSE(prepare_follow_up_screenshot("home", session, Millis{0}));
    CHECK(count() == 0);
}
