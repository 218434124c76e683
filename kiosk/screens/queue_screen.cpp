// Antrian Layanan. Services come from configuration with the queue feature; until then the
// section explains where to ask.
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_queue_screen(ScreenContext& ctx) {
    section_intro(ctx, Icon::Ticket, "queue.title", "queue.intro");
    notice(ctx.ui, "queue.empty", Notice::Info, ctx.ui.tr("queue.empty"), ctx.width() - ctx.ui.theme.px(56));
}

}  // namespace desa::kiosk
