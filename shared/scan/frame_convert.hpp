#pragma once
// Camera frames to the grey pictures ZXing reads: YUYV (4:2:2, Y0 U Y1 V) keeps its Y bytes, an
// MJPEG frame is a JPEG decoded to grey (stb_image, under limits); previews are downscaled by
// averaging. Pure functions: tested with real pictures, no camera needed.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "scan/barcode_scan.hpp"

namespace desa::scan {

// Y of every pixel. `stride` is the bytes per row in `yuyv` (>= width * 2; drivers may pad).
// nullopt when the sizes do not add up (odd width, short buffer).
std::optional<GreyImage> yuyv_to_grey(std::span<const std::uint8_t> yuyv, int width, int height, int stride);

// The inverse for tests and demos: grey (or RGB luma) as YUYV with neutral chroma (128).
std::vector<std::uint8_t> grey_to_yuyv(const GreyImage& grey);

// One MJPEG frame (a complete JPEG) as grey; at most 4096 px a side. nullopt + `error` otherwise.
std::optional<GreyImage> mjpeg_to_grey(std::span<const std::uint8_t> jpeg, std::string& error);

// A box-filtered copy at most `max_width` wide (aspect kept); the image itself when narrower.
GreyImage downscale(const GreyImage& image, int max_width);

// The codes a live camera looks for, fast: QR (tickets, appointments, cards, receipts, enrolment)
// and EAN-13 (books' ISBN), without ZXing's slow "try harder" passes (the next frame comes soon).
std::vector<ScannedCode> read_live_codes(const GreyImage& image);

}  // namespace desa::scan
