#include "cli/qr_output.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stb_image_write.h>

#include <vector>

namespace desa::hub {
namespace {

std::optional<ZXing::BitMatrix> encode(const std::string& text) {
    try {
        ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
        writer.setEncoding(ZXing::CharacterSet::UTF8).setMargin(0).setEccLevel(1);  // level M
        return writer.encode(text, 0, 0);  // one pixel per module
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

std::optional<std::string> terminal_qr(const std::string& text) {
    const auto m = encode(text);
    if (!m || m->width() == 0) return std::nullopt;
    constexpr int kQuiet = 2;
    const int n = m->width();
    auto dark = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < n && y < n && m->get(x, y);
    };
    std::string out;
    for (int y = -kQuiet; y < n + kQuiet; y += 2) {
        for (int x = -kQuiet; x < n + kQuiet; ++x) {
            const bool top_light = !dark(x, y);
            const bool bottom_light = y + 1 < n + kQuiet && !dark(x, y + 1);
            if (top_light && bottom_light) out += "\u2588";       // full block
            else if (top_light) out += "\u2580";                  // upper half
            else if (bottom_light) out += "\u2584";               // lower half
            else out += ' ';
        }
        out += '\n';
    }
    return out;
}

bool write_qr_png(const std::string& text, const std::filesystem::path& file, int scale) {
    const auto m = encode(text);
    if (!m || m->width() == 0 || scale < 1 || scale > 64) return false;
    constexpr int kQuiet = 4;
    const int n = m->width();
    const int size = (n + 2 * kQuiet) * scale;
    std::vector<unsigned char> pixels(static_cast<std::size_t>(size) * static_cast<std::size_t>(size), 255);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            if (!m->get(x, y)) continue;
            for (int dy = 0; dy < scale; ++dy)
                for (int dx = 0; dx < scale; ++dx)
                    pixels[static_cast<std::size_t>((y + kQuiet) * scale + dy) * static_cast<std::size_t>(size) +
                           static_cast<std::size_t>((x + kQuiet) * scale + dx)] = 0;
        }
    return stbi_write_png(file.c_str(), size, size, 1, pixels.data(), size) != 0;
}

}  // namespace desa::hub
