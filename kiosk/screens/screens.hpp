#pragma once
// One function per screen, each in its own file. A screen draws the session's state inside the
// area below the header and turns taps into calls on the session or core models; it never
// touches SQL, files or the network directly.
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/kiosk_context.hpp"
#include "security/admin_pin.hpp"
#include "session/kiosk_session.hpp"
#include "ui/keyboard.hpp"
#include "ui/widgets.hpp"

namespace desa::kiosk {

class SyncService;
class SlideShow;
class CameraView;
class LessonPictures;
class LessonReader;

// Messages a screen keeps between frames (cleared when the visit ends).
struct ScreenMemory {
    std::string admin_message;  // the PIN screens' last verdict (admin or librarian)
    Notice admin_message_kind = Notice::Info;
    std::string sync_message;   // the sync screen's last scan verdict
    std::string lesson_message;  // the lesson screens' last print or import outcome
    Notice lesson_message_kind = Notice::Info;
    std::string lesson_page;  // the step or question on screen: a new one starts scrolled to the top
};

struct ScreenRequests {
    bool quit = false;  // admin chose to leave the kiosk application
    bool redraw = false;  // the layout changes next frame (a scroll reset): draw a few more
    std::optional<std::string> fetch_learner;  // a learner card was presented: ask the hub for its progress
};

struct ScreenContext {
    Ui& ui;
    session::KioskSession& session;
    KioskContext& kiosk;
    security::StaffPinGuard& admin_pin;
    security::StaffPinGuard& librarian_pin;
    KeyboardState& keyboard;
    ScreenMemory& memory;
    ScreenRequests& requests;
    ImVec2 area_min, area_max;  // below the header, above the keyboard
    ImVec2 display;
    Millis now;
    std::string renderer_name;  // for the admin diagnostics
    std::int64_t unix_now = 0;  // wall clock, for loan dates (lending refuses a clock in 1970)
    SyncService* sync = nullptr;  // the hub link (kiosk_app); null only outside the app
    const SlideShow* slides = nullptr;  // the hub's slide pictures (attract screen); null outside the app
    CameraView* camera_view = nullptr;  // a live camera's preview (scanning screens); null outside the app
    LessonPictures* pictures = nullptr;  // the lesson pictures as textures; null outside the app
    LessonReader* reader = nullptr;      // reads lessons aloud; null outside the app

    float width() const { return area_max.x - area_min.x; }
    float height() const { return area_max.y - area_min.y; }
};

// Chrome shared by every screen but the attract screen. The header is one row on wide screens
// and two (village above, buttons below) when the buttons and the village name do not fit.
struct HeaderLayout {
    float height = 0, pad = 0, button_h = 0, nav_w = 0, village_row_h = 0;
    float nav_row_y = 0, toggle_row_y = 0;  // tops of the Home/Back row and the toggles row
    int nav_count = 0;
    bool two_rows = false;
    bool show_village = true;
    std::vector<float> toggle_w;
};
HeaderLayout layout_header(const Ui& ui, float display_w, bool show_home, bool show_back,
                           const std::vector<std::string>& toggle_labels, bool compact);
HeaderLayout layout_header(const ScreenContext& ctx);
void draw_header(ScreenContext& ctx);
void draw_idle_warning(ScreenContext& ctx);

void draw_attract_screen(ScreenContext& ctx);
void draw_home_screen(ScreenContext& ctx);
void draw_lessons_screen(ScreenContext& ctx);
void draw_library_screen(ScreenContext& ctx);
void draw_library_record_screen(ScreenContext& ctx);
void draw_queue_screen(ScreenContext& ctx);
void draw_queue_check_screen(ScreenContext& ctx);
void draw_aspirations_screen(ScreenContext& ctx);
void draw_admin_pin_screen(ScreenContext& ctx);
void draw_admin_settings_screen(ScreenContext& ctx);
void draw_admin_sync_screen(ScreenContext& ctx);
void draw_librarian_pin_screen(ScreenContext& ctx);
void draw_library_desk_screen(ScreenContext& ctx);
void draw_catalog_edit_screen(ScreenContext& ctx);
void draw_lending_checkout_screen(ScreenContext& ctx);
void draw_lending_return_screen(ScreenContext& ctx);
void draw_members_screen(ScreenContext& ctx);
void draw_member_detail_screen(ScreenContext& ctx);
void draw_overdue_screen(ScreenContext& ctx);
void draw_aspiration_track_screen(ScreenContext& ctx);
void draw_quick_evaluation_screen(ScreenContext& ctx);
void draw_queue_ops_screen(ScreenContext& ctx);  // the operator's queue statistics and printer
void draw_lesson_card_screen(ScreenContext& ctx);
void draw_lesson_step_screen(ScreenContext& ctx);
void draw_lesson_quiz_screen(ScreenContext& ctx);
void draw_lesson_certificate_screen(ScreenContext& ctx);
void draw_lesson_admin_screen(ScreenContext& ctx);  // lesson figures and package import (staff)

// The keyboard's "done" key (or Enter, e.g. from a USB barcode scanner) on the current screen:
// submits the PIN or the code just typed where the screen has such an action, else closes the
// keyboard. One dispatcher (keyboard_done.cpp) so each screen keeps its submit logic.
void on_keyboard_done(ScreenContext& ctx);
void submit_admin_pin(ScreenContext& ctx);
void submit_librarian_pin(ScreenContext& ctx);
void submit_catalog_edit(ScreenContext& ctx);
void submit_lending_checkout(ScreenContext& ctx);
void submit_lending_return(ScreenContext& ctx);
void submit_members(ScreenContext& ctx);
void submit_aspiration(ScreenContext& ctx);        // the form's current step: next
void submit_aspiration_track(ScreenContext& ctx);  // look the typed code up
void submit_queue_check(ScreenContext& ctx);       // check the typed ticket number
void submit_admin_sync(ScreenContext& ctx);        // hub address -> code -> enrol
void submit_lesson_card(ScreenContext& ctx);       // use the typed learner code
void submit_lesson_certificate(ScreenContext& ctx);  // issue the certificate with the typed name
void submit_lesson_try(ScreenContext& ctx);        // check the typed practice text

// Moves the cursor to the screen's left margin, `gap` below the last item (ImGui would put it at
// the window's edge).
void next_row(ScreenContext& ctx, float gap);

// Title row with an icon and an introduction paragraph, used by the four service sections.
void section_intro(ScreenContext& ctx, Icon icon, std::string_view title_id, std::string_view intro_id);

// A scanning screen's camera: the live preview and aiming hint (live cameras), or why the
// configured camera is not working (typing still works). True when a code newly came into view:
// the screen then reads it as if its scan button had been tapped.
bool camera_panel(ScreenContext& ctx, float width);
// The screens that read codes through the camera (the app streams only while one is open).
bool screen_scans(session::Screen screen);

}  // namespace desa::kiosk
