// Staff sign-in: the operator (admin PIN, reached by the hidden gesture) and the librarian
// (librarian PIN, from the library screen). The PIN is checked against its Argon2id hash;
// repeated failures lock that role's entry (the lock survives a restart).
#include <algorithm>

#include "screens/screens.hpp"

namespace desa::kiosk {
namespace {

std::string lock_text(const Ui& ui, std::int64_t seconds) {
    const std::string m = std::to_string(seconds / 60), s = std::to_string(seconds % 60);
    const std::string duration = seconds < 60        ? ui.trf("duration.seconds", {{"seconds", s}})
                                 : seconds % 60 == 0 ? ui.trf("duration.minutes", {{"minutes", m}})
                                                     : ui.trf("duration.minutes_seconds", {{"minutes", m}, {"seconds", s}});
    return ui.trf("admin.pin.locked", {{"duration", duration}});
}

struct PinEntry {
    session::TextField& pin;
    security::StaffPinGuard& guard;
    const char* id;     // widget ids and message ids start with this: "admin.pin", "librarian.pin"
};

PinEntry entry_for(ScreenContext& ctx) {
    if (ctx.session.screen() == session::Screen::LibrarianPin)
        return {ctx.session.forms.librarian_pin, ctx.librarian_pin, "librarian.pin"};
    return {ctx.session.forms.admin_pin, ctx.admin_pin, "admin.pin"};
}

std::string id(const PinEntry& e, std::string_view suffix) { return std::string(e.id) + "." + std::string(suffix); }

void submit(ScreenContext& ctx) {
    const PinEntry e = entry_for(ctx);
    const auto result = e.guard.check(e.pin.text);
    // The librarian PIN also opens the members' names (lending/member_vault), before it is cleared.
    if (result.verdict == security::PinVerdict::Accepted && e.guard.role() == security::StaffRole::Librarian)
        ctx.session.lending.unlock(ctx.kiosk.db, e.pin.text, lending::KdfLimits::interactive(), ctx.unix_now);
    e.pin.clear();
    switch (result.verdict) {
        case security::PinVerdict::Accepted:
            ctx.memory.admin_message.clear();
            ctx.session.back();
            if (e.guard.role() == security::StaffRole::Librarian) {
                ctx.session.sign_in_librarian();
                ctx.session.open(session::Screen::LibraryDesk);
            } else {
                ctx.session.open(session::Screen::AdminSettings);
            }
            return;
        case security::PinVerdict::Rejected:
            ctx.memory.admin_message = ctx.ui.trf("admin.pin.wrong", {{"attempts", std::to_string(result.attempts_left)}});
            ctx.memory.admin_message_kind = Notice::Warning;
            return;
        case security::PinVerdict::LockedOut:
            ctx.memory.admin_message = lock_text(ctx.ui, result.locked_seconds);
            ctx.memory.admin_message_kind = Notice::Error;
            return;
    }
}

void draw_pin_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const PinEntry e = entry_for(ctx);
    section_intro(ctx, Icon::Lock, id(e, "title"), id(e, "intro"));
    auto& pin = e.pin;
    const float w = std::min(ctx.width() - ui.theme.px(56), ui.theme.px(520));
    const float field_h = std::max(ui.theme.px(80), ui.fonts.body->FontSize * 2.0f);
    const auto locked = e.guard.locked_seconds_left();

    if (locked) {
        ctx.session.focus(nullptr);
        notice(ui, id(e, "message"), Notice::Error, lock_text(ui, *locked), ctx.width() - ui.theme.px(56));
        return;
    }
    if (ctx.session.focused() != &pin) ctx.session.focus(&pin);  // the pad is always open here
    text_field(ui, id(e, "field"), pin, ui.tr("admin.pin.placeholder"), true, ImVec2(w, field_h));
    ImGui::SameLine(0, ui.theme.px(16));
    if (button(ui, id(e, "submit"), ui.tr("admin.pin.submit"), ImVec2(ui.theme.px(200), field_h),
               ButtonStyle::Primary, Icon::None, !pin.empty()))
        submit(ctx);
    if (ctx.keyboard.rejected_last && pin.length() >= pin.max_chars)
        ctx.memory.admin_message = ui.tr("admin.pin.too_long");
    if (!ctx.memory.admin_message.empty()) {
        next_row(ctx, ui.theme.px(12));
        notice(ui, id(e, "message"), ctx.memory.admin_message_kind, ctx.memory.admin_message,
               ctx.width() - ui.theme.px(56));
    }
}

}  // namespace

void draw_admin_pin_screen(ScreenContext& ctx) { draw_pin_screen(ctx); }
void draw_librarian_pin_screen(ScreenContext& ctx) { draw_pin_screen(ctx); }

// The keyboard's "done" key on the PIN pad submits, like the button.
void submit_admin_pin(ScreenContext& ctx) {
    if (!ctx.session.forms.admin_pin.empty()) submit(ctx);
}
void submit_librarian_pin(ScreenContext& ctx) {
    if (!ctx.session.forms.librarian_pin.empty()) submit(ctx);
}

}  // namespace desa::kiosk
