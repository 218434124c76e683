// Library desk: lending_checkout (work in progress).
#include "screens/screens.hpp"

namespace desa::kiosk {

void draw_lending_checkout_screen(ScreenContext& ctx) { section_intro(ctx, Icon::Book, "desk.lending_checkout.title", "desk.lending_checkout.intro"); }
void submit_lending_checkout(ScreenContext& ctx) { ctx.session.focus(nullptr); }

}  // namespace desa::kiosk
