#include "ui/keyboard.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace desa::kiosk {
namespace {

using session::FieldKind;

// Indonesian uses the plain Latin alphabet; QWERTY is what residents know from phones.
constexpr std::array<std::string_view, 4> kTextRows{"1234567890", "qwertyuiop", "asdfghjkl-",
                                                    "zxcvbnm,.@"};
constexpr std::array<std::string_view, 4> kPadRows{"123", "456", "789", "<0>"};  // < backspace, > done

std::string key_id(char c) { return std::string("osk.key.") + c; }

bool is_numeric(FieldKind kind) { return kind != FieldKind::Text; }

}  // namespace

float keyboard_height(const Ui& ui, FieldKind kind, ImVec2 display) {
    const float rows = is_numeric(kind) ? 4.0f : 5.0f;
    const float key_h = std::max(ui.theme.px(72), ui.fonts.body->FontSize * 1.8f);
    return std::min(display.y * 0.5f, rows * key_h + ui.theme.px(12) * (rows + 1));
}

KeyFor key_for_character(FieldKind kind, char c) {
    if (is_numeric(kind)) {
        if (c >= '0' && c <= '9') return {key_id(c), false};
        return {};
    }
    if (c == ' ') return {"osk.space", false};
    const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto row : kTextRows)
        if (row.find(lower) != std::string_view::npos) return {key_id(lower), lower != c};
    return {};
}

KeyboardAction on_screen_keyboard(Ui& ui, KeyboardState& state, session::TextField& field, ImVec2 min,
                                  ImVec2 max) {
    const Palette& p = ui.theme.palette;
    ImGui::GetWindowDrawList()->AddRectFilled(min, max, ui.theme.high_contrast ? p.background : p.border);
    const float gap = ui.theme.px(10);
    KeyboardAction action = KeyboardAction::None;
    const auto type = [&](std::string_view text) {
        state.rejected_last = !field.insert(text);
        action = KeyboardAction::Typed;
    };

    if (is_numeric(field.kind)) {
        const float pad_w = std::min(max.x - min.x - 2 * gap, ui.theme.px(720));
        const float key_w = (pad_w - 2 * gap) / 3;
        const float key_h = (max.y - min.y - 5 * gap) / 4;
        const float left = min.x + (max.x - min.x - pad_w) * 0.5f;
        for (std::size_t r = 0; r < kPadRows.size(); ++r) {
            for (std::size_t k = 0; k < 3; ++k) {
                const char c = kPadRows[r][k];
                ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(k) * (key_w + gap),
                                                 min.y + gap + static_cast<float>(r) * (key_h + gap)));
                if (c == '<') {
                    if (button(ui, "osk.backspace", ui.tr("osk.backspace"), ImVec2(key_w, key_h),
                               ButtonStyle::Normal, Icon::Backspace)) {
                        field.backspace();
                        action = KeyboardAction::Typed;
                    }
                } else if (c == '>') {
                    if (button(ui, "osk.done", ui.tr("osk.done"), ImVec2(key_w, key_h), ButtonStyle::Primary))
                        action = KeyboardAction::Done;
                } else if (button(ui, key_id(c), std::string(1, c), ImVec2(key_w, key_h), ButtonStyle::Normal,
                                  Icon::None, true, ui.fonts.heading)) {
                    type(std::string_view(&c, 1));
                }
            }
        }
        return action;
    }

    const float key_h = (max.y - min.y - 6 * gap) / 5;
    const float key_w = (max.x - min.x - 11 * gap) / 10.5f;  // half a key spare for the stagger
    for (std::size_t r = 0; r < kTextRows.size(); ++r) {
        const float indent = static_cast<float>(r) * key_w * 0.15f;
        const float y = min.y + gap + static_cast<float>(r) * (key_h + gap);
        for (std::size_t k = 0; k < kTextRows[r].size(); ++k) {
            const char lower = kTextRows[r][k];
            const bool letter = std::isalpha(static_cast<unsigned char>(lower)) != 0;
            const char shown = letter && state.shift ? static_cast<char>(std::toupper(lower)) : lower;
            ImGui::SetCursorScreenPos(ImVec2(min.x + gap + indent + static_cast<float>(k) * (key_w + gap), y));
            if (button(ui, key_id(lower), std::string(1, shown), ImVec2(key_w, key_h), ButtonStyle::Normal, Icon::None,
                       true, ui.fonts.tile)) {
                type(std::string_view(&shown, 1));
                if (letter) state.shift = false;
            }
        }
    }
    // Bottom row: shift, space, backspace, done.
    const float y = min.y + gap + 4 * (key_h + gap);
    const float side_w = key_w * 1.6f;
    const float done_w = key_w * 2.2f;
    const float space_w = max.x - min.x - 5 * gap - 2 * side_w - done_w;
    float x = min.x + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "osk.shift", "", ImVec2(side_w, key_h), state.shift ? ButtonStyle::Primary : ButtonStyle::Normal,
               Icon::Shift))
        state.shift = !state.shift;
    x += side_w + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "osk.space", ui.tr("osk.space"), ImVec2(space_w, key_h))) type(" ");
    x += space_w + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "osk.backspace", "", ImVec2(side_w, key_h), ButtonStyle::Normal, Icon::Backspace)) {
        field.backspace();
        action = KeyboardAction::Typed;
    }
    x += side_w + gap;
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    if (button(ui, "osk.done", ui.tr("osk.done"), ImVec2(done_w, key_h), ButtonStyle::Primary))
        action = KeyboardAction::Done;
    return action;
}

}  // namespace desa::kiosk
