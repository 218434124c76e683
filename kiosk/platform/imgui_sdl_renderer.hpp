#pragma once
// Our own Dear ImGui renderer on SDL_Renderer (SDL_RenderGeometryRaw). Debian's libimgui.a lacks
// imgui_impl_sdlrenderer, and this one backend draws with GLES2/GL on a device and with SDL's
// software renderer headless, so screenshots show exactly what the kiosk shows.
struct SDL_Renderer;
struct SDL_Texture;
struct ImDrawData;

namespace desa::kiosk {

// Owns the font texture, which belongs to the SDL_Renderer: destroy this before the Display.
class ImGuiSdlRenderer {
public:
    explicit ImGuiSdlRenderer(SDL_Renderer* renderer);
    ~ImGuiSdlRenderer();
    ImGuiSdlRenderer(const ImGuiSdlRenderer&) = delete;
    ImGuiSdlRenderer& operator=(const ImGuiSdlRenderer&) = delete;

    // (Re)uploads the current ImGui font atlas (io.Fonts) as an RGBA32 texture and stores it in
    // io.Fonts->TexID. Call after building or rebuilding fonts, before the next NewFrame().
    // Throws std::runtime_error if SDL cannot create the texture.
    void upload_font_atlas();
    // Draws one frame's draw lists (clip rects, textures, vertex offsets); does not clear or present.
    void render(const ImDrawData* draw_data);

private:
    SDL_Renderer* renderer_;
    SDL_Texture* font_texture_ = nullptr;
};

}  // namespace desa::kiosk
