#pragma once
// Quiz scoring and Kolibri's m-of-n mastery (docs/lesson-package.md "Quiz and mastery"). Plain
// functions over the validated model: the screen keeps the resident's choices, these judge them.
#include <cstdint>
#include <string>
#include <vector>

#include "lessons/lesson_model.hpp"

namespace desa::lessons {

// The resident's answer has the same shape as the right one (Answer's alternative for the type).
using Response = Answer;

// False for a response of another shape than the question's type.
bool is_correct(const Question&, const Response&);

// The questions of one round: `mastery.n` of the lesson's questions in the author's order, chosen
// by `seed` when the lesson has more (a second round draws another mix).
std::vector<std::size_t> pick_round(const Lesson&, std::uint32_t seed);

// The options of an `order` question as first shown: shuffled by `seed`, never already in the
// right order (that would be a free point).
std::vector<std::string> shuffled_order(const Question&, std::uint32_t seed);

// Mastered when at least m of the last n answers (oldest first) are correct.
bool is_mastered(const Mastery&, const std::vector<bool>& answers);
int count_correct(const std::vector<bool>& answers);

}  // namespace desa::lessons
