#include "scan/frame_convert.hpp"

#include "media/image_decode.hpp"

namespace desa::scan {

std::optional<GreyImage> yuyv_to_grey(std::span<const std::uint8_t> yuyv, int width, int height, int stride) {
    if (width <= 0 || height <= 0 || width % 2 != 0 || width > 8192 || height > 8192 || stride < width * 2 ||
        yuyv.size() < static_cast<std::size_t>(stride) * (height - 1) + static_cast<std::size_t>(width) * 2)
        return std::nullopt;
    GreyImage grey{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height)};
    std::uint8_t* out = grey.pixels.data();
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* row = yuyv.data() + static_cast<std::size_t>(y) * stride;
        for (int x = 0; x < width; ++x) *out++ = row[x * 2];  // Y0 U Y1 V: every even byte is a Y
    }
    return grey;
}

std::vector<std::uint8_t> grey_to_yuyv(const GreyImage& grey) {
    std::vector<std::uint8_t> out(grey.pixels.size() * 2, 128);
    for (std::size_t i = 0; i < grey.pixels.size(); ++i) out[i * 2] = grey.pixels[i];
    return out;
}

std::optional<GreyImage> mjpeg_to_grey(std::span<const std::uint8_t> jpeg, std::string& error) {
    // Some webcams send MJPEG without the Huffman table (DHT) segment; stb_image supplies the
    // default tables itself, so those frames decode too.
    auto image = media::decode_image(jpeg, 1, media::ImageLimits{4096, 16LL << 20, 8LL << 20}, error);
    if (!image) return std::nullopt;
    return GreyImage{image->width, image->height, std::move(image->pixels)};
}

GreyImage downscale(const GreyImage& image, int max_width) {
    if (max_width <= 0 || image.width <= max_width) return image;
    const int factor = (image.width + max_width - 1) / max_width;  // whole boxes: no resampling maths
    const int w = image.width / factor, h = image.height / factor;
    GreyImage out{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h)};
    const int area = factor * factor;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy) {
                const std::uint8_t* row = image.pixels.data() + static_cast<std::size_t>(y * factor + dy) * image.width + x * factor;
                for (int dx = 0; dx < factor; ++dx) sum += row[dx];
            }
            out.pixels[static_cast<std::size_t>(y) * w + x] = static_cast<std::uint8_t>(sum / area);
        }
    return out;
}

std::vector<ScannedCode> read_live_codes(const GreyImage& image) { return read_codes(image, ReadMode::Live); }

}  // namespace desa::scan
