#include "app/lesson_screenshots.hpp"

#include "lessons/learner_card.hpp"

namespace desa::kiosk {

namespace {

using session::Screen;

std::string sample_learner() {
    return lessons::new_learner_code([n = 0u](std::uint32_t upper) mutable { return (n += 7) % upper; });
}

// The first lesson of the first course, opened at `step`, with the sample learner.
const lessons::Lesson* open_sample(KioskContext& kiosk, session::KioskSession& session, int step) {
    if (kiosk.courses.courses.empty()) return nullptr;
    const auto& course = kiosk.courses.courses.front();
    auto& v = session.lesson;
    v.learner = sample_learner();
    v.course_id = course.id;
    v.lesson_id = course.lessons.front().id;
    v.step = std::min(step, static_cast<int>(course.lessons.front().steps.size()) - 1);
    session.open(Screen::Lessons);
    return &course.lessons.front();
}

// The first question of `type` in the sample lesson as the round's only question.
void sample_question(session::KioskSession& session, const lessons::Lesson& lesson, lessons::QuestionType type) {
    auto& v = session.lesson;
    v.start_quiz(lesson);
    for (std::size_t i = 0; i < lesson.quiz.size(); ++i)
        if (lesson.quiz[i].type == type) {
            v.quiz.questions = {i};
            v.quiz.current = 0;
            v.quiz.draft = lessons::QuestionDraft{};
            v.quiz.draft.order = lessons::shuffled_order(lesson.quiz[i], 3);
            return;
        }
}

int first_try_step(const lessons::Lesson& lesson) {
    for (std::size_t i = 0; i < lesson.steps.size(); ++i)
        if (lesson.steps[i].try_it) return static_cast<int>(i);
    return 0;
}

}  // namespace

std::vector<std::string> lesson_screenshot_names() {
    return {"lesson-card-new", "lesson-step-try", "lesson-quiz-multiple", "lesson-quiz-order", "lesson-quiz-checked",
            "lesson-quiz-result"};
}

bool prepare_lesson_screenshot(std::string_view name, KioskContext& kiosk, session::KioskSession& session) {
    auto& v = session.lesson;
    if (name == "lesson-card") {  // entering an existing card
        session.open(Screen::Lessons);
        session.open(Screen::LessonCard);
        return true;
    }
    if (name == "lesson-card-new") {
        v.learner = sample_learner();
        v.card_is_new = true;
        session.open(Screen::Lessons);
        session.open(Screen::LessonCard);
        return true;
    }
    if (name == "lesson-step" || name == "lesson-step-try") {
        const auto* lesson = open_sample(kiosk, session, 1);
        if (lesson && name == "lesson-step-try") v.step = first_try_step(*lesson);
        session.open(Screen::LessonStep);
        return true;
    }
    if (name.starts_with("lesson-quiz")) {
        const auto* lesson = open_sample(kiosk, session, 0);
        if (lesson) {
            using lessons::QuestionType;
            if (name == "lesson-quiz") sample_question(session, *lesson, QuestionType::Single);
            if (name == "lesson-quiz-multiple") sample_question(session, *lesson, QuestionType::Multiple);
            if (name == "lesson-quiz-order") sample_question(session, *lesson, QuestionType::Order);
            if (name == "lesson-quiz-checked") {  // a wrong true/false answer with its explanation
                sample_question(session, *lesson, QuestionType::TrueFalse);
                const auto& q = lesson->quiz[v.quiz.questions.front()];
                v.set_truth(!std::get<2>(q.answer));
                v.check_answer(*lesson);
            }
            if (name == "lesson-quiz-result") {  // four of five right: mastered (nothing saved: no learner)
                v.learner.reset();
                v.start_quiz(*lesson);
                v.quiz.answers = {{"q1", true}, {"q2", true}, {"q3", false}, {"q4", true}, {"q5", true}};
                v.quiz.result = lessons::LessonProgress{v.course_id, v.lesson_id, 0, 4, 5, true, 0};
            }
        }
        session.open(Screen::LessonQuiz);
        return true;
    }
    if (name == "lesson-certificate" || name == "lesson-admin") {
        session.open(name == "lesson-admin" ? Screen::LessonAdmin : Screen::LessonCertificate);
        return true;
    }
    return false;
}

}  // namespace desa::kiosk
