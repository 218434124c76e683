#pragma once
// `desa-kiosk board say NUMBER COUNTER [--wav FILE]`: the call as the board would sound it, played
// or written to a WAV file for a person to listen to; and the display role's run loop
// (`desa-kiosk --role display`).
#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <string>

#include "app/kiosk_context.hpp"

namespace desa::kiosk {

// Registers `board`; the returned function runs it when given and returns -1 otherwise.
std::function<int(KioskContext&)> add_board_commands(CLI::App& cli);

struct BoardSayArgs {
    std::string number;  // "A012"
    int counter = 0;
    std::string wav;     // write here instead of playing
    bool no_speech = false, no_chime = false;
};
// Exit codes: 0 done, 1 no sound device / file not written, 2 a bad number or counter.
int board_say(KioskContext& ctx, const BoardSayArgs& args, std::ostream& out, std::ostream& err);

struct DisplayRunOptions {
    int width = 1920, height = 1080;  // the window's size when not full screen
    bool windowed = false;
    bool lockdown = true;
    std::function<bool()> terminate_requested;  // SIGTERM/SIGINT seen (main's handler)
};
// Opens the window and the sound device and runs the board until quit. Sleeps in
// SDL_WaitEventTimeout between changes: no frame is drawn while nothing changes.
int run_display_board(KioskContext& ctx, const DisplayRunOptions& options);

}  // namespace desa::kiosk
