#pragma once
// `desa-kiosk scan IMAGE...`: decodes barcodes and QR codes from image files through the same
// pipeline as the camera, one JSON object per line and image.
#include <string>
#include <vector>

namespace desa::kiosk {

// Prints {"file", "format", "text", "kind", "verdict"} per code found (one line with
// "verdict": "none" when an image holds no code, with "error" when it cannot be read).
// Returns 0 if every image could be read, 1 otherwise.
// Ticket and appointment QR codes are judged with this kiosk's keys (queue/queue_scan.hpp): with
// `options` the kiosk's context is loaded for them; if it cannot be, their verdict is "unknown".
int run_scan(const std::vector<std::string>& images);
struct GlobalOptions;
int run_scan(const std::vector<std::string>& images, const GlobalOptions& options);

}  // namespace desa::kiosk
