// The live camera on the scanning screens: a V4L2 device that is missing or is not a camera is a
// translated fault (typing still works); a working camera streams only while a scanning screen is
// open, its previews wake the loop, and a code held up is read without a tap, once. The device
// itself is the machine's edge: here a FrameSource hands the worker real pictures of real QR codes.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "../shared/barcode_png.hpp"
#include "../shared/test_support.hpp"
#include "app/kiosk_app.hpp"
#include "kiosk_fixture.hpp"
#include "platform/v4l2_camera.hpp"
#include "queue/ticket_qr.hpp"
#include "sync/sync_store.hpp"

using namespace desa;
using namespace desa::kiosk;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kMonday0900Wib = 1'764'554'400;

struct Case {
    const char* what;
    std::string device;
    CameraFault fault;
};

// A camera in front of one picture: a frame every 20 ms (about a webcam's rate), counted.
struct PictureCamera {
    scan::GreyImage picture;
    std::shared_ptr<std::atomic<int>> frames = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<int>> stops = std::make_shared<std::atomic<int>>(0);

    scan::FrameSource source() const {
        return {[p = picture, n = frames](std::string&) {
                    std::this_thread::sleep_for(20ms);
                    ++*n;
                    return std::optional<scan::GreyImage>(p);
                },
                [s = stops](bool on) {
                    if (!on) ++*s;
                }};
    }
};

struct Loop {
    test::DemoKiosk kiosk;
    ManualClock clock;
    std::unique_ptr<Display> display = open_headless(1280, 800);
    std::unique_ptr<KioskApp> app;

    void start() {
        clock.wall_seconds = kMonday0900Wib;
        app = std::make_unique<KioskApp>(*kiosk.ctx, *display, clock, AppOptions{});
        settle();
    }
    void settle() {
        app->render_frame();  // what the test changed directly (the screen) is on screen
        for (int i = 0; i < 100 && app->needs_frame(); ++i) app->render_frame();
    }
    void pump() {
        SDL_Event e;
        while (SDL_PollEvent(&e)) app->handle_event(e);
        app->update();
        settle();
    }
    template <typename F>
    bool until(F done) {
        const auto end = std::chrono::steady_clock::now() + 15s;
        while (!done() && std::chrono::steady_clock::now() < end) {
            std::this_thread::sleep_for(10ms);
            pump();
        }
        return done();
    }
    bool shows(const std::string& text) { return app->frame_log().shows_text(text); }
};

}  // namespace

TEST_CASE("a camera device that is missing or not a camera is refused with its reason", "[camera]") {
    test::TempDir dir;
    test::write_file(dir / "video0", "not a device");
    const Case cases[] = {
        {"no such device", "/dev/video99", CameraFault::Absent},
        {"a device that is no camera", "/dev/null", CameraFault::NotACamera},
        {"a plain file", (dir / "video0").string(), CameraFault::NotACamera},
        {"a folder", dir.path().string(), CameraFault::NotACamera},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const auto opened = open_v4l2_camera(c.device);
        CHECK(opened.fault == c.fault);
        CHECK_FALSE(static_cast<bool>(opened.source.next));
        CHECK(opened.detail.find(c.device) != std::string::npos);  // the log names the device
    }
}

TEST_CASE("a missing camera is explained on the scanning screens and in the admin facts, and typing works",
          "[camera]") {
    Loop loop;
    loop.kiosk.ctx->config.camera_device = "/dev/video99";
    loop.start();
    CHECK_FALSE(loop.kiosk.ctx->camera.has_value());
    CHECK(loop.kiosk.ctx->camera_fault == CameraFault::Absent);
    loop.app->session().open(session::Screen::QueueCheck);
    loop.settle();
    CHECK(loop.shows("Kamera tidak ditemukan. Periksa kabel USB-nya, atau ketik nomornya."));
    CHECK(loop.app->frame_log().find_by_id("queue.check.scan") == nullptr);  // no scan button
    CHECK(loop.app->frame_log().find_by_id("queue.check.code") != nullptr);  // the number can be typed
    loop.app->session().open(session::Screen::AdminSettings);
    loop.settle();
    CHECK(loop.shows("/dev/video99  Kamera tidak ditemukan"));
}

TEST_CASE("a live camera streams only on scanning screens and reads a code held up without a tap, once", "[camera]") {
    Loop loop;
    auto& ctx = *loop.kiosk.ctx;
    const auto province = sync::make_sign_key_pair();
    sync::save_identity(ctx.db, {"kiosk-1", "https://hub.example", ctx.config.village_code, province.public_key,
                                 ctx.config.province_public_key, kMonday0900Wib - 86400});
    test::TempDir dir;
    const auto qr = queue::appointment_qr_text(
        {ctx.config.village_code, "JNJ-7", "pengantar-ktp-kk", kMonday0900Wib - 600, kMonday0900Wib + 1800},
        province.secret_key);
    test::write_barcode_png(dir / "appointment.png", ZXing::BarcodeFormat::QRCode, qr);
    PictureCamera camera;
    std::string error;
    camera.picture = *scan::load_image(dir / "appointment.png", error);
    auto worker = std::make_shared<scan::CameraWorker>(camera.source(), scan::CameraWorkerOptions{});
    ctx.camera = scan::live_camera("test camera", worker);
    loop.start();

    // Home: the camera sleeps.
    std::this_thread::sleep_for(100ms);
    loop.pump();
    CHECK(*camera.frames == 0);
    CHECK_FALSE(loop.app->needs_frame());

    // Check my ticket: the preview appears, the appointment is read and checked in, no tap.
    loop.app->session().open(session::Screen::Queue);
    loop.app->session().open(session::Screen::QueueCheck);
    loop.settle();
    REQUIRE(loop.until([&] { return loop.shows("Janji temu Anda tercatat"); }));
    CHECK(*camera.frames > 0);
    CHECK(loop.app->session().screen() == session::Screen::Queue);  // the ticket it got

    // Back on the check screen with the same code still in view: it is not taken again.
    loop.app->session().open(session::Screen::QueueCheck);
    loop.settle();
    REQUIRE(loop.until([&] { return loop.app->frame_log().find_by_id("camera.preview") != nullptr; }));
    const int seen = *camera.frames;
    REQUIRE(loop.until([&] { return *camera.frames > seen + 5; }));
    CHECK_FALSE(loop.shows("sudah dipakai"));
    CHECK(loop.app->session().screen() == session::Screen::QueueCheck);

    // Home again: streaming stops and the loop sleeps.
    loop.app->session().go_home();
    loop.settle();
    REQUIRE(loop.until([&] { return *camera.stops >= 1; }));
    const int stopped_at = *camera.frames;
    std::this_thread::sleep_for(150ms);
    loop.pump();
    CHECK(*camera.frames <= stopped_at + 1);
    CHECK_FALSE(loop.app->needs_frame());
}
