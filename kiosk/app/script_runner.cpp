#include "app/script_runner.hpp"

#include <SDL.h>

#include <charconv>
#include <csignal>
#include <map>
#include <sstream>

#include "queue/ticket_queue.hpp"

#include <chrono>
#include <thread>

namespace desa::kiosk {
namespace {

// Steps and how many arguments each takes (min, max).
const std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> kArity{
    {"tap", {1, 1}}, {"tap-at", {2, 2}}, {"type", {1, 1}}, {"drag", {2, 2}}, {"key", {1, 1}},
    {"advance", {1, 1}}, {"expect", {1, 2}}, {"screenshot", {1, 1}}, {"kill-9", {0, 0}},
    {"clock", {1, 1}},   {"counter", {2, 2}}, {"swipe", {1, 1}}};

// Splits a line into words; "double quoted" words may hold spaces and \" escapes.
bool tokenize(std::string_view line, std::vector<std::string>& out, std::string& error) {
    std::size_t i = 0;
    while (i < line.size()) {
        if (line[i] == ' ' || line[i] == '\t') { ++i; continue; }
        std::string word;
        if (line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '\\' && i + 1 < line.size()) { word += line[i + 1]; i += 2; continue; }
                if (line[i] == '"') { closed = true; ++i; break; }
                word += line[i++];
            }
            if (!closed) { error = "unterminated quote"; return false; }
        } else {
            while (i < line.size() && line[i] != ' ' && line[i] != '\t') word += line[i++];
        }
        out.push_back(std::move(word));
    }
    return true;
}

std::optional<Millis> parse_duration(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || value < 0) return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    if (unit == "ms") return Millis{value};
    if (unit == "s") return Millis{value * 1000};
    if (unit == "m") return Millis{value * 60'000};
    return std::nullopt;
}

class Runner {
public:
    Runner(KioskContext& kiosk, const ScriptOptions& options)
        : kiosk_(kiosk), options_(options), display_(open_headless(options.size.width, options.size.height)),
          app_(kiosk, *display_, clock_, AppOptions{true, options.fonts}) {
        settle();
    }

    // Returns an empty string on success, else what went wrong.
    std::string run(const ScriptStep& step) {
        const auto& a = step.args;
        if (step.verb == "tap") return tap(a[0]);
        if (step.verb == "tap-at") return tap_at(a[0], a[1]);
        if (step.verb == "type") return type(a[0]);
        if (step.verb == "drag") return drag(a[0], a[1]);
        if (step.verb == "swipe") return swipe(a[0]);
        if (step.verb == "key") return key(a[0]);
        if (step.verb == "advance") {
            const auto by = parse_duration(a[0]);
            if (!by) return "advance takes a duration such as 500ms, 90s or 2m, not '" + a[0] + "'";
            clock_.advance(*by);
            app_.update();
            settle();
            return {};
        }
        if (step.verb == "clock") return set_clock(a[0]);
        if (step.verb == "counter") return counter(a[0], a[1]);
        if (step.verb == "kill-9") {
            // A power cut or a crash at this instant: no destructor, no flush, no atexit.
            std::raise(SIGKILL);
            return "SIGKILL did not end the process";
        }
        if (step.verb == "screenshot") {
            if (options_.screenshots_dir) save_png(*display_, *options_.screenshots_dir / (a[0] + ".png"));
            return {};
        }
        return expect(a);
    }

private:
    void settle() {
        for (int i = 0; i < 30 && app_.needs_frame(); ++i) app_.render_frame();
    }

    std::string find(const std::string& what, ImVec2& centre) {
        const FrameLog& log = app_.frame_log();
        const TapTarget* t = what.starts_with('#') ? log.find_by_id(what.substr(1)) : log.find_by_label(what);
        if (t == nullptr) {
            std::string known;
            for (const auto& target : log.targets)
                if (target.visible) known += " '" + target.label + "' (#" + target.id + ")";
            return "no target '" + what + "' on screen '" + std::string(session::screen_name(app_.session().screen())) +
                   "'; targets:" + known;
        }
        if (!t->visible) return "target '" + what + "' is scrolled out of view";
        centre = ImVec2((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f);
        return {};
    }

    void finger(Uint32 type, ImVec2 at, float dy = 0) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = 0;
        e.tfinger.x = at.x / static_cast<float>(display_->width);
        e.tfinger.y = at.y / static_cast<float>(display_->height);
        e.tfinger.dy = dy / static_cast<float>(display_->height);
        e.tfinger.pressure = 1;
        app_.handle_event(e);
    }

    std::string tap(const std::string& what) {
        ImVec2 c;
        if (auto error = find(what, c); !error.empty()) return error;
        // Down and up arrive together, as a quick real tap does between two frames.
        finger(SDL_FINGERDOWN, c);
        clock_.advance(Millis{80});
        finger(SDL_FINGERUP, c);
        settle();
        return {};
    }

