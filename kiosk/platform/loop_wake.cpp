#include "platform/loop_wake.hpp"

#include <SDL.h>

namespace desa::kiosk {

std::function<void()> loop_wake(std::uint32_t event_type, std::shared_ptr<std::atomic<bool>> pending) {
    return [event_type, pending = std::move(pending)] {
        // (Uint32)-1: SDL_RegisterEvents ran out of event types; nothing to push.
        if (event_type == static_cast<std::uint32_t>(-1) || pending->exchange(true)) return;
        SDL_Event wake{};
        wake.type = event_type;
        if (SDL_PushEvent(&wake) != 1) pending->store(false);
    };
}

}  // namespace desa::kiosk
