#include "lessons/lesson_stats.hpp"

#include <algorithm>
#include <map>

#include "lessons/progress_store.hpp"
#include "sync/outbox.hpp"

namespace desa::lessons {

using nlohmann::json;

namespace {
constexpr std::string_view kWrittenThroughKey = "lessons.stats_written_through";  // YYYYMMDD
constexpr std::int64_t kGraceSeconds = 2 * 3600;
}  // namespace

LessonFigures lesson_figures(storage::Database& db, const CourseShelf& shelf) {
    LessonFigures f;
    std::map<std::pair<std::string, std::string>, LessonFigures::PerLesson> per_lesson;
    {
        auto st = db.prepare("SELECT course, lesson, count(*), sum(mastered) FROM lesson_progress GROUP BY course, lesson");
        while (st.step()) {
            auto& l = per_lesson[{st.column_text(0), st.column_text(1)}];
            l.learners = static_cast<int>(st.column_int64(2));
            l.mastered = static_cast<int>(st.column_int64(3));
        }
    }
    std::vector<LessonFigures::PerQuestion> questions;
    {
        auto st = db.prepare("SELECT course, lesson, question, count(*), sum(correct) FROM lesson_answers "
                             "GROUP BY course, lesson, question");
        while (st.step()) {
            LessonFigures::PerQuestion q{st.column_text(0), st.column_text(1), st.column_text(2),
                                         static_cast<int>(st.column_int64(3)), static_cast<int>(st.column_int64(4))};
            auto& l = per_lesson[{q.course, q.lesson}];
            l.answers += q.answers;
            l.correct += q.correct;
            questions.push_back(std::move(q));
        }
    }
    for (const auto& course : shelf.courses) {
        LessonFigures::PerCourse c{course.id, 0, 0, 0};
        auto learners = db.prepare("SELECT DISTINCT learner FROM lesson_progress WHERE course = ?");
        learners.bind(1, course.id);
        while (learners.step()) {
            ++c.learners;
            if (course_complete(course, learner_progress(db, learners.column_text(0)))) ++c.completed;
        }
        auto certs = db.prepare("SELECT count(*) FROM lesson_certificates WHERE course = ?");
        certs.bind(1, course.id);
        certs.step();
        c.certificates = static_cast<int>(certs.column_int64(0));
        f.courses.push_back(c);
        for (const auto& lesson : course.lessons) {
            auto l = per_lesson[{course.id, lesson.id}];
            l.course = course.id;
            l.lesson = lesson.id;
            f.lessons.push_back(l);
        }
    }
    std::erase_if(questions, [](const auto& q) { return q.answers < 3; });
    std::sort(questions.begin(), questions.end(), [](const auto& a, const auto& b) {
        const auto left = static_cast<std::int64_t>(a.correct) * b.answers, right = static_cast<std::int64_t>(b.correct) * a.answers;
        if (left != right) return left < right;
        return std::tie(a.course, a.lesson, a.question) < std::tie(b.course, b.lesson, b.question);
    });
    if (questions.size() > 5) questions.resize(5);
    f.hardest = std::move(questions);
    return f;
}

json lesson_figures_json(const LessonFigures& f) {
    json out{{"courses", json::array()}, {"lessons", json::array()}, {"hardest_questions", json::array()}};
    for (const auto& c : f.courses)
        out["courses"].push_back({{"course", c.course}, {"learners", c.learners}, {"completed", c.completed},
                                  {"certificates", c.certificates}});
    for (const auto& l : f.lessons)
        out["lessons"].push_back({{"course", l.course}, {"lesson", l.lesson}, {"learners", l.learners},
                                  {"mastered", l.mastered}, {"answers", l.answers}, {"correct", l.correct}});
    for (const auto& q : f.hardest)
        out["hardest_questions"].push_back({{"course", q.course}, {"lesson", q.lesson}, {"question", q.question},
                                            {"answers", q.answers}, {"correct", q.correct}});
    return out;
}

std::string lesson_day_payload(storage::Database& db, std::string_view village_code, queue::LocalDate day,
                               int utc_offset_s, bool& any) {
    const std::int64_t start = queue::local_day_start(day, utc_offset_s), end = start + 86400;
    json lessons = json::array(), questions = json::array();
    auto per_lesson = db.prepare(
        "SELECT course, lesson, count(DISTINCT learner), count(DISTINCT learner || '/' || at), count(*), sum(correct) "
        "FROM lesson_answers WHERE at >= ?1 AND at < ?2 GROUP BY course, lesson ORDER BY course, lesson");
    per_lesson.bind(1, start).bind(2, end);
    while (per_lesson.step()) {
        auto mastered = db.prepare("SELECT count(*) FROM lesson_progress WHERE course = ? AND lesson = ? AND mastered = 1 "
                                   "AND updated_at >= ? AND updated_at < ?");
        mastered.bind(1, per_lesson.column_text(0)).bind(2, per_lesson.column_text(1)).bind(3, start).bind(4, end);
        mastered.step();
        lessons.push_back({{"course", per_lesson.column_text(0)}, {"lesson", per_lesson.column_text(1)},
                           {"learners", per_lesson.column_int64(2)}, {"rounds", per_lesson.column_int64(3)},
                           {"mastered", mastered.column_int64(0)}, {"answers", per_lesson.column_int64(4)},
                           {"correct", per_lesson.column_int64(5)}});
    }
    auto per_question = db.prepare(
        "SELECT course, lesson, question, count(*), sum(correct) FROM lesson_answers WHERE at >= ?1 AND at < ?2 "
        "GROUP BY course, lesson, question ORDER BY course, lesson, question");
    per_question.bind(1, start).bind(2, end);
    while (per_question.step())
        questions.push_back({{"course", per_question.column_text(0)}, {"lesson", per_question.column_text(1)},
                             {"question", per_question.column_text(2)}, {"answers", per_question.column_int64(3)},
                             {"correct", per_question.column_int64(4)}});
    auto certs = db.prepare("SELECT count(*) FROM lesson_certificates WHERE issued_at >= ? AND issued_at < ?");
    certs.bind(1, start).bind(2, end);
    certs.step();
    const auto certificates = certs.column_int64(0);
    any = !lessons.empty() || certificates > 0;
    json j;
    j["village"] = village_code;
    j["day"] = queue::date_iso(day);
    j["lessons"] = lessons;
    j["questions"] = questions;
    j["certificates"] = certificates;
    return j.dump();
}

LessonStatsResult write_finished_lesson_days(storage::Database& db, std::string_view village_code,
                                             std::string_view kiosk_id, std::int64_t now, int utc_offset_s) {
    LessonStatsResult result;
    const queue::LocalDate in_grace = queue::local_date(now - kGraceSeconds, utc_offset_s);
    const std::int64_t through_end = queue::local_day_start(in_grace, utc_offset_s);
    storage::Transaction tx(db);
    const std::int64_t done_through = std::stoll(db.get_setting(kWrittenThroughKey).value_or("0"));
    std::int64_t day_start = 0;
    if (done_through > 0) {
        day_start = queue::local_day_start(queue::date_from_number(done_through), utc_offset_s) + 86400;
    } else {
        auto first = db.prepare("SELECT min(at) FROM (SELECT min(at) AS at FROM lesson_answers "
                                "UNION ALL SELECT min(issued_at) FROM lesson_certificates)");
        if (!first.step() || first.column_is_null(0)) return result;
        day_start = queue::local_day_start(queue::local_date(first.column_int64(0), utc_offset_s), utc_offset_s);
    }
    std::int64_t last_done = done_through;
    for (; day_start + 86400 <= through_end; day_start += 86400) {
        const queue::LocalDate day = queue::local_date(day_start, utc_offset_s);
        last_done = queue::date_number(day);
        bool any = false;
        const std::string payload = lesson_day_payload(db, village_code, day, utc_offset_s, any);
        if (!any) continue;
        const std::string uuid = sync::name_uuid("lesson_stats/" + std::string(village_code) + "/" +
                                                         std::string(kiosk_id) + "/" + queue::date_text(day));
        if (sync::find(db, uuid)) {
            ++result.already_written;
            continue;
        }
        sync::append(db, {uuid, std::string(kLessonStatsChannel), day_start + 86400, payload, std::nullopt});
        ++result.written;
    }
    if (last_done > done_through) db.set_setting(kWrittenThroughKey, std::to_string(last_done));
    tx.commit();
    return result;
}

}  // namespace desa::lessons
