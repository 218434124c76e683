// The live camera's pure parts, with real pictures (no camera device on the test machine): a QR
// PNG turned into YUYV bytes and back to grey is read by ZXing; a real JPEG (stb_image_write)
// decodes as an MJPEG frame; the worker hands the newest sighting to the UI thread once.
#include <catch2/catch.hpp>

#include <stb_image_write.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "../shared/barcode_png.hpp"
#include "kiosk_fixture.hpp"
#include "scan/camera_worker.hpp"
#include "scan/frame_convert.hpp"

using namespace desa;
namespace fs = std::filesystem;

TEST_CASE("a QR picture as YUYV bytes converts to grey and is read, fast", "[camera]") {
    const fs::path dir = fs::temp_directory_path() / "desa-camera-frames";
    fs::create_directories(dir);
    test::write_barcode_png(dir / "qr.png", ZXing::BarcodeFormat::QRCode, "DESA-ANTRI:test");
    std::string error;
    const auto grey = scan::load_image(dir / "qr.png", error);
    REQUIRE(grey);
    const auto yuyv = scan::grey_to_yuyv(*grey);
    const int width = grey->width - grey->width % 2;
    const auto back = scan::yuyv_to_grey(yuyv, width, grey->height, grey->width * 2);
    REQUIRE(back);
    const auto codes = scan::read_live_codes(*back);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].kind == scan::CodeKind::Ticket);

    // Bad sizes are refused, never read out of bounds.
    CHECK_FALSE(scan::yuyv_to_grey(yuyv, 3, 2, 6));
    CHECK_FALSE(scan::yuyv_to_grey(std::span(yuyv).first(10), width, grey->height, grey->width * 2));

    // (Its cost per frame is measured by bench/camera_bench.cpp, docs/benchmarks.md.)

    // MJPEG: a real JPEG of the QR decodes to grey and is read.
    REQUIRE(stbi_write_jpg((dir / "qr.jpg").c_str(), back->width, back->height, 1, back->pixels.data(), 90) != 0);
    std::ifstream in(dir / "qr.jpg", std::ios::binary);
    const std::vector<std::uint8_t> jpeg((std::istreambuf_iterator<char>(in)), {});
    const auto decoded = scan::mjpeg_to_grey(jpeg, error);
    REQUIRE(decoded);
    CHECK(scan::read_live_codes(*decoded).size() == 1);
    CHECK_FALSE(scan::mjpeg_to_grey(std::span(jpeg).first(20), error));
    CHECK(scan::downscale(*decoded, 100).width <= 100);
    fs::remove_all(dir);
}

TEST_CASE("the camera worker hands the newest sighting to the UI thread once", "[camera]") {
    const fs::path dir = fs::temp_directory_path() / "desa-camera-worker";
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::write_barcode_png(dir / "1.png", ZXing::BarcodeFormat::QRCode, "DESA-ANTRI:worker");
    auto folder = std::make_shared<scan::FolderCamera>(dir);
    std::atomic<int> wakes{0};
    scan::FrameSource source{[folder](std::string&) { return folder->next_frame(); }, {}};
    auto worker = std::make_shared<scan::CameraWorker>(source, scan::CameraWorkerOptions{320, std::chrono::milliseconds(0),
        std::chrono::milliseconds(20), std::chrono::milliseconds(100), std::chrono::milliseconds(2000), [&] { ++wakes; }});
    auto camera = scan::live_camera("folder", worker);
    CHECK(camera.live());
    CHECK_FALSE(camera.sighting());  // not active yet: no frames taken
    camera.set_active(true);
    for (int i = 0; i < 200 && !camera.sighting(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(camera.sighting());
    CHECK(camera.sighting()->codes.at(0).text == "DESA-ANTRI:worker");
    CHECK(wakes >= 1);
    REQUIRE(camera.preview());
    CHECK(camera.preview()->image.width <= 320);
    CHECK(camera.next_frame());        // the frame with the code
    CHECK_FALSE(camera.next_frame());  // handed out once
    camera.set_active(false);
    worker.reset();
    fs::remove_all(dir);
}
