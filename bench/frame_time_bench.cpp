// Frame-time benchmark: the real KioskApp drawing into a headless 1280x800 surface with SDL's
// software renderer, timed per screen with std::chrono::steady_clock. A second part replays the
// kiosk's event loop on a manual clock to count the frames an idle kiosk draws in 30 s, next to
// the naive loop that redraws at 60 fps. See docs/benchmarks.md.
//
//   desa_frame_bench [--frames N] [--warmup N] [--size WxH]
//
// Needs no display (SDL_VIDEODRIVER=dummy is set unless the environment says otherwise); finds the
// assets like the kiosk does ($DESA_ASSETS_DIR, else the source tree).
#include <SDL.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>

#include "app/headless.hpp"
#include "app/kiosk_app.hpp"
#include "app/kiosk_context.hpp"
#include "core/clock.hpp"
#include "core/paths.hpp"
#include "platform/display.hpp"
#include "session/kiosk_session.hpp"

namespace {

using namespace desa;
using namespace desa::kiosk;
using session::Screen;
using Steady = std::chrono::steady_clock;

constexpr Millis kFrameStep{16};

// CPU time of this thread: unlike wall time, not inflated when other processes share the cores.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}  // the manual clock moves one 60 Hz frame per rendered frame

struct Options {
    int frames = 300;
    int warmup = 10;
    ScreenSize size{1280, 800};
};

// Removes the temporary data directory however the benchmark ends.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "desa-bench-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

struct Stats {
    double median = 0, p95 = 0, max = 0, mean = 0;
};

Stats summarise(std::vector<double> ms) {
    Stats s;
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    s.median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    const auto p95_rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(n)));
    s.p95 = ms[std::clamp<std::size_t>(p95_rank, 1, n) - 1];
    s.max = ms.back();
    double sum = 0;
    for (double v : ms) sum += v;
    s.mean = sum / static_cast<double>(n);
    return s;
}

struct Scenario {
    const char* name;
    Screen screen;                         // where enter() leads
    std::function<void(KioskApp&)> enter;  // puts the session in the state to measure
};

std::vector<Scenario> scenarios() {
    return {
        {"home", Screen::Home, [](KioskApp& app) { app.session().open(Screen::Home); }},
        {"library-keyboard", Screen::Library,
         [](KioskApp& app) {
             // Like `screenshot --screen library-keyboard`: search focused, keyboard open, text typed.
             auto& s = app.session();
             s.open(Screen::Library);
             s.focus(&s.forms.library_search);
             s.forms.library_search.insert("Bertani organik");
         }},
        {"attract", Screen::Attract, [](KioskApp& app) { app.session().open(Screen::Attract); }},
        {"admin-settings", Screen::AdminSettings, [](KioskApp& app) { app.session().open(Screen::AdminSettings); }},
    };
}

// Part 1: wall time of render_frame(), N frames per screen, the clock moving 16 ms per frame.
void time_frames(KioskApp& app, const Display& display, ManualClock& clock, const Options& opt) {
    std::printf("frame time, %dx%d headless (SDL software renderer), %d frames per screen after %d warm-up\n",
                opt.size.width, opt.size.height, opt.frames, opt.warmup);
    std::printf("%-18s %10s %10s %10s %10s %14s\n", "screen", "median_ms", "p95_ms", "max_ms", "mean_ms",
                "cpu_median_ms");
    for (const auto& sc : scenarios()) {
        sc.enter(app);
        for (int i = 0; i < opt.warmup; ++i) {  // first frames build fonts and settle the layout
            clock.advance(kFrameStep);
            app.render_frame();
        }
        std::vector<double> ms, cpu_ms;
        ms.reserve(static_cast<std::size_t>(opt.frames));
        cpu_ms.reserve(static_cast<std::size_t>(opt.frames));
        for (int i = 0; i < opt.frames; ++i) {
            clock.advance(kFrameStep);
            const double c0 = thread_cpu_ms();
            const auto t0 = Steady::now();
            app.render_frame();
            const auto t1 = Steady::now();
            cpu_ms.push_back(thread_cpu_ms() - c0);
            ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        }
        // A blank frame would be a fast frame: make sure the screen was really drawn.
        if (app.session().screen() != sc.screen || non_background_fraction(display) < 0.01)
            throw std::runtime_error(std::string("screen '") + sc.name + "' was not drawn as expected");
        const Stats s = summarise(ms);
        const Stats cpu = summarise(cpu_ms);
        std::printf("%-18s %10.3f %10.3f %10.3f %10.3f %14.3f\n", sc.name, s.median, s.p95, s.max, s.mean,
                    cpu.median);
        std::printf("frame-ms %s median %.3f p95 %.3f max %.3f cpu_median %.3f\n", sc.name, s.median, s.p95,
                    s.max, cpu.median);
    }
}

// Part 2: the kiosk's own loop (kiosk/app/main.cpp run_kiosk) replayed on the manual clock with no
// input: sleep for sleep_budget() (capped at 60 s like the real loop), update(), draw if
// needs_frame(). Counts frames and wake-ups in `window`, after `lead_in` of settling.
struct LoopCount {
    std::int64_t frames = 0, wakeups = 0;
    bool spinning = false;  // a zero sleep budget with nothing to draw: a busy loop
};

