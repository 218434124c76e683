#include "lessons/learner_card.hpp"

namespace desa::lessons {

std::string new_learner_code(const readable_code::RandomSource& random) {
    return readable_code::make(kLearnerCodeLength - 1, random);
}

std::string learner_code_display(std::string_view code) { return readable_code::group(code, 3); }

std::string learner_card_qr(std::string_view code) { return std::string(kLearnerQrPrefix) + std::string(code); }

LearnerCodeCheck read_learner_code(std::string_view text) {
    if (text.substr(0, kLearnerQrPrefix.size()) == kLearnerQrPrefix) text.remove_prefix(kLearnerQrPrefix.size());
    const auto check = readable_code::check(text, kLearnerCodeLength);
    return {check.code, check.problem};
}

bool is_learner_code(std::string_view canonical) {
    const auto check = readable_code::check(canonical, kLearnerCodeLength);
    return check.code && *check.code == canonical;
}

}  // namespace desa::lessons
