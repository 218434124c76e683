#include "platform/display.hpp"

#include <SDL.h>
#include <stb_image_write.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace desa::kiosk {

namespace {

[[noreturn]] void throw_sdl(const char* what) {
    throw std::runtime_error(std::string(what) + ": " + SDL_GetError());
}

// SDL_Init is reference counted; initialise only what is missing so repeated opens are no-ops.
void init_subsystems(Uint32 flags) {
    const Uint32 missing = flags & ~SDL_WasInit(flags);
    if (missing != 0 && SDL_InitSubSystem(missing) != 0) throw_sdl("SDL_InitSubSystem");
}

// One frame as tightly packed RGBA bytes (row-major, width * 4 per row).
struct RgbaFrame {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels;
};

RgbaFrame read_frame(const Display& display) {
    if (display.renderer == nullptr) throw std::runtime_error("display has no renderer");
    // The renderer batches draw calls; without a flush the surface may not have them yet.
    SDL_RenderFlush(display.renderer);

    RgbaFrame frame;
    if (display.surface != nullptr) {
        SDL_Surface* s = display.surface;
        if (s->format->format != SDL_PIXELFORMAT_ABGR8888)
            throw std::runtime_error("headless surface is not RGBA");
        frame.width = s->w;
        frame.height = s->h;
        frame.pixels.resize(std::size_t(s->w) * std::size_t(s->h) * 4);
        if (SDL_LockSurface(s) != 0) throw_sdl("SDL_LockSurface");
        const std::size_t row = std::size_t(s->w) * 4;
        for (int y = 0; y < s->h; ++y)  // rows may be padded: copy pitch-wise
            std::memcpy(frame.pixels.data() + std::size_t(y) * row,
                        static_cast<const std::uint8_t*>(s->pixels) + std::size_t(y) * s->pitch,
                        row);
        SDL_UnlockSurface(s);
        return frame;
    }
    // A window: read back the current render target (slow on a GPU, fine for a screenshot).
    if (SDL_GetRendererOutputSize(display.renderer, &frame.width, &frame.height) != 0)
        throw_sdl("SDL_GetRendererOutputSize");
    frame.pixels.resize(std::size_t(frame.width) * std::size_t(frame.height) * 4);
    if (SDL_RenderReadPixels(display.renderer, nullptr, SDL_PIXELFORMAT_ABGR8888,
                             frame.pixels.data(), frame.width * 4) != 0)
        throw_sdl("SDL_RenderReadPixels");
    return frame;
}

}  // namespace

Display::~Display() {
    // The renderer owns its textures and draws into the surface: it goes first.
    if (renderer != nullptr) SDL_DestroyRenderer(renderer);
    if (window != nullptr) SDL_DestroyWindow(window);
    if (surface != nullptr) SDL_FreeSurface(surface);
}

std::unique_ptr<Display> open_window(const WindowOptions& options) {
    // We read SDL_FINGER* ourselves (PointerInput); SDL's touch<->mouse emulation would double
    // every tap. A kiosk must not minimise when a dialog or another window takes focus.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    init_subsystems(SDL_INIT_VIDEO | SDL_INIT_EVENTS);

    auto display = std::make_unique<Display>();
    const Uint32 flags = options.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    display->window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                       SDL_WINDOWPOS_CENTERED, options.width, options.height,
                                       flags);
    if (display->window == nullptr) throw_sdl("SDL_CreateWindow");

    display->renderer = SDL_CreateRenderer(display->window, -1,
                                           SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (display->renderer == nullptr)  // no GPU driver (or dummy video): draw on the CPU
        display->renderer = SDL_CreateRenderer(display->window, -1, SDL_RENDERER_SOFTWARE);
    if (display->renderer == nullptr) throw_sdl("SDL_CreateRenderer");

    // Logical size = output pixels for now (no HiDPI scaling on the kiosk panels we target).
    if (SDL_GetRendererOutputSize(display->renderer, &display->width, &display->height) != 0)
        SDL_GetWindowSize(display->window, &display->width, &display->height);
    return display;
}

std::unique_ptr<Display> open_headless(int width, int height) {
    if (width <= 0 || height <= 0) throw std::runtime_error("headless display needs a positive size");
    // Only the event queue: UI scripts push synthetic events. Drawing to a surface with the
    // software renderer needs no video driver at all.
    init_subsystems(SDL_INIT_EVENTS);

    auto display = std::make_unique<Display>();
    // ABGR8888 on little-endian is R,G,B,A in memory: what stb_image_write expects.
    display->surface = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32,
                                                      SDL_PIXELFORMAT_ABGR8888);
    if (display->surface == nullptr) throw_sdl("SDL_CreateRGBSurfaceWithFormat");
    display->renderer = SDL_CreateSoftwareRenderer(display->surface);
    if (display->renderer == nullptr) throw_sdl("SDL_CreateSoftwareRenderer");
    display->width = width;
    display->height = height;
    return display;
}

void save_png(const Display& display, const std::filesystem::path& file) {
    const RgbaFrame frame = read_frame(display);
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    if (stbi_write_png(file.c_str(), frame.width, frame.height, 4, frame.pixels.data(),
                       frame.width * 4) == 0)
        throw std::runtime_error("cannot write PNG " + file.string());
}

double non_background_fraction(const Display& display) {
    const RgbaFrame frame = read_frame(display);
    const std::size_t count = std::size_t(frame.width) * std::size_t(frame.height);
    if (count == 0) return 0.0;
    // Whole RGBA words: any channel differing from the top-left pixel counts.
    std::uint32_t background;
    std::memcpy(&background, frame.pixels.data(), 4);
    std::size_t different = 0;
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t pixel;
        std::memcpy(&pixel, frame.pixels.data() + i * 4, 4);
        different += pixel != background;
    }
    return double(different) / double(count);
}

}  // namespace desa::kiosk
