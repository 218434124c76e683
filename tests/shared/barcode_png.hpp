#pragma once
// Barcode pictures for the scan tests: ZXing writes the code, stb writes it as a PNG file, so the
// kiosk's scan pipeline reads a real image file as a camera would deliver it.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stb_image_write.h>

namespace desa::test {

// `scale` pixels per module with a white quiet zone, as a printed label would be.
inline void write_barcode_png(const std::filesystem::path& file, ZXing::BarcodeFormat format, const std::string& text) {
    ZXing::MultiFormatWriter writer(format);
    writer.setMargin(10);
    const bool linear = format != ZXing::BarcodeFormat::QRCode;
    const ZXing::BitMatrix m = writer.encode(text, 0, linear ? 60 : 0);
    const int scale = 3;
    const int w = m.width() * scale, h = std::max(m.height(), linear ? 60 : 0) * scale;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 255);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (m.get(x / scale, std::min(y / scale, m.height() - 1)))
                px[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] = 0;
    if (stbi_write_png(file.c_str(), w, h, 1, px.data(), w) == 0) throw std::runtime_error("cannot write " + file.string());
}

// A picture without any code in it (a blank page in front of the camera).
inline void write_blank_png(const std::filesystem::path& file) {
    const int w = 200, h = 120;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w * h), 235);
    if (stbi_write_png(file.c_str(), w, h, 1, px.data(), w) == 0) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace desa::test
