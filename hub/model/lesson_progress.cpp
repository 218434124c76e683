#include "model/lesson_progress.hpp"

#include <algorithm>
#include <tuple>

#include "lessons/progress_remote.hpp"

namespace desa::hub {
namespace {

constexpr const char* kColumns = "course, lesson, position, best_score, round_size, mastered, updated_at";

lessons::LessonProgress read_row(const SqlRow& r) {
    return {r.text(0),
            r.text(1),
            static_cast<int>(r.int64(2)),
            static_cast<int>(r.int64(3)),
            static_cast<int>(r.int64(4)),
            r.int64(5) != 0,
            r.int64(6)};
}

auto key(const lessons::ProgressRecord& r) { return std::tie(r.learner, r.progress.course, r.progress.lesson); }

}  // namespace

std::optional<lessons::ProgressRecord> read_progress_record(std::string_view payload) {
    auto record = lessons::parse_progress_payload(payload);
    if (!record || !lessons::is_progress_id(record->progress.course) || !lessons::is_progress_id(record->progress.lesson))
        return std::nullopt;
    return record;
}

void merge_lesson_progress(SqlDb& db, std::vector<lessons::ProgressRecord> rows, std::int64_t now) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return key(a) < key(b); });
    // Rows of one batch about the same lesson are merged first: one statement per key.
    std::vector<lessons::ProgressRecord> merged;
    for (auto& r : rows) {
        if (!merged.empty() && key(merged.back()) == key(r))
            merged.back().progress = lessons::merge(merged.back().progress, r.progress);
        else
            merged.push_back(std::move(r));
    }
    for (const auto& r : merged) {
        const auto& p = r.progress;
        const std::int64_t added = db.execute(
            "INSERT INTO lesson_progress (learner, course, lesson, position, best_score, round_size, mastered, "
            "updated_at, merged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            "ON CONFLICT (learner, course, lesson) DO NOTHING",
            {r.learner, p.course, p.lesson, std::int64_t{p.position}, std::int64_t{p.best_score},
             std::int64_t{p.round_size}, std::int64_t{p.mastered ? 1 : 0}, p.updated_at, now});
        if (added == 1) continue;
        // A no-op UPDATE ... RETURNING reads the row and locks it until commit on PostgreSQL (a
        // plain SELECT would not); SQLite's write transaction already excludes other writers.
        const auto current = db.query(
            "UPDATE lesson_progress SET merged_at = merged_at WHERE learner = $1 AND course = $2 AND lesson = $3 "
            "RETURNING " + std::string(kColumns),
            {r.learner, p.course, p.lesson});
        if (current.empty()) continue;  // cannot happen inside the transaction; nothing to merge into
        const auto stored = read_row(current[0]);
        const auto next = lessons::merge(stored, p);
        if (next == stored) continue;
        db.execute(
            "UPDATE lesson_progress SET position = $4, best_score = $5, round_size = $6, mastered = $7, "
            "updated_at = $8, merged_at = $9 WHERE learner = $1 AND course = $2 AND lesson = $3",
            {r.learner, p.course, p.lesson, std::int64_t{next.position}, std::int64_t{next.best_score},
             std::int64_t{next.round_size}, std::int64_t{next.mastered ? 1 : 0}, next.updated_at, now});
    }
}

std::vector<lessons::LessonProgress> merged_learner_progress(SqlDb& db, std::string_view learner) {
    std::vector<lessons::LessonProgress> out;
    for (const auto& r : db.query("SELECT " + std::string(kColumns) +
                                      " FROM lesson_progress WHERE learner = $1",
                                  {std::string(learner)}))
        out.push_back(read_row(r));
    // Sorted here, not by the database: PostgreSQL's collation may order '-' differently from SQLite.
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return std::tie(a.course, a.lesson) < std::tie(b.course, b.lesson); });
    return out;
}

}  // namespace desa::hub
