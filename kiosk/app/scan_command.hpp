#pragma once
// `desa-kiosk scan IMAGE...`: decodes barcodes and QR codes from image files through the same
// pipeline as the camera, one JSON object per line and image.
#include <string>
#include <vector>

namespace desa::kiosk {

// Prints {"file", "format", "text", "kind", "verdict"} per code found (one line with
// "verdict": "none" when an image holds no code, with "error" when it cannot be read).
// Returns 0 if every image could be read, 1 otherwise.
int run_scan(const std::vector<std::string>& images);

}  // namespace desa::kiosk
