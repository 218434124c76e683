#pragma once
// Learners' lesson progress merged at the hub (docs/sync-protocol.md, outbox channel
// "lesson_progress"): every new lesson_progress record a kiosk delivers is merged into one row per
// (learner, course, lesson) with the kiosks' own lessons::merge (best score kept, mastery never
// lost, the newest position), so a learner who studies at two villages' kiosks finds both at
// either. The record itself stays in `records` like any other; a payload that is not understood is
// only stored, never merged.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/sql_db.hpp"
#include "lessons/progress_store.hpp"

namespace desa::hub {

// A lesson_progress payload the hub merges: lessons::parse_progress_payload, and course and lesson
// ids as packages name them (lessons::is_progress_id). nullopt for anything else.
std::optional<lessons::ProgressRecord> read_progress_record(std::string_view payload);

// Merges the rows inside the caller's transaction. Rows are taken in (learner, course, lesson)
// order, each locked by the statement that reads it, so two batches merging the same learner
// concurrently on PostgreSQL wait for each other instead of losing an update or deadlocking.
void merge_lesson_progress(SqlDb& db, std::vector<lessons::ProgressRecord> rows, std::int64_t now);

// The merged progress of one learner (canonical code), by course then lesson.
std::vector<lessons::LessonProgress> merged_learner_progress(SqlDb& db, std::string_view learner);

}  // namespace desa::hub
