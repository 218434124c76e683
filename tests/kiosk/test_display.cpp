// Headless display (software renderer on an RGBA surface), PNG screenshots, and our ImGui renderer
// drawing into it: what the kiosk's screenshot-based UI tests rely on.
#include <catch2/catch.hpp>

#include <SDL.h>
#include <imgui.h>
#include <stb_image.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>

#include "platform/display.hpp"
#include "platform/imgui_sdl_renderer.hpp"

namespace fs = std::filesystem;
using namespace desa::kiosk;

namespace {

using Rgba = std::array<std::uint8_t, 4>;

Rgba pixel_at(const Display& d, int x, int y) {
    SDL_RenderFlush(d.renderer);
    Rgba p{};
    std::memcpy(p.data(), static_cast<const std::uint8_t*>(d.surface->pixels) + y * d.surface->pitch + x * 4, 4);
    return p;
}

void clear(const Display& d, Rgba c) {
    SDL_SetRenderDrawColor(d.renderer, c[0], c[1], c[2], c[3]);
    SDL_RenderClear(d.renderer);
}

void fill(const Display& d, SDL_Rect r, Rgba c) {
    SDL_SetRenderDrawColor(d.renderer, c[0], c[1], c[2], c[3]);
    SDL_RenderFillRect(d.renderer, &r);
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("desa_kiosk_display_test_" + std::to_string(SDL_GetTicks64()));
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

constexpr Rgba kBackground{10, 20, 30, 255};
constexpr Rgba kRed{255, 0, 0, 255};
constexpr Rgba kGreen{0, 255, 0, 255};

// An ImGui context with the default font uploaded through our renderer into `display`.
struct ImGuiOnDisplay {
    Display& display;
    ImGuiSdlRenderer* renderer = nullptr;

    explicit ImGuiOnDisplay(Display& d) : display(d) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(float(d.width), float(d.height));
        io.DeltaTime = 1.0f / 60.0f;
        io.Fonts->AddFontDefault();
        renderer = new ImGuiSdlRenderer(d.renderer);
        renderer->upload_font_atlas();
    }
    ~ImGuiOnDisplay() {
        delete renderer;  // before the context and before the display
        ImGui::DestroyContext();
    }
    // One frame: clear, build the UI with `ui`, draw it.
    void frame(const std::function<void()>& ui) {
        clear(display, kBackground);
        ImGui::NewFrame();
        ui();
        ImGui::Render();
        renderer->render(ImGui::GetDrawData());
        SDL_RenderFlush(display.renderer);
    }
};

}  // namespace

TEST_CASE("headless display renders, measures and saves PNG screenshots", "[display]") {
    auto d = open_headless(64, 48);
    REQUIRE(d->renderer != nullptr);
    REQUIRE(d->surface != nullptr);
    CHECK(d->window == nullptr);
    CHECK(d->width == 64);
    CHECK(d->height == 48);

    clear(*d, kBackground);
    CHECK(non_background_fraction(*d) == 0.0);

    fill(*d, {0, 0, 32, 48}, Rgba{200, 100, 50, 255});  // the left half
    CHECK(non_background_fraction(*d) == Approx(0.5));

    TempDir tmp;
    const fs::path file = tmp.path / "nested" / "dir" / "shot.png";  // parents are created
    save_png(*d, file);
    REQUIRE(fs::exists(file));

    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &w, &h, &channels, 4);
    REQUIRE(data != nullptr);
    CHECK(w == 64);
    CHECK(h == 48);
    auto at = [&](int x, int y) {
        const unsigned char* p = data + (y * w + x) * 4;
        return Rgba{p[0], p[1], p[2], p[3]};
    };
    CHECK(at(5, 5) == Rgba{200, 100, 50, 255});
    CHECK(at(31, 47) == Rgba{200, 100, 50, 255});
    CHECK(at(32, 0) == kBackground);
    CHECK(at(63, 47) == kBackground);
    stbi_image_free(data);
}

