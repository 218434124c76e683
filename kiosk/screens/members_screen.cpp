// Library desk: members (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_members_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.members.title", "desk.members.intro"); }
void submit_members(ScreenContext& ctx) { ctx.session.focus(nullptr); }

}  // namespace desa::kiosk
