#include "media/image_decode.hpp"

#include <stb_image.h>

#include <climits>
#include <fstream>
#include <memory>

namespace desa::media {

std::optional<Image> decode_image(std::span<const std::uint8_t> bytes, int channels, const ImageLimits& limits,
                                  std::string& error) {
    if (channels != 1 && channels != 4) {
        error = "unsupported channel count";
        return std::nullopt;
    }
    if (bytes.empty() || static_cast<std::int64_t>(bytes.size()) > limits.max_file_bytes || bytes.size() > INT_MAX) {
        error = bytes.empty() ? "empty image file" : "image file too large";
        return std::nullopt;
    }
    const auto length = static_cast<int>(bytes.size());
    int w = 0, h = 0, comp = 0;
    if (stbi_info_from_memory(bytes.data(), length, &w, &h, &comp) == 0) {
        error = std::string("not a readable image: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unknown");
        return std::nullopt;
    }
    if (w <= 0 || h <= 0 || w > limits.max_side || h > limits.max_side ||
        static_cast<std::int64_t>(w) * h * channels > limits.max_decoded_bytes) {
        error = "image too large (" + std::to_string(w) + "x" + std::to_string(h) + ")";
        return std::nullopt;
    }
    int dw = 0, dh = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> data(
        stbi_load_from_memory(bytes.data(), length, &dw, &dh, &comp, channels), stbi_image_free);
    if (!data || dw != w || dh != h) {
        error = std::string("cannot decode image: ") + (stbi_failure_reason() ? stbi_failure_reason() : "unknown");
        return std::nullopt;
    }
    Image image{w, h, channels, {}};
    image.pixels.assign(data.get(), data.get() + static_cast<std::size_t>(w) * h * channels);
    return image;
}

std::optional<Image> load_image_file(const std::filesystem::path& file, int channels, const ImageLimits& limits,
                                     std::string& error) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || static_cast<std::int64_t>(size) > limits.max_file_bytes) {
        error = ec ? "cannot read " + file.filename().string() : "image file too large";
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(size);
    std::ifstream in(file, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        error = "cannot read " + file.filename().string();
        return std::nullopt;
    }
    return decode_image(bytes, channels, limits, error);
}

}  // namespace desa::media
