#pragma once
// Pictures from outside (hub slides, camera MJPEG frames) decoded with stb_image under limits:
// the size is read from the header first, so a small file announcing a huge picture (a
// decompression bomb) is refused before any pixel is allocated. Never throws on bad input.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace desa::media {

struct ImageLimits {
    int max_side = 4096;                          // pixels, either side
    std::int64_t max_decoded_bytes = 64LL << 20;  // width * height * channels after decoding
    std::int64_t max_file_bytes = 32LL << 20;     // the encoded file
};

struct Image {
    int width = 0, height = 0;
    int channels = 0;                  // 4 (RGBA) or 1 (grey)
    std::vector<std::uint8_t> pixels;  // width * height * channels, row by row
};

// Decodes PNG/JPEG (and whatever else stb_image reads) into `channels` (1 or 4) per pixel.
// nullopt with a one-line `error` (English, for the log) when unreadable or over the limits.
std::optional<Image> decode_image(std::span<const std::uint8_t> bytes, int channels, const ImageLimits& limits,
                                  std::string& error);
std::optional<Image> load_image_file(const std::filesystem::path& file, int channels, const ImageLimits& limits,
                                     std::string& error);

}  // namespace desa::media
