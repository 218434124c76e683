#include "ui/lesson_pictures.hpp"

#include <spdlog/spdlog.h>

#include "lessons/lesson_package.hpp"
#include "media/image_decode.hpp"

namespace desa::kiosk {

const Texture* LessonPictures::get(const std::filesystem::path& file) {
    for (auto it = cache_.begin(); it != cache_.end(); ++it)
        if (it->first == file) {
            if (it != cache_.begin()) {
                auto entry = std::move(*it);
                cache_.erase(it);
                cache_.push_front(std::move(entry));
            }
            return cache_.front().second ? &cache_.front().second : nullptr;
        }
    std::string error;
    Texture texture;
    const media::ImageLimits limits{std::max(lessons::kMaxImageWidth, lessons::kMaxImageHeight), 16LL << 20,
                                    lessons::kMaxImageBytes};
    if (const auto image = media::load_image_file(file, 4, limits, error))
        texture = make_texture(renderer_, *image, error);
    if (!texture) spdlog::warn("lesson picture {} not shown: {}", file.filename().string(), error);
    cache_.emplace_front(file, std::move(texture));
    if (cache_.size() > kKeep) cache_.pop_back();
    return cache_.front().second ? &cache_.front().second : nullptr;
}

}  // namespace desa::kiosk
