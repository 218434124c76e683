#pragma once
// Learners and their progress in kiosk.db (migration 9). Every change also appends an outbox record
// (channel "lesson_progress", docs/sync-protocol.md) in the same transaction, so the hub learns the
// progress and merges it with other kiosks'; what the hub sends back for a card scanned here is
// merged with merge_progress(). The merge is the same on both sides: best score and mastery never
// go down, the position is the newest one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/lesson_model.hpp"
#include "storage/database.hpp"

namespace desa::lessons {

inline constexpr std::string_view kLessonProgressChannel = "lesson_progress";

struct LessonProgress {
    std::string course, lesson;
    int position = 0;    // the step the learner was on (0-based)
    int best_score = 0;  // most correct answers in one round
    int round_size = 0;  // questions in that round
    bool mastered = false;
    std::int64_t updated_at = 0;
    bool operator==(const LessonProgress&) const = default;
};

// Pure merge of two rows about the same learner and lesson.
LessonProgress merge(const LessonProgress& a, const LessonProgress& b);

// Makes a fresh learner code (retrying on the astronomically unlikely clash) and stores it.
std::string create_learner(storage::Database& db, std::int64_t now);
// A card presented here: known learners are touched, unknown (valid) codes from another kiosk are
// added. False when `code` is not a valid learner code.
bool remember_learner(storage::Database& db, std::string_view code, std::int64_t now);

std::vector<LessonProgress> learner_progress(storage::Database& db, std::string_view learner);
std::optional<LessonProgress> lesson_progress(storage::Database& db, std::string_view learner, std::string_view course,
                                              std::string_view lesson);

// The learner moved to `position` in the lesson (only written when it changed).
void record_position(storage::Database& db, std::string_view learner, std::string_view course,
                     std::string_view lesson, int position, std::int64_t now);

struct RoundAnswer {
    std::string question;
    bool correct = false;
};
// A quiz round finished: its answers are kept for the statistics; best score and mastery merged.
// Returns the merged progress.
LessonProgress record_round(storage::Database& db, std::string_view learner, const Course& course,
                            const Lesson& lesson, const std::vector<RoundAnswer>& answers, std::int64_t now);

// Rows from the hub (or another kiosk) merged into the local ones; no outbox record (the hub
// already has them). Returns how many rows changed.
int merge_progress(storage::Database& db, std::string_view learner, const std::vector<LessonProgress>& rows);

bool course_complete(const Course&, const std::vector<LessonProgress>&);

// The JSON payload of a lesson_progress record, and back (nullopt for anything malformed).
std::string progress_payload(std::string_view learner, const LessonProgress&);
struct ProgressRecord {
    std::string learner;
    LessonProgress progress;
};
std::optional<ProgressRecord> parse_progress_payload(std::string_view json_text);

void record_certificate(storage::Database& db, std::string_view learner, std::string_view course, std::int64_t now);

}  // namespace desa::lessons