TEST_CASE("open_headless rejects an empty size", "[display]") {
    CHECK_THROWS_AS(open_headless(0, 10), std::runtime_error);
}

TEST_CASE("a window opens on SDL's dummy video driver", "[display]") {
    // The environment (ctest sets SDL_VIDEODRIVER=dummy) wins over this normal-priority hint.
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    WindowOptions options;
    options.fullscreen = false;
    options.width = 320;
    options.height = 200;
    auto d = open_window(options);
    REQUIRE(d->window != nullptr);
    REQUIRE(d->renderer != nullptr);
    CHECK(d->width == 320);
    CHECK(d->height == 200);
    CHECK(std::string(SDL_GetHint(SDL_HINT_TOUCH_MOUSE_EVENTS)) == "0");
    clear(*d, kBackground);
    fill(*d, {0, 0, 160, 200}, kRed);
    CHECK(non_background_fraction(*d) == Approx(0.5));  // read back from the render target
}

TEST_CASE("ImGuiSdlRenderer draws ImGui windows with text", "[display][imgui]") {
    auto d = open_headless(320, 200);
    ImGuiOnDisplay gui(*d);
    CHECK(ImGui::GetIO().Fonts->TexID != nullptr);
    CHECK(std::string(ImGui::GetIO().BackendRendererName) == "desa_sdl_renderer");

    gui.frame([] {
        ImGui::SetNextWindowPos(ImVec2(10, 10));
        ImGui::SetNextWindowSize(ImVec2(200, 100));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 0, 0, 255));
        ImGui::Begin("Hello", nullptr, ImGuiWindowFlags_NoDecoration);
        ImGui::Text("Selamat datang");
        ImGui::End();
        ImGui::PopStyleColor();
    });
    const double fraction = non_background_fraction(*d);
    CHECK(fraction > 0.25);  // the 200x100 window is 31% of the frame
    CHECK(fraction < 0.40);
    CHECK(pixel_at(*d, 150, 90) == kRed);          // window background
    CHECK(pixel_at(*d, 250, 150) == kBackground);  // outside the window

    // The glyphs: some pixels in the text line are neither background red nor the clear colour.
    int text_pixels = 0;
    for (int y = 16; y < 32; ++y)
        for (int x = 16; x < 120; ++x) text_pixels += pixel_at(*d, x, y) != kRed;
    CHECK(text_pixels > 50);

    // Rebuilding the atlas replaces the texture and keeps drawing.
    ImGui::GetIO().Fonts->Clear();
    ImGui::GetIO().Fonts->AddFontDefault();
    gui.renderer->upload_font_atlas();
    gui.frame([] {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(320, 200));
        ImGui::Begin("Again", nullptr, ImGuiWindowFlags_NoDecoration);
        for (int i = 0; i < 5; ++i) ImGui::Text("Baris %d", i);
        ImGui::End();
    });
    CHECK(non_background_fraction(*d) > 0.5);  // default dark window background over it all
}

TEST_CASE("ImGuiSdlRenderer clips each command and restores the renderer state", "[display][imgui]") {
    auto d = open_headless(100, 100);
    ImGuiOnDisplay gui(*d);
    const SDL_Rect app_clip{0, 0, 90, 90};
    auto [app_clip_on] = GENERATE(table<bool>({{false}, {true}}));
    SDL_RenderSetClipRect(d->renderer, app_clip_on ? &app_clip : nullptr);

    gui.frame([] {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        dl->PushClipRect(ImVec2(20, 20), ImVec2(40, 40));
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(100, 100), IM_COL32(0, 255, 0, 255));
        dl->PopClipRect();
    });
    CHECK(pixel_at(*d, 20, 20) == kGreen);
    CHECK(pixel_at(*d, 39, 39) == kGreen);
    CHECK(pixel_at(*d, 19, 30) == kBackground);
    CHECK(pixel_at(*d, 40, 30) == kBackground);
    CHECK(pixel_at(*d, 30, 40) == kBackground);
    CHECK(non_background_fraction(*d) == Approx(400.0 / 10000.0));

    CHECK((SDL_RenderIsClipEnabled(d->renderer) == SDL_TRUE) == app_clip_on);
    if (app_clip_on) {
        SDL_Rect now{};
        SDL_RenderGetClipRect(d->renderer, &now);
        CHECK(SDL_RectEquals(&now, &app_clip));
    }
    SDL_Rect viewport{};
    SDL_RenderGetViewport(d->renderer, &viewport);
    CHECK(viewport.w == 100);
    CHECK(viewport.h == 100);
}

