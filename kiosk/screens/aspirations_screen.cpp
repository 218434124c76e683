// Aspirasi Warga. The submission form arrives with the aspirations feature; the section already
// explains the three identity choices residents will have.
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_aspirations_screen(ScreenContext& ctx) {
    section_intro(ctx, Icon::Speech, "aspirations.title", "aspirations.intro");
    notice(ctx.ui, "aspirations.empty", Notice::Info, ctx.ui.tr("aspirations.empty"),
           ctx.width() - ctx.ui.theme.px(56));
}

}  // namespace desa::kiosk
