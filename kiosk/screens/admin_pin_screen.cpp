// Operator sign-in, reached by the hidden gesture. The PIN is checked against its Argon2id hash;
// repeated failures lock the entry (the lock survives a restart).
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

void submit(ScreenContext& ctx) {
    auto& pin = ctx.session.forms.admin_pin;
    const auto result = ctx.admin_pin.check(pin.text);
    pin.clear();
    switch (result.verdict) {
        case security::PinVerdict::Accepted:
            ctx.memory.admin_message.clear();
            ctx.session.back();
            ctx.session.open(session::Screen::AdminSettings);
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

}  // namespace

void draw_admin_pin_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    section_intro(ctx, Icon::Lock, "admin.pin.title", "admin.pin.intro");
    auto& pin = ctx.session.forms.admin_pin;
    const float w = std::min(ctx.width() - ui.theme.px(56), ui.theme.px(520));
    const float field_h = std::max(ui.theme.px(80), ui.fonts.body->FontSize * 2.0f);
    const auto locked = ctx.admin_pin.locked_seconds_left();

    if (locked) {
        ctx.session.focus(nullptr);
        notice(ui, "admin.pin.message", Notice::Error, lock_text(ui, *locked), ctx.width() - ui.theme.px(56));
        return;
    }
    if (ctx.session.focused() != &pin) ctx.session.focus(&pin);  // the pad is always open here
    text_field(ui, "admin.pin.field", pin, ui.tr("admin.pin.placeholder"), true, ImVec2(w, field_h));
    ImGui::SameLine(0, ui.theme.px(16));
    if (button(ui, "admin.pin.submit", ui.tr("admin.pin.submit"), ImVec2(ui.theme.px(200), field_h),
               ButtonStyle::Primary, Icon::None, !pin.empty()))
        submit(ctx);
    if (ctx.keyboard.rejected_last && pin.length() >= pin.max_chars)
        ctx.memory.admin_message = ui.tr("admin.pin.too_long");
    if (!ctx.memory.admin_message.empty()) {
        next_row(ctx, ui.theme.px(12));
        notice(ui, "admin.pin.message", ctx.memory.admin_message_kind, ctx.memory.admin_message,
               ctx.width() - ui.theme.px(56));
    }
}

// The keyboard's "done" key on the PIN pad submits, like the button.
void submit_admin_pin(ScreenContext& ctx) {
    if (!ctx.session.forms.admin_pin.empty()) submit(ctx);
}

}  // namespace desa::kiosk
