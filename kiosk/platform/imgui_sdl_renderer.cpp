#include "platform/imgui_sdl_renderer.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace desa::kiosk {

namespace {

// ImDrawVert::col is an ImU32 built by IM_COL32 (R in the low byte), i.e. bytes R,G,B,A in memory
// on little-endian, which is exactly SDL_Color's layout: the vertex buffer is passed to SDL as-is.
static_assert(std::endian::native == std::endian::little, "ImU32 colours are read as SDL_Color");
static_assert(sizeof(SDL_Color) == sizeof(ImU32));
static_assert(sizeof(ImDrawIdx) == 2 || sizeof(ImDrawIdx) == 4);

// Renderer state we touch while drawing; the app's own drawing must not see our clip rects.
struct SavedState {
    SDL_Rect viewport{};
    SDL_Rect clip{};
    bool clip_enabled = false;
    SDL_BlendMode blend = SDL_BLENDMODE_NONE;

    explicit SavedState(SDL_Renderer* r) {
        SDL_RenderGetViewport(r, &viewport);
        clip_enabled = SDL_RenderIsClipEnabled(r) == SDL_TRUE;
        SDL_RenderGetClipRect(r, &clip);
        SDL_GetRenderDrawBlendMode(r, &blend);
    }
    void restore(SDL_Renderer* r) const {
        SDL_RenderSetViewport(r, &viewport);
        SDL_RenderSetClipRect(r, clip_enabled ? &clip : nullptr);
        SDL_SetRenderDrawBlendMode(r, blend);
    }
};

// ImGui coordinates span the whole output: the full viewport, no clip, alpha blending (untextured
// geometry uses the renderer's draw blend mode).
void setup_render_state(SDL_Renderer* r) {
    SDL_RenderSetViewport(r, nullptr);
    SDL_RenderSetClipRect(r, nullptr);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
}

}  // namespace

ImGuiSdlRenderer::ImGuiSdlRenderer(SDL_Renderer* renderer) : renderer_(renderer) {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "desa_sdl_renderer";
    // Lets ImGui emit >64k vertices per draw list with 16-bit indices (large lists, many glyphs).
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
}

ImGuiSdlRenderer::~ImGuiSdlRenderer() {
    // The ImGui context may already be gone at shutdown; only unhook from it if it still exists.
    if (ImGui::GetCurrentContext() != nullptr) {
        ImGuiIO& io = ImGui::GetIO();
        if (io.Fonts != nullptr && io.Fonts->TexID == static_cast<ImTextureID>(font_texture_))
            io.Fonts->SetTexID(nullptr);
        io.BackendRendererName = nullptr;
        io.BackendFlags &= ~ImGuiBackendFlags_RendererHasVtxOffset;
    }
    // Textures belong to the renderer: this object must be destroyed before the Display.
    if (font_texture_ != nullptr) SDL_DestroyTexture(font_texture_);
}

void ImGuiSdlRenderer::upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (pixels == nullptr || width <= 0 || height <= 0)
        throw std::runtime_error("ImGui font atlas has no pixels");

    // ABGR8888 is a packed format whose memory order on little-endian is R,G,B,A: ImGui's bytes.
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ABGR8888,
                                             SDL_TEXTUREACCESS_STATIC, width, height);
    if (texture == nullptr)
        throw std::runtime_error(std::string("SDL_CreateTexture (font atlas): ") + SDL_GetError());
    if (SDL_UpdateTexture(texture, nullptr, pixels, width * 4) != 0 ||
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND) != 0) {
        std::string error = SDL_GetError();
        SDL_DestroyTexture(texture);
        throw std::runtime_error("uploading font atlas: " + error);
    }
    // Glyphs are drawn 1:1 but positions can be fractional; linear keeps edges smooth.
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);

    if (font_texture_ != nullptr) SDL_DestroyTexture(font_texture_);
    font_texture_ = texture;
    io.Fonts->SetTexID(static_cast<ImTextureID>(texture));
}

