// The live camera's cost per 640x480 frame, as the worker pays it: YUYV -> grey, the preview
// downscale, and reading codes the live way (QR + EAN-13, no "try harder") against the thorough
// way the file scanner uses (every format, rotations, inversions) -- on a frame holding a ticket QR
// and on an empty frame (most frames while a resident aims). Prints a Markdown table.
//
//   build/bench/desa_camera_bench [FRAMES]   (default 200)
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>

#include "scan/barcode_scan.hpp"
#include "scan/frame_convert.hpp"

using namespace desa;

namespace {

// A grey 640x480 scene: mottled background, and (when `text` is set) a QR code 3 px a module held
// about 40 cm from the camera, slightly off centre.
scan::GreyImage scene(const std::string& text) {
    scan::GreyImage img{640, 480, std::vector<std::uint8_t>(640 * 480)};
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> noise(150, 210);
    for (auto& p : img.pixels) p = static_cast<std::uint8_t>(noise(rng));
    if (text.empty()) return img;
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(4);
    const ZXing::BitMatrix m = writer.encode(text, 0, 0);
    const int scale = 3, x0 = 200, y0 = 90;
    for (int y = 0; y < m.height() * scale; ++y)
        for (int x = 0; x < m.width() * scale; ++x)
            img.pixels[static_cast<std::size_t>(y0 + y) * 640 + static_cast<std::size_t>(x0 + x)] =
                m.get(x / scale, y / scale) ? 20 : 235;
    return img;
}

double per_frame_ms(int frames, const std::function<void()>& work) {
    work();  // warm caches
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / frames;
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    const std::string ticket =
        "DESA-ANTRI:1:18.01.04.2001:domisili:D007:1764554400:kiosk-1:"
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    const scan::GreyImage with_code = scene(ticket), empty = scene("");
    const auto yuyv = scan::grey_to_yuyv(with_code);

    std::size_t found = 0;
    const double convert =
        per_frame_ms(frames, [&] { found += scan::yuyv_to_grey(yuyv, 640, 480, 1280)->pixels.size() > 0; });
    const double preview = per_frame_ms(frames, [&] { found += scan::downscale(with_code, 320).width > 0; });
    const auto live = [&](const scan::GreyImage& f) { found += scan::read_live_codes(f).size(); };
    const auto thorough = [&](const scan::GreyImage& f) {
        found += scan::read_codes(f, scan::ReadMode::Thorough).size();
    };
    const double live_code = per_frame_ms(frames, [&] { live(with_code); });
    const double thorough_code = per_frame_ms(frames, [&] { thorough(with_code); });
    const double live_empty = per_frame_ms(frames, [&] { live(empty); });
    const double thorough_empty = per_frame_ms(frames, [&] { thorough(empty); });
    if (scan::read_live_codes(with_code).size() != 1) {
        std::fprintf(stderr, "the live read did not find the ticket QR\n");
        return 1;
    }
    std::printf("| 640x480 frame, %d frames | live (QR + EAN-13) | thorough (all formats) | ratio |\n", frames);
    std::printf("|---|---|---|---|\n");
    std::printf("| YUYV -> grey | %.3f ms | | |\n", convert);
    std::printf("| preview downscale to 320 px | %.3f ms | | |\n", preview);
    std::printf("| read, ticket QR in view | %.2f ms | %.2f ms | %.1fx |\n", live_code, thorough_code,
                thorough_code / live_code);
    std::printf("| read, nothing in view | %.2f ms | %.2f ms | %.1fx |\n", live_empty, thorough_empty,
                thorough_empty / live_empty);
    const double worst = convert + preview + std::max(live_code, live_empty);
    std::printf("\nworst per-frame cost on the worker: %.2f ms (%.0f frames/s on one core)\n", worst, 1000.0 / worst);
    return found > 0 ? 0 : 1;
}
