#pragma once
// Pieces the lesson screens share: formatted lesson text, the progress bar, the speaker row (read
// aloud, stop, speed), a step's picture, and the translated words for mastery and learner codes.
// The rules stay in shared/lessons (LessonVisit); these only draw.
#include <string>

#include "lessons/lesson_visit.hpp"
#include "screens/lending_parts.hpp"

namespace desa::kiosk {

// The lesson text with its paragraphs, bullets and emphasis, wrapped to `width` at the cursor.
void formatted_text(Ui& ui, std::string_view id, std::string_view text, float width, ImFont* font, ImU32 colour);
float formatted_height(const Ui& ui, std::string_view text, float width, ImFont* font);

void progress_bar(Ui& ui, std::string_view id, float fraction, float width, std::string_view label);

// "Dengarkan" / "Berhenti" and the speed button. `text` is what a tap reads aloud.
void speaker_row(ScreenContext& ctx, std::string_view id, const std::string& text, float width);

// The picture at the cursor, scaled to fit `max` keeping its shape; nothing when it cannot be shown.
void lesson_picture(ScreenContext& ctx, const lessons::Course& course, const std::string& path, ImVec2 max);

// Call right after begin_scroll_area: a new page (`page` differs from the last) starts at the top,
// not at the previous page's scroll position.
void top_of_new_page(ScreenContext& ctx, const std::string& page);

std::string lesson_text(const Ui& ui, const lessons::LocalText& text);  // the screen's language
std::string card_problem_text(const Ui& ui, readable_code::Problem problem);
// The learner's card line: "Kartu belajar: K7M-Q9X-D4P".
std::string learner_line(const Ui& ui, const std::string& code);

}  // namespace desa::kiosk
