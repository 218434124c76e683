// desa-kiosk: the village-hall kiosk, its headless screenshot tool and its UI script runner.
#include <SDL.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <csignal>
#include <ctime>
#include <iterator>
#include <unistd.h>

#include "app/aspiration_commands.hpp"
#include "app/catalog_commands.hpp"
#include "app/headless.hpp"
#include "app/queue_commands.hpp"
#include "app/scan_command.hpp"
#include "app/sync_commands.hpp"
#include "core/process_uptime.hpp"
#include "app/kiosk_app.hpp"
#include "app/lesson_commands.hpp"
#include "board/board_commands.hpp"
#include "app/script_runner.hpp"
#include "catalog/search.hpp"
#include "console/console_command.hpp"
#include "security/admin_pin.hpp"

namespace {

using namespace desa;
using namespace desa::kiosk;

constexpr int kExitBadInput = 2;  // bad config, bad arguments, unreadable database

// SIGTERM/SIGINT (systemctl stop, Ctrl+C) must end the kiosk even in lock-down, where the window
// manager's quit request is ignored. SDL's own handler would turn them into that same quit
// request, so we install ours: it records the signal and wakes the event loop.
volatile std::sig_atomic_t g_terminate = 0;

extern "C" void on_terminate_signal(int) {
    g_terminate = 1;
    SDL_Event wake{};
    wake.type = SDL_QUIT;
    SDL_PushEvent(&wake);  // what SDL's own signal handler does too
}

void install_signal_handlers() {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    struct sigaction action {};
    action.sa_handler = on_terminate_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}


struct RunOptions {
    bool windowed = false;
    bool lockdown = true;
    bool exit_after_first_frame = false;  // benchmark: report start-up time and leave
    bool redraw_always = false;           // benchmark only: the naive 60 fps loop, for comparison
};

int run_kiosk(KioskContext& ctx, ScreenSize size, const RunOptions& run) {
    install_signal_handlers();
    auto display = open_window(WindowOptions{!run.windowed, size.width, size.height, "Desa Cerdas"});
    SystemClock clock;
    KioskApp app(ctx, *display, clock, AppOptions{run.lockdown, {}, /*sync_worker=*/true});
    const auto counter_console = console::start_kiosk_console(ctx, clock);  // [console]: LAN page for the counters
    spdlog::info("kiosk started: village {}, {}x{}, lockdown {}", ctx.config.village_code, display->width,
                 display->height, run.lockdown ? "on" : "off");
    if (run.exit_after_first_frame) {
        app.render_frame();
        std::cout << "first-frame-ms " << ms_since_process_start() << "\n";
        return 0;
    }
    // The first frame is on screen; now load the typo vocabulary so the first misspelt search
    // does not pay for it (0.1-0.2 s at 100k titles).
    app.render_frame();
    catalog::warm_up_search(ctx.db);
    while (run.redraw_always && !app.quit_requested() && !g_terminate) {
        SDL_Event event;
        while (SDL_PollEvent(&event)) app.handle_event(event);
        app.update();
        app.render_frame();
        SDL_Delay(16);
    }
    while (!app.quit_requested() && !g_terminate) {
        // Sleep until an event or the next deadline (idle rules, animation): no busy loop.
        SDL_Event event;
        const auto budget = app.sleep_budget();
        const int timeout = budget ? static_cast<int>(std::min<std::int64_t>(budget->count(), 60'000)) : -1;
        if (timeout == 0 ? SDL_PollEvent(&event) : SDL_WaitEventTimeout(&event, timeout)) {
            app.handle_event(event);
            while (SDL_PollEvent(&event)) app.handle_event(event);
        }
        app.update();
        if (app.needs_frame()) app.render_frame();
    }
    spdlog::info(g_terminate ? "kiosk stopped by a signal" : "kiosk closed by the operator");
    return 0;
}

int screenshot(KioskContext& ctx, const ScreenshotRequest& request, const std::string& out) {
    const auto result = render_screenshot(ctx, request, {}, std::filesystem::path(out));
    for (const auto& o : result.overflows)
        std::cerr << "overflow: " << o.id << " needs " << o.needed.x << "x" << o.needed.y << ", has "
                  << o.available.x << "x" << o.available.y << ": " << o.text << "\n";
    for (const auto& m : result.missing_texts) std::cerr << "untranslated: " << m << "\n";
    std::cout << out << " (" << request.size.width << "x" << request.size.height << ", "
              << static_cast<int>(result.coverage * 100) << "% drawn)\n";
    return result.coverage > 0.01 && result.overflows.empty() && result.missing_texts.empty() ? 0 : 1;
}

int run_script_file(KioskContext& ctx, const std::string& file, ScreenSize size, const std::string& shots) {
    std::ifstream in(file);
    if (!in) {
        std::cerr << "cannot read script " << file << "\n";
        return kExitBadInput;
    }
    std::stringstream text;
    text << in.rdbuf();
    const auto parse = parse_script(text.str());
    for (const auto& e : parse.errors) std::cerr << file << ": " << e << "\n";
    if (!parse.errors.empty()) return kExitBadInput;
    ScriptOptions options{size, shots.empty() ? std::nullopt : std::optional<std::filesystem::path>(shots), {}};
    const auto result = run_script(ctx, parse.steps, options);
    if (!result.passed) {
        std::cerr << file << ": FAILED at " << result.failure << "\n";
        return 1;
    }
    std::cout << file << ": passed (" << result.steps_run << " steps)\n";
    return 0;
}

// Start-up errors are for the operator at the console: Indonesian unless their locale is English.
i18n::Language operator_language() {
    for (const char* var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(var);
        if (value == nullptr || *value == '\0') continue;
        return std::string_view(value).starts_with("en") ? i18n::Language::English : i18n::Language::Indonesian;
    }
    return i18n::Language::Indonesian;
}

int hash_pin_from_stdin() {
    std::string pin;
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    switch (security::check_new_pin(pin)) {
        case security::PinRule::Ok: break;
        case security::PinRule::TooShort: std::cerr << "PIN terlalu pendek (minimal 6 angka) / PIN too short (at least 6 digits)\n"; return kExitBadInput;
        case security::PinRule::TooLong: std::cerr << "PIN terlalu panjang (maksimal 12 angka) / PIN too long (at most 12 digits)\n"; return kExitBadInput;
        case security::PinRule::NotDigits: std::cerr << "PIN hanya boleh berisi angka / PIN must be digits only\n"; return kExitBadInput;
        case security::PinRule::Trivial: std::cerr << "PIN terlalu mudah ditebak / PIN too easy to guess\n"; return kExitBadInput;
    }
    std::cout << security::hash_pin(pin) << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Desa Cerdas kiosk for the village hall"};
    cli.set_version_flag("--version", std::string("desa-kiosk ") + DESA_VERSION);
    cli.fallthrough();  // global options may follow a subcommand
    GlobalOptions global;
    std::string config, data_dir, assets_dir;
    cli.add_option("--config", config, "kiosk.toml to use (default: search, then the demo village)");
    cli.add_option("--data-dir", data_dir, "where the kiosk keeps its databases");
    cli.add_option("--assets-dir", assets_dir, "translations, region codes and demo content");
    std::string camera_dir;
    cli.add_option("--camera", camera_dir, "folder the camera's pictures arrive in (scan buttons)");

    RunOptions run;
    bool no_lockdown = false;
    std::string size_text = "1280x800";
    cli.add_flag("--windowed", run.windowed, "a window instead of full screen (development)");
    cli.add_option("--size", size_text, "window or screenshot size, WxH");
    cli.add_flag("--no-lockdown", no_lockdown, "let Esc and window close quit (development)");
    cli.add_flag("--exit-after-first-frame", run.exit_after_first_frame, "benchmark: print start-up time, exit");
    cli.add_flag("--redraw-always", run.redraw_always, "benchmark: redraw at 60 fps like a naive loop");
    std::string role = "kiosk";
    cli.add_option("--role", role, "kiosk (touch screen) or display (the queue board on a TV)")
        ->check(CLI::IsMember({"kiosk", "display"}));

    auto* shot = cli.add_subcommand("screenshot", "render a screen offscreen to PNG");
    std::string shot_screen = "home", shot_out, shot_lang = "id";
    bool shot_list = false, shot_large = false, shot_contrast = false;
    shot->add_option("--screen", shot_screen, "screen name (see --list)");
    shot->add_option("--out", shot_out, "PNG file to write");
    shot->add_option("--lang", shot_lang, "id or en");
    shot->add_flag("--list", shot_list, "list the screen names");
    shot->add_flag("--large-text", shot_large, "accessibility: larger text");
    shot->add_flag("--high-contrast", shot_contrast, "accessibility: high contrast");

    auto* script = cli.add_subcommand("run-script", "drive the UI headless from a script");
    std::string script_file, script_shots;
    script->add_option("FILE", script_file, "the script")->required();
    script->add_option("--screenshots", script_shots, "folder for the script's screenshot steps");

    auto* hash = cli.add_subcommand("hash-pin", "read a new admin PIN on stdin, print its Argon2id hash");
    auto* check = cli.add_subcommand("check-config", "validate the configuration and exit");
    auto* scan = cli.add_subcommand("scan", "decode barcodes/QR codes in image files (JSON lines)");
    std::vector<std::string> scan_images;
    scan->add_option("IMAGE", scan_images, "image files")->required();
    const auto run_catalog = add_catalog_commands(cli);
    auto* catalog = cli.get_subcommand("catalog");
    const auto run_aspirations = add_aspiration_commands(cli);
    auto* aspirations = cli.get_subcommand("aspirations");
    const auto run_queue = add_queue_commands(cli);
    auto* queue_cmd = cli.get_subcommand("queue");
    const auto run_sync = add_sync_commands(cli);
    const auto run_console = console::add_console_command(cli);
    const auto run_board = add_board_commands(cli);
    const auto run_lessons = add_lesson_commands(cli);

    CLI11_PARSE(cli, argc, argv);
    if (!config.empty()) global.config_file = config;
    if (!data_dir.empty()) global.data_dir = data_dir;
    if (!assets_dir.empty()) global.assets_dir = assets_dir;
    if (!camera_dir.empty()) global.camera_folder = camera_dir;
    spdlog::set_default_logger(spdlog::stderr_color_mt("desa-kiosk"));

    if (*hash) return hash_pin_from_stdin();
    if (*scan) return run_scan(scan_images, global);
    if (*shot && shot_list) {
        for (const auto& name : screenshot_names()) std::cout << name << "\n";
        return 0;
    }
    const auto size = parse_size(size_text);
    if (!size) {
        std::cerr << "--size: '" << size_text << "' is not WxH between 200 and 8192 (e.g. 1280x800)\n";
        return kExitBadInput;
    }

    std::unique_ptr<KioskContext> ctx;
    try {
        ctx = load_kiosk_context(global, operator_language());
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return kExitBadInput;
    }
    if (*check) {
        std::cout << ctx->config_file.string() << ": OK (" << ctx->config.village_code << " " << ctx->village_name << ")\n";
        return 0;
    }
    try {
        if (catalog->parsed()) return run_catalog(*ctx);
        if (aspirations->parsed()) return run_aspirations(*ctx);
        if (queue_cmd->parsed()) return run_queue(*ctx);
        if (const int rc = run_sync(*ctx); rc != -1) return rc;
        if (const int rc = run_console(*ctx); rc != -1) return rc;
        if (const int rc = run_board(*ctx); rc != -1) return rc;
        if (const int rc = run_lessons(*ctx); rc != -1) return rc;
        if (*shot) {
            const auto lang = i18n::language_from_code(shot_lang);
            if (!lang || shot_out.empty()) {
                std::cerr << "screenshot needs --out FILE.png and --lang id|en\n";
                return kExitBadInput;
            }
            return screenshot(*ctx, {shot_screen, *size, *lang, shot_large, shot_contrast}, shot_out);
        }
        if (*script) return run_script_file(*ctx, script_file, *size, script_shots);
        run.lockdown = !no_lockdown;
        if (role == "display") {
            install_signal_handlers();
            return run_display_board(*ctx, {size->width, size->height, run.windowed, run.lockdown, [] { return g_terminate != 0; }});
        }
        return run_kiosk(*ctx, *size, run);
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}
