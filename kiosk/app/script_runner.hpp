#pragma once
// UI scripts: drive the real kiosk headless, step by step, as a resident would. One step a line:
//
//   tap "Perpustakaan"          tap a target by its visible label (or tap #home.tile.library by id)
//   tap-at 320 400              a touch at a screen position, whatever is there
//   type "buku tani"            type through the on-screen keyboard keys (shift for capitals)
//   drag #admin.facts -300      press on a target, move the finger vertically, lift
//   key escape|alt+f4|close|backspace|enter   send a key or window event
//   advance 90s                 move the clock (ms, s or m), then apply the idle rules
//   clock 1764554400 | clock now   set the wall clock (unix seconds, or the system's time)
//   counter call|serve|finish|no-show|recall 1   counter 1's staff act on the queue, as the
//                               counter console would (serve/finish/...: the ticket it called last)
//   expect screen library       the current screen's name
//   expect text "Cari"          some text on screen contains this
//   expect no-text "Cari"       no text on screen contains it
//   expect visible "Versi"      a text containing this is on screen and not scrolled away
//   expect hidden "Versi"       it is shown nowhere in view
//   expect keyboard | expect no-keyboard | expect running
//   expect database-ok          PRAGMA integrity_check of kiosk.db answers "ok"
//   kill-9                      the kiosk kills itself with SIGKILL (a crash or power cut, for tests)
//   screenshot NAME             write NAME.png to the --screenshots folder (if given)
//
// Blank lines and lines starting with # are ignored. The run stops at the first failed step.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/headless.hpp"

namespace desa::kiosk {

struct ScriptStep {
    int line = 0;
    std::string verb;               // "tap", "expect", ...
    std::vector<std::string> args;  // quotes removed
};

struct ScriptParse {
    std::vector<ScriptStep> steps;
    std::vector<std::string> errors;  // "line 3: unknown step 'tapp'"
};
ScriptParse parse_script(std::string_view text);

struct ScriptOptions {
    ScreenSize size;
    std::optional<std::filesystem::path> screenshots_dir;
    FontFiles fonts;
};

struct ScriptResult {
    bool passed = false;
    int steps_run = 0;
    std::string failure;  // "line 7: expected screen 'home' but it is 'library'"
};

ScriptResult run_script(KioskContext& kiosk, const std::vector<ScriptStep>& steps, const ScriptOptions& options);

}  // namespace desa::kiosk
