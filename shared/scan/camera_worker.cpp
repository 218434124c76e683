#include "scan/camera_worker.hpp"

#include "scan/frame_convert.hpp"

#include <algorithm>

namespace desa::scan {

using Clock = std::chrono::steady_clock;

CameraWorker::CameraWorker(FrameSource source, CameraWorkerOptions options)
    : source_(std::move(source)), options_(std::move(options)), thread_([this] { run(); }) {}

CameraWorker::~CameraWorker() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void CameraWorker::set_active(bool active) {
    {
        std::lock_guard lock(mutex_);
        if (active_ == active) return;
        active_ = active;
    }
    wake_.notify_all();
}

void CameraWorker::run() {
    bool streaming = false;
    std::unique_lock lock(mutex_);
    while (!stop_) {
        if (!active_) {
            if (streaming && source_.streaming) {
                lock.unlock();
                source_.streaming(false);
                lock.lock();
            }
            streaming = false;
            wake_.wait(lock, [this] { return stop_ || active_; });
            continue;
        }
        if (!streaming && source_.streaming) {
            lock.unlock();
            source_.streaming(true);
            lock.lock();
        }
        streaming = true;
        lock.unlock();
        std::string error;
        auto frame = source_.next(error);
        if (!frame) {
            lock.lock();
            if (!error.empty()) error_ = error;
            // Nothing yet (a folder) or a failing device: wait, woken early only to stop.
            wake_.wait_for(lock, error.empty() ? options_.idle_wait : options_.retry_wait, [this] { return stop_; });
            continue;
        }
        const auto started = Clock::now();
        auto codes = read_live_codes(*frame);
        const auto now = Clock::now();
        const bool preview_due = now - preview_at_ >= options_.preview_interval;
        std::optional<PreviewFrame> small;
        if (preview_due) small = PreviewFrame{downscale(*frame, options_.preview_width), 0};
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
        lock.lock();
        ++frames_;
        read_ms_total_ += ms;
        error_.clear();
        const bool seen = !codes.empty();
        if (seen) {
            sighting_ = Sighting{std::move(codes), sighting_ ? sighting_->sequence + 1 : 1};
            sighting_frame_ = *frame;
            sighting_frame_seq_ = frames_;
            sighting_at_ = now;
        }
        if (small) {
            small->sequence = preview_ ? preview_->sequence + 1 : 1;
            preview_ = std::move(small);
            preview_at_ = now;
        }
        latest_ = std::move(frame);
        latest_seq_ = frames_;
        if ((seen || preview_due) && options_.notify) {
            lock.unlock();
            options_.notify();
            lock.lock();
        }
    }
    if (streaming && source_.streaming) {
        lock.unlock();
        source_.streaming(false);
    }
}

std::optional<PreviewFrame> CameraWorker::preview() const {
    std::lock_guard lock(mutex_);
    return preview_;
}

std::optional<Sighting> CameraWorker::sighting() const {
    std::lock_guard lock(mutex_);
    return sighting_;
}

std::optional<GreyImage> CameraWorker::next_frame() {
    std::lock_guard lock(mutex_);
    // Each frame is handed out once: a caller reading "up to N frames" stops at the newest
    // instead of decoding the same picture N times on the UI thread.
    if (sighting_frame_ && sighting_frame_seq_ > taken_seq_ && Clock::now() - sighting_at_ <= options_.sighting_fresh) {
        taken_seq_ = std::max(sighting_frame_seq_, taken_seq_);
        return sighting_frame_;
    }
    if (!latest_ || latest_seq_ <= taken_seq_) return std::nullopt;
    taken_seq_ = latest_seq_;
    return latest_;
}

std::string CameraWorker::last_error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

double CameraWorker::average_read_ms() const {
    std::lock_guard lock(mutex_);
    const auto n = frames_.load();
    return n == 0 ? 0.0 : read_ms_total_ / static_cast<double>(n);
}

Camera live_camera(std::string name, std::shared_ptr<CameraWorker> worker) {
    Camera camera;
    camera.name = std::move(name);
    camera.next_frame = [worker] { return worker->next_frame(); };
    camera.next_file = [] { return std::optional<std::filesystem::path>(); };
    camera.preview = [worker] { return worker->preview(); };
    camera.sighting = [worker] { return worker->sighting(); };
    camera.set_active = [worker](bool on) { worker->set_active(on); };
    return camera;
}

}  // namespace desa::scan
