#pragma once
// Touch widgets: big buttons and tiles, wrapped text in a box, our own text field, scrollable
// areas driven by finger drags, and shape icons. Each records itself in the FrameLog so scripts
// can find it and tests can catch text that does not fit.
#include <string>
#include <string_view>

#include <imgui.h>

#include "i18n/catalog.hpp"
#include "platform/pointer_input.hpp"
#include "session/text_field.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_log.hpp"
#include "ui/theme.hpp"

namespace desa::kiosk {

// Everything a widget needs for one frame.
struct Ui {
    const i18n::Catalog& catalog;
    i18n::Language lang;
    Theme theme;
    const FontSet& fonts;
    FrameLog& log;
    const DragScroll& drag;

    const std::string& tr(std::string_view id) const { return catalog.tr(lang, id); }
    std::string trf(std::string_view id,
                    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
        return catalog.format(lang, id, args);
    }
};

enum class Icon { None, Home, Back, Globe, Book, Ticket, Speech, Backspace, Shift, Lock, Check, Speaker, Next, Up, Down };
enum class ButtonStyle { Normal, Primary, Header };
enum class Align { Left, Center };

// Records the last ImGui item as a tap target (for widgets drawn by screens themselves).
void record_target(Ui& ui, std::string_view id, std::string_view label, bool enabled = true);

void draw_icon(ImDrawList& draw, Icon icon, ImVec2 center, float size, ImU32 colour);

// Height of `text` word-wrapped to `width`, exactly as text_in_box and paragraph lay it out.
float wrapped_height(ImFont* font, std::string_view text, float width);

// Wraps `text` to the box and draws it (centred or left-aligned, vertically centred). Records
// the text, and an overflow if it does not fit. Returns the height the wrapped text needs.
float text_in_box(Ui& ui, std::string_view id, ImFont* font, std::string_view text, ImVec2 min,
                  ImVec2 max, ImU32 colour, Align align = Align::Center);

// A paragraph in the normal layout flow, wrapped to `width`.
void paragraph(Ui& ui, ImFont* font, std::string_view text, float width, ImU32 colour);

// A large button at the cursor. Returns true when tapped (released over it) and enabled.
// `font` defaults to the body font (keyboard letters use a bigger one).
bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size,
            ButtonStyle style = ButtonStyle::Normal, Icon icon = Icon::None, bool enabled = true,
            ImFont* font = nullptr);

// A home-screen tile: colour block, icon, title and one line of explanation.
bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle,
          Icon icon, ImU32 colour, ImVec2 size);

// Our text field: shows the model's text (masked for PINs) with a caret while focused; tapping
// it focuses it (the keyboard opens). Returns true if tapped this frame.
bool text_field(Ui& ui, std::string_view id, const session::TextField& field,
                std::string_view placeholder, bool focused, ImVec2 size);

// A child region that scrolls when a finger drag started inside it.
void begin_scroll_area(Ui& ui, std::string_view id, ImVec2 size);
void end_scroll_area();

// A full-screen-width message box (information, warning or error).
enum class Notice { Info, Warning, Error };
void notice(Ui& ui, std::string_view id, Notice kind, std::string_view text, float width);

}  // namespace desa::kiosk
