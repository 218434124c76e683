#pragma once
// What the scan buttons read from: a folder of pictures (tests, demos, a camera that drops files)
// or a live camera (kiosk/platform/v4l2_camera) decoded on its worker thread. Plain functions, so
// screens and visits see one type whatever stands behind it.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "scan/barcode_scan.hpp"

namespace desa::scan {

struct PreviewFrame {
    GreyImage image;             // small (about 320 px wide): for aiming, not for reading
    std::uint64_t sequence = 0;  // grows with every new preview
};

// The newest codes a live camera's worker read, with the frame they were in.
struct Sighting {
    std::vector<ScannedCode> codes;
    std::uint64_t sequence = 0;  // grows with every sighting
};

struct Camera {
    // Not an aggregate: a Camera comes from folder_camera(), camera_of() or live_camera(), never
    // from a bare path (which would leave its functions empty).
    Camera() = default;

    std::string name;  // the folder or the device, for logs and diagnostics
    // A picture to read codes from: the folder's next file; a live camera's frame with the newest
    // code (within a moment), else its newest frame. nullopt when there is none.
    std::function<std::optional<GreyImage>()> next_frame;
    // A photo as a file (aspiration photos). nullopt when none (a live camera keeps no files).
    std::function<std::optional<std::filesystem::path>()> next_file;
    // Live cameras only (empty functions for a folder): the preview, the newest sighting, and
    // whether a screen wants frames now (the worker sleeps otherwise).
    std::function<std::optional<PreviewFrame>()> preview;
    std::function<std::optional<Sighting>()> sighting;
    std::function<void(bool)> set_active;

    bool live() const { return static_cast<bool>(preview); }
};

// A camera owning a FolderCamera on `folder`.
Camera folder_camera(std::filesystem::path folder);
// A camera borrowing `folder` (which must outlive it): tests that also look at the folder.
Camera camera_of(FolderCamera& folder);

}  // namespace desa::scan
