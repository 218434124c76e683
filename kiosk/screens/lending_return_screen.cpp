// Library desk: lending_return (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_lending_return_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.lending_return.title", "desk.lending_return.intro"); }
void submit_lending_return(ScreenContext& ctx) { ctx.session.focus(nullptr); }

}  // namespace desa::kiosk
