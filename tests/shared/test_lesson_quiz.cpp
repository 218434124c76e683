// Quiz scoring per question type and Kolibri's m-of-n mastery, as tables of cases.
#include <catch2/catch.hpp>

#include "lesson_fixture.hpp"
#include "lessons/quiz.hpp"

using namespace desa;
using namespace desa::lessons;
namespace fs = std::filesystem;

namespace {
Lesson fixture_lesson_model() {
    test::TempDir tmp;
    test::write_fixture_package(tmp / "pkg");
    auto check = read_package_dir(tmp / "pkg");
    REQUIRE(check.ok());
    return check.course->lessons.front();
}
}  // namespace

TEST_CASE("scoring: each question type, right and wrong", "[lessons]") {
    const Lesson lesson = fixture_lesson_model();
    struct Case {
        std::size_t question;
        Response response;
        bool correct;
    };
    using Ids = std::vector<std::string>;
    const std::vector<Case> cases = {
        {0, Response(std::in_place_index<0>, "b"), true},
        {0, Response(std::in_place_index<0>, "a"), false},
        {0, Response(std::in_place_index<0>, ""), false},
        {0, Response(std::in_place_index<2>, true), false},  // a response of another shape
        {1, Response(std::in_place_index<1>, Ids{"c", "a"}), true},  // order of choices does not matter
        {1, Response(std::in_place_index<1>, Ids{"a", "c", "a"}), true},
        {1, Response(std::in_place_index<1>, Ids{"a"}), false},  // partly right is wrong
        {1, Response(std::in_place_index<1>, Ids{"a", "b", "c"}), false},
        {1, Response(std::in_place_index<1>, Ids{}), false},
        {2, Response(std::in_place_index<2>, false), true},
        {2, Response(std::in_place_index<2>, true), false},
        {3, Response(std::in_place_index<3>, Ids{"a", "b", "c"}), true},
        {3, Response(std::in_place_index<3>, Ids{"b", "a", "c"}), false},
        {3, Response(std::in_place_index<3>, Ids{"a", "b"}), false},
        {3, Response(std::in_place_index<1>, Ids{"a", "b", "c"}), false},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i);
        CHECK(is_correct(lesson.quiz[cases[i].question], cases[i].response) == cases[i].correct);
    }
}

TEST_CASE("mastery m of n counts the last n answers", "[lessons]") {
    struct Case {
        Mastery mastery;
        std::vector<bool> answers;
        bool mastered;
    };
    const std::vector<Case> cases = {
        {{4, 5}, {true, true, true, true, false}, true},
        {{4, 5}, {true, true, true, false, false}, false},
        {{4, 5}, {true, true, true, true, true}, true},
        {{4, 5}, {false, true, true, true, true, false}, true},   // the oldest answer falls out
        {{4, 5}, {true, true, true, true, false, false}, false},  // last five: 3 right
        {{5, 5}, {true, true, true, true, false}, false},
        {{3, 3}, {false, false, true, true, true}, true},  // three in a row
        {{4, 5}, {true, true, true}, false},               // fewer answers than m
        {{1, 1}, {}, false},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        INFO("case " << i);
        CHECK(is_mastered(cases[i].mastery, cases[i].answers) == cases[i].mastered);
    }
}

TEST_CASE("rounds and shuffles are deterministic, fair and never give the order away", "[lessons]") {
    Lesson lesson = fixture_lesson_model();
    CHECK(pick_round(lesson, 1) == std::vector<std::size_t>{0, 1, 2, 3, 4});  // n = all five
    lesson.mastery.n = 3;
    const auto a = pick_round(lesson, 7), b = pick_round(lesson, 7);
    CHECK(a == b);
    CHECK(a.size() == 3);
    CHECK(std::is_sorted(a.begin(), a.end()));
    const Question& order = lesson.quiz[3];
    for (std::uint32_t seed = 0; seed < 200; ++seed) {
        const auto shown = shuffled_order(order, seed);
        CHECK(shown != std::get<3>(order.answer));
        CHECK(shown.size() == 3);
    }
}