void ImGuiSdlRenderer::render(const ImDrawData* draw_data) {
    if (draw_data == nullptr || draw_data->CmdListsCount == 0) return;
    const ImVec2 pos = draw_data->DisplayPos;
    const ImVec2 scale = draw_data->FramebufferScale;
    const float fb_w = draw_data->DisplaySize.x * scale.x;
    const float fb_h = draw_data->DisplaySize.y * scale.y;
    if (fb_w <= 0 || fb_h <= 0) return;  // minimised

    // Vertices are in ImGui display space; SDL wants output space. With the usual DisplayPos 0 and
    // scale 1 they coincide and SDL reads ImGui's buffer directly; otherwise positions are copied.
    const bool identity = pos.x == 0 && pos.y == 0 && scale.x == 1 && scale.y == 1;
    std::vector<float> transformed;

    const SavedState saved(renderer_);
    setup_render_state(renderer_);

    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        const ImDrawVert* vertices = list->VtxBuffer.Data;
        const ImDrawIdx* indices = list->IdxBuffer.Data;
        const int vertex_count = list->VtxBuffer.Size;

        // Raw pointers, not ImVector::operator[] (which asserts on an empty list with a callback).
        const float* xy = vertices != nullptr ? &vertices->pos.x : nullptr;
        int xy_stride = static_cast<int>(sizeof(ImDrawVert));
        if (!identity) {
            transformed.resize(static_cast<std::size_t>(vertex_count) * 2);
            for (int i = 0; i < vertex_count; ++i) {
                transformed[2 * i] = (vertices[i].pos.x - pos.x) * scale.x;
                transformed[2 * i + 1] = (vertices[i].pos.y - pos.y) * scale.y;
            }
            xy = transformed.data();
            xy_stride = static_cast<int>(2 * sizeof(float));
        }

        for (int c = 0; c < list->CmdBuffer.Size; ++c) {
            const ImDrawCmd& cmd = list->CmdBuffer[c];
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    setup_render_state(renderer_);
                else
                    cmd.UserCallback(list, &cmd);
                continue;
            }

            // Clip rect in output pixels, clamped to the target; empty ones draw nothing.
            const float x0 = std::max((cmd.ClipRect.x - pos.x) * scale.x, 0.0f);
            const float y0 = std::max((cmd.ClipRect.y - pos.y) * scale.y, 0.0f);
            const float x1 = std::min((cmd.ClipRect.z - pos.x) * scale.x, fb_w);
            const float y1 = std::min((cmd.ClipRect.w - pos.y) * scale.y, fb_h);
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            const SDL_Rect clip{static_cast<int>(x0), static_cast<int>(y0),
                                static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
            SDL_RenderSetClipRect(renderer_, &clip);

            // VtxOffset: the command's indices count from this vertex (lists beyond 64k vertices).
            const unsigned first = cmd.VtxOffset;
            const float* cmd_xy = reinterpret_cast<const float*>(
                reinterpret_cast<const char*>(xy) + static_cast<std::size_t>(first) * xy_stride);
            const auto* cmd_color = reinterpret_cast<const SDL_Color*>(&vertices[first].col);
            const float* cmd_uv = &vertices[first].uv.x;
            SDL_RenderGeometryRaw(renderer_, static_cast<SDL_Texture*>(cmd.GetTexID()),
                                  cmd_xy, xy_stride,
                                  cmd_color, static_cast<int>(sizeof(ImDrawVert)),
                                  cmd_uv, static_cast<int>(sizeof(ImDrawVert)),
                                  vertex_count - static_cast<int>(first),
                                  indices + cmd.IdxOffset, static_cast<int>(cmd.ElemCount),
                                  static_cast<int>(sizeof(ImDrawIdx)));
        }
    }
    saved.restore(renderer_);
}

}  // namespace desa::kiosk
