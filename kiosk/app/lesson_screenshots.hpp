#pragma once
// Screenshot states of the lesson screens ("lesson-step", "lesson-quiz-order", ...), so
// `desa-kiosk screenshot` and the every-screen test show each in both languages. Sample state in
// the session only (a fixed sample learner code): nothing is written to the database.
#include <string>
#include <string_view>
#include <vector>

#include "app/kiosk_context.hpp"
#include "session/kiosk_session.hpp"

namespace desa::kiosk {

std::vector<std::string> lesson_screenshot_names();
// Prepares `name` (one of lesson_screenshot_names() or a lesson screen's own name); false for others.
bool prepare_lesson_screenshot(std::string_view name, KioskContext& kiosk, session::KioskSession& session);

}  // namespace desa::kiosk
