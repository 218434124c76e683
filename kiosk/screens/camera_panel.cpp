// The camera's part of the scanning screens (check my ticket, track an aspiration, the lending
// desk, cataloguing, enrolment): preview, aiming hint, and the configured camera's fault.
#include <string>

#include "app/kiosk_context.hpp"
#include "screens/screens.hpp"
#include "ui/camera_view.hpp"

namespace desa::kiosk {

bool screen_scans(session::Screen screen) {
    using session::Screen;
    switch (screen) {
        case Screen::QueueCheck:
        case Screen::AspirationTrack:
        case Screen::LendingCheckout:
        case Screen::LendingReturn:
        case Screen::CatalogEdit:
        case Screen::AdminSync:
        case Screen::LessonCard: return true;
        default: return false;
    }
}

bool camera_panel(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    if (ctx.kiosk.camera_fault != CameraFault::None) {
        const std::string id = "camera.fault." + std::string(camera_fault_name(ctx.kiosk.camera_fault));
        notice(ui, "camera.fault", Notice::Warning, ui.tr(id), width);
        ImGui::Dummy(ImVec2(1, ui.theme.px(12)));
        return false;
    }
    if (!ctx.kiosk.camera || !ctx.kiosk.camera->live() || ctx.camera_view == nullptr) return false;
    const bool seen = ctx.camera_view->take_sighting(*ctx.kiosk.camera, ctx.now);
    ctx.camera_view->draw(ui, *ctx.kiosk.camera, width);
    ImGui::Dummy(ImVec2(1, ui.theme.px(12)));
    return seen;
}

}  // namespace desa::kiosk
