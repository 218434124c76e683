#pragma once
// A course as the kiosk holds it after a package passed validation (docs/lesson-package.md): plain
// values, nothing left to check. The reader (lesson_package.hpp) is the only way to make one from
// outside, so a screen never meets an answer that names no option or a question of no known type.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace desa::lessons {

// Indonesian always, English when the author wrote it.
struct LocalText {
    std::string id;
    std::string en;
    const std::string& in(std::string_view language) const { return language == "en" && !en.empty() ? en : id; }
};

struct Option {
    std::string id;  // [a-z0-9], <= 8, unique in its question
    LocalText text;
};

enum class QuestionType { Single, Multiple, TrueFalse, Order };
std::string_view question_type_name(QuestionType);  // "single", "multiple", "true_false", "order"
std::optional<QuestionType> parse_question_type(std::string_view);

// The right answer, one alternative per question type (the variant index follows QuestionType).
using Answer = std::variant<std::string,               // Single: the option id
                            std::vector<std::string>,  // Multiple: the ids, sorted
                            bool,                      // TrueFalse
                            std::vector<std::string>>; // Order: every id once, in order

struct Question {
    std::string id;  // [a-z0-9_-], <= 32, unique in its lesson
    QuestionType type = QuestionType::Single;
    LocalText prompt;
    std::vector<Option> options;  // empty for TrueFalse
    Answer answer;
    LocalText explanation;
};

enum class TryKind { Choose, Type };

struct TryIt {
    TryKind kind = TryKind::Choose;
    LocalText prompt;
    std::vector<Option> options;  // Choose
    std::string answer;           // Choose: an option id
    std::string expect;           // Type: the text to type
    LocalText feedback;
};

struct Step {
    LocalText heading;
    LocalText text;
    std::string image;  // package-relative path, "" for none
    std::optional<TryIt> try_it;
};

struct Mastery {
    int m = 4;
    int n = 5;
};

struct Lesson {
    std::string id;  // [a-z0-9-], <= 40
    LocalText title;
    LocalText summary;
    int minutes = 0;
    Mastery mastery;
    std::vector<Step> steps;
    std::vector<Question> quiz;
};

struct Course {
    std::string id;  // [a-z0-9-], <= 40
    std::int64_t version = 0;
    LocalText title;
    LocalText summary;
    std::string cover;  // "" for none
    std::vector<Lesson> lessons;
    std::filesystem::path root;  // the package directory the image paths are relative to

    const Lesson* find_lesson(std::string_view lesson_id) const;
    std::filesystem::path file(std::string_view package_path) const { return root / std::string(package_path); }
};

}  // namespace desa::lessons
