#pragma once
// The internet-literacy lessons as the kiosks report them (outbox channel "lesson_stats", one
// record per village and finished day, shared/lessons/lesson_stats.hpp), summed per course and
// lesson for a province, kabupaten, kecamatan or desa. Counts only: the payload never carries a
// learner code. The village of a record is the one its kiosk was enrolled for, never the one the
// payload claims; a damaged payload is counted as unreadable and skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/sql_db.hpp"

namespace desa::hub {

inline constexpr std::int64_t kHardestMinAnswers = 5;  // fewer answers say nothing about a question
inline constexpr std::size_t kHardestQuestions = 10;

struct LessonTotals {
    std::string course, lesson;
    // Summed over village-days: `learners` counts a learner once per day and kiosk they answered
    // on, `mastered` those of them whose lesson was mastered when that day ended.
    std::int64_t learners = 0, rounds = 0, mastered = 0, answers = 0, correct = 0;
    double mastery_rate() const { return learners > 0 ? static_cast<double>(mastered) / static_cast<double>(learners) : 0.0; }
    double correct_rate() const { return answers > 0 ? static_cast<double>(correct) / static_cast<double>(answers) : 0.0; }
};

struct QuestionTotals {
    std::string course, lesson, question;
    std::int64_t answers = 0, correct = 0;
};

struct LessonStatsFilter {
    std::optional<std::string> region_prefix;     // canonical region code
    std::optional<std::string> from_day, to_day;  // inclusive, YYYY-MM-DD
};

struct LessonStatsReport {
    std::vector<LessonTotals> lessons;     // by course, then lesson
    std::vector<QuestionTotals> hardest;   // lowest share right first (ties by id), at least kHardestMinAnswers
    std::int64_t certificates = 0;
    int village_days = 0;                  // records counted
    std::vector<std::string> villages;     // that reported, sorted
    int unreadable = 0;
};

LessonStatsReport lesson_stats_report(SqlDb& db, const LessonStatsFilter& filter);
nlohmann::json lesson_stats_json(const LessonStatsReport& report);

}  // namespace desa::hub
