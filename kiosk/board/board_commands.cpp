#include "board/board_commands.hpp"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <iostream>
#include <sstream>

#include "board/board_app.hpp"
#include "platform/audio_out.hpp"
#include "voice/announcement.hpp"
#include "voice/number_words.hpp"

namespace desa::kiosk {

std::function<int(KioskContext&)> add_board_commands(CLI::App& cli) {
    auto* board = cli.add_subcommand("board", "the queue display board's voice");
    auto* say = board->add_subcommand("say", "sound a call as the board does (chime, then Indonesian speech)");
    auto args = std::make_shared<BoardSayArgs>();
    say->add_option("NUMBER", args->number, "ticket number, e.g. A012")->required();
    say->add_option("COUNTER", args->counter, "counter (loket) number, 1..99")->required();
    say->add_option("--wav", args->wav, "write a WAV file instead of playing");
    say->add_flag("--no-speech", args->no_speech, "the chime alone, as with [board] speech = false");
    say->add_flag("--no-chime", args->no_chime, "the speech alone");
    board->require_subcommand(1);
    return [board, args](KioskContext& ctx) -> int {
        if (!board->parsed()) return -1;
        return board_say(ctx, *args, std::cout, std::cerr);
    };
}

int board_say(KioskContext& ctx, const BoardSayArgs& args, std::ostream& out, std::ostream& err) {
    const auto lang = ctx.config.default_language;
    if (!voice::call_sentence(args.number, args.counter)) {
        err << ctx.catalog.tr(lang, "board.cli.bad_call") << "\n";
        return 2;
    }
    voice::BoardConfig config = ctx.config.board;
    if (args.no_speech) config.speech = false;
    if (args.no_chime) config.chime = false;
    const voice::CallAudio audio = voice::make_call_audio(args.number, args.counter, config);
    out << audio.sentence << "\n";
    if (!audio.speech_error.empty())
        err << ctx.catalog.format(lang, "board.cli.no_speech", {{"error", audio.speech_error}}) << "\n";
    std::ostringstream seconds;
    seconds.precision(2);
    seconds << std::fixed << audio.pcm.seconds();
    if (!args.wav.empty()) {
        try {
            voice::write_wav(args.wav, audio.pcm);
        } catch (const std::exception& e) {
            err << e.what() << "\n";
            return 1;
        }
        out << ctx.catalog.format(lang, "board.cli.wav_written", {{"file", args.wav}, {"seconds", seconds.str()}}) << "\n";
        return 0;
    }
    std::string error;
    const auto device = open_sdl_audio(error);
    if (!device) {
        err << ctx.catalog.format(lang, "board.cli.no_audio", {{"error", error}}) << "\n";
        return 1;
    }
    if (!device->play(audio.pcm)) {
        err << ctx.catalog.format(lang, "board.cli.no_audio", {{"error", SDL_GetError()}}) << "\n";
        return 1;
    }
    // A command-line tool may block: wait until the device has played it all.
    while (device->queued_seconds() > 0) SDL_Delay(50);
    SDL_Delay(200);  // the device's own buffer
    return 0;
}

int run_display_board(KioskContext& ctx, const DisplayRunOptions& options) {
    auto display = open_window(WindowOptions{!options.windowed, options.width, options.height, "Desa Cerdas — Antrian"});
    SDL_ShowCursor(SDL_DISABLE);  // a television: no pointer over the numbers
    std::string audio_error;
    auto audio = open_sdl_audio(audio_error);
    if (!audio)
        spdlog::warn("{}", ctx.catalog.format(ctx.config.default_language, "board.start.no_audio", {{"error", audio_error}}));
    SystemClock clock;
    BoardApp app(ctx, *display, clock, audio.get(), BoardOptions{options.lockdown, {}, true});
    spdlog::info("display board started: {}x{}, speech {}, chime {}", display->width, display->height,
                 ctx.config.board.speech ? "on" : "off", ctx.config.board.chime ? "on" : "off");
    const auto stop = [&] { return app.quit_requested() || (options.terminate_requested && options.terminate_requested()); };
    app.update();
    app.render_frame();
    while (!stop()) {
        SDL_Event event;
        const auto budget = app.sleep_budget();
        const int timeout = budget ? static_cast<int>(std::min<std::int64_t>(budget->count(), 60'000)) : 60'000;
        if (timeout == 0 ? SDL_PollEvent(&event) : SDL_WaitEventTimeout(&event, std::max(1, timeout))) {
            app.handle_event(event);
            while (SDL_PollEvent(&event)) app.handle_event(event);
        }
        app.update();
        if (app.needs_frame()) app.render_frame();
    }
    spdlog::info("display board stopped");
    return 0;
}

}  // namespace desa::kiosk
