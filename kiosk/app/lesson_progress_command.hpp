#pragma once
// `desa-kiosk lessons progress CODE [--json]`: a learner's progress as the hub merged it from every
// kiosk, fetched (lessons/progress_remote.hpp), merged into this kiosk.db and printed with what is
// complete. Offline or not enrolled, the local progress is printed with a warning on stderr.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

#include "app/kiosk_context.hpp"
#include "sync/hub_client.hpp"

namespace desa::kiosk {

struct LessonProgressArgs {
    std::string code;  // as typed or scanned (dashes, the card's QR text)
    bool json = false;
};

// Exit 0 with the progress printed (also offline: the hub unreachable or the kiosk not enrolled is
// a warning); 1 when the hub refused or answered falsely (local progress still printed); 2 for a
// code that is not a learner code.
int run_lesson_progress(KioskContext& ctx, const LessonProgressArgs& args, std::ostream& out, std::ostream& err,
                        const sync::ClientOptions& options = {});

// Adds `progress` under the `lessons` subcommand; the returned function runs it on a loaded
// context (-1 when it was not chosen).
std::function<int(KioskContext&)> add_lesson_progress_command(CLI::App& lessons_subcommand);

}  // namespace desa::kiosk
