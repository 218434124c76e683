// The keyboard's "done" key (and Enter from a physical keyboard or USB barcode scanner).
#include "screens/screens.hpp"

namespace desa::kiosk {

void on_keyboard_done(ScreenContext& ctx) {
    using session::Screen;
    switch (ctx.session.screen()) {
        case Screen::AdminPin: submit_admin_pin(ctx); return;
        case Screen::LibrarianPin: submit_librarian_pin(ctx); return;
        case Screen::CatalogEdit: submit_catalog_edit(ctx); return;
        case Screen::LendingCheckout: submit_lending_checkout(ctx); return;
        case Screen::LendingReturn: submit_lending_return(ctx); return;
        case Screen::Members: submit_members(ctx); return;
        case Screen::Aspirations: submit_aspiration(ctx); return;
        case Screen::AspirationTrack: submit_aspiration_track(ctx); return;
        case Screen::QueueCheck: submit_queue_check(ctx); return;
        case Screen::AdminSync: submit_admin_sync(ctx); return;
        case Screen::LessonCard: submit_lesson_card(ctx); return;
        case Screen::LessonCertificate: submit_lesson_certificate(ctx); return;
        case Screen::LessonStep: submit_lesson_try(ctx); return;
        default: ctx.session.focus(nullptr); return;
    }
}

}  // namespace desa::kiosk
