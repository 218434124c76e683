#pragma once
// A live camera's reading loop on its own thread: it takes frames from a source (the V4L2 device,
// or a folder in tests), reads QR/EAN-13 codes in each, and keeps only the newest frame, preview
// and sighting for the UI thread (under a mutex; the UI copies them out). `notify` (called on the
// worker thread) wakes the UI loop, e.g. with an SDL user event: for a new sighting at once, for
// previews at most every `preview_interval`. While no screen wants the camera it sleeps on a
// condition variable: no frames, no CPU.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "scan/camera.hpp"

namespace desa::scan {

struct FrameSource {
    // The next frame, blocking at most a moment (a V4L2 poll() with a timeout). nullopt without an
    // error: nothing yet; with `error` set: the device failed (the worker retries after a pause).
    std::function<std::optional<GreyImage>(std::string& error)> next;
    // Start or stop streaming (the device's STREAMON/OFF); may be empty.
    std::function<void(bool on)> streaming;
};

struct CameraWorkerOptions {
    int preview_width = 320;
    std::chrono::milliseconds preview_interval{100};  // at most 10 preview wake-ups a second
    std::chrono::milliseconds idle_wait{100};          // a source with nothing: wait this long
    std::chrono::milliseconds retry_wait{1000};        // after a device error
    std::chrono::milliseconds sighting_fresh{2000};    // next_frame() prefers a frame with a code this recent
    std::function<void()> notify;
};

class CameraWorker {
public:
    CameraWorker(FrameSource source, CameraWorkerOptions options);
    ~CameraWorker();  // stops and joins
    CameraWorker(const CameraWorker&) = delete;
    CameraWorker& operator=(const CameraWorker&) = delete;

    void set_active(bool active);
    std::optional<PreviewFrame> preview() const;
    std::optional<Sighting> sighting() const;
    std::optional<GreyImage> next_frame();  // each frame once; see Camera::next_frame
    std::string last_error() const;
    std::uint64_t frames() const { return frames_.load(); }
    // Time spent converting/decoding per frame, averaged (for the benchmark figures).
    double average_read_ms() const;

private:
    void run();

    FrameSource source_;
    CameraWorkerOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool active_ = false;
    std::optional<GreyImage> latest_;
    std::optional<PreviewFrame> preview_;
    std::optional<Sighting> sighting_;
    std::optional<GreyImage> sighting_frame_;
    std::uint64_t latest_seq_ = 0, sighting_frame_seq_ = 0, taken_seq_ = 0;
    std::chrono::steady_clock::time_point sighting_at_{};
    std::chrono::steady_clock::time_point preview_at_{};
    std::string error_;
    double read_ms_total_ = 0;
    std::atomic<std::uint64_t> frames_{0};
    std::thread thread_;  // last: started once everything above exists
};

// A Camera reading through `worker` (shared: the camera's functions keep it alive).
Camera live_camera(std::string name, std::shared_ptr<CameraWorker> worker);

}  // namespace desa::scan
