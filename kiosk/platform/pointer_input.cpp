#include "platform/pointer_input.hpp"

#include <SDL.h>

#include <cfloat>
#include <cmath>

namespace desa::kiosk {

namespace {

// ImGui treats this position as "no mouse": nothing is hovered and a release there clicks nothing.
const ImVec2 kOffScreen{-FLT_MAX, -FLT_MAX};

bool from_touch_mouse(Uint32 which) { return which == SDL_TOUCH_MOUSEID; }

}  // namespace

bool PointerInput::handle_event(const SDL_Event& event, int window_w, int window_h) {
    switch (event.type) {
    case SDL_MOUSEMOTION:
        // Synthesised-from-touch mouse events duplicate the finger events we read ourselves; a
        // real mouse moving while a finger is down would make the pointer jump between them.
        if (from_touch_mouse(event.motion.which)) return false;
        if (touch_active_) return true;
        queue_.push_back({Kind::Move, ImVec2(float(event.motion.x), float(event.motion.y)), false});
        return true;

    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
        if (from_touch_mouse(event.button.which)) return false;
        if (touch_active_ || event.button.button != SDL_BUTTON_LEFT) return true;
        const bool down = event.type == SDL_MOUSEBUTTONDOWN;
        // SDL can repeat a state (e.g. focus-click quirks); only real transitions are queued so
        // the queue always alternates Down/Up.
        if (down == mouse_down_) return true;
        mouse_down_ = down;
        queue_.push_back({down ? Kind::Down : Kind::Up,
                          ImVec2(float(event.button.x), float(event.button.y)), false});
        return true;
    }

    case SDL_MOUSEWHEEL: {
        if (from_touch_mouse(event.wheel.which)) return false;
        const float sign = event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
        pending_wheel_.x += sign * event.wheel.preciseX;
        pending_wheel_.y += sign * event.wheel.preciseY;
        return true;
    }

    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        const SDL_TouchFingerEvent& f = event.tfinger;
        if (f.touchId == SDL_MOUSE_TOUCHID) return false;  // touch synthesised from the mouse
        const ImVec2 pos(f.x * float(window_w), f.y * float(window_h));
        if (event.type == SDL_FINGERDOWN) {
            // One pointer only: a second finger (palm, pinch) is ignored until the first lifts.
            // A held mouse button owns the pointer just the same.
            if (touch_active_ || mouse_down_) return true;
            touch_active_ = true;
            touch_id_ = f.touchId;
            finger_id_ = f.fingerId;
            queue_.push_back({Kind::Down, pos, true});
            return true;
        }
        if (!touch_active_ || f.touchId != touch_id_ || f.fingerId != finger_id_) return true;
        if (event.type == SDL_FINGERMOTION) {
            queue_.push_back({Kind::Move, pos, true});
        } else {
            touch_active_ = false;
            queue_.push_back({Kind::Up, pos, true});
        }
        return true;
    }

    default:
        return false;
    }
}

void PointerInput::apply_to_imgui(ImGuiIO& io) {
    // Wheel deltas are not transitions; ImGui clears io.MouseWheel itself at the end of a frame.
    io.MouseWheel += pending_wheel_.y;
    io.MouseWheelH += pending_wheel_.x;
    pending_wheel_ = ImVec2(0, 0);

    const bool hide = hide_after_release_;
    const bool restore = restore_after_release_;
    hide_after_release_ = restore_after_release_ = false;
    const bool was_dragging = dragging_;
    bool consumed = false;      // at least one sample applied this frame
    bool released = false;      // an Up was applied this frame
    bool release_touch = false;

    // Moves up to and including the first Down/Up; later samples wait for the next frame so ImGui
    // sees every press and every release in a frame of its own.
    while (!queue_.empty()) {
        const Sample s = queue_.front();
        queue_.pop_front();
        consumed = true;
        last_pos_ = s.pos;
        if (s.kind == Kind::Down) {
            pressed_ = true;
            dragging_ = false;
            press_pos_ = s.pos;
            drag_y_ = s.pos.y;
            break;
        }
        if (pressed_) {
            if (!dragging_) {
                const float dx = s.pos.x - press_pos_.x, dy = s.pos.y - press_pos_.y;
                // Beyond the threshold the gesture is a scroll. Counting the movement from the
                // press keeps the content under the finger once it starts to follow.
                if (std::sqrt(dx * dx + dy * dy) > threshold_) dragging_ = true;
            }
            if (dragging_) {
                pending_dy_ += s.pos.y - drag_y_;
                drag_y_ = s.pos.y;
            }
        }
        if (s.kind == Kind::Up) {
            pressed_ = false;
            released = true;
            release_touch = s.from_touch;
            break;
        }
    }

    // What ImGui sees this frame.
    if (dragging_) {
        // Cancel the press: released away from every item, so ButtonBehavior fires no click.
        io.MousePos = kOffScreen;
        io.MouseDown[0] = false;
    } else if (consumed) {
        io.MousePos = last_pos_;
        io.MouseDown[0] = pressed_;
    } else if (hide) {
        io.MousePos = kOffScreen;
    } else if (restore) {
        io.MousePos = last_pos_;
    }

    // The frame of the lift still reports the drag, with its last bit of movement.
    drag_.active = dragging_ || was_dragging;
    drag_.origin = press_pos_;
    drag_.delta_y = drag_.active ? pending_dy_ : 0.0f;
    drag_.ended = released && (was_dragging || dragging_);
    drag_.total = drag_.ended ? ImVec2(last_pos_.x - press_pos_.x, last_pos_.y - press_pos_.y) : ImVec2(0, 0);
    pending_dy_ = 0;

    if (released) {
        // A mouse keeps its position (desktop hover is fine). After a drag that ImGui has not yet
        // seen cancelled (it began this frame) showing it now could still click: next frame. A
        // finger that lifted leaves nothing behind: next frame the pointer goes off-screen.
        if (release_touch)
            hide_after_release_ = true;
        else if (was_dragging)
            io.MousePos = last_pos_;
        else if (dragging_)
            restore_after_release_ = true;
        dragging_ = false;
    }
}

bool PointerInput::has_pending() const {
    return !queue_.empty() || hide_after_release_ || restore_after_release_ ||
           pending_wheel_.x != 0 || pending_wheel_.y != 0;
}

}  // namespace desa::kiosk
