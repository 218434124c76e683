// Learners and progress in kiosk.db: codes, positions, rounds, the merge rule shared with the hub,
// and the outbox records that carry progress up.
#include <catch2/catch.hpp>

#include "lesson_fixture.hpp"
#include "lessons/learner_card.hpp"
#include "lessons/progress_store.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"

using namespace desa;
using namespace desa::lessons;

TEST_CASE("learner codes: short, checked, read from a QR or typed", "[lessons]") {
    const std::string code = new_learner_code();
    CHECK(code.size() == kLearnerCodeLength);
    CHECK(is_learner_code(code));
    CHECK(learner_code_display(code).size() == 11);
    CHECK(read_learner_code(learner_card_qr(code)).code == code);
    CHECK(read_learner_code(learner_code_display(code)).code == code);
    std::string typo = code;
    typo[2] = typo[2] == 'A' ? 'B' : 'A';
    CHECK_FALSE(read_learner_code(typo).code);
    CHECK(read_learner_code("DESA-BELAJAR:1:").problem == readable_code::Problem::Empty);
    CHECK_FALSE(read_learner_code("DESA-ANTRI:1:xyz").code);
}

TEST_CASE("merge: best score and mastery never go down, the newest position wins", "[lessons]") {
    const LessonProgress old_good{"c", "l", 6, 5, 5, true, 100};
    const LessonProgress new_poor{"c", "l", 2, 3, 5, false, 200};
    const auto merged = merge(old_good, new_poor);
    CHECK(merged.position == 2);
    CHECK(merged.best_score == 5);
    CHECK(merged.mastered);
    CHECK(merged.updated_at == 200);
    CHECK(merge(new_poor, old_good) == merged);  // order does not matter
    CHECK(merge(merged, merged) == merged);      // idempotent
}

TEST_CASE("positions and rounds are stored with an outbox record each", "[lessons]") {
    test::TempDir tmp;
    test::write_fixture_package(tmp / "pkg");
    const auto check = read_package_dir(tmp / "pkg");
    REQUIRE(check.ok());
    const Course& course = *check.course;
    auto db = storage::open_kiosk_database(tmp / "data");
    const std::string learner = create_learner(db, 1000);
    CHECK(is_learner_code(learner));

    record_position(db, learner, course.id, "satu", 1, 1010);
    record_position(db, learner, course.id, "satu", 1, 1020);  // unchanged: no new record
    CHECK(sync::count_pending(db) == 1);

    std::vector<RoundAnswer> answers = {{"q1", true}, {"q2", true}, {"q3", false}, {"q4", true}, {"q5", false}};
    auto p = record_round(db, learner, course, *course.find_lesson("satu"), answers, 1100);
    CHECK(p.best_score == 3);
    CHECK_FALSE(p.mastered);
    CHECK(p.position == 1);
    answers[2].correct = true;
    p = record_round(db, learner, course, *course.find_lesson("satu"), answers, 1200);
    CHECK(p.best_score == 4);
    CHECK(p.mastered);
    answers = {{"q1", false}, {"q2", false}, {"q3", false}, {"q4", false}, {"q5", false}};
    p = record_round(db, learner, course, *course.find_lesson("satu"), answers, 1300);
    CHECK(p.best_score == 4);  // a bad later round does not undo mastery
    CHECK(p.mastered);
    CHECK(sync::count_pending(db) == 4);

    const auto pending = sync::pending(db, kLessonProgressChannel, 10);
    REQUIRE(pending.size() == 4);
    const auto parsed = parse_progress_payload(pending.back().payload);
    REQUIRE(parsed);
    CHECK(parsed->learner == learner);
    CHECK(parsed->progress == p);
    CHECK_FALSE(course_complete(course, learner_progress(db, learner)));

    // What the hub knows from another kiosk: lesson "dua" mastered there, a later position in "satu".
    const int changed = merge_progress(db, learner, {{course.id, "dua", 3, 5, 5, true, 2000}, {course.id, "satu", 0, 2, 5, false, 1900}});
    CHECK(changed == 2);
    CHECK(sync::count_pending(db) == 4);  // merged rows are not sent back
    const auto satu = lesson_progress(db, learner, course.id, "satu");
    CHECK(satu->position == 0);
    CHECK(satu->best_score == 4);
    CHECK(satu->mastered);
    CHECK(course_complete(course, learner_progress(db, learner)));
    CHECK(merge_progress(db, learner, {{course.id, "dua", 3, 5, 5, true, 2000}}) == 0);
}

TEST_CASE("progress payloads from outside are validated", "[lessons]") {
    const std::string code = new_learner_code();
    const std::string good = progress_payload(code, {"c", "l", 1, 3, 5, false, 100});
    CHECK(parse_progress_payload(good));
    struct Case {
        const char* name;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"not JSON", "{"},
        {"bad learner code", progress_payload("AAAAAAAAA", {"c", "l", 1, 3, 5, false, 100})},
        {"score above the round", progress_payload(code, {"c", "l", 1, 6, 5, false, 100})},
        {"negative position", progress_payload(code, {"c", "l", -1, 3, 5, false, 100})},
        {"mastered as text", R"({"learner":")" + code + R"(","course":"c","lesson":"l","position":1,"best_score":1,"round_size":5,"mastered":"yes","updated_at":1})"},
        {"missing course", R"({"learner":")" + code + R"(","lesson":"l","position":1,"best_score":1,"round_size":5,"mastered":true,"updated_at":1})"},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK_FALSE(parse_progress_payload(c.text));
    }
}
