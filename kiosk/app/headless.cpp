#include "app/headless.hpp"

#include <charconv>
#include <regex>
#include <stdexcept>

#include "screens/follow_up_screens.hpp"

#include "app/aspiration_screenshots.hpp"
#include "app/lesson_screenshots.hpp"
#include "app/queue_screenshots.hpp"
#include "app/sync_screenshots.hpp"
#include "board/board_screenshots.hpp"

namespace desa::kiosk {

std::optional<ScreenSize> parse_size(std::string_view text) {
    const auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    ScreenSize size;
    const auto parse = [](std::string_view part, int& out) {
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        return ec == std::errc{} && end == part.data() + part.size() && out >= 200 && out <= 8192;
    };
    if (!parse(text.substr(0, x), size.width) || !parse(text.substr(x + 1), size.height)) return std::nullopt;
    return size;
}

std::vector<std::string> screenshot_names() {
    std::vector<std::string> names;
    for (auto s : session::kAllScreens) names.emplace_back(session::screen_name(s));
    names.emplace_back("library-keyboard");
    names.emplace_back("library-results");
    names.emplace_back("library-elsewhere");
    names.emplace_back("library-elsewhere-only");
    names.emplace_back("library-record-elsewhere");
    names.emplace_back("idle-warning");
    names.emplace_back("catalog-edit-record");
    names.emplace_back("catalog-edit-problems");
    for (auto& name : follow_up_screenshot_names()) names.push_back(std::move(name));
    for (auto& name : aspiration_screenshot_names()) names.push_back(std::move(name));
    for (auto& name : sync_screenshot_names()) names.push_back(std::move(name));
    for (auto& name : queue_screenshot_names()) names.push_back(std::move(name));
    for (auto& name : lesson_screenshot_names()) names.push_back(std::move(name));
    for (auto& name : board_screenshot_names()) names.push_back(std::move(name));
    return names;
}

ScreenshotResult render_screenshot(KioskContext& kiosk, const ScreenshotRequest& request, const FontFiles& fonts,
                                   const std::optional<std::filesystem::path>& png_out) {
    using session::Screen;
    const auto names = screenshot_names();
    if (std::find(names.begin(), names.end(), request.name) == names.end())
        throw std::invalid_argument("unknown screen '" + request.name + "'; see screenshot --list");
    // The display board is its own app (`--role display`), not a kiosk screen.
    if (is_board_screenshot(request.name)) return render_board_screenshot(kiosk, request, fonts, png_out);

    ManualClock clock;
    auto display = open_headless(request.size.width, request.size.height);
    KioskApp app(kiosk, *display, clock, AppOptions{true, fonts});
    auto& session = app.session();
    session.set_language(request.language);
    session.accessibility = {request.large_text, request.high_contrast};
    if (request.name == "library-keyboard" || request.name == "idle-warning") {
        session.open(Screen::Library);
        session.focus(&session.forms.library_search);
        session.forms.library_search.insert("Bertani organik");
        if (request.name == "idle-warning") {
            const auto& c = kiosk.config;
            clock.advance(Millis{static_cast<std::int64_t>(c.idle_reset_after_s - c.idle_warn_before_s) * 1000 + 500});
            app.update();
        }
    } else if (request.name == "library-results") {
        // A search with hits and filter chips, keyboard closed (the demo catalogue has farming books).
        session.open(Screen::Library);
        session.forms.library_search.insert("pertanian");
    } else if (request.name == "library-elsewhere" || request.name == "library-elsewhere-only") {
        // The demo union catalogue (assets/demo/union): Andrea Hirata's other novels are only at
        // neighbouring libraries; "sang pemimpi" is not here at all.
        session.open(Screen::Library);
        session.forms.library_search.insert(request.name == "library-elsewhere" ? "hirata" : "sang pemimpi");
    } else if (request.name == "library-record" || request.name == "library-record-elsewhere") {
        // Laskar Pelangi is also at two other libraries.
        session.open(Screen::Library);
        const char* query = request.name == "library-record" ? "kopi" : "laskar pelangi";
        const auto hits = session.library.results(kiosk.db, query).hits;
        if (!hits.empty()) session.library.open(kiosk.db, hits.front().record_id);
        session.open(Screen::LibraryRecord);
    } else if (request.name == "catalog-edit-record" || request.name == "catalog-edit-problems") {
        // The librarian's editor on a demo record with copies; or a new record whose save failed.
        session.sign_in_librarian();
        session.open(Screen::LibraryDesk);
        auto& editor = session.catalog_editor;
        if (request.name == "catalog-edit-record") {
            const auto hits = session.library.results(kiosk.db, "kopi").hits;
            if (!hits.empty()) editor.load(kiosk.db, hits.front().record_id);
        } else {  // refused before anything is written: no title, a bad year, bad ISBNs
            editor.year.text = "20x5";
            editor.isbns.text = "0-439-02348-4, 4006381333931";
            editor.save(kiosk.db, 2026);
        }
        session.open(Screen::CatalogEdit);
    } else if (prepare_aspiration_screenshot(session, request.name)) {
        // the form at one of its steps, filled with demo text
    } else if (prepare_sync_screenshot(kiosk, app.sync(), session, request.name, clock.unix_seconds())) {
        // the sync screen enrolled, mid-cycle, or after a refused code (sample values)
    } else if (prepare_follow_up_screenshot(request.name, session, clock.now)) {
        // the track timeline and the evaluation's states (screens/follow_up_states.cpp)
    } else if (prepare_lesson_screenshot(request.name, kiosk, session)) {
        // the lesson player, the quiz's question types and result, the learner card
    } else if (prepare_queue_screenshot(request.name, session, clock)) {
        // the queue's steps and the check screen's answers (app/queue_screenshots.cpp)
    } else {
        const Screen screen = *session::screen_from_name(request.name);
        if (session::needs_librarian(screen)) session.sign_in_librarian();  // the desk, as a librarian sees it
        session.open(screen);
    }
    for (int frame = 0; frame < 10 && app.needs_frame(); ++frame) app.render_frame();
    if (app.frames_drawn() == 0) app.render_frame();

    ScreenshotResult result;
    result.coverage = non_background_fraction(*display);
    result.overflows = app.frame_log().overflows;
    // Two tap targets on top of each other: a finger cannot tell them apart.
    const auto& targets = app.frame_log().targets;
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            const auto &a = targets[i], &b = targets[j];
            if (a.container || b.container || !a.visible || !b.visible) continue;
            const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (w > 1 && h > 1)
                result.overflows.push_back({a.id + " overlaps " + b.id, a.label + " / " + b.label, {w, h}, {0, 0}});
        }
    // A raw id on screen (a dotted lower-case name) means a string is missing from the catalogue.
    static const std::regex raw_id(R"(^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)+$)");
    for (const auto& t : app.frame_log().texts)
        if (std::regex_match(t.text, raw_id)) result.missing_texts.push_back(t.text);
    if (png_out) save_png(*display, *png_out);
    return result;
}

}  // namespace desa::kiosk
