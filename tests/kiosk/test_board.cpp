// The display board (`--role display`): it follows kiosk.db, announces each new call once (chime,
// then speech) without blocking its loop, highlights the call for a while, sleeps while nothing
// changes, and wakes when another connection or process calls a ticket.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <chrono>

#include "app/headless.hpp"
#include "board/board_app.hpp"
#include "kiosk_fixture.hpp"
#include "platform/audio_out.hpp"
#include "queue/queue_watch.hpp"
#include "queue/ticket_queue.hpp"
#include "voice/chime.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

constexpr std::int64_t kMonday0900Wib = 1'764'554'400;  // the demo office is open

struct Board {
    test::DemoKiosk kiosk;
    ManualClock clock;
    RecordingAudioOut audio;
    std::unique_ptr<Display> display = open_headless(1280, 800);
    std::unique_ptr<queue::TicketQueue> queue;
    std::unique_ptr<BoardApp> app;

    explicit Board(bool speech = true) {
        clock.wall_seconds = kMonday0900Wib;
        kiosk.ctx->config.board.speech = speech;
        queue = std::make_unique<queue::TicketQueue>(kiosk.ctx->db, kiosk.ctx->config.queue, clock);
    }
    void start(bool follow_queue = false) {
        app = std::make_unique<BoardApp>(*kiosk.ctx, *display, clock, &audio, BoardOptions{true, {}, follow_queue});
        settle();
    }
    int settle() {
        app->update();
        int frames = 0;
        while (app->needs_frame() && frames < 10) {
            app->render_frame();
            ++frames;
        }
        return frames;
    }
    std::string call(int counter) {
        const auto called = queue->call_next(counter);
        REQUIRE(called.ticket);
        return called.ticket->number;
    }
};

}  // namespace

TEST_CASE("board: a new call is shown, highlighted and announced once with chime and speech", "[board]") {
    Board b;
    b.queue->take("domisili");
    b.start();
    CHECK_FALSE(b.app->state().counters.at(0).number);
    CHECK(b.app->frame_log().shows_text(b.kiosk.ctx->catalog.tr(i18n::Language::Indonesian, "board.state.idle")));

    CHECK(b.call(1) == "A001");
    b.app->queue_changed();
    CHECK(b.settle() == 1);  // one frame per change
    CHECK(b.app->state().counters.at(0).number == "A001");
    CHECK(b.app->frame_log().shows_text("A001"));
    CHECK(b.app->highlighted() != 0);
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(20)));
    const auto played = b.audio.played();
    REQUIRE(played.size() == 1);
    CHECK(played[0].seconds() > voice::kChimeSeconds + 1.5);  // the chime and the sentence
    CHECK(voice::rms(played[0]) > 800);

    // Nothing new: nothing more is said, however often the board looks.
    b.app->queue_changed();
    b.settle();
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(5)));
    CHECK(b.audio.played().size() == 1);

    // The highlight ends after highlight_s, with one more frame.
    b.clock.advance(Millis{static_cast<std::int64_t>(b.kiosk.ctx->config.board.highlight_s) * 1000 + 10});
    b.app->update();
    CHECK(b.app->highlighted() == 0);
    CHECK(b.app->needs_frame());
}

TEST_CASE("board: calls made before it started are not announced, a recall is", "[board]") {
    Board b;
    const auto ticket = b.queue->take("domisili");
    b.call(1);
    b.start();
    CHECK(b.app->state().counters.at(0).number == "A001");  // shown
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(5)));
    CHECK(b.audio.played().empty());  // not repeated after a restart
    REQUIRE(b.queue->recall(ticket.ticket->id, 1).ticket);
    b.app->queue_changed();
    b.settle();
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(20)));
    CHECK(b.audio.played().size() == 1);
}

TEST_CASE("board: with speech off the chime still plays", "[board]") {
    Board b(false);
    b.queue->take("domisili");
    b.start();
    b.call(1);
    b.app->queue_changed();
    b.settle();
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(5)));
    const auto played = b.audio.played();
    REQUIRE(played.size() == 1);
    CHECK(played[0].seconds() == Approx(voice::kChimeSeconds).margin(0.01));
    CHECK(voice::rms(played[0]) > 1000);
}

TEST_CASE("board: a burst of calls is announced newest first kept, none twice", "[board]") {
    Board b;
    for (int i = 0; i < 5; ++i) b.queue->take("pengantar-ktp-kk");
    b.start();
    for (int i = 0; i < 5; ++i) b.call(i % 2 + 1);
    b.app->queue_changed();
    b.settle();
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(60)));
    const auto stats = b.app->announcer()->stats();
    CHECK(stats.announced + stats.dropped == 5);
    CHECK(stats.announced >= static_cast<int>(BoardAnnouncer::kMaxPending));
    CHECK(b.audio.played().size() == static_cast<std::size_t>(stats.announced));
    CHECK(b.app->state().last_calls.front().number == "B005");
}

TEST_CASE("board: an idle board draws nothing and sleeps until the clock's next minute", "[board][loop]") {
    Board b;
    b.start();
    const auto frames = b.app->frames_drawn();
    REQUIRE_FALSE(b.app->needs_frame());
    const auto budget = b.app->sleep_budget();
    REQUIRE(budget);
    CHECK(*budget == Millis{60'000});  // 09:00:00: the clock changes at 09:01
    b.clock.advance(Millis{30'000});
    b.app->update();
    CHECK_FALSE(b.app->needs_frame());
    CHECK(b.app->sleep_budget() == Millis{30'000});
    b.clock.advance(Millis{30'000});
    b.app->update();
    CHECK(b.app->needs_frame());  // 09:01 on the clock
    b.settle();
    CHECK(b.app->frames_drawn() == frames + 1);
}

TEST_CASE("board: a call made on another connection wakes the loop through the feed", "[board][loop]") {
    Board b;
    b.queue->take("domisili");
    b.start(true);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    // Counter staff on the console: its own connection to kiosk.db, as another process would have.
    auto other = queue::open_kiosk_connection(b.kiosk.data_dir / "kiosk.db");
    queue::TicketQueue console(other, b.kiosk.ctx->config.queue, b.clock);
    const auto t0 = std::chrono::steady_clock::now();
    REQUIRE(console.call_next(1).ticket);
    SDL_Event event;
    bool woke = false;
    while (!woke && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5)) {
        if (!SDL_WaitEventTimeout(&event, 100)) continue;
        b.app->handle_event(event);
        b.app->update();
        woke = b.app->state().counters.at(0).number.has_value();
    }
    const auto latency = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    WARN("board woke " << latency.count() << " ms after the call on another connection");
    REQUIRE(woke);
    CHECK(latency < std::chrono::milliseconds(1500));
    REQUIRE(b.app->announcer()->wait_idle(std::chrono::seconds(20)));
    CHECK(b.audio.played().size() == 1);
}

TEST_CASE("board screenshots fit at other screen sizes too", "[board][screens]") {
    test::DemoKiosk kiosk;
    for (const ScreenSize size : {ScreenSize{3840, 2160}, ScreenSize{1024, 768}, ScreenSize{1366, 768}}) {
        for (const char* name : {"board", "board-busy", "board-quiet"}) {
            for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
                const auto result = render_screenshot(*kiosk.ctx, {name, size, lang}, {}, std::nullopt);
                INFO(name << " " << size.width << "x" << size.height);
                CHECK(result.coverage > 0.1);
                for (const auto& o : result.overflows) FAIL_CHECK("overflow: " << o.id << " '" << o.text << "'");
                CHECK(result.missing_texts.empty());
            }
        }
    }
}
