// The floor under the start-up figure: the same window and renderer the kiosk opens
// (desa::kiosk::open_window), one cleared frame presented, nothing else: no configuration, no
// database, no fonts, no ImGui. Prints "first-frame-ms N" measured like
// `desa-kiosk --exit-after-first-frame` (from the kernel's start time of the process), so
// bench/startup_bench.sh can show how much of the kiosk's start-up is its own work.
//
//   desa_first_frame_floor [--size WxH]
#include <SDL.h>

#include <cstdio>
#include <ctime>
#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "app/headless.hpp"
#include "core/process_uptime.hpp"
#include "platform/display.hpp"

namespace {


}  // namespace

int main(int argc, char** argv) {
    desa::kiosk::ScreenSize size;
    if (argc == 3 && std::string_view(argv[1]) == "--size") {
        const auto parsed = desa::kiosk::parse_size(argv[2]);
        if (!parsed) return 2;
        size = *parsed;
    } else if (argc != 1) {
        std::fprintf(stderr, "usage: %s [--size WxH]\n", argv[0]);
        return 2;
    }
    try {
        auto display = desa::kiosk::open_window(desa::kiosk::WindowOptions{false, size.width, size.height, "floor"});
        SDL_SetRenderDrawColor(display->renderer, 240, 240, 240, 255);
        SDL_RenderClear(display->renderer);
        SDL_RenderPresent(display->renderer);
        std::printf("first-frame-ms %.3f\n", desa::ms_since_process_start());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "desa_first_frame_floor: %s\n", e.what());
        return 1;
    }
    SDL_Quit();
    return 0;
}
