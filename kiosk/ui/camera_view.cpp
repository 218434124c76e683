#include "ui/camera_view.hpp"

#include <algorithm>

namespace desa::kiosk {

void CameraView::start(const scan::Camera& camera) {
    const auto seen = camera.sighting ? camera.sighting() : std::nullopt;
    sighting_seq_ = seen ? seen->sequence : 0;
    // The last code read stays remembered: a resident still holding it up as the next scanning
    // screen opens (check my ticket, right after the check-in) is not read twice.
}

bool CameraView::take_sighting(const scan::Camera& camera, Millis now) {
    if (!camera.sighting) return false;
    const auto seen = camera.sighting();
    if (!seen || seen->sequence <= sighting_seq_ || seen->codes.empty()) return false;
    sighting_seq_ = seen->sequence;
    const std::string& text = seen->codes.front().text;
    const bool again = text == last_text_ && now - last_seen_ < kSameCodeAgain;
    last_text_ = text;
    last_seen_ = now;
    return !again;
}

void CameraView::draw(Ui& ui, const scan::Camera& camera, float width) {
    if (!camera.live()) return;
    const Palette& p = ui.theme.palette;
    if (const auto preview = camera.preview(); preview && preview->sequence != preview_seq_) {
        media::Image image{preview->image.width, preview->image.height, 1, preview->image.pixels};
        std::string error;
        if (update_texture(renderer_, texture_, image, error)) preview_seq_ = preview->sequence;
    }
    const float w = std::min(width, ui.theme.px(360));
    if (texture_) {
        const float h = w * static_cast<float>(texture_.height()) / static_cast<float>(texture_.width());
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(w, h));
        ImDrawList& draw = *ImGui::GetWindowDrawList();
        draw.AddImage(static_cast<ImTextureID>(texture_.get()), at, ImVec2(at.x + w, at.y + h));
        draw.AddRect(at, ImVec2(at.x + w, at.y + h), p.border, 0, 0, ui.theme.px(2));
        record_target(ui, "camera.preview", ui.tr("camera.status"), false);
        paragraph(ui, ui.fonts.body, ui.tr("camera.aim"), width, p.muted_text);
    } else {
        paragraph(ui, ui.fonts.body, ui.tr("camera.waiting"), width, p.muted_text);
    }
}

}  // namespace desa::kiosk