LoopCount replay_idle_loop(KioskApp& app, ManualClock& clock, Millis lead_in, Millis window) {
    const auto run_until = [&](Millis end, LoopCount* count) {
        std::int64_t zero_sleeps_in_a_row = 0;
        while (clock.now < end) {
            const auto budget = app.sleep_budget();
            const Millis sleep = budget ? std::min(*budget, Millis{60'000}) : end - clock.now;
            clock.now = std::min(end, clock.now + sleep);
            app.update();
            const bool draw = app.needs_frame();
            if (draw) app.render_frame();
            if (count != nullptr) {
                ++count->wakeups;
                if (draw) ++count->frames;
            }
            zero_sleeps_in_a_row = sleep.count() == 0 && !draw ? zero_sleeps_in_a_row + 1 : 0;
            if (zero_sleeps_in_a_row > 1000) {  // time would never move: stop and report it
                if (count != nullptr) count->spinning = true;
                clock.now = end;
            }
        }
    };
    run_until(clock.now + lead_in, nullptr);
    LoopCount count;
    run_until(clock.now + window, &count);
    return count;
}

void count_idle_frames(KioskContext& ctx, const Options& opt) {
    constexpr Millis kWindow{30'000};
    constexpr double kNaiveFps = 60.0;  // --redraw-always: a frame every 16 ms, whatever happens
    const auto naive = static_cast<std::int64_t>(kNaiveFps * 30);
    std::printf("\nidle loop replay on a manual clock: frames drawn in a %lld s window, no input\n",
                static_cast<long long>(kWindow.count() / 1000));
    std::printf("%-34s %8s %8s %12s %8s\n", "situation", "frames", "wakeups", "naive_frames", "ratio");
    struct Case {
        const char* name;
        bool attract;
        Millis lead_in;
    };
    const Case cases[] = {
        // The idle-CPU benchmark's window: 3 s after start, 30 s long, on the home screen.
        {"home, 3..33 s after start", false, Millis{3'000}},
        // Attract screen (entered directly), after 3 s on it.
        {"attract, running text", true, Millis{3'000}},
    };
    for (const auto& c : cases) {
        ManualClock clock;
        auto display = open_headless(opt.size.width, opt.size.height);
        KioskApp app(ctx, *display, clock, AppOptions{});
        if (c.attract) {
            app.session().open(Screen::Attract);
            app.update();
            app.render_frame();  // a screen change asks for frames; the real app gets there via tick()
        }
        const LoopCount n = replay_idle_loop(app, clock, c.lead_in, kWindow);
        const double ratio = n.frames > 0 ? static_cast<double>(naive) / static_cast<double>(n.frames) : 0.0;
        std::printf("%-34s %8lld %8lld %12lld %8s%s\n", c.name, static_cast<long long>(n.frames),
                    static_cast<long long>(n.wakeups), static_cast<long long>(naive),
                    n.frames > 0 ? (std::to_string(static_cast<long long>(std::lround(ratio))) + "x").c_str()
                                 : "inf",
                    n.spinning ? "  BUSY LOOP: sleep budget 0 with nothing to draw" : "");
        std::printf("idle-frames %s frames %lld wakeups %lld naive %lld\n", c.attract ? "attract" : "home",
                    static_cast<long long>(n.frames), static_cast<long long>(n.wakeups),
                    static_cast<long long>(naive));
    }
}

bool parse_args(int argc, char** argv, Options& opt) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool has_value = i + 1 < argc;
        if (arg == "--frames" && has_value) {
            opt.frames = std::atoi(argv[++i]);
        } else if (arg == "--warmup" && has_value) {
            opt.warmup = std::atoi(argv[++i]);
        } else if (arg == "--size" && has_value) {
            const auto size = parse_size(argv[++i]);
            if (!size) return false;
            opt.size = *size;
        } else {
            return false;
        }
    }
    return opt.frames > 0 && opt.warmup >= 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (!parse_args(argc, argv, opt)) {
        std::fprintf(stderr, "usage: %s [--frames N] [--warmup N] [--size WxH]\n", argv[0]);
        return 2;
    }
    spdlog::set_level(spdlog::level::warn);  // the default logger writes to stdout: keep it for the figures
    setenv("SDL_VIDEODRIVER", "dummy", 0);  // never needs a real display
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    try {
        TempDir data;
        ManualClock clock;
        // Like the app, but always the demo village: a config in /etc or ~/.config must not
        // change the figures.
        const std::filesystem::path assets = resolve_assets_dir(std::nullopt);
        auto ctx = load_kiosk_context(GlobalOptions{assets / "demo/kiosk.toml", data.path, assets, std::nullopt});
        {
            auto display = open_headless(opt.size.width, opt.size.height);
            KioskApp app(*ctx, *display, clock, AppOptions{});
            time_frames(app, *display, clock, opt);
        }
        count_idle_frames(*ctx, opt);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "desa_frame_bench: %s\n", e.what());
        return 1;
    }
    SDL_Quit();
    return 0;
}
