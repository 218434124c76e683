#include "board/board_text.hpp"

#include <imgui_freetype.h>

#include <algorithm>
#include <cfloat>
#include <stdexcept>
#include <string>

namespace desa::kiosk {
namespace {

// Latin with diacritics, and the punctuation block (dashes, the ellipsis).
constexpr ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2000, 0x206F, 0};
// The counter cards' titles: Latin-1 is enough for "Loket 12" / "Counter 12" (and keeps the atlas small).
constexpr ImWchar kTitleRanges[] = {0x0020, 0x00FF, 0x2026, 0x2026, 0};
// Ticket numbers: "A012", and "—" for a counter not calling.
constexpr ImWchar kNumberRanges[] = {0x0020, 0x0020, 0x002D, 0x002D, 0x0030, 0x0039, 0x0041, 0x005A, 0x2014, 0x2014, 0};

ImFont* add(ImFontAtlas& atlas, const std::filesystem::path& file, float size_px, const ImWchar* ranges) {
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size_px, &config, ranges);
    if (font == nullptr) throw std::runtime_error("cannot load font " + file.string());
    return font;
}

float text_width(ImFont* font, float size, std::string_view text) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

struct Fit {
    float size;
    bool fits;
};

Fit fit_size(ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max, float min_ratio) {
    const float want = (size <= 0 || size > font->FontSize) ? font->FontSize : size;
    const float box_w = max.x - min.x, box_h = max.y - min.y;
    float fit = std::min(want, box_h);
    const float w = text_width(font, fit, text);
    if (w > box_w && w > 0) fit *= box_w / w;
    const float floor = want * min_ratio;
    return fit + 0.01f >= floor ? Fit{fit, true} : Fit{floor, false};
}

void draw_line(Ui& ui, ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max, ImU32 colour,
               Align align) {
    const float w = text_width(font, size, text);
    const float x = align == Align::Center ? min.x + (max.x - min.x - w) * 0.5f : min.x;
    const float y = min.y + (max.y - min.y - size) * 0.5f;
    ImDrawList& draw = *ImGui::GetWindowDrawList();
    draw.PushClipRect(min, max, true);
    draw.AddText(font, size, ImVec2(x, y), colour, text.data(), text.data() + text.size());
    draw.PopClipRect();
    ui.log.texts.push_back({std::string(text), true});
}

}  // namespace

BoardFonts build_board_fonts(const FontFiles& files, float short_side) {
    for (const auto& f : {files.regular, files.bold}) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(f, ec))
            throw std::runtime_error("font file missing: " + f.string() + " (install the Debian package fonts-noto-core)");
    }
    // Sizes follow the display; beyond 1440 px the glyphs are scaled up rather than rasterised
    // larger, which keeps the atlas within a few MB on a 4K television.
    const float s = std::clamp(short_side, 400.0f, 1440.0f);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    BoardFonts fonts;
    fonts.text = add(atlas, files.regular, s * 0.042f, kTextRanges);  // first font = ImGui default
    fonts.small = add(atlas, files.regular, s * 0.032f, kTextRanges);
    fonts.label = add(atlas, files.bold, s * 0.056f, kTextRanges);
    fonts.title = add(atlas, files.bold, s * 0.085f, kTitleRanges);
    fonts.number = add(atlas, files.bold, s * 0.23f, kNumberRanges);
    if (!atlas.Build()) throw std::runtime_error("cannot build the board's font atlas");
    fonts.as_set = FontSet{fonts.small, fonts.text, fonts.label, fonts.label, fonts.label, s / 800.0f};
    fonts.short_side = short_side;
    return fonts;
}

void line_in_box(Ui& ui, std::string_view id, ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max,
                 ImU32 colour, Align align, float min_ratio) {
    const Fit fit = fit_size(font, size, text, min, max, min_ratio);
    if (!fit.fits)
        ui.log.overflows.push_back({std::string(id), std::string(text),
                                    {text_width(font, fit.size, text), fit.size}, {max.x - min.x, max.y - min.y}});
    draw_line(ui, font, fit.size, text, min, max, colour, align);
}

void name_in_box(Ui& ui, ImFont* font, float size, std::string_view text, ImVec2 min, ImVec2 max, ImU32 colour,
                 Align align, float min_ratio) {
    const Fit fit = fit_size(font, size, text, min, max, min_ratio);
    if (fit.fits) return draw_line(ui, font, fit.size, text, min, max, colour, align);
    // Cut at a character boundary until the rest and "…" fit.
    std::string shown(text);
    const float box_w = max.x - min.x;
    if (max.y - min.y + 0.01f < fit.size)  // too low for even one line: that is our layout's fault
        ui.log.overflows.push_back({"board.name", std::string(text), {0, fit.size}, {box_w, max.y - min.y}});
    while (!shown.empty() && text_width(font, fit.size, shown + "…") > box_w) {
        while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
        if (!shown.empty()) shown.pop_back();  // the character's first byte
    }
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    draw_line(ui, font, fit.size, shown + "…", min, max, colour, align);
}

}  // namespace desa::kiosk