    // A touch at a screen position, whatever is there (e.g. to wake the attract screen).
    std::string tap_at(const std::string& x_text, const std::string& y_text) {
        float x = 0, y = 0;
        const auto px = std::from_chars(x_text.data(), x_text.data() + x_text.size(), x);
        const auto py = std::from_chars(y_text.data(), y_text.data() + y_text.size(), y);
        if (px.ec != std::errc{} || py.ec != std::errc{} || x < 0 || y < 0 ||
            x >= static_cast<float>(display_->width) || y >= static_cast<float>(display_->height))
            return "tap-at takes a position on screen, not '" + x_text + " " + y_text + "'";
        finger(SDL_FINGERDOWN, ImVec2(x, y));
        clock_.advance(Millis{80});
        finger(SDL_FINGERUP, ImVec2(x, y));
        settle();
        return {};
    }

    std::string type(const std::string& text) {
        for (char ch : text) {
            auto* field = app_.session().focused();
            if (field == nullptr) return "no text field has focus (tap one first)";
            const KeyFor key = key_for_character(field->kind, ch);
            if (key.id.empty()) return std::string("the on-screen keyboard has no key for '") + ch + "'";
            if (key.needs_shift) {
                if (auto error = tap("#osk.shift"); !error.empty()) return error;
            }
            if (auto error = tap("#" + key.id); !error.empty()) return error;
        }
        return {};
    }

    std::string drag(const std::string& what, const std::string& distance) {
        ImVec2 c;
        if (auto error = find(what, c); !error.empty()) return error;
        float dy = 0;
        const auto [end, ec] = std::from_chars(distance.data(), distance.data() + distance.size(), dy);
        if (ec != std::errc{} || end != distance.data() + distance.size()) return "drag takes a pixel distance, not '" + distance + "'";
        finger(SDL_FINGERDOWN, c);
        settle();
        constexpr int kSteps = 10;  // a finger moves through several frames
        for (int i = 1; i <= kSteps; ++i) {
            clock_.advance(Millis{16});
            finger(SDL_FINGERMOTION, ImVec2(c.x, c.y + dy * static_cast<float>(i) / kSteps), dy / kSteps);
            settle();
        }
        finger(SDL_FINGERUP, ImVec2(c.x, c.y + dy));
        settle();
        return {};
    }

    // A finger across the middle of the screen, sideways: "left" moves right to left (a page turn).
    std::string swipe(const std::string& direction) {
        if (direction != "left" && direction != "right") return "swipe takes left or right, not '" + direction + "'";
        const float w = static_cast<float>(display_->width), y = static_cast<float>(display_->height) * 0.55f;
        const float from = direction == "left" ? w * 0.75f : w * 0.25f, to = direction == "left" ? w * 0.25f : w * 0.75f;
        finger(SDL_FINGERDOWN, ImVec2(from, y));
        settle();
        constexpr int kSteps = 10;
        for (int i = 1; i <= kSteps; ++i) {
            clock_.advance(Millis{16});
            finger(SDL_FINGERMOTION, ImVec2(from + (to - from) * static_cast<float>(i) / kSteps, y));
            settle();
        }
        finger(SDL_FINGERUP, ImVec2(to, y));
        settle();
        return {};
    }

