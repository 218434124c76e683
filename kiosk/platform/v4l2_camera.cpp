#include "platform/v4l2_camera.hpp"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <span>
#include <vector>

#include "scan/frame_convert.hpp"

namespace desa::kiosk {
namespace {

constexpr int kBuffers = 4;          // enough for the worker to lag a frame without drops
constexpr int kPollTimeoutMs = 200;  // next() returns this often even without frames (to stop)

int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do r = ::ioctl(fd, request, arg);
    while (r == -1 && errno == EINTR);
    return r;
}

std::string errno_text(std::string_view what) {
    return std::string(what) + ": " + std::strerror(errno);
}

CameraFault fault_of_open(int error) {
    switch (error) {
        case ENOENT:
        case ENODEV:
        case ENXIO: return CameraFault::Absent;
        case EACCES:
        case EPERM: return CameraFault::NoAccess;
        case EBUSY: return CameraFault::Busy;
        case EISDIR: return CameraFault::NotACamera;
        default: return CameraFault::Failed;
    }
}

std::string fourcc_text(std::uint32_t f) {
    return {static_cast<char>(f & 0xff), static_cast<char>((f >> 8) & 0xff), static_cast<char>((f >> 16) & 0xff),
            static_cast<char>((f >> 24) & 0xff)};
}

struct Mapped {
    void* start = MAP_FAILED;
    std::size_t length = 0;
};

// The open device: owned by the FrameSource's functions through a shared_ptr, so it lives as long
// as the worker that reads it.
struct Device {
    int fd = -1;
    std::uint32_t pixel_format = 0;
    int width = 0, height = 0, stride = 0;
    std::vector<Mapped> buffers;
    bool streaming = false;

    ~Device() {
        set_streaming(false);
        for (auto& b : buffers)
            if (b.start != MAP_FAILED) ::munmap(b.start, b.length);
        if (fd >= 0) ::close(fd);
    }

    bool set_streaming(bool on) {
        if (fd < 0 || on == streaming) return true;
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (on) {
            // STREAMOFF took every buffer back: queue them all again before starting.
            for (std::size_t i = 0; i < buffers.size(); ++i) {
                v4l2_buffer buf{};
                buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
                buf.memory = V4L2_MEMORY_MMAP;
                buf.index = static_cast<std::uint32_t>(i);
                if (xioctl(fd, VIDIOC_QBUF, &buf) == -1) return false;
            }
            if (xioctl(fd, VIDIOC_STREAMON, &type) == -1) return false;
        } else if (xioctl(fd, VIDIOC_STREAMOFF, &type) == -1) {
            return false;
        }
        streaming = on;
        return true;
    }

    std::optional<scan::GreyImage> next(std::string& error) {
        if (!streaming && !set_streaming(true)) {
            error = errno_text("VIDIOC_STREAMON");
            return std::nullopt;
        }
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, kPollTimeoutMs);
        if (ready == 0 || (ready == -1 && errno == EINTR)) return std::nullopt;
        if (ready == -1 || (p.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0) {
            error = ready == -1 ? errno_text("poll") : "camera: device error or unplugged";
            set_streaming(false);
            return std::nullopt;
        }
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        if (xioctl(fd, VIDIOC_DQBUF, &buf) == -1) {
            if (errno != EAGAIN) error = errno_text("VIDIOC_DQBUF");
            return std::nullopt;
        }
        std::optional<scan::GreyImage> grey;
        if (buf.index < buffers.size() && (buf.flags & V4L2_BUF_FLAG_ERROR) == 0) {
            const auto& b = buffers[buf.index];
            const std::span<const std::uint8_t> bytes(static_cast<const std::uint8_t*>(b.start),
                                                      std::min<std::size_t>(buf.bytesused, b.length));
            if (pixel_format == V4L2_PIX_FMT_YUYV) {
                grey = scan::yuyv_to_grey(bytes, width, height, stride);
            } else {
                std::string decode_error;
                grey = scan::mjpeg_to_grey(bytes, decode_error);  // a torn JPEG: skip the frame
            }
        }
        if (xioctl(fd, VIDIOC_QBUF, &buf) == -1) error = errno_text("VIDIOC_QBUF");
        return grey;
    }
};

V4l2Open failed(CameraFault fault, std::string detail) {
    V4l2Open r;
    r.fault = fault;
    r.detail = std::move(detail);
    return r;
}

// The device's capture formats, YUYV first when offered, then MJPEG.
std::uint32_t choose_format(int fd) {
    bool yuyv = false, mjpeg = false;
    v4l2_fmtdesc desc{};
    desc.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (desc.index = 0; xioctl(fd, VIDIOC_ENUM_FMT, &desc) == 0; ++desc.index) {
        yuyv = yuyv || desc.pixelformat == V4L2_PIX_FMT_YUYV;
        mjpeg = mjpeg || desc.pixelformat == V4L2_PIX_FMT_MJPEG;
    }
    return yuyv ? V4L2_PIX_FMT_YUYV : mjpeg ? V4L2_PIX_FMT_MJPEG : 0;
}

}  // namespace

