#include "media/attract_slides.hpp"

#include <spdlog/spdlog.h>

#include "sync/content_sync.hpp"
#include "sync/sync_store.hpp"

namespace desa::media {

std::optional<std::int64_t> installed_slides_version(storage::Database& db) {
    if (const auto row = sync::installed_channel(db, "slides")) return row->version;
    return std::nullopt;
}

SlideImages load_installed_slides(storage::Database& db, const ImageLimits& limits, std::int64_t byte_budget) {
    SlideImages out;
    const auto content = sync::installed_content(db, "slides");
    if (!content) return out;
    out.version = content->manifest.version;
    std::int64_t used = 0;
    for (const auto& file : content->manifest.files) {
        const auto skip = [&](const std::string& why) {
            out.skipped.push_back(file.name + ": " + why);
            spdlog::warn("slides version {}: {} skipped: {}", out.version, file.name, why);
        };
        if (out.images.size() >= kMaxSlides) {
            skip("more than " + std::to_string(kMaxSlides) + " slides");
            continue;
        }
        std::string error;
        auto image = load_image_file(content->dir / file.name, 4, limits, error);
        if (!image) {
            skip(error);
            continue;
        }
        const auto bytes = static_cast<std::int64_t>(image->pixels.size());
        if (used + bytes > byte_budget) {
            skip("over the slides' memory budget");
            continue;
        }
        used += bytes;
        out.images.push_back(std::move(*image));
    }
    return out;
}

}  // namespace desa::media
