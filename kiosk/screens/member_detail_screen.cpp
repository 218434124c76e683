// Library desk: member_detail (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_member_detail_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.member_detail.title", "desk.member_detail.intro"); }

}  // namespace desa::kiosk
