#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <cstring>

#include <algorithm>
#include <cctype>
#include <vector>

namespace desa::kiosk {
namespace {

struct Line {
    const char* begin;
    const char* end;
    float width;
    bool splits_word;  // the box was too narrow for a whole word: it had to be cut
};

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

// Word-wraps like ImGui but keeps the lines, so each can be centred.
std::vector<Line> wrap(ImFont* font, std::string_view text, float width) {
    std::vector<Line> lines;
    const char* s = text.data();
    const char* end = text.data() + text.size();
    while (s < end) {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, std::max(width, 1.0f));
        if (line_end == s) line_end = s + 1;  // a glyph wider than the box: take it anyway
        const char* nl = static_cast<const char*>(memchr(s, '\n', static_cast<size_t>(line_end - s)));
        if (nl != nullptr) line_end = nl;
        const char* trimmed = line_end;
        while (trimmed > s && (trimmed[-1] == ' ' || trimmed[-1] == '\t')) --trimmed;
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s, trimmed).x;
        const bool splits = line_end < end && line_end > s && word_char(line_end[-1]) && word_char(*line_end);
        lines.push_back({s, trimmed, w, splits});
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\t')) ++s;
        if (s < end && *s == '\n') ++s;
    }
    return lines;
}

// Whether [min, max] can be seen: it must overlap the current window's clip rectangle.
bool in_view(ImVec2 min, ImVec2 max) {
    const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
    return max.x > clip.x && min.x < clip.z && max.y > clip.y && min.y < clip.w;
}

// Outside a scroll area, a box that reaches past the visible area (under the keyboard, off the
// screen) is cut off just as surely as text that overflows its box.
bool cut_off(ImVec2 min, ImVec2 max) {
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec4 clip = window->ClipRect.ToVec4();
    return !(window->Flags & ImGuiWindowFlags_ChildWindow) &&
           (min.x < clip.x - 0.5f || min.y < clip.y - 0.5f || max.x > clip.z + 0.5f || max.y > clip.w + 0.5f);
}

void record_text(Ui& ui, std::string_view text, ImVec2 min, ImVec2 max) {
    ui.log.texts.push_back({std::string(text), in_view(min, max)});
}

}  // namespace

void record_target(Ui& ui, std::string_view id, std::string_view label, bool enabled) {
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool visible = in_view(min, max);
    if (visible) {  // only the part a finger can reach: a row half scrolled away is tapped on its visible half
        const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
        min = ImVec2(std::max(min.x, clip.x), std::max(min.y, clip.y));
        max = ImVec2(std::min(max.x, clip.z), std::min(max.y, clip.w));
    }
    ui.log.targets.push_back({std::string(id), std::string(label), min, max, enabled, visible});
}

namespace {

}  // namespace

float wrapped_height(ImFont* font, std::string_view text, float width) {
    return font->FontSize * static_cast<float>(wrap(font, text, width).size());
}

float text_in_box(Ui& ui, std::string_view id, ImFont* font, std::string_view text, ImVec2 min,
                  ImVec2 max, ImU32 colour, Align align) {
    const float box_w = max.x - min.x;
    const float box_h = max.y - min.y;
    const auto lines = wrap(font, text, box_w);
    const float line_h = font->FontSize;
    const float needed_h = line_h * static_cast<float>(lines.size());
    float widest = 0;
    bool split = false;
    for (const auto& l : lines) {
        widest = std::max(widest, l.width);
        split = split || l.splits_word;
    }
    if (widest > box_w + 0.5f || needed_h > box_h + 0.5f || split || cut_off(min, max))
        ui.log.overflows.push_back({std::string(id), std::string(text), {widest, needed_h}, {box_w, box_h}});
    record_text(ui, text, min, max);

    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.PushClipRect(min, max, true);
    float y = min.y + std::max(0.0f, (box_h - needed_h) * 0.5f);
    for (const auto& l : lines) {
        const float x = align == Align::Center ? min.x + (box_w - l.width) * 0.5f : min.x;
        draw.AddText(font, font->FontSize, ImVec2(x, y), colour, l.begin, l.end);
        y += line_h;
    }
    draw.PopClipRect();
    return needed_h;
}