    // Waits (real time: espeak-ng synthesises on the reader's thread) until the lesson reader has
    // handed speech to the sound device.
    std::string spoken() {
        for (int i = 0; i < 200; ++i) {
            if (app_.reader().requests_played() > 0 && app_.reader().spoken_seconds() > 0.5) return {};
            if (!app_.reader().last_error().empty() && app_.reader().requests_played() == 0)
                return "no speech: " + app_.reader().last_error();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return "nothing was read aloud within 10 s";
    }

    std::string key(const std::string& name) {
        SDL_Event e{};
        if (name == "close") {
            e.type = SDL_QUIT;
        } else {
            e.type = SDL_KEYDOWN;
            if (name == "escape") e.key.keysym.sym = SDLK_ESCAPE;
            else if (name == "alt+f4") { e.key.keysym.sym = SDLK_F4; e.key.keysym.mod = KMOD_LALT; }
            else if (name == "backspace") e.key.keysym.sym = SDLK_BACKSPACE;
            else if (name == "enter") e.key.keysym.sym = SDLK_RETURN;
            else return "unknown key '" + name + "' (escape, alt+f4, close, backspace, enter)";
        }
        app_.handle_event(e);
        if (name == "alt+f4") {  // the window manager answers Alt+F4 with a quit request
            SDL_Event quit{};
            quit.type = SDL_QUIT;
            app_.handle_event(quit);
        }
        settle();
        return {};
    }

    std::string expect(const std::vector<std::string>& a) {
        const FrameLog& log = app_.frame_log();
        const std::string_view screen = session::screen_name(app_.session().screen());
        const std::string arg = a.size() > 1 ? a[1] : "";
        const bool keyboard = log.find_by_id("osk.done") != nullptr;
        if (a[0] == "screen") return screen == arg ? "" : "expected screen '" + arg + "' but it is '" + std::string(screen) + "'";
        if (a[0] == "text") {
            if (log.shows_text(arg)) return {};
            std::string shown;
            for (const auto& t : log.texts) shown += "\n    '" + t.text + "'";
            return "expected text '" + arg + "' on screen '" + std::string(screen) + "'; texts:" + shown;
        }
        if (a[0] == "no-text") return !log.shows_text(arg) ? "" : "text '" + arg + "' is still on screen";
        if (a[0] == "visible") return log.shows_text(arg, true) ? "" : "text '" + arg + "' is not in view";
        if (a[0] == "hidden") return !log.shows_text(arg, true) ? "" : "text '" + arg + "' is in view";
        if (a[0] == "keyboard") return keyboard ? "" : "the on-screen keyboard is not shown";
        if (a[0] == "no-keyboard") return !keyboard ? "" : "the on-screen keyboard is shown";
        if (a[0] == "spoken") return spoken();
        if (a[0] == "running") return !app_.quit_requested() ? "" : "the kiosk has quit";
        if (a[0] == "quit") return app_.quit_requested() ? "" : "the kiosk is still running";
        if (a[0] == "database-ok") return database_ok();
        return "unknown expectation '" + a[0] + "'";
    }

    std::string set_clock(const std::string& text) {
        std::int64_t wall = 0;
        if (text == "now") {
            wall = SystemClock{}.unix_seconds();
        } else {
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), wall);
            if (ec != std::errc{} || end != text.data() + text.size() || wall < 0)
                return "clock takes unix seconds or 'now', not '" + text + "'";
        }
        clock_.wall_seconds = wall - std::chrono::duration_cast<std::chrono::seconds>(clock_.now).count();
        app_.update();
        settle();
        return {};
    }

    // The counter staff's side of the queue, for resident flows that need a ticket served.
    std::string counter(const std::string& action, const std::string& number_text) {
        int number = 0;
        const auto [end, ec] = std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
        if (ec != std::errc{} || end != number_text.data() + number_text.size() || number < 1)
            return "counter takes a counter number, not '" + number_text + "'";
        queue::TicketQueue q(kiosk_.db, kiosk_.config.queue, clock_);
        queue::ActionResult r;
        const auto last = called_.find(number);
        if (action == "call") {
            r = q.call_next(number);
            if (!r.ticket && !r.refusal) return "nobody is waiting for counter " + number_text;
        } else if (last == called_.end()) {
            return "counter " + number_text + " has not called a ticket";
        } else if (action == "serve") {
            r = q.start_serving(last->second, number);
        } else if (action == "finish") {
            r = q.finish(last->second, number);
        } else if (action == "no-show") {
            r = q.no_show(last->second, number);
        } else if (action == "recall") {
            r = q.recall(last->second, number);
        } else {
            return "unknown counter action '" + action + "' (call, serve, finish, no-show, recall)";
        }
        if (r.refusal) return "counter " + number_text + " " + action + " refused: " + std::string(queue::refusal_name(*r.refusal));
        called_[number] = r.ticket->id;
        app_.update();
        settle();
        return {};
    }

    // PRAGMA integrity_check of kiosk.db through the kiosk's own connection (every table and index).
    std::string database_ok() {
        auto check = kiosk_.db.prepare("PRAGMA integrity_check");
        std::string findings;
        while (check.step()) findings += (findings.empty() ? "" : "; ") + check.column_text(0);
        return findings == "ok" ? "" : "kiosk.db integrity_check: " + findings;
    }

    KioskContext& kiosk_;
    const ScriptOptions& options_;
    ManualClock clock_;
    std::map<int, std::int64_t> called_;  // counter -> the ticket it called last
    std::unique_ptr<Display> display_;
    KioskApp app_;
};

}  // namespace

ScriptParse parse_script(std::string_view text) {
    ScriptParse parse;
    std::istringstream in{std::string(text)};
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        std::vector<std::string> words;
        std::string error;
        if (!tokenize(line, words, error)) {
            parse.errors.push_back("line " + std::to_string(number) + ": " + error);
            continue;
        }
        const auto arity = kArity.find(words[0]);
        if (arity == kArity.end()) {
            parse.errors.push_back("line " + std::to_string(number) + ": unknown step '" + words[0] + "'");
            continue;
        }
        const std::size_t n = words.size() - 1;
        if (n < arity->second.first || n > arity->second.second) {
            parse.errors.push_back("line " + std::to_string(number) + ": '" + words[0] + "' takes " +
                                   std::to_string(arity->second.first) + ".." + std::to_string(arity->second.second) +
                                   " arguments, got " + std::to_string(n));
            continue;
        }
        parse.steps.push_back({number, words[0], {words.begin() + 1, words.end()}});
    }
    return parse;
}

ScriptResult run_script(KioskContext& kiosk, const std::vector<ScriptStep>& steps, const ScriptOptions& options) {
    Runner runner(kiosk, options);
    ScriptResult result;
    for (const auto& step : steps) {
        const std::string error = runner.run(step);
        if (!error.empty()) {
            result.failure = "line " + std::to_string(step.line) + ": " + step.verb + ": " + error;
            return result;
        }
        ++result.steps_run;
    }
    result.passed = true;
    return result;
}

}  // namespace desa::kiosk
