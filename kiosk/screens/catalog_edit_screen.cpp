// Library desk: catalog_edit (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_catalog_edit_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.catalog_edit.title", "desk.catalog_edit.intro"); }
void submit_catalog_edit(ScreenContext& ctx) { ctx.session.focus(nullptr); }

}  // namespace desa::kiosk
