#include "ui/fonts.hpp"

#include <imgui_freetype.h>

#include <stdexcept>

namespace desa::kiosk {
namespace {

// Latin with every diacritic Indonesian names and loanwords use, plus punctuation (bullets, dashes,
// quotes). Icons are drawn as shapes, so no symbol font is needed.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x2000, 0x206F, 0x20A0, 0x20CF, 0};

ImFont* add(ImFontAtlas& atlas, const std::filesystem::path& file, float size_px) {
    ImFontConfig config;
    config.OversampleH = 1;  // FreeType hinting makes oversampling unnecessary
    config.OversampleV = 1;
    ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size_px, &config, kGlyphRanges);
    if (font == nullptr) throw std::runtime_error("cannot load font " + file.string());
    return font;
}

}  // namespace

FontSet build_fonts(const FontFiles& files, float text_scale) {
    for (const auto& f : {files.regular, files.bold}) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(f, ec))
            throw std::runtime_error("font file missing: " + f.string() +
                                     " (install the Debian package fonts-noto-core)");
    }
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    FontSet set;
    set.body = add(atlas, files.regular, 28.0f * text_scale);  // first font = ImGui default
    set.small = add(atlas, files.regular, 22.0f * text_scale);
    set.bold = add(atlas, files.bold, 28.0f * text_scale);
    set.heading = add(atlas, files.bold, 42.0f * text_scale);
    set.tile = add(atlas, files.bold, 38.0f * text_scale);
    if (!atlas.Build()) throw std::runtime_error("cannot build the font atlas");
    set.text_scale = text_scale;
    return set;
}

}  // namespace desa::kiosk
