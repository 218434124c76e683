#pragma once
// A USB/CSI camera through Video4Linux2: the device is opened once, a format the kiosk can read is
// negotiated (YUYV preferred: no decoding; MJPEG otherwise), and frames stream through memory-
// mapped buffers into scan::CameraWorker, which reads codes on its own thread. Only what fails is
// reported, as a fault the screens translate; the detail (errno text) goes to the log.
#include <memory>
#include <string>
#include <string_view>

#include "scan/camera_worker.hpp"

namespace desa::kiosk {

enum class CameraFault {
    None,
    Absent,      // no such device (unplugged, wrong number)
    NoAccess,    // permission denied (the kiosk user is not in the "video" group)
    Busy,        // another program holds it
    NotACamera,  // no video capture with streaming (a metadata node, a codec)
    NoFormat,    // neither YUYV nor MJPEG offered
    Failed,      // anything else (buffers refused, mmap failed)
};

// Message ids "camera.fault.<name>" in assets/i18n/*/camera.po.
std::string_view camera_fault_name(CameraFault fault);

struct V4l2Format {
    std::string pixel_format;  // "YUYV" or "MJPG"
    int width = 0, height = 0;
};

struct V4l2Open {
    CameraFault fault = CameraFault::None;
    std::string detail;        // for the log: the failing call and errno text
    V4l2Format format;         // what the device agreed to
    scan::FrameSource source;  // valid only when fault == None
};

// Opens `device` (a path such as /dev/video0) asking for about `width` x `height`.
V4l2Open open_v4l2_camera(const std::string& device, int width = 640, int height = 480);

}  // namespace desa::kiosk
