// Staff settings > Sync, driven by taps on the real app with a real `desa-hub serve` on 127.0.0.1:
// enrolment by typed address and code and by the hub's QR from the camera, refusals in words (a
// used code, a hub that is not there, a picture without the QR), then "sync now" with the worker
// on its thread waking the event loop through an SDL user event. And the helpers behind it.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "app/kiosk_app.hpp"
#include "app/sync_service.hpp"
#include "core/readable_code.hpp"
#include "kiosk_fixture.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_store.hpp"

using namespace desa;
using namespace desa::kiosk;
using namespace std::chrono_literals;

TEST_CASE("a typed hub address becomes an https address unless http is typed", "[sync][screen]") {
    CHECK(typed_hub_url("hub.lampungprov.go.id") == "https://hub.lampungprov.go.id");
    CHECK(typed_hub_url("  10.0.0.5:8443 ") == "https://10.0.0.5:8443");
    CHECK(typed_hub_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080");
    CHECK(typed_hub_url("HTTPS://Hub.Example") == "HTTPS://Hub.Example");
    CHECK(typed_hub_url("") == "");
    CHECK_FALSE(sync::normalize_hub_url(typed_hub_url("hub example")));  // refused at enrolment, not here
}

TEST_CASE("a mistyped address or code is refused at once, without a thread or the network", "[sync][screen]") {
    test::DemoKiosk kiosk;
    std::atomic<int> notified{0};
    SyncService service(*kiosk.ctx, {false, [&] { ++notified; }, {}, {}});
    const std::string good_code = readable_code::make(sync::kEnrolCodeLength - 1);
    const std::tuple<std::string, std::string, sync::EnrolProblem> cases[] = {
        {"ftp://hub.example", good_code, sync::EnrolProblem::BadHubUrl},
        {"https://hub.example/path", good_code, sync::EnrolProblem::BadHubUrl},
        {"https://hub.example", "ABCD-EFGH-JKM", sync::EnrolProblem::BadCode},  // one short
    };
    for (const auto& [url, code, problem] : cases) {
        INFO(url << " " << code);
        REQUIRE(service.enrol({url, code, std::nullopt, "Balai", "", false}));
        const auto panel = service.panel();
        CHECK(panel.enrol.phase == EnrolPhase::Failed);
        CHECK(panel.enrol.problem == problem);
        CHECK_FALSE(panel.status.value("enrolled", true));
    }
    CHECK(notified == 0);
    CHECK_FALSE(service.sync_now());  // not enrolled: nothing to start
    service.dismiss_enrolment();
    CHECK(service.panel().enrol.phase == EnrolPhase::Idle);
}

#ifdef DESA_HUB_BINARY
#include "kiosk_hub.hpp"

namespace {

using hub::test::HubProcess;
using hub::test::run_hub;

using desa::test::TestHub;

// The real app, headless, with a camera folder, its loop fed by the SDL queue as main() feeds it.
struct SyncLoop {
    desa::test::TempDir dir, camera;
    std::unique_ptr<KioskContext> ctx;
    ManualClock clock;
    std::unique_ptr<Display> display = open_headless(1280, 800);
    std::unique_ptr<KioskApp> app;
    int wakeups = 0;

    SyncLoop() {
        ctx = load_kiosk_context({test::source_assets() / "demo/kiosk.toml", dir.path(), test::source_assets(), camera.path()});
        app = std::make_unique<KioskApp>(*ctx, *display, clock, AppOptions{});
        settle();
        app->session().open(session::Screen::AdminSettings);  // behind the PIN (tested elsewhere)
        tap("admin.sync");
        REQUIRE(app->session().screen() == session::Screen::AdminSync);
    }
    void settle() {
        for (int i = 0; i < 100 && app->needs_frame(); ++i) app->render_frame();
    }
    void pump() {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            if (e.type >= SDL_USEREVENT) ++wakeups;
            app->handle_event(e);
        }
        app->update();
        settle();
    }
    void tap(const std::string& id) {
        app->render_frame();  // what the test changed directly (a typed field) is on screen
        settle();
        const TapTarget* t = app->frame_log().find_by_id(id);
        REQUIRE(t != nullptr);
        REQUIRE(t->enabled);
        const ImVec2 at((t->min.x + t->max.x) / 2, (t->min.y + t->max.y) / 2);
        for (Uint32 type : {SDL_FINGERDOWN, SDL_FINGERUP}) {
            SDL_Event e{};
            e.type = type;
            e.tfinger.x = at.x / static_cast<float>(display->width);
            e.tfinger.y = at.y / static_cast<float>(display->height);
            app->handle_event(e);
        }
        settle();
    }
    // Pumps the loop until `done` or 15 s.
    template <typename F>
    bool until(F done) {
        const auto end = std::chrono::steady_clock::now() + 15s;
        do {
            std::this_thread::sleep_for(10ms);
            pump();
        } while (!done() && std::chrono::steady_clock::now() < end);
        return done();
    }
    bool shows(const std::string& text) {
        app->render_frame();
        return app->frame_log().shows_text(text);
    }
    std::string tr(std::string_view id) { return ctx->catalog.tr(app->session().language(), id); }
};

}  // namespace

