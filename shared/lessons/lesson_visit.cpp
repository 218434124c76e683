#include "lessons/lesson_visit.hpp"

#include <algorithm>

#include "lessons/certificate.hpp"
#include "lessons/learner_card.hpp"

namespace desa::lessons {

bool QuestionDraft::ready(const Question& q) const {
    switch (q.type) {
        case QuestionType::Single: return !single.empty();
        case QuestionType::Multiple: return !multiple.empty();
        case QuestionType::TrueFalse: return truth.has_value();
        case QuestionType::Order: return order.size() == q.options.size();
    }
    return false;
}

Response QuestionDraft::response(const Question& q) const {
    switch (q.type) {
        case QuestionType::Single: return Response(std::in_place_index<0>, single);
        case QuestionType::Multiple: return Response(std::in_place_index<1>, multiple);
        case QuestionType::TrueFalse: return Response(std::in_place_index<2>, truth.value_or(false));
        case QuestionType::Order: return Response(std::in_place_index<3>, order);
    }
    return Response(std::in_place_index<0>, std::string());
}

int speech_rate_wpm(SpeechSpeed speed) {
    switch (speed) {
        case SpeechSpeed::Slow: return 110;
        case SpeechSpeed::Normal: return 150;
        case SpeechSpeed::Fast: return 190;
    }
    return 150;
}

bool LessonVisit::active() const {
    return learner || !course_id.empty() || !card_code.empty() || !certificate_name.empty() || !certificate_qr.empty();
}

void LessonVisit::start_new_card(storage::Database& db, std::int64_t now) {
    learner = create_learner(db, now);
    card_is_new = true;
}

bool LessonVisit::use_card(storage::Database& db, std::string_view typed, std::int64_t now) {
    const auto check = read_learner_code(typed);
    card_problem = check.problem;
    if (!check.code) return false;
    remember_learner(db, *check.code, now);
    learner = *check.code;
    card_is_new = false;
    card_code.clear();
    return true;
}

void LessonVisit::open_lesson(storage::Database& db, const Course& c, const Lesson& l) {
    course_id = c.id;
    lesson_id = l.id;
    step = 0;
    if (learner)
        if (const auto saved = lesson_progress(db, *learner, c.id, l.id))
            step = std::clamp(saved->position, 0, static_cast<int>(l.steps.size()) - 1);
    try_choice.clear();
    try_typed.clear();
    try_checked = false;
    quiz = QuizRound{};
}

const Course* LessonVisit::course(const CourseShelf& shelf) const { return shelf.find(course_id); }

const Lesson* LessonVisit::lesson(const CourseShelf& shelf) const {
    const Course* c = course(shelf);
    return c ? c->find_lesson(lesson_id) : nullptr;
}

void LessonVisit::go_to_step(storage::Database& db, const Lesson& l, int to, std::int64_t now) {
    to = std::clamp(to, 0, static_cast<int>(l.steps.size()) - 1);
    if (to == step) return;
    step = to;
    try_choice.clear();
    try_typed.clear();
    try_checked = false;
    if (learner) record_position(db, *learner, course_id, lesson_id, step, now);
}

namespace {
std::string trimmed_lower(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}
}  // namespace

void LessonVisit::check_try(const Step&) { try_checked = true; }

bool LessonVisit::try_passed(const Step& s) const {
    if (!s.try_it || !try_checked) return false;
    if (s.try_it->kind == TryKind::Choose) return try_choice == s.try_it->answer;
    return trimmed_lower(try_typed.text) == trimmed_lower(s.try_it->expect);
}

void LessonVisit::start_quiz(const Lesson& l) {
    quiz = QuizRound{};
    quiz.questions = pick_round(l, seed);
    if (!quiz.questions.empty()) quiz.draft.order = shuffled_order(l.quiz[quiz.questions[0]], seed);
    ++seed;
}

const Question* LessonVisit::current_question(const Lesson& l) const {
    if (quiz.current >= quiz.questions.size()) return nullptr;
    return &l.quiz[quiz.questions[quiz.current]];
}

void LessonVisit::choose(const Question& q, const std::string& id) {
    if (quiz.checked) return;
    if (q.type == QuestionType::Single) {
        quiz.draft.single = id;
    } else if (q.type == QuestionType::Multiple) {
        auto& chosen = quiz.draft.multiple;
        if (auto it = std::find(chosen.begin(), chosen.end(), id); it != chosen.end()) chosen.erase(it);
        else chosen.push_back(id);
    }
}

void LessonVisit::set_truth(bool value) {
    if (!quiz.checked) quiz.draft.truth = value;
}

void LessonVisit::move_option(std::size_t index, int direction) {
    auto& order = quiz.draft.order;
    if (quiz.checked || index >= order.size()) return;
    const auto other = static_cast<std::ptrdiff_t>(index) + direction;
    if (other < 0 || other >= static_cast<std::ptrdiff_t>(order.size())) return;
    std::swap(order[index], order[static_cast<std::size_t>(other)]);
}

void LessonVisit::check_answer(const Lesson& l) {
    const Question* q = current_question(l);
    if (!q || quiz.checked || !quiz.draft.ready(*q)) return;
    quiz.last_correct = is_correct(*q, quiz.draft.response(*q));
    quiz.checked = true;
    quiz.answers.push_back({q->id, quiz.last_correct});
}

void LessonVisit::next_question(storage::Database& db, const Course& c, const Lesson& l, std::int64_t now) {
    if (!quiz.checked) return;
    quiz.checked = false;
    quiz.draft = QuestionDraft{};
    if (++quiz.current < quiz.questions.size()) {
        quiz.draft.order = shuffled_order(l.quiz[quiz.questions[quiz.current]], seed + static_cast<std::uint32_t>(quiz.current));
        return;
    }
    std::vector<bool> results;
    for (const auto& a : quiz.answers) results.push_back(a.correct);
    if (learner) {
        quiz.result = record_round(db, *learner, c, l, quiz.answers, now);
    } else {
        quiz.result = LessonProgress{c.id, l.id, step, count_correct(results), static_cast<int>(results.size()),
                                     is_mastered(l.mastery, results), now};
    }
}

bool LessonVisit::issue_certificate(storage::Database& db, const Course& c, const std::string& kiosk_id,
                                    const std::string& village_code, queue::LocalDate today,
                                    const sync::SignSecretKey& key, const std::string& endorsement, std::int64_t now) {
    certificate_name_refused = false;
    if (!learner || !course_complete(c, learner_progress(db, *learner))) return false;
    const auto name = clean_display_name(certificate_name.text);
    if (!name) {
        certificate_name_refused = true;
        return false;
    }
    certificate = Certificate{kiosk_id, village_code, c.id, today, *learner, *name};
    certificate_qr = certificate_qr_text(*certificate, key, endorsement);
    record_certificate(db, *learner, c.id, now);
    return true;
}

}  // namespace desa::lessons
