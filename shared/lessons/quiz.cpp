#include "lessons/quiz.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace desa::lessons {

bool is_correct(const Question& q, const Response& response) {
    if (response.index() != q.answer.index()) return false;
    switch (q.type) {
        case QuestionType::Single: return std::get<0>(response) == std::get<0>(q.answer);
        case QuestionType::Multiple: {
            auto chosen = std::get<1>(response);
            std::sort(chosen.begin(), chosen.end());
            chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
            return chosen == std::get<1>(q.answer);
        }
        case QuestionType::TrueFalse: return std::get<2>(response) == std::get<2>(q.answer);
        case QuestionType::Order: return std::get<3>(response) == std::get<3>(q.answer);
    }
    return false;
}

std::vector<std::size_t> pick_round(const Lesson& lesson, std::uint32_t seed) {
    std::vector<std::size_t> all(lesson.quiz.size());
    std::iota(all.begin(), all.end(), 0);
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(std::max(lesson.mastery.n, 1)), all.size());
    if (n == all.size()) return all;
    std::mt19937 random(seed);
    std::shuffle(all.begin(), all.end(), random);
    all.resize(n);
    std::sort(all.begin(), all.end());
    return all;
}

std::vector<std::string> shuffled_order(const Question& q, std::uint32_t seed) {
    std::vector<std::string> ids;
    for (const auto& option : q.options) ids.push_back(option.id);
    if (q.type != QuestionType::Order || ids.size() < 2) return ids;
    const auto& right = std::get<3>(q.answer);
    std::mt19937 random(seed);
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::shuffle(ids.begin(), ids.end(), random);
        if (ids != right) return ids;
    }
    std::rotate(ids.begin(), ids.begin() + 1, ids.end());  // a rotation of n >= 2 distinct ids always differs
    return ids;
}

int count_correct(const std::vector<bool>& answers) {
    return static_cast<int>(std::count(answers.begin(), answers.end(), true));
}

bool is_mastered(const Mastery& mastery, const std::vector<bool>& answers) {
    const auto n = std::min<std::size_t>(static_cast<std::size_t>(std::max(mastery.n, 1)), answers.size());
    const auto last = std::count(answers.end() - static_cast<std::ptrdiff_t>(n), answers.end(), true);
    return last >= mastery.m;
}

}  // namespace desa::lessons
