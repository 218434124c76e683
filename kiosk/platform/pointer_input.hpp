#pragma once
// Touch-first pointer input for Dear ImGui 1.86. Mouse and SDL_FINGER* events (KMSDRM on a
// Raspberry Pi delivers only fingers) become one pointer stream. 1.86 polls io.MousePos /
// io.MouseDown once per frame, so a quick tap (down+up between two frames) would be lost: events
// are queued and applied one transition per frame. We never call SDL_CaptureMouse (it stops touch
// after the first tap on X11). After a finger lifts the pointer moves off-screen so nothing stays
// "hovered". A vertical drag beyond a threshold becomes scrolling instead of a tap.
#include <cstdint>
#include <deque>
#include <optional>

#include <imgui.h>

union SDL_Event;

namespace desa::kiosk {

struct DragScroll {
    bool active = false;    // a drag is in progress (the press was cancelled: no click will fire)
    ImVec2 origin{0, 0};    // where the finger went down, to find the list under it
    float delta_y = 0;      // pixels moved since the previous frame (positive = finger moved down)
    // On the frame a drag ends: how far the finger went from the press in all (a sideways swipe
    // turns a lesson's page); zero on every other frame.
    bool ended = false;
    ImVec2 total{0, 0};
};

class PointerInput {
public:
    explicit PointerInput(float drag_threshold_px = 16.0f) : threshold_(drag_threshold_px) {}

    // Feeds one SDL event. Finger coordinates are normalised by SDL; window_w/h (logical pixels)
    // scale them. Mouse events synthesised from touch (which == SDL_TOUCH_MOUSEID) are ignored.
    // Returns true if the event was a pointer event (the app then knows the user is active).
    bool handle_event(const SDL_Event& event, int window_w, int window_h);

    // Applies at most one queued press/release transition (plus any moves before it) to io, and
    // updates drag(). Call exactly once per frame before ImGui::NewFrame().
    void apply_to_imgui(ImGuiIO& io);

    // True while queued transitions remain: the app must draw another frame even without events.
    bool has_pending() const;
    const DragScroll& drag() const { return drag_; }
    void set_drag_threshold(float px) { threshold_ = px; }

private:
    enum class Kind { Move, Down, Up };
    struct Sample {
        Kind kind;
        ImVec2 pos;
        bool from_touch;
    };
    std::deque<Sample> queue_;
    float threshold_;
    bool pressed_ = false;
    bool dragging_ = false;
    bool touch_active_ = false;
    bool hide_after_release_ = false;  // next frame: move pointer off-screen (touch lifted)
    bool restore_after_release_ = false;  // next frame: show the mouse again (swipe in one frame)
    ImVec2 press_pos_{0, 0};
    ImVec2 last_pos_{0, 0};
    float pending_dy_ = 0;
    // Event-side state (handle_event), ahead of the applied state above by the queue's length.
    bool mouse_down_ = false;          // left button held: fingers are ignored meanwhile
    std::int64_t touch_id_ = 0;        // SDL_TouchID / SDL_FingerID of the tracked finger
    std::int64_t finger_id_ = 0;
    float drag_y_ = 0;                 // y of the last sample counted into pending_dy_
    ImVec2 pending_wheel_{0, 0};       // wheel deltas since the last apply_to_imgui
    DragScroll drag_;
};

}  // namespace desa::kiosk