void paragraph(Ui& ui, ImFont* font, std::string_view text, float width, ImU32 colour) {
    const auto lines = wrap(font, text, width);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = font->FontSize * static_cast<float>(lines.size());
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    float y = at.y;
    for (const auto& l : lines) {
        draw.AddText(font, font->FontSize, ImVec2(at.x, y), colour, l.begin, l.end);
        y += font->FontSize;
    }
    record_text(ui, text, at, ImVec2(at.x + width, at.y + h));
    ImGui::Dummy(ImVec2(width, h));
}

bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonStyle style,
            Icon icon, bool enabled, ImFont* font) {
    const Palette& p = ui.theme.palette;
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##b", size) && enabled;
    const bool held = ImGui::IsItemActive() && enabled;
    ImGui::PopID();
    record_target(ui, id, label, enabled);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImU32 fill = p.button, text = p.button_text;
    if (style == ButtonStyle::Primary) {
        // High contrast shows "on" and primary actions inverted: yellow with black text.
        fill = ui.theme.high_contrast ? p.border : p.focus;
        text = ui.theme.high_contrast ? p.background : p.header_text;
    } else if (style == ButtonStyle::Header) {
        fill = ui.theme.high_contrast ? p.header : IM_COL32(255, 255, 255, 40);
        text = p.header_text;
    }
    if (held) fill = p.button_pressed;
    if (!enabled) text = p.muted_text;
    const float rounding = ui.theme.px(10);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, fill, rounding);
    if (ui.theme.high_contrast || style == ButtonStyle::Normal)
        draw.AddRect(min, max, ui.theme.high_contrast ? p.border : IM_COL32(0, 0, 0, 40), rounding, 0,
                     ui.theme.px(2));

    const float pad = ui.theme.px(12);
    ImVec2 text_min(min.x + pad, min.y + pad * 0.5f);
    if (icon != Icon::None) {
        const float icon_size = std::min(size.y * 0.5f, ui.theme.px(36));
        draw_icon(draw, icon, ImVec2(min.x + pad + icon_size * 0.5f, (min.y + max.y) * 0.5f), icon_size,
                  text);
        text_min.x += icon_size + pad * 0.5f;
    }
    if (!label.empty())
        text_in_box(ui, id, font != nullptr ? font : ui.fonts.body, label, text_min,
                    ImVec2(max.x - pad, max.y - pad * 0.5f), text);
    return clicked;
}

bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle, Icon icon,
          ImU32 colour, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("##t", size);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    record_target(ui, id, title, true);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float rounding = ui.theme.px(18);
    draw.AddRectFilled(min, max, held ? p.button_pressed : colour, rounding);
    if (ui.theme.high_contrast) draw.AddRect(min, max, p.border, rounding, 0, ui.theme.px(4));

    // Measure the texts first; the icon takes what height is left (and is dropped if too little),
    // so long translations and large text never spill out of the tile.
    const float pad = ui.theme.px(18);
    const float text_w = size.x - 2 * pad;
    const float title_h = wrapped_height(ui.fonts.tile, title, text_w);
    const float gap = pad * 0.5f;
    // The subtitle only explains the title: with large text in a small tile it steps down to the
    // small font, and is left out rather than cut off when even that does not fit.
    const float room_for_subtitle = size.y - 1.5f * pad - title_h - gap;
    ImFont* subtitle_font = ui.fonts.body;
    float subtitle_h = wrapped_height(subtitle_font, subtitle, text_w);
    if (subtitle_h > room_for_subtitle) {
        subtitle_font = ui.fonts.small;
        subtitle_h = wrapped_height(subtitle_font, subtitle, text_w);
    }
    if (subtitle_h > room_for_subtitle) subtitle_h = 0;
    float icon_size = std::min({size.y * 0.34f, size.x * 0.3f, size.y - 2 * pad - title_h - subtitle_h - 2 * gap});
    if (icon_size < ui.theme.px(28)) icon_size = 0;
    const float block_h = (icon_size > 0 ? icon_size + gap : 0) + title_h + gap + subtitle_h;
    float y = min.y + std::max(pad, (size.y - block_h) * 0.5f);
    if (icon_size > 0) {
        draw_icon(draw, icon, ImVec2((min.x + max.x) * 0.5f, y + icon_size * 0.5f), icon_size, p.tile_text);
        y += icon_size + gap;
    }
    text_in_box(ui, std::string(id) + ".title", ui.fonts.tile, title, ImVec2(min.x + pad, y),
                ImVec2(max.x - pad, std::min(y + title_h, max.y - pad)), p.tile_text);
    y += title_h + gap;
    if (subtitle_h > 0)
        text_in_box(ui, std::string(id) + ".subtitle", subtitle_font, subtitle, ImVec2(min.x + pad, y),
                    ImVec2(max.x - pad, std::min(y + subtitle_h, max.y - pad * 0.5f)), p.tile_text);
    return clicked;
}

