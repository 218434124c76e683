#pragma once
// The on-screen keyboard. Its keys are plain buttons that edit the focused TextField model
// directly, so the field never loses focus. Text fields get letters, digits and a little
// punctuation; digit and PIN fields get a big numeric pad.
#include <string>

#include <imgui.h>

#include "session/text_field.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

struct KeyboardState {
    bool shift = false;  // one capital letter, then back to lower case (as on phones)
    bool rejected_last = false;  // the last key was refused (field full, not a digit)
    bool submit_requested = false;  // "done" or Enter: the screen acts on the field
};

enum class KeyboardAction { None, Typed, Done };

// Height the keyboard wants at the bottom of a screen of `display` size.
float keyboard_height(const Ui& ui, session::FieldKind kind, ImVec2 display);

// Draws the keyboard in [min, max] and applies taps to `field`.
KeyboardAction on_screen_keyboard(Ui& ui, KeyboardState& state, session::TextField& field, ImVec2 min,
                                  ImVec2 max);

// Key id that types `c` ("osk.key.a", "osk.space"...), and whether shift is needed first; empty
// when the keyboard for `kind` has no such key. UI scripts type through this.
struct KeyFor {
    std::string id;
    bool needs_shift = false;
};
KeyFor key_for_character(session::FieldKind kind, char c);

}  // namespace desa::kiosk
