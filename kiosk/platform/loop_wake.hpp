#pragma once
// Waking the SDL event loop from another thread (the sync worker, the camera, the board's queue
// feed): SDL_PushEvent is thread-safe, and one wake-up already queued is enough, so `pending`
// (cleared by the loop when it takes the event) keeps the queue from filling up.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace desa::kiosk {

std::function<void()> loop_wake(std::uint32_t event_type, std::shared_ptr<std::atomic<bool>> pending);

}  // namespace desa::kiosk
