#pragma once
// Decoded pictures (media::Image, RGBA or grey) as SDL textures the ImGui renderer can draw
// (ImTextureID is the SDL_Texture*). A texture belongs to its renderer: free it before the Display.
#include <string>

#include "media/image_decode.hpp"

struct SDL_Renderer;
struct SDL_Texture;

namespace desa::kiosk {

class Texture {
public:
    Texture() = default;
    Texture(SDL_Texture* texture, int width, int height) : texture_(texture), width_(width), height_(height) {}
    ~Texture();
    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;

    SDL_Texture* get() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }
    explicit operator bool() const { return texture_ != nullptr; }

private:
    SDL_Texture* texture_ = nullptr;
    int width_ = 0, height_ = 0;
};

// A static texture holding `image` (grey is expanded to RGBA). Empty with `error` set when SDL
// refuses (too large for the GPU, out of memory).
Texture make_texture(SDL_Renderer* renderer, const media::Image& image, std::string& error);

// A streaming texture of the same size updated in place (the camera preview); recreated when the
// size changes. False with `error` set when SDL refuses.
bool update_texture(SDL_Renderer* renderer, Texture& texture, const media::Image& image, std::string& error);

}  // namespace desa::kiosk
