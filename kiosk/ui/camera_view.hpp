#pragma once
// The live camera on a scanning screen: the newest preview as a streaming texture (so the resident
// can aim) and, once per code held up, a "seen" signal the screen treats like a tap on its scan
// button. A code kept in view is not taken again and again: the same text counts anew only after
// it has been out of view for a moment. Folder cameras have no preview; nothing is drawn for them.
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "platform/texture.hpp"
#include "scan/camera.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

class CameraView {
public:
    explicit CameraView(SDL_Renderer* renderer) : renderer_(renderer) {}

    // A scanning screen opened: codes the camera saw before do not count for it.
    void start(const scan::Camera& camera);
    // True once for each code newly in view since start().
    bool take_sighting(const scan::Camera& camera, Millis now);
    // The preview (at most `width` wide, aspect kept) with the aiming hint below it.
    void draw(Ui& ui, const scan::Camera& camera, float width);

    static constexpr Millis kSameCodeAgain{3000};  // out of view this long: the same code counts again

private:
    SDL_Renderer* renderer_;
    Texture texture_;
    std::uint64_t preview_seq_ = 0, sighting_seq_ = 0;
    std::string last_text_;
    Millis last_seen_{-kSameCodeAgain.count()};
};

}  // namespace desa::kiosk