TEST_CASE("sync screen: a used code and an absent hub are refused in words, a typed code enrols, sync now delivers", "[sync][screen]") {
    TestHub hub;
    const auto code = hub.code();
    SyncLoop loop;
    const std::string config_key = loop.ctx->config.province_public_key;  // the demo config's
    CHECK(loop.shows(loop.tr("sync.enrol.not_enrolled")));

    // Nobody at that address (a port just closed).
    int closed_port = 0;
    {
        HubProcess gone({"--data-dir", hub.data.path().string()});
        closed_port = gone.port();
    }
    auto& forms = loop.app->session().forms;
    forms.enrol_hub.insert("http://127.0.0.1:" + std::to_string(closed_port));
    forms.enrol_code.insert(code["code"].get<std::string>());
    loop.tap("sync.enrol.submit");  // refused at once on loopback: "working" may never be drawn
    REQUIRE(loop.until([&] { return loop.shows(loop.tr("sync.problem.unreachable")); }));
    CHECK(loop.wakeups >= 1);  // the enrolment thread woke the loop

    // The right hub, typed with the chips the keyboard lacks; Enter on the code enrols.
    forms.enrol_hub.text.clear();
    loop.tap("sync.enrol.http");
    forms.enrol_hub.insert("127.0.0.1");
    loop.tap("sync.enrol.colon");
    forms.enrol_hub.insert(std::to_string(hub.process->port()));
    CHECK(forms.enrol_hub.text == hub.process->url());
    loop.app->session().focus(&forms.enrol_code);
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.keysym.sym = SDLK_RETURN;
    loop.app->handle_event(enter);
    loop.app->render_frame();
    // Enrolled in kiosk.db as soon as the thread commits; the app applies it at its next wake-up.
    REQUIRE(loop.until([&] {
        return loop.shows(loop.tr("sync.now")) && loop.ctx->config.province_public_key != config_key;
    }));
    const auto identity = sync::load_identity(loop.ctx->db);
    REQUIRE(identity);
    CHECK(identity->hub_url == hub.process->url());
    CHECK(loop.ctx->config.province_public_key == identity->province_seal_key);  // seals to the pinned key now
    CHECK(loop.shows(identity->kiosk_id));

    // The same code again, on another kiosk: used.
    {
        SyncLoop other;
        other.app->session().forms.enrol_hub.insert(hub.process->url());
        other.app->session().forms.enrol_code.insert(code["display_code"].get<std::string>());
        other.tap("sync.enrol.submit");
        REQUIRE(other.until([&] { return other.shows(other.tr("sync.problem.code_used")); }));
        CHECK_FALSE(sync::load_identity(other.ctx->db));
    }

    // Something to send; "sync now" starts the worker (scripts and tests run without it), shows
    // its progress and ends with the outbox empty.
    {
        storage::Transaction tx(loop.ctx->db);
        sync::append(loop.ctx->db, {sync::new_uuid(), "evaluations", 1'700'000'000, R"({"rating":5})", {}});
        tx.commit();
    }
    loop.pump();
    CHECK(loop.shows(loop.ctx->catalog.format(loop.app->session().language(), "sync.pending", {{"count", "1"}})));
    const int before = loop.wakeups;
    loop.tap("sync.now");
    REQUIRE(loop.until([&] {
        const auto panel = loop.app->sync().panel();
        return panel.worker.cycles >= 1 && !panel.worker.running;
    }));
    const auto panel = loop.app->sync().panel();
    CHECK(panel.worker.last_ok);
    CHECK(panel.status["pending_outbox"] == 0);
    CHECK(panel.status["last_success"].contains("outbox"));
    CHECK(loop.wakeups > before);  // woken by the worker (wake-ups are coalesced: one queued at a time)
    CHECK(loop.shows(loop.ctx->catalog.format(loop.app->session().language(), "sync.pending", {{"count", "0"}})));
    CHECK(loop.shows(loop.tr("sync.error.none")));
}

TEST_CASE("sync screen: the hub's enrolment QR seen by the camera enrols the kiosk", "[sync][screen]") {
    TestHub hub;
    SyncLoop loop;
    REQUIRE(loop.app->frame_log().find_by_id("sync.enrol.scan") != nullptr);

    // No picture yet, then a picture without any code: said so, nothing sent.
    loop.tap("sync.enrol.scan");
    CHECK(loop.shows(loop.tr("sync.scan.no_picture")));
    const std::string blank = "P5\n4 4\n255\n" + std::string(16, '\xff');
    desa::test::write_file(loop.camera / "0001.pgm", blank);
    loop.tap("sync.enrol.scan");
    CHECK(loop.shows(loop.tr("sync.scan.no_code")));

    // The QR `desa-hub kiosk enroll --qr-png` wrote: address, code and the key's fingerprint.
    const auto code = hub.code((loop.camera / "0002.png").string());
    loop.tap("sync.enrol.scan");
    REQUIRE(loop.until([&] { return loop.shows(loop.tr("sync.now")); }));
    const auto identity = sync::load_identity(loop.ctx->db);
    REQUIRE(identity);
    CHECK(sync::key_fingerprint(identity->province_sign_key.bytes) == code["sign_fingerprint"].get<std::string>());
    CHECK(loop.app->session().forms.enrol_code.text == code["code"].get<std::string>());
}
TEST_CASE("sync screen: a hub that never answers shows the enrolment working, and closing the app cancels it", "[sync][screen]") {
    // A port that accepts connections (the kernel's backlog) but never answers.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(fd, 4) == 0);
    socklen_t len = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
    {
        auto loop = std::make_unique<SyncLoop>();
        loop->app->session().forms.enrol_hub.insert(url);
        loop->app->session().forms.enrol_code.insert(readable_code::make(sync::kEnrolCodeLength - 1));  // well-formed
        loop->tap("sync.enrol.submit");
        std::this_thread::sleep_for(300ms);
        loop->pump();
        CHECK(loop->shows(loop->tr("sync.enrol.working")));
        const auto* submit = loop->app->frame_log().find_by_id("sync.enrol.submit");
        REQUIRE(submit != nullptr);
        CHECK_FALSE(submit->enabled);  // one enrolment at a time
        const auto t0 = std::chrono::steady_clock::now();
        loop.reset();  // the app closes: the request in flight is cancelled, the thread joined
        CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    }
    ::close(fd);
}
#endif