bool text_field(Ui& ui, std::string_view id, const session::TextField& field,
                std::string_view placeholder, bool focused, ImVec2 size) {
    const Palette& p = ui.theme.palette;
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool tapped = ImGui::InvisibleButton("##f", size);
    ImGui::PopID();
    record_target(ui, id, field.empty() ? std::string(placeholder) : field.display_text(), true);

    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    if (cut_off(min, max))  // the field being typed into must be in full view
        ui.log.overflows.push_back({std::string(id), field.display_text(), max - min, {0, 0}});
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    const float rounding = ui.theme.px(8);
    draw.AddRectFilled(min, max, p.field, rounding);
    draw.AddRect(min, max, focused ? p.focus : p.border, rounding, 0, ui.theme.px(focused ? 4 : 2));

    const float pad = ui.theme.px(16);
    ImFont* font = ui.fonts.body;
    const std::string shown = field.display_text();
    const float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, shown.c_str()).x;
    const float avail = max.x - min.x - 2 * pad;
    // Long text scrolls left so the end being typed stays visible.
    const float x = min.x + pad - std::max(0.0f, text_w - avail + ui.theme.px(6));
    const float y = (min.y + max.y - font->FontSize) * 0.5f;
    draw.PushClipRect(ImVec2(min.x + pad * 0.5f, min.y), ImVec2(max.x - pad * 0.5f, max.y), true);
    if (shown.empty()) {
        draw.AddText(font, font->FontSize, ImVec2(min.x + pad, y), p.muted_text, placeholder.data(),
                     placeholder.data() + placeholder.size());
        record_text(ui, placeholder, min, max);
    } else {
        draw.AddText(font, font->FontSize, ImVec2(x, y), p.field_text, shown.c_str());
        record_text(ui, shown, min, max);
    }
    if (focused) {  // a steady caret: blinking would force redraws on an idle kiosk
        const float cx = shown.empty() ? min.x + pad : x + text_w + ui.theme.px(2);
        draw.AddRectFilled(ImVec2(cx, y), ImVec2(cx + ui.theme.px(3), y + font->FontSize), p.focus);
    }
    draw.PopClipRect();
    return tapped;
}

void begin_scroll_area(Ui& ui, std::string_view id, ImVec2 size) {
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, ui.theme.px(14));
    ImGui::BeginChild(ImGui::GetID(id.data(), id.data() + id.size()), size, false, ImGuiWindowFlags_NoBackground);
    const ImRect rect(ImGui::GetWindowPos(), ImGui::GetWindowPos() + ImGui::GetWindowSize());
    // A scroll area is a drag target for UI scripts ("drag #admin.facts -300").
    ui.log.targets.push_back({std::string(id), "", rect.Min, rect.Max, true, true, true});
    if (ui.drag.active && rect.Contains(ui.drag.origin))
        ImGui::SetScrollY(ImGui::GetScrollY() - ui.drag.delta_y);
}

void end_scroll_area() {
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void notice(Ui& ui, std::string_view id, Notice kind, std::string_view text, float width) {
    const Palette& p = ui.theme.palette;
    ImFont* font = ui.fonts.body;
    const float pad = ui.theme.px(16);
    const float text_left = pad * 1.5f;  // room for the coloured edge
    const float text_h = wrapped_height(font, text, width - text_left - pad);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + text_h + 2 * pad);
    const ImU32 edge = kind == Notice::Error ? p.error : (kind == Notice::Warning ? p.border : p.focus);
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.AddRectFilled(min, max, kind == Notice::Info ? p.field : p.warning, ui.theme.px(8));
    draw.AddRectFilled(min, ImVec2(min.x + ui.theme.px(8), max.y), edge, ui.theme.px(8));
    if (ui.theme.high_contrast) draw.AddRect(min, max, p.border, ui.theme.px(8), 0, ui.theme.px(2));
    text_in_box(ui, id, font, text, ImVec2(min.x + text_left, min.y + pad), ImVec2(max.x - pad, max.y - pad),
                kind == Notice::Error && !ui.theme.high_contrast ? p.error : p.text, Align::Left);
    ImGui::Dummy(ImVec2(width, max.y - min.y));
}

}  // namespace desa::kiosk