TEST_CASE("ImGuiSdlRenderer draws lists beyond 64k vertices (VtxOffset)", "[display][imgui]") {
    static_assert(sizeof(ImDrawIdx) == 2, "the test needs 16-bit indices to overflow");
    auto d = open_headless(200, 100);
    ImGuiOnDisplay gui(*d);
    bool used_offset = false;
    gui.frame([&] {
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        // 20000 quads = 80000 vertices, all in the left half; then one green quad on the right.
        for (int i = 0; i < 20000; ++i) {
            const float x = float(i % 90), y = float((i / 90) % 90);
            dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 1, y + 1), IM_COL32(255, 0, 0, 255));
        }
        dl->AddRectFilled(ImVec2(150, 50), ImVec2(160, 60), IM_COL32(0, 255, 0, 255));
        for (const ImDrawCmd& cmd : dl->CmdBuffer) used_offset |= cmd.VtxOffset > 0;
    });
    // ImGui may split commands during Render; look at the final draw data too.
    const ImDrawData* data = ImGui::GetDrawData();
    for (int n = 0; n < data->CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) used_offset |= cmd.VtxOffset > 0;
    CHECK(used_offset);
    CHECK(pixel_at(*d, 155, 55) == kGreen);
    CHECK(pixel_at(*d, 45, 45) == kRed);
}

TEST_CASE("ImGuiSdlRenderer honours DisplayPos and FramebufferScale", "[display][imgui]") {
    auto d = open_headless(200, 200);
    ImGuiOnDisplay gui(*d);
    ImGuiIO& io = ImGui::GetIO();
    // (display pos, framebuffer scale): where ImGui's rect (10,10)-(20,20) lands in pixels.
    auto [pos, scale, x0, x1] = GENERATE(table<float, float, int, int>({
        {0.0f, 1.0f, 10, 20},
        {0.0f, 2.0f, 20, 40},  // a HiDPI output: ImGui points are 2x2 pixels
        {5.0f, 1.0f, 5, 15},   // a viewport whose origin is not the screen's
        {5.0f, 2.0f, 10, 30},
    }));
    CAPTURE(pos, scale);
    io.DisplaySize = ImVec2(200 / scale, 200 / scale);
    io.DisplayFramebufferScale = ImVec2(scale, scale);

    clear(*d, kBackground);
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(10, 10), ImVec2(20, 20), IM_COL32(0, 255, 0, 255));
    ImGui::Render();
    ImDrawData* data = ImGui::GetDrawData();
    // 1.86 always reports the main viewport at (0,0); shift it as a multi-viewport host would.
    data->DisplayPos = ImVec2(pos, pos);
    for (int n = 0; n < data->CmdListsCount; ++n)
        for (ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) {
            cmd.ClipRect.x += pos;
            cmd.ClipRect.y += pos;
            cmd.ClipRect.z += pos;
            cmd.ClipRect.w += pos;
        }
    gui.renderer->render(data);

    CHECK(pixel_at(*d, x0, x0) == kGreen);
    CHECK(pixel_at(*d, x1 - 1, x1 - 1) == kGreen);
    CHECK(pixel_at(*d, x0 - 1, x0 + 1) == kBackground);
    CHECK(pixel_at(*d, x1, x1 - 1) == kBackground);
    CHECK(non_background_fraction(*d) == Approx(double((x1 - x0) * (x1 - x0)) / 40000.0));
}
