#include "model/lesson_reports.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lessons/progress_remote.hpp"
#include "model/queue_reports.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxItems = 5000;  // more lessons or questions in one day's record is damage

std::optional<std::int64_t> count_field(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < 0 || v > 1'000'000) return std::nullopt;
    return v;
}

bool id_field(const json& j, const char* key, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string() || !lessons::is_progress_id(it->get<std::string>())) return false;
    out = it->get<std::string>();
    return true;
}

// Question ids are [a-z0-9_-], at most 32 (docs/lesson-package.md).
bool question_field(const json& j, std::string& out) {
    const auto it = j.find("question");
    if (it == j.end() || !it->is_string()) return false;
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > 32 || !std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }))
        return false;
    out = s;
    return true;
}

struct DayRecord {
    std::string day;
    std::vector<LessonTotals> lessons;
    std::vector<QuestionTotals> questions;
    std::int64_t certificates = 0;
};

// Every field is checked before anything of the record is counted.
std::optional<DayRecord> parse_day(const std::string& payload) {
    const json j = json::parse(payload, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    DayRecord d;
    const auto day = j.find("day");
    if (day == j.end() || !day->is_string()) return std::nullopt;
    const auto canonical = normalize_day(day->get<std::string>());
    const auto certificates = count_field(j, "certificates");
    const auto lessons = j.find("lessons"), questions = j.find("questions");
    if (!canonical || !certificates || lessons == j.end() || !lessons->is_array() || lessons->size() > kMaxItems ||
        questions == j.end() || !questions->is_array() || questions->size() > kMaxItems)
        return std::nullopt;
    d.day = *canonical;
    d.certificates = *certificates;
    for (const auto& l : *lessons) {
        LessonTotals t;
        if (!l.is_object() || !id_field(l, "course", t.course) || !id_field(l, "lesson", t.lesson)) return std::nullopt;
        const auto learners = count_field(l, "learners"), rounds = count_field(l, "rounds"),
                   mastered = count_field(l, "mastered"), answers = count_field(l, "answers"),
                   correct = count_field(l, "correct");
        if (!learners || !rounds || !mastered || !answers || !correct || *correct > *answers) return std::nullopt;
        t.learners = *learners;
        t.rounds = *rounds;
        t.mastered = *mastered;
        t.answers = *answers;
        t.correct = *correct;
        d.lessons.push_back(std::move(t));
    }
    for (const auto& q : *questions) {
        QuestionTotals t;
        if (!q.is_object() || !id_field(q, "course", t.course) || !id_field(q, "lesson", t.lesson) ||
            !question_field(q, t.question))
            return std::nullopt;
        const auto answers = count_field(q, "answers"), correct = count_field(q, "correct");
        if (!answers || !correct || *correct > *answers) return std::nullopt;
        t.answers = *answers;
        t.correct = *correct;
        d.questions.push_back(std::move(t));
    }
    return d;
}

}  // namespace

LessonStatsReport lesson_stats_report(SqlDb& db, const LessonStatsFilter& filter) {
    SqlParams params;
    std::string sql = "SELECT r.payload, k.village_code FROM records r JOIN kiosks k ON k.id = r.kiosk_id "
                      "WHERE r.channel = 'lesson_stats'";
    if (filter.region_prefix) sql += " AND " + region_filter_sql("k.village_code", *filter.region_prefix, params);
    LessonStatsReport report;
    std::map<std::pair<std::string, std::string>, LessonTotals> lessons;
    std::map<std::tuple<std::string, std::string, std::string>, QuestionTotals> questions;
    std::set<std::string> villages;
    for (const auto& r : db.query(sql, params)) {
        const auto day = parse_day(r.text(0));
        if (!day) {
            ++report.unreadable;
            continue;
        }
        if ((filter.from_day && day->day < *filter.from_day) || (filter.to_day && day->day > *filter.to_day)) continue;
        ++report.village_days;
        villages.insert(r.text(1));
        report.certificates += day->certificates;
        for (const auto& l : day->lessons) {
            auto& sum = lessons[{l.course, l.lesson}];
            sum.course = l.course;
            sum.lesson = l.lesson;
            sum.learners += l.learners;
            sum.rounds += l.rounds;
            sum.mastered += l.mastered;
            sum.answers += l.answers;
            sum.correct += l.correct;
        }
        for (const auto& q : day->questions) {
            auto& sum = questions[{q.course, q.lesson, q.question}];
            sum.course = q.course;
            sum.lesson = q.lesson;
            sum.question = q.question;
            sum.answers += q.answers;
            sum.correct += q.correct;
        }
    }
    for (auto& [key, totals] : lessons) report.lessons.push_back(std::move(totals));
    for (auto& [key, totals] : questions)
        if (totals.answers >= kHardestMinAnswers) report.hardest.push_back(std::move(totals));
    // Lowest share right first, compared without division; the map order breaks ties by id.
    std::stable_sort(report.hardest.begin(), report.hardest.end(), [](const auto& a, const auto& b) {
        return a.correct * b.answers < b.correct * a.answers;
    });
    if (report.hardest.size() > kHardestQuestions) report.hardest.resize(kHardestQuestions);
    report.villages.assign(villages.begin(), villages.end());
    return report;
}

json lesson_stats_json(const LessonStatsReport& report) {
    json lessons = json::array(), hardest = json::array();
    for (const auto& l : report.lessons)
        lessons.push_back({{"course", l.course}, {"lesson", l.lesson}, {"learners", l.learners}, {"rounds", l.rounds},
                           {"mastered", l.mastered}, {"answers", l.answers}, {"correct", l.correct},
                           {"mastery_rate", l.mastery_rate()}, {"correct_rate", l.correct_rate()}});
    for (const auto& q : report.hardest)
        hardest.push_back({{"course", q.course}, {"lesson", q.lesson}, {"question", q.question},
                           {"answers", q.answers}, {"correct", q.correct}});
    return {{"lessons", lessons},
            {"hardest_questions", hardest},
            {"certificates", report.certificates},
            {"village_days", report.village_days},
            {"villages", report.villages},
            {"unreadable", report.unreadable}};
}

}  // namespace desa::hub
