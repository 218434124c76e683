#pragma once
// Lesson figures for the operator (learners per lesson, mastery and completion rates, hardest
// questions) and per finished day for the hub (outbox channel "lesson_stats", like lending_stats:
// counts only, name-based UUID per village and day, never a learner code).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/lesson_library.hpp"
#include "queue/local_time.hpp"
#include "storage/database.hpp"

namespace desa::lessons {

inline constexpr std::string_view kLessonStatsChannel = "lesson_stats";

struct LessonFigures {
    struct PerLesson {
        std::string course, lesson;
        int learners = 0;  // with any progress in the lesson
        int mastered = 0;
        int answers = 0, correct = 0;
    };
    struct PerCourse {
        std::string course;
        int learners = 0, completed = 0;  // completed: every lesson mastered
        int certificates = 0;
    };
    struct PerQuestion {
        std::string course, lesson, question;
        int answers = 0, correct = 0;
    };
    std::vector<PerCourse> courses;
    std::vector<PerLesson> lessons;      // in course order
    std::vector<PerQuestion> hardest;    // lowest share right first, at least 3 answers, at most 5
};

LessonFigures lesson_figures(storage::Database& db, const CourseShelf& shelf);
nlohmann::json lesson_figures_json(const LessonFigures&);

// Sorted keys, per day: {"village","day","lessons":[{course,lesson,learners,rounds,mastered,answers,correct}],
// "questions":[{course,lesson,question,answers,correct}],"certificates":n}.
std::string lesson_day_payload(storage::Database& db, std::string_view village_code, queue::LocalDate day,
                               int utc_offset_s, bool& any);

struct LessonStatsResult {
    int written = 0;
    int already_written = 0;
};
// One record per finished day with answers or certificates, from the day after the last one written
// (or the first answer ever) through the newest finished day (two hours' grace, as lending). The
// record's UUID is named by village, kiosk and day: two kiosks of one village send two records.
LessonStatsResult write_finished_lesson_days(storage::Database& db, std::string_view village_code,
                                             std::string_view kiosk_id, std::int64_t now, int utc_offset_s);

}  // namespace desa::lessons
