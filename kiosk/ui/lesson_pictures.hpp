#pragma once
// The pictures of the lesson on screen, decoded on first use and kept as textures for the few
// steps around it (a lesson has about seven): going back and forth never decodes twice, and a
// kiosk that taught every course does not hold every picture. A file that cannot be shown is
// remembered as such and the step shows its text alone.
#include <deque>
#include <filesystem>
#include <string>
#include <utility>

#include "platform/texture.hpp"

struct SDL_Renderer;

namespace desa::kiosk {

class LessonPictures {
public:
    explicit LessonPictures(SDL_Renderer* renderer) : renderer_(renderer) {}
    // nullptr when the file cannot be decoded or uploaded.
    const Texture* get(const std::filesystem::path& file);
    void clear() { cache_.clear(); }
    std::size_t cached() const { return cache_.size(); }

    static constexpr std::size_t kKeep = 12;

private:
    SDL_Renderer* renderer_;
    std::deque<std::pair<std::filesystem::path, Texture>> cache_;  // most recent first
};

}  // namespace desa::kiosk
