#include "ui/slide_show.hpp"

#include <spdlog/spdlog.h>

#include "media/attract_slides.hpp"

namespace desa::kiosk {

void SlideShow::refresh(storage::Database& db, Millis now, bool force) {
    if (!force && checked_at_ && now - *checked_at_ < kRecheck) return;
    checked_at_ = now;
    const std::int64_t installed = media::installed_slides_version(db).value_or(0);
    if (installed == version_) return;
    // Another version (or none any more): the old textures go first, so two sets never coexist.
    slides_.clear();
    skipped_ = 0;
    version_ = installed;
    if (installed == 0) return;
    const auto loaded = media::load_installed_slides(db, limits_);
    version_ = loaded.version;
    skipped_ = static_cast<int>(loaded.skipped.size());
    for (const auto& image : loaded.images) {
        std::string error;
        if (auto texture = make_texture(renderer_, image, error)) {
            slides_.push_back(std::move(texture));
        } else {
            ++skipped_;
            spdlog::warn("slides version {}: a picture could not be uploaded: {}", version_, error);
        }
    }
    spdlog::info("attract screen: slides version {} ({} shown, {} skipped)", version_, slides_.size(), skipped_);
}

}  // namespace desa::kiosk
