#pragma once
// The two places the kiosk draws to: a real window (full screen by default) with an accelerated
// renderer when one exists, or an offscreen RGBA surface with SDL's software renderer (headless
// screenshots and UI scripts; needs no display: SDL_VIDEODRIVER=dummy is enough).
#include <filesystem>
#include <memory>
#include <string>

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Surface;

namespace desa::kiosk {

struct WindowOptions {
    bool fullscreen = true;  // desktop full screen (SDL_WINDOW_FULLSCREEN_DESKTOP)
    int width = 1280, height = 800;
    std::string title = "Desa Cerdas";
};

struct Display {
    SDL_Window* window = nullptr;      // null when headless
    SDL_Renderer* renderer = nullptr;
    SDL_Surface* surface = nullptr;    // the offscreen target when headless
    int width = 0, height = 0;         // logical size the UI lays out in

    Display() = default;
    Display(const Display&) = delete;
    Display& operator=(const Display&) = delete;
    ~Display();
};

// Initialises SDL video + events (idempotent). Throws std::runtime_error with SDL_GetError().
// Tries an accelerated renderer and falls back to the software one.
std::unique_ptr<Display> open_window(const WindowOptions& options);
// Offscreen RGBA surface (SDL_PIXELFORMAT_ABGR8888: bytes R,G,B,A) + software renderer; needs
// only SDL's event subsystem, no video driver.
std::unique_ptr<Display> open_headless(int width, int height);

// Reads the headless surface (a window: its render target) and writes it as PNG (stb_image_write),
// creating parent directories. Throws on failure.
void save_png(const Display& display, const std::filesystem::path& file);

// Fraction of pixels that differ from the top-left pixel's colour; a blank frame gives 0.
double non_background_fraction(const Display& display);

}  // namespace desa::kiosk
