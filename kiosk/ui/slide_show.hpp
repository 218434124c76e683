#pragma once
// The attract screen's pictures: the installed `slides` channel version uploaded as textures once,
// kept while that version stays installed and freed when another replaces it. Decoding happens
// only when the version changes; otherwise a check is one small query, at most every few seconds.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "media/image_decode.hpp"
#include "platform/texture.hpp"
#include "storage/database.hpp"

namespace desa::kiosk {

class SlideShow {
public:
    explicit SlideShow(SDL_Renderer* renderer, media::ImageLimits limits = {}) : renderer_(renderer), limits_(limits) {}

    // Looks at the installed version when `force` (a sync just finished) or the last look is older
    // than kRecheck, and reloads the textures when it changed.
    void refresh(storage::Database& db, Millis now, bool force = false);

    const std::vector<Texture>& slides() const { return slides_; }
    std::int64_t version() const { return version_; }
    // Files of the installed version that could not be shown (for diagnostics and tests).
    int skipped() const { return skipped_; }

    static constexpr Millis kRecheck{30'000};

private:
    SDL_Renderer* renderer_;
    media::ImageLimits limits_;
    std::vector<Texture> slides_;
    std::int64_t version_ = 0;
    int skipped_ = 0;
    std::optional<Millis> checked_at_;
};

}  // namespace desa::kiosk
