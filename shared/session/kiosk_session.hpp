#pragma once
// One resident's visit, as the kiosk shell sees it: which screen is open, the language and
// accessibility choices, what has been typed, and the idle rules that end the visit. Pure logic
// (no SDL, no ImGui) so every rule is unit-tested; the kiosk's screens only draw it.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "aspirations/aspiration_visit.hpp"
#include "catalog/catalog_editor.hpp"
#include "catalog/library_visit.hpp"
#include "core/clock.hpp"
#include "i18n/catalog.hpp"
#include "lending/lending_desk.hpp"
#include "lessons/lesson_visit.hpp"
#include "queue/queue_visit.hpp"
#include "session/text_field.hpp"

namespace desa::session {

enum class Screen {
    Attract,        // slides and running text while nobody uses the kiosk
    Home,           // the four service tiles
    Lessons,        // Belajar Internet
    Library,        // Perpustakaan: search
    LibraryRecord,  // one record: copies, shelf, QR code
    Queue,          // Antrian Layanan
    Aspirations,    // Aspirasi Warga
    AdminPin,       // hidden gesture -> PIN entry
    AdminSettings,  // after a correct PIN
    AdminSync,      // from the settings: enrolment with the hub, sync state, "sync now"
    // The library desk, behind the librarian PIN (signed_in_librarian()).
    LibrarianPin,    // "Pustakawan" on the library screen -> PIN entry
    LibraryDesk,     // the librarian's home: lending, members, cataloguing
    CatalogEdit,     // add or edit a record and its copies; scan an ISBN to start
    LendingCheckout, // member card + copy barcodes -> loans
    LendingReturn,   // copy barcode -> returned (or renewed)
    Members,         // find or register members
    MemberDetail,    // one member: card with QR code, loans
    Overdue,         // loans past their due date
    // Aspirations (the Aspirations screen is the form's steps; these are reached from it / home).
    AspirationTrack, // type or scan a tracking code -> status timeline
    QuickEvaluation, // one-tap 1-5 rating of a village service, optional comment
    QueueCheck,      // check my ticket (QR or number), appointment check-in; reached from Queue
    QueueOps,        // the operator's queue statistics and ticket printer; from the admin settings
    // Belajar Internet (the Lessons screen is the course: learner card and lesson list).
    LessonCard,        // show a new learner card (QR), or enter an existing one (camera or typed)
    LessonStep,        // the lesson player: one step, read aloud, next/previous by tap or swipe
    LessonQuiz,        // the lesson's quiz: one question at a time, feedback, the round's result
    LessonCertificate, // the course certificate: the learner's chosen name, QR signed by the kiosk
    LessonAdmin,       // the operator's lesson figures and package import (USB stick); from the admin settings
};

inline constexpr std::array kAllScreens{
    Screen::Attract,      Screen::Home,        Screen::Lessons,         Screen::Library,
    Screen::LibraryRecord, Screen::Queue,      Screen::Aspirations,     Screen::AdminPin,
    Screen::AdminSettings, Screen::AdminSync,  Screen::LibrarianPin, Screen::LibraryDesk,   Screen::CatalogEdit,
    Screen::LendingCheckout, Screen::LendingReturn, Screen::Members,    Screen::MemberDetail,
    Screen::Overdue,      Screen::AspirationTrack, Screen::QuickEvaluation, Screen::QueueCheck,
    Screen::QueueOps,     Screen::LessonCard,  Screen::LessonStep,    Screen::LessonQuiz,
    Screen::LessonCertificate, Screen::LessonAdmin};

// Screens only a signed-in librarian may see.
bool needs_librarian(Screen);

std::string_view screen_name(Screen);  // "home", "library", "admin-pin", ...
std::optional<Screen> screen_from_name(std::string_view);

struct Accessibility {
    bool large_text = false;
    bool high_contrast = false;
};

struct IdlePolicy {
    Millis warn_after{75'000};     // show "are you still there?" (0 = never warn)
    Millis reset_after{90'000};    // wipe forms, back to home
    Millis attract_after{120'000}; // attract screen
};

enum class IdleEvent { None, WarningShown, Reset, AttractShown };

// Fields every screen may use. Listed here so wipe() cannot forget one.
struct Forms {
    TextField library_search{FieldKind::Text, 120, {}};
    TextField admin_pin{FieldKind::Pin, 12, {}};
    TextField librarian_pin{FieldKind::Pin, 12, {}};
    TextField enrol_hub{FieldKind::Text, 255, {}};  // the hub's address, typed on the sync screen
    TextField enrol_code{FieldKind::Text, 20, {}};  // its one-time enrolment code
};

class KioskSession {
public:
    KioskSession(IdlePolicy policy, i18n::Language default_language, Millis now);

    Screen screen() const { return stack_.back(); }
    // Pushes; opening Home clears the stack. Opening the queue from Home starts its visit afresh:
    // a ticket left on screen is not the next resident's.
    void open(Screen screen);
    void back();               // pops; Home stays
    void go_home();
    bool can_go_back() const { return stack_.size() > 1; }

    i18n::Language language() const { return language_; }
    void set_language(i18n::Language lang) { language_ = lang; }
    Accessibility accessibility;

    Forms forms;
    catalog::LibraryVisit library;  // filters, results and the opened record
    catalog::CatalogEditor catalog_editor;  // librarian: the record being edited
    lending::LendingDesk lending;           // librarian: check-out, return, members
    aspirations::AspirationVisit aspiration; // the aspiration form, tracking, quick evaluation
    queue::QueueVisit queue;                 // taking and checking queue tickets
    lessons::LessonVisit lesson;             // the learner card, lesson, quiz round, certificate

    // The librarian PIN was accepted during this visit; wipe() (idle timeout, home after a visit)
    // signs out, so a desk left open never stays open for the next resident.
    bool signed_in_librarian() const { return librarian_; }
    void sign_in_librarian() { librarian_ = true; }
    void sign_out_librarian();
    TextField* focused() const { return focused_; }
    void focus(TextField* field) { focused_ = field; }

    // Ends the visit: every field cleared, keyboard closed, language and accessibility back to
    // the defaults, home screen. Nothing of the previous resident stays on screen.
    void wipe();

    // Any touch, click or key. Returns true if the touch must be swallowed because it woke the
    // attract screen or dismissed the idle warning: that touch triggers nothing else.
    bool note_activity(Millis now);
    // Applies the idle rules at `now`; returns what changed (the caller redraws).
    IdleEvent tick(Millis now);
    bool warning_visible() const { return warning_; }
    int warning_seconds_left(Millis now) const;
    // When tick() next has something to do (or the warning countdown next changes), if ever.
    std::optional<Millis> next_deadline(Millis now) const;
    // Anything to lose if the visit ended now: a screen other than home, text, focus, choices.
    bool has_visit_state() const;

    // The hidden operator gesture: five taps on the village name within four seconds.
    bool register_secret_tap(Millis now);

private:
    IdlePolicy policy_;
    i18n::Language default_language_;
    i18n::Language language_;
    std::vector<Screen> stack_{Screen::Home};
    TextField* focused_ = nullptr;
    Millis last_activity_;
    bool warning_ = false;
    std::vector<Millis> secret_taps_;
    bool librarian_ = false;
};

}  // namespace desa::session
