// Belajar Internet. Lesson packages arrive with the lessons feature; until one is installed the
// section says so plainly instead of showing an empty list.
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_lessons_screen(ScreenContext& ctx) {
    section_intro(ctx, Icon::Globe, "lessons.title", "lessons.intro");
    notice(ctx.ui, "lessons.empty", Notice::Info, ctx.ui.tr("lessons.empty"), ctx.width() - ctx.ui.theme.px(56));
}

}  // namespace desa::kiosk
