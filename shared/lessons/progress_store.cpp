#include "lessons/progress_store.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "lessons/learner_card.hpp"
#include "lessons/quiz.hpp"
#include "sync/outbox.hpp"

namespace desa::lessons {

using nlohmann::json;

LessonProgress merge(const LessonProgress& a, const LessonProgress& b) {
    LessonProgress out = a.updated_at >= b.updated_at ? a : b;  // the newest position
    const LessonProgress& best = a.best_score >= b.best_score ? a : b;
    out.best_score = best.best_score;
    out.round_size = best.round_size;
    out.mastered = a.mastered || b.mastered;
    out.updated_at = std::max(a.updated_at, b.updated_at);
    return out;
}

namespace {

LessonProgress read_row(storage::Statement& st) {
    LessonProgress p;
    p.course = st.column_text(0);
    p.lesson = st.column_text(1);
    p.position = static_cast<int>(st.column_int64(2));
    p.best_score = static_cast<int>(st.column_int64(3));
    p.round_size = static_cast<int>(st.column_int64(4));
    p.mastered = st.column_int64(5) != 0;
    p.updated_at = st.column_int64(6);
    return p;
}

constexpr std::string_view kColumns = "course, lesson, position, best_score, round_size, mastered, updated_at";

void write_row(storage::Database& db, std::string_view learner, const LessonProgress& p) {
    db.prepare(
          "INSERT INTO lesson_progress (learner, course, lesson, position, best_score, round_size, mastered, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner, course, lesson) DO UPDATE SET "
          "position = excluded.position, best_score = excluded.best_score, round_size = excluded.round_size, "
          "mastered = excluded.mastered, updated_at = excluded.updated_at")
        .bind(1, learner)
        .bind(2, p.course)
        .bind(3, p.lesson)
        .bind(4, p.position)
        .bind(5, p.best_score)
        .bind(6, p.round_size)
        .bind(7, p.mastered ? 1 : 0)
        .bind(8, p.updated_at)
        .step();
}

void append_outbox(storage::Database& db, std::string_view learner, const LessonProgress& p) {
    sync::append(db, {sync::new_uuid(), std::string(kLessonProgressChannel), p.updated_at, progress_payload(learner, p), {}});
}

}  // namespace

std::string create_learner(storage::Database& db, std::int64_t now) {
    for (;;) {
        const std::string code = new_learner_code();
        auto st = db.prepare("INSERT OR IGNORE INTO lesson_learners (code, created_at, last_seen_at) VALUES (?, ?, ?)");
        st.bind(1, code).bind(2, now).bind(3, now).step();
        if (sqlite3_changes(db.handle()) > 0) return code;
    }
}

bool remember_learner(storage::Database& db, std::string_view code, std::int64_t now) {
    if (!is_learner_code(code)) return false;
    db.prepare("INSERT INTO lesson_learners (code, created_at, last_seen_at) VALUES (?, ?, ?) "
               "ON CONFLICT (code) DO UPDATE SET last_seen_at = excluded.last_seen_at")
        .bind(1, code)
        .bind(2, now)
        .bind(3, now)
        .step();
    return true;
}

std::vector<LessonProgress> learner_progress(storage::Database& db, std::string_view learner) {
    auto st = db.prepare("SELECT " + std::string(kColumns) +
                         " FROM lesson_progress WHERE learner = ? ORDER BY course, lesson");
    st.bind(1, learner);
    std::vector<LessonProgress> rows;
    while (st.step()) rows.push_back(read_row(st));
    return rows;
}

std::optional<LessonProgress> lesson_progress(storage::Database& db, std::string_view learner, std::string_view course,
                                              std::string_view lesson) {
    auto st = db.prepare("SELECT " + std::string(kColumns) +
                         " FROM lesson_progress WHERE learner = ? AND course = ? AND lesson = ?");
    st.bind(1, learner).bind(2, course).bind(3, lesson);
    if (!st.step()) return std::nullopt;
    return read_row(st);
}

void record_position(storage::Database& db, std::string_view learner, std::string_view course, std::string_view lesson,
                     int position, std::int64_t now) {
    storage::Transaction tx(db);
    auto row = lesson_progress(db, learner, course, lesson)
                   .value_or(LessonProgress{std::string(course), std::string(lesson), -1, 0, 0, false, 0});
    if (row.position == position) return;
    row.position = std::max(position, 0);
    row.updated_at = std::max(now, row.updated_at);
    write_row(db, learner, row);
    append_outbox(db, learner, row);
    tx.commit();
}

LessonProgress record_round(storage::Database& db, std::string_view learner, const Course& course, const Lesson& lesson,
                            const std::vector<RoundAnswer>& answers, std::int64_t now) {
    storage::Transaction tx(db);
    std::vector<bool> results;
    auto insert = db.prepare(
        "INSERT INTO lesson_answers (learner, course, lesson, question, correct, at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& answer : answers) {
        insert.bind(1, learner).bind(2, course.id).bind(3, lesson.id).bind(4, answer.question).bind(5, answer.correct ? 1 : 0).bind(6, now);
        insert.step();
        insert.reset();
        results.push_back(answer.correct);
    }
    LessonProgress round{course.id, lesson.id, 0, count_correct(results), static_cast<int>(answers.size()),
                         is_mastered(lesson.mastery, results), now};
    auto existing = lesson_progress(db, learner, course.id, lesson.id);
    if (existing) round.position = existing->position;
    const LessonProgress merged = existing ? merge(*existing, round) : round;
    write_row(db, learner, merged);
    append_outbox(db, learner, merged);
    tx.commit();
    return merged;
}

int merge_progress(storage::Database& db, std::string_view learner, const std::vector<LessonProgress>& rows) {
    storage::Transaction tx(db);
    int changed = 0;
    for (const auto& remote : rows) {
        const auto local = lesson_progress(db, learner, remote.course, remote.lesson);
        const LessonProgress merged = local ? merge(*local, remote) : remote;
        if (local && merged == *local) continue;
        write_row(db, learner, merged);
        ++changed;
    }
    tx.commit();
    return changed;
}

bool course_complete(const Course& course, const std::vector<LessonProgress>& rows) {
    return !course.lessons.empty() && std::all_of(course.lessons.begin(), course.lessons.end(), [&](const Lesson& l) {
        return std::any_of(rows.begin(), rows.end(), [&](const LessonProgress& p) {
            return p.course == course.id && p.lesson == l.id && p.mastered;
        });
    });
}

std::string progress_payload(std::string_view learner, const LessonProgress& p) {
    return json{{"learner", learner},       {"course", p.course},         {"lesson", p.lesson},
                {"position", p.position},   {"best_score", p.best_score}, {"round_size", p.round_size},
                {"mastered", p.mastered},   {"updated_at", p.updated_at}}
        .dump();
}

std::optional<ProgressRecord> parse_progress_payload(std::string_view text) {
    const json doc = json::parse(text, nullptr, false);
    if (!doc.is_object()) return std::nullopt;
    auto str = [&](const char* key) -> std::optional<std::string> {
        auto it = doc.find(key);
        if (it == doc.end() || !it->is_string() || it->get<std::string>().empty() || it->get<std::string>().size() > 64)
            return std::nullopt;
        return it->get<std::string>();
    };
    auto num = [&](const char* key, std::int64_t max) -> std::optional<std::int64_t> {
        auto it = doc.find(key);
        if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
        const auto v = it->get<std::int64_t>();
        if (v < 0 || v > max) return std::nullopt;
        return v;
    };
    const auto learner = str("learner"), course = str("course"), lesson = str("lesson");
    const auto position = num("position", 1000), best = num("best_score", 100), size = num("round_size", 100),
               at = num("updated_at", 1LL << 40);
    auto mastered = doc.find("mastered");
    if (!learner || !is_learner_code(*learner) || !course || !lesson || !position || !best || !size || !at ||
        mastered == doc.end() || !mastered->is_boolean() || *best > *size)
        return std::nullopt;
    return ProgressRecord{*learner,
                          {*course, *lesson, static_cast<int>(*position), static_cast<int>(*best),
                           static_cast<int>(*size), mastered->get<bool>(), *at}};
}

void record_certificate(storage::Database& db, std::string_view learner, std::string_view course, std::int64_t now) {
    db.prepare("INSERT INTO lesson_certificates (learner, course, issued_at) VALUES (?, ?, ?)")
        .bind(1, learner)
        .bind(2, course)
        .bind(3, now)
        .step();
}

}  // namespace desa::lessons
