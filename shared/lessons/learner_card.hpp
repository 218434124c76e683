#pragma once
// The learner card: no account, no name, no NIK. A learner is a short readable code
// (core/readable_code: 8 random symbols + a check, shown "K7M-Q9X-D4P"), printed or photographed
// as a QR card "DESA-BELAJAR:1:<code>". Whoever holds the card holds the progress, nothing more:
// it opens no personal data, so it needs no signature, and 31^8 codes are not guessed by trying.
#include <optional>
#include <string>
#include <string_view>

#include "core/readable_code.hpp"

namespace desa::lessons {

inline constexpr std::size_t kLearnerCodeLength = 9;  // with the check character
inline constexpr std::string_view kLearnerQrPrefix = "DESA-BELAJAR:1:";

std::string new_learner_code(const readable_code::RandomSource& random = {});
std::string learner_code_display(std::string_view code);  // "K7M-Q9X-D4P"
std::string learner_card_qr(std::string_view code);        // "DESA-BELAJAR:1:K7MQ9XD4P"

// A scanned QR, or a code typed with or without dashes; nullopt with `problem` set otherwise
// (the QR's code passes the same check as a typed one).
struct LearnerCodeCheck {
    std::optional<std::string> code;
    std::optional<readable_code::Problem> problem;
};
LearnerCodeCheck read_learner_code(std::string_view scanned_or_typed);
bool is_learner_code(std::string_view canonical);

}  // namespace desa::lessons
