// The visit model: navigation, idle rules, wipe, the hidden gesture, and text fields.
#include <catch2/catch.hpp>

#include "session/kiosk_session.hpp"

using namespace desa;
using namespace desa::session;
using i18n::Language;

namespace {

const IdlePolicy kPolicy{Millis{75'000}, Millis{90'000}, Millis{120'000}};

KioskSession fresh() { return KioskSession(kPolicy, Language::Indonesian, Millis{0}); }

}  // namespace

TEST_CASE("screen names round-trip and unknown names are refused", "[session]") {
    for (auto screen : kAllScreens) REQUIRE(screen_from_name(screen_name(screen)) == screen);
    for (const char* bad : {"", "Home", "homes", "admin_pin", " library"}) REQUIRE_FALSE(screen_from_name(bad));
}

TEST_CASE("navigation: open, back and home", "[session]") {
    auto s = fresh();
    REQUIRE(s.screen() == Screen::Home);
    REQUIRE_FALSE(s.can_go_back());
    s.open(Screen::Library);
    s.open(Screen::Library);  // opening the current screen again does not stack it
    REQUIRE(s.screen() == Screen::Library);
    s.back();
    REQUIRE(s.screen() == Screen::Home);
    s.back();  // home stays home
    REQUIRE(s.screen() == Screen::Home);
    s.open(Screen::AdminPin);
    s.focus(&s.forms.admin_pin);
    s.open(Screen::Lessons);
    REQUIRE(s.focused() == nullptr);  // changing screen closes the keyboard
    s.go_home();
    REQUIRE(s.screen() == Screen::Home);
    REQUIRE_FALSE(s.can_go_back());
}

TEST_CASE("idle rules, as a table of (typed?, idle seconds) -> outcome", "[session][idle]") {
    struct Case {
        bool typed;
        int idle_s;
        IdleEvent event;
        Screen screen;
        bool text_kept;
    };
    const Case cases[] = {
        {true, 10, IdleEvent::None, Screen::Library, true},
        {true, 74, IdleEvent::None, Screen::Library, true},
        {true, 75, IdleEvent::WarningShown, Screen::Library, true},
        {true, 90, IdleEvent::Reset, Screen::Home, false},
        {true, 119, IdleEvent::Reset, Screen::Home, false},
        {true, 120, IdleEvent::AttractShown, Screen::Attract, false},
        {false, 100, IdleEvent::Reset, Screen::Home, true},  // on library, nothing typed: still goes home
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION("typed " << c.typed << " idle " << c.idle_s << " s") {
            auto s = fresh();
            s.open(Screen::Library);
            if (c.typed) {
                s.focus(&s.forms.library_search);
                s.forms.library_search.insert("nama warga");
            }
            REQUIRE(s.tick(Millis{c.idle_s * 1000}) == c.event);
            REQUIRE(s.screen() == c.screen);
            REQUIRE(s.forms.library_search.empty() == (!c.text_kept || !c.typed));
        }
    }
}

TEST_CASE("an untouched home screen waits for the attract screen without warnings", "[session][idle]") {
    auto s = fresh();
    REQUIRE(s.next_deadline(Millis{0}) == Millis{120'000});
    REQUIRE(s.tick(Millis{100'000}) == IdleEvent::None);
    REQUIRE_FALSE(s.warning_visible());
    REQUIRE(s.tick(Millis{120'000}) == IdleEvent::AttractShown);
    REQUIRE(s.screen() == Screen::Attract);
    REQUIRE_FALSE(s.next_deadline(Millis{120'000}));  // nothing more to do until a touch
}

TEST_CASE("the first touch on the attract screen only wakes the kiosk", "[session][idle]") {
    auto s = fresh();
    s.tick(Millis{120'000});
    REQUIRE(s.note_activity(Millis{130'000}));  // swallowed
    REQUIRE(s.screen() == Screen::Home);
    REQUIRE_FALSE(s.note_activity(Millis{131'000}));  // the next touch is a normal touch
}

TEST_CASE("a touch on the warning dismisses it, keeps the form and restarts the timers", "[session][idle]") {
    auto s = fresh();
    s.open(Screen::Library);
    s.forms.library_search.insert("buku");
    REQUIRE(s.tick(Millis{76'000}) == IdleEvent::WarningShown);
    REQUIRE(s.warning_visible());
    REQUIRE(s.warning_seconds_left(Millis{76'000}) == 14);
    REQUIRE(s.next_deadline(Millis{76'000}) == Millis{77'000});  // the countdown ticks each second
    REQUIRE(s.note_activity(Millis{80'000}));  // swallowed: it only dismisses
    REQUIRE_FALSE(s.warning_visible());
    REQUIRE(s.tick(Millis{150'000}) == IdleEvent::None);  // 70 s after the touch
    REQUIRE(s.forms.library_search.text == "buku");
    REQUIRE(s.next_deadline(Millis{80'000}) == Millis{155'000});
}

TEST_CASE("wipe forgets everything of the previous resident", "[session]") {
    auto s = fresh();
    s.set_language(Language::English);
    s.accessibility = {true, true};
    s.open(Screen::AdminPin);
    s.forms.admin_pin.insert("1234");
    s.forms.library_search.insert("x");
    s.focus(&s.forms.admin_pin);
    REQUIRE(s.has_visit_state());
    s.wipe();
    REQUIRE(s.screen() == Screen::Home);
    REQUIRE(s.language() == Language::Indonesian);
    REQUIRE_FALSE(s.accessibility.large_text);
    REQUIRE_FALSE(s.accessibility.high_contrast);
    REQUIRE(s.forms.admin_pin.empty());
    REQUIRE(s.forms.library_search.empty());
    REQUIRE(s.focused() == nullptr);
    REQUIRE_FALSE(s.has_visit_state());
}

TEST_CASE("the hidden gesture needs five taps within four seconds", "[session]") {
    struct Case {
        std::vector<int> taps_ms;
        bool opens_on_last;
    };
    const Case cases[] = {
        {{0, 300, 600, 900, 1200}, true},
        {{0, 1000, 2000, 3000, 4000}, true},
        {{0, 1000, 2000, 3000, 4001}, false},  // the first tap is too old by then
        {{0, 300, 600, 900}, false},
        {{0, 5000, 5100, 5200, 5300, 5400}, true},
    };
    for (const auto& c : cases) {
        auto s = fresh();
        bool opened = false;
        for (int t : c.taps_ms) opened = s.register_secret_tap(Millis{t});
        REQUIRE(opened == c.opens_on_last);
    }
}

TEST_CASE("text fields accept only what they may hold", "[session][text]") {
    struct Case {
        FieldKind kind;
        std::size_t max;
        std::string input;
        std::string kept;
        bool all_taken;
    };
    const Case cases[] = {
        {FieldKind::Text, 50, "Bertani organik", "Bertani organik", true},
        {FieldKind::Text, 50, "Kopi \"Lampung\" (robusta) -- AND OR *", "Kopi \"Lampung\" (robusta) -- AND OR *", true},
        {FieldKind::Text, 50, "Sate\tAyam\n", "SateAyam", false},                  // control characters dropped
        {FieldKind::Text, 5, "Lampung", "Lampu", false},                          // cut at the limit
        {FieldKind::Text, 3, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "\xC3\xA9\xC3\xA9\xC3\xA9", false},  // code points, not bytes
        {FieldKind::Text, 50, "ok\xFF\xFEok", "okok", false},                     // invalid UTF-8 dropped
        {FieldKind::Text, 50, "\xC0\xAF", "", false},                             // overlong encoding refused
        {FieldKind::Text, 50, "\xF0\x9F\x98\x80!", "\xF0\x9F\x98\x80!", true},     // emoji kept
        {FieldKind::Digits, 16, "1801-0412 3456", "180104123456", false},
        {FieldKind::Pin, 12, "24a6810", "246810", false},
        {FieldKind::Pin, 6, "12345678", "123456", false},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION("'" << c.input << "'") {
            TextField f{c.kind, c.max, {}};
            REQUIRE(f.insert(c.input) == c.all_taken);
            REQUIRE(f.text == c.kept);
        }
    }
}

TEST_CASE("backspace removes whole code points and PINs are masked", "[session][text]") {
    TextField f{FieldKind::Text, 20, {}};
    f.insert("a\xC3\xA9\xF0\x9F\x98\x80");
    REQUIRE(f.length() == 3);
    f.backspace();
    REQUIRE(f.text == "a\xC3\xA9");
    f.backspace();
    f.backspace();
    f.backspace();  // on empty: nothing happens
    REQUIRE(f.empty());

    TextField pin{FieldKind::Pin, 12, {}};
    pin.insert("2468");
    REQUIRE(pin.display_text() == "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
    REQUIRE(pin.display_text().find('2') == std::string::npos);
}

TEST_CASE("a half-written aspiration left behind on Home is still wiped at the idle reset", "[session][idle]") {
    auto s = fresh();
    s.open(Screen::Aspirations);
    s.aspiration.form.name.insert("Siti Aminah");
    s.aspiration.form.nik.insert("1801044505870003");
    s.go_home();  // the resident walked away from Home, not from the form
    REQUIRE(s.has_visit_state());
    REQUIRE(s.tick(Millis{76'000}) == IdleEvent::WarningShown);
    REQUIRE(s.tick(Millis{90'000}) == IdleEvent::Reset);
    REQUIRE(s.aspiration.form.name.empty());
    REQUIRE(s.aspiration.form.nik.empty());
    REQUIRE_FALSE(s.has_visit_state());
}

TEST_CASE("a tracking code or a rating left on Home counts as the visit too", "[session][idle]") {
    auto s = fresh();
    s.aspiration.tracking.code.insert("NYJH-F9RC-EBZ");
    REQUIRE(s.has_visit_state());
    s.wipe();
    s.aspiration.evaluation.rating = 4;
    REQUIRE(s.has_visit_state());
    s.wipe();
    REQUIRE_FALSE(s.has_visit_state());
}