std::string_view camera_fault_name(CameraFault fault) {
    switch (fault) {
        case CameraFault::None: return "none";
        case CameraFault::Absent: return "absent";
        case CameraFault::NoAccess: return "no_access";
        case CameraFault::Busy: return "busy";
        case CameraFault::NotACamera: return "not_a_camera";
        case CameraFault::NoFormat: return "no_format";
        case CameraFault::Failed: return "failed";
    }
    return "failed";
}

V4l2Open open_v4l2_camera(const std::string& device, int width, int height) {
    auto dev = std::make_shared<Device>();
    dev->fd = ::open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (dev->fd == -1) return failed(fault_of_open(errno), errno_text("open " + device));

    v4l2_capability cap{};
    if (xioctl(dev->fd, VIDIOC_QUERYCAP, &cap) == -1)
        return failed(CameraFault::NotACamera, errno_text("VIDIOC_QUERYCAP " + device));
    const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
    if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0 || (caps & V4L2_CAP_STREAMING) == 0)
        return failed(CameraFault::NotACamera, device + ": no video capture with streaming");

    const std::uint32_t wanted = choose_format(dev->fd);
    if (wanted == 0) return failed(CameraFault::NoFormat, device + ": offers neither YUYV nor MJPEG");
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<std::uint32_t>(width);
    fmt.fmt.pix.height = static_cast<std::uint32_t>(height);
    fmt.fmt.pix.pixelformat = wanted;
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(dev->fd, VIDIOC_S_FMT, &fmt) == -1) {
        const auto fault = errno == EBUSY ? CameraFault::Busy : CameraFault::Failed;
        return failed(fault, errno_text("VIDIOC_S_FMT " + device));
    }
    // The driver may pick another size (or, rarely, format): read back what it agreed to.
    if (fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_YUYV && fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_MJPEG)
        return failed(CameraFault::NoFormat, device + ": driver chose " + fourcc_text(fmt.fmt.pix.pixelformat));
    dev->pixel_format = fmt.fmt.pix.pixelformat;
    dev->width = static_cast<int>(fmt.fmt.pix.width);
    dev->height = static_cast<int>(fmt.fmt.pix.height);
    dev->stride = std::max(static_cast<int>(fmt.fmt.pix.bytesperline), dev->width * 2);

    v4l2_requestbuffers req{};
    req.count = kBuffers;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(dev->fd, VIDIOC_REQBUFS, &req) == -1 || req.count < 2)
        return failed(errno == EBUSY ? CameraFault::Busy : CameraFault::Failed, errno_text("VIDIOC_REQBUFS " + device));
    for (std::uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        buf.index = i;
        if (xioctl(dev->fd, VIDIOC_QUERYBUF, &buf) == -1)
            return failed(CameraFault::Failed, errno_text("VIDIOC_QUERYBUF " + device));
        Mapped m;
        m.length = buf.length;
        m.start = ::mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, dev->fd, buf.m.offset);
        if (m.start == MAP_FAILED) return failed(CameraFault::Failed, errno_text("mmap " + device));
        dev->buffers.push_back(m);
    }

    V4l2Open r;
    r.format = {fourcc_text(dev->pixel_format), dev->width, dev->height};
    // Streaming starts with the first frame asked for and stops when no screen wants the camera:
    // an idle kiosk keeps the camera's LED off and its USB bandwidth free.
    r.source.next = [dev](std::string& error) { return dev->next(error); };
    r.source.streaming = [dev](bool on) {
        if (!on) dev->set_streaming(false);
    };
    return r;
}

}  // namespace desa::kiosk
