#include "platform/texture.hpp"

#include <SDL.h>

#include <utility>
#include <vector>

namespace desa::kiosk {
namespace {

// RGBA bytes of `image` (grey expanded); the texture's memory order on little-endian (ABGR8888).
const std::uint8_t* rgba_pixels(const media::Image& image, std::vector<std::uint8_t>& scratch) {
    if (image.channels == 4) return image.pixels.data();
    scratch.resize(image.pixels.size() * 4);
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        const std::uint8_t v = image.pixels[i];
        scratch[i * 4] = scratch[i * 4 + 1] = scratch[i * 4 + 2] = v;
        scratch[i * 4 + 3] = 255;
    }
    return scratch.data();
}

bool valid(const media::Image& image) {
    return image.width > 0 && image.height > 0 && (image.channels == 1 || image.channels == 4) &&
           image.pixels.size() == static_cast<std::size_t>(image.width) * image.height * image.channels;
}

}  // namespace

Texture::~Texture() {
    if (texture_ != nullptr) SDL_DestroyTexture(texture_);
}

Texture::Texture(Texture&& other) noexcept
    : texture_(std::exchange(other.texture_, nullptr)), width_(other.width_), height_(other.height_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
    if (this != &other) {
        if (texture_ != nullptr) SDL_DestroyTexture(texture_);
        texture_ = std::exchange(other.texture_, nullptr);
        width_ = other.width_;
        height_ = other.height_;
    }
    return *this;
}

Texture make_texture(SDL_Renderer* renderer, const media::Image& image, std::string& error) {
    if (!valid(image)) {
        error = "malformed image";
        return {};
    }
    SDL_Texture* t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, image.width,
                                       image.height);
    if (t == nullptr) {
        error = SDL_GetError();
        return {};
    }
    std::vector<std::uint8_t> scratch;
    if (SDL_UpdateTexture(t, nullptr, rgba_pixels(image, scratch), image.width * 4) != 0) {
        error = SDL_GetError();
        SDL_DestroyTexture(t);
        return {};
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return Texture(t, image.width, image.height);
}

bool update_texture(SDL_Renderer* renderer, Texture& texture, const media::Image& image, std::string& error) {
    if (!valid(image)) {
        error = "malformed image";
        return false;
    }
    if (!texture || texture.width() != image.width || texture.height() != image.height) {
        SDL_Texture* t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STREAMING,
                                           image.width, image.height);
        if (t == nullptr) {
            error = SDL_GetError();
            return false;
        }
        texture = Texture(t, image.width, image.height);
    }
    std::vector<std::uint8_t> scratch;
    if (SDL_UpdateTexture(texture.get(), nullptr, rgba_pixels(image, scratch), image.width * 4) != 0) {
        error = SDL_GetError();
        return false;
    }
    return true;
}

}  // namespace desa::kiosk
