#pragma once
// A resident's time with the lessons, held by the session and wiped with the visit (idle timeout,
// home after a visit): the learner card in use, the lesson and step, the quiz round being answered,
// the practice and certificate fields. The screens draw this and call its functions; every rule
// (what counts as an answer, when a round ends, what is saved) lives here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/readable_code.hpp"
#include "lessons/certificate.hpp"
#include "lessons/lesson_library.hpp"
#include "lessons/progress_store.hpp"
#include "lessons/quiz.hpp"
#include "session/text_field.hpp"
#include "storage/database.hpp"

namespace desa::lessons {

// The answer being built for the question on screen.
struct QuestionDraft {
    std::string single;                 // Single: the chosen option id ("" none yet)
    std::vector<std::string> multiple;  // Multiple: the chosen ids
    std::optional<bool> truth;          // TrueFalse
    std::vector<std::string> order;     // Order: the ids as currently arranged

    bool ready(const Question&) const;  // something to check (an order is always ready)
    Response response(const Question&) const;
};

struct QuizRound {
    std::vector<std::size_t> questions;  // indices into the lesson's quiz
    std::size_t current = 0;             // index into `questions`
    QuestionDraft draft;
    bool checked = false;  // the answer was checked: feedback and explanation on screen
    bool last_correct = false;
    std::vector<RoundAnswer> answers;
    std::optional<LessonProgress> result;  // set when the round is over (and saved)
    bool finished() const { return result.has_value(); }
};

enum class SpeechSpeed { Slow, Normal, Fast };
int speech_rate_wpm(SpeechSpeed);  // 110, 150, 190

struct LessonVisit {
    std::optional<std::string> learner;  // the card in use this visit
    bool card_is_new = false;            // made this visit: the card screen shows "keep this card"
    std::string course_id, lesson_id;
    int step = 0;
    // The step's practice.
    std::string try_choice;  // Choose: the option tapped ("" none)
    session::TextField try_typed{session::FieldKind::Text, 60, {}};
    bool try_checked = false;
    QuizRound quiz;
    // Entering an existing card (typed; a scanned QR fills it too).
    session::TextField card_code{session::FieldKind::Text, 20, {}};
    std::optional<readable_code::Problem> card_problem;
    // The certificate: the name the learner wants on it, and the QR once issued.
    session::TextField certificate_name{session::FieldKind::Text, kMaxDisplayNameChars, {}};
    bool certificate_name_refused = false;
    std::string certificate_qr;
    std::optional<Certificate> certificate;  // what certificate_qr says
    SpeechSpeed speech_speed = SpeechSpeed::Normal;
    std::uint32_t seed = 1;  // varies rounds and order shuffles between attempts

    bool active() const;  // anything a next resident must not see
    void clear() { *this = LessonVisit{}; }

    // A new card, stored at once (the resident may walk away before finishing anything).
    void start_new_card(storage::Database& db, std::int64_t now);
    // The typed or scanned card: true when accepted (the learner is remembered on this kiosk).
    bool use_card(storage::Database& db, std::string_view typed_or_scanned, std::int64_t now);

    // Opens a lesson at the saved position (0 for a new one).
    void open_lesson(storage::Database& db, const Course&, const Lesson&);
    const Lesson* lesson(const CourseShelf&) const;
    const Course* course(const CourseShelf&) const;
    // Moves to `step` (clamped) and saves the position; the practice starts over.
    void go_to_step(storage::Database& db, const Lesson&, int step, std::int64_t now);
    void check_try(const Step&);
    bool try_passed(const Step&) const;

    void start_quiz(const Lesson&);
    const Question* current_question(const Lesson&) const;
    // Single: choose; Multiple: toggle; TrueFalse: set; Order: move option i up or down.
    void choose(const Question&, const std::string& option_id);
    void set_truth(bool value);
    void move_option(std::size_t index, int direction);
    void check_answer(const Lesson&);
    // After the feedback: the next question, or the end of the round (saved for the learner).
    void next_question(storage::Database& db, const Course&, const Lesson&, std::int64_t now);

    // Issues the certificate when the course is complete and the name is acceptable; records it.
    bool issue_certificate(storage::Database& db, const Course&, const std::string& kiosk_id,
                           const std::string& village_code, queue::LocalDate today, const sync::SignSecretKey& key,
                           const std::string& endorsement, std::int64_t now);
};

}  // namespace desa::lessons
