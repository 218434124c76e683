// Library desk: overdue (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_overdue_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.overdue.title", "desk.overdue.intro"); }

}  // namespace desa::kiosk
