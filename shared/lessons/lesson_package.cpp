#include "lessons/lesson_package.hpp"

#include <stb_image.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "lessons/lesson_json.hpp"
#include "lessons/package_tree.hpp"
#include "media/image_decode.hpp"
#include "sync/protocol.hpp"

namespace desa::lessons {

namespace fs = std::filesystem;
using nlohmann::json;
using json_read::Reader;

std::string_view problem_kind_name(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::NotAPackage: return "not_a_package";
        case ProblemKind::UnsafePath: return "unsafe_path";
        case ProblemKind::Symlink: return "symlink";
        case ProblemKind::TooManyFiles: return "too_many_files";
        case ProblemKind::TooLarge: return "too_large";
        case ProblemKind::BadZip: return "bad_zip";
        case ProblemKind::ManifestMissing: return "manifest_missing";
        case ProblemKind::ManifestInvalid: return "manifest_invalid";
        case ProblemKind::FileMissing: return "file_missing";
        case ProblemKind::FileSize: return "file_size";
        case ProblemKind::FileHash: return "file_hash";
        case ProblemKind::FileUnlisted: return "file_unlisted";
        case ProblemKind::BadJson: return "bad_json";
        case ProblemKind::MissingField: return "missing_field";
        case ProblemKind::WrongType: return "wrong_type";
        case ProblemKind::UnknownQuestionType: return "unknown_question_type";
        case ProblemKind::UnknownTryKind: return "unknown_try_kind";
        case ProblemKind::BadAnswer: return "bad_answer";
        case ProblemKind::BadCount: return "bad_count";
        case ProblemKind::DuplicateId: return "duplicate_id";
        case ProblemKind::BadId: return "bad_id";
        case ProblemKind::BadMastery: return "bad_mastery";
        case ProblemKind::ImageFormat: return "image_format";
        case ProblemKind::ImageTooLarge: return "image_too_large";
        case ProblemKind::TextEmpty: return "text_empty";
        case ProblemKind::TextTooLong: return "text_too_long";
        case ProblemKind::NotNewer: return "not_newer";
        case ProblemKind::InstallFailed: return "install_failed";
    }
    return "unknown";
}

std::string_view question_type_name(QuestionType type) {
    switch (type) {
        case QuestionType::Single: return "single";
        case QuestionType::Multiple: return "multiple";
        case QuestionType::TrueFalse: return "true_false";
        case QuestionType::Order: return "order";
    }
    return "single";
}

std::optional<QuestionType> parse_question_type(std::string_view name) {
    for (auto type : {QuestionType::Single, QuestionType::Multiple, QuestionType::TrueFalse, QuestionType::Order})
        if (question_type_name(type) == name) return type;
    return std::nullopt;
}

const Lesson* Course::find_lesson(std::string_view lesson_id) const {
    for (const auto& lesson : lessons)
        if (lesson.id == lesson_id) return &lesson;
    return nullptr;
}

namespace {

constexpr std::size_t kShort = 120, kStepText = 1200, kPrompt = 300, kExplanation = 600, kSummary = 300;

struct Context {
    fs::path dir;
    const PackageTree& tree;
    std::vector<PackageProblem>& problems;
    std::set<std::string> images_checked;
    bool decode_pictures = true;
};

std::optional<json> parse_json_file(Context& ctx, const std::string& file) {
    if (!ctx.tree.files.count(file)) {
        ctx.problems.push_back({ProblemKind::FileMissing, file, "the file is missing"});
        return std::nullopt;
    }
    const auto text = read_small_file(ctx.dir / file, 4 << 20);
    json doc = text ? json::parse(*text, nullptr, false) : json(json::value_t::discarded);
    if (doc.is_discarded() || !doc.is_object()) {
        ctx.problems.push_back({ProblemKind::BadJson, file, "not a JSON object (or larger than 4 MiB)"});
        return std::nullopt;
    }
    return doc;
}

void check_image(Context& ctx, Reader& r, const std::string& where, const std::string& path) {
    if (!is_safe_package_path(path)) {
        r.problem(ProblemKind::UnsafePath, where, "'" + path.substr(0, 100) + "' escapes the package");
        return;
    }
    auto it = ctx.tree.files.find(path);
    if (it == ctx.tree.files.end()) {
        r.problem(ProblemKind::FileMissing, where, "image " + path + " is not in the package");
        return;
    }
    if (!ctx.images_checked.insert(path).second) return;
    const auto bytes = read_small_file(ctx.dir / path, kMaxPackageBytes);
    auto image_problem = [&](ProblemKind kind, const std::string& detail) {
        ctx.problems.push_back({kind, path, detail});
    };
    if (!bytes) return image_problem(ProblemKind::FileMissing, "cannot be read");
    const bool png = bytes->rfind("\x89PNG\r\n\x1a\n", 0) == 0;
    const bool jpeg = bytes->size() > 3 && static_cast<unsigned char>((*bytes)[0]) == 0xFF &&
                      static_cast<unsigned char>((*bytes)[1]) == 0xD8 && static_cast<unsigned char>((*bytes)[2]) == 0xFF;
    if (!png && !jpeg) return image_problem(ProblemKind::ImageFormat, "not a PNG or JPEG picture");
    if (static_cast<std::int64_t>(bytes->size()) > kMaxImageBytes)
        return image_problem(ProblemKind::ImageTooLarge, std::to_string(bytes->size()) + " bytes, at most " +
                                                             std::to_string(kMaxImageBytes));
    int w = 0, h = 0, comp = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes->data());
    if (!stbi_info_from_memory(data, static_cast<int>(bytes->size()), &w, &h, &comp))
        return image_problem(ProblemKind::ImageFormat, "the picture cannot be read");
    if (w > kMaxImageWidth || h > kMaxImageHeight)
        return image_problem(ProblemKind::ImageTooLarge, std::to_string(w) + "x" + std::to_string(h) +
                                                             " pixels, at most " + std::to_string(kMaxImageWidth) +
                                                             "x" + std::to_string(kMaxImageHeight));
    if (!ctx.decode_pictures) return;
    std::string error;
    const media::ImageLimits limits{std::max(kMaxImageWidth, kMaxImageHeight), 16LL << 20, kMaxImageBytes};
    if (!media::decode_image({reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size()}, 4, limits, error))
        image_problem(ProblemKind::ImageFormat, error);
}

std::vector<Option> read_options(Reader& r, const json& object, const std::string& where, std::size_t min,
                                 std::size_t max) {
    std::vector<Option> options;
    const json* list = r.field(object, where, "options");
    if (!list) return options;
    if (!list->is_array()) {
        r.problem(ProblemKind::WrongType, where + ".options", "expected a list");
        return options;
    }
    if (list->size() < min || list->size() > max)
        r.problem(ProblemKind::BadCount, where + ".options",
                  std::to_string(list->size()) + " options, expected " + std::to_string(min) + " to " + std::to_string(max));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = where + ".options[" + std::to_string(i) + "]";
        Option option;
        option.id = r.string((*list)[i], at, "id").value_or("");
        if (!option.id.empty() && r.id(option.id, at + ".id", 8, "") && !ids.insert(option.id).second)
            r.problem(ProblemKind::DuplicateId, at + ".id", "option '" + option.id + "' appears twice");
        option.text = r.text((*list)[i], at, "text", kShort);
        options.push_back(std::move(option));
    }
    return options;
}

bool names_option(const std::vector<Option>& options, const std::string& id) {
    return std::any_of(options.begin(), options.end(), [&](const Option& o) { return o.id == id; });
}

std::optional<std::vector<std::string>> read_id_list(Reader& r, const json& object, const std::string& where) {
    const json* value = r.field(object, where, "answer");
    if (!value) return std::nullopt;
    if (!value->is_array() || !std::all_of(value->begin(), value->end(), [](const json& v) { return v.is_string(); })) {
        r.problem(ProblemKind::WrongType, where + ".answer", "expected a list of option ids");
        return std::nullopt;
    }
    return value->get<std::vector<std::string>>();
}

std::optional<Question> read_question(Reader& r, const json& object, const std::string& where) {
    Question q;
    q.id = r.string(object, where, "id").value_or("");
    if (!q.id.empty()) r.id(q.id, where + ".id", 32, "_-");
    const auto type_name = r.string(object, where, "type");
    q.prompt = r.text(object, where, "prompt", kPrompt);
    q.explanation = r.text(object, where, "explanation", kExplanation);
    if (!type_name) return std::nullopt;
    const auto type = parse_question_type(*type_name);
    if (!type) {
        r.problem(ProblemKind::UnknownQuestionType, where + ".type", "unknown question type '" + type_name->substr(0, 40) + "'");
        return std::nullopt;
    }
    q.type = *type;
    const std::string at = where + ".answer";
    switch (q.type) {
        case QuestionType::Single: {
            q.options = read_options(r, object, where, 2, 6);
            const auto answer = r.string(object, where, "answer");
            if (!answer) return std::nullopt;
            if (!names_option(q.options, *answer)) r.problem(ProblemKind::BadAnswer, at, "'" + *answer + "' is not an option");
            q.answer = Answer(std::in_place_index<0>, *answer);
            break;
        }
        case QuestionType::Multiple: {
            q.options = read_options(r, object, where, 3, 6);
            auto ids = read_id_list(r, object, where);
            if (!ids) return std::nullopt;
            std::sort(ids->begin(), ids->end());
            if (std::adjacent_find(ids->begin(), ids->end()) != ids->end())
                r.problem(ProblemKind::BadAnswer, at, "an option is named twice");
            if (ids->empty() || ids->size() >= q.options.size())
                r.problem(ProblemKind::BadAnswer, at, "name at least one option and leave at least one out");
            for (const auto& id : *ids)
                if (!names_option(q.options, id)) r.problem(ProblemKind::BadAnswer, at, "'" + id + "' is not an option");
            q.answer = Answer(std::in_place_index<1>, *ids);
            break;
        }
        case QuestionType::TrueFalse: {
            const json* value = r.field(object, where, "answer");
            if (!value) return std::nullopt;
            if (!value->is_boolean()) {
                r.problem(ProblemKind::WrongType, at, "expected true or false");
                return std::nullopt;
            }
            if (object.contains("options")) r.problem(ProblemKind::BadCount, where + ".options", "true_false has no options");
            q.answer = Answer(std::in_place_index<2>, value->get<bool>());
            break;
        }
        case QuestionType::Order: {
            q.options = read_options(r, object, where, 3, 6);
            auto ids = read_id_list(r, object, where);
            if (!ids) return std::nullopt;
            auto sorted = *ids;
            std::sort(sorted.begin(), sorted.end());
            std::vector<std::string> all;
            for (const auto& o : q.options) all.push_back(o.id);
            std::sort(all.begin(), all.end());
            if (sorted != all) r.problem(ProblemKind::BadAnswer, at, "must name every option exactly once");
            q.answer = Answer(std::in_place_index<3>, *ids);
            break;
        }
    }
    return q;
}

std::optional<TryIt> read_try(Reader& r, const json& object, const std::string& where) {
    TryIt t;
    const auto kind = r.string(object, where, "kind");
    t.prompt = r.text(object, where, "prompt", kPrompt);
    t.feedback = r.text(object, where, "feedback", kExplanation);
    if (!kind) return std::nullopt;
    if (*kind == "choose") {
        t.kind = TryKind::Choose;
        t.options = read_options(r, object, where, 2, 4);
        t.answer = r.string(object, where, "answer").value_or("");
        if (!t.answer.empty() && !names_option(t.options, t.answer))
            r.problem(ProblemKind::BadAnswer, where + ".answer", "'" + t.answer + "' is not an option");
    } else if (*kind == "type") {
        t.kind = TryKind::Type;
        t.expect = r.string(object, where, "expect").value_or("");
        if (t.expect.empty() || t.expect.size() > 60)
            r.problem(ProblemKind::BadAnswer, where + ".expect", "1 to 60 characters to type");
    } else {
        r.problem(ProblemKind::UnknownTryKind, where + ".kind", "unknown practice kind '" + kind->substr(0, 40) + "'");
        return std::nullopt;
    }
    return t;
}

std::optional<Lesson> read_lesson(Context& ctx, const std::string& lesson_id) {
    const std::string file = "lessons/" + lesson_id + ".json";
    const auto doc = parse_json_file(ctx, file);
    if (!doc) return std::nullopt;
    Reader r{file, ctx.problems};
    Lesson lesson;
    lesson.id = r.string(*doc, "", "id").value_or("");
    if (!lesson.id.empty() && lesson.id != lesson_id)
        r.problem(ProblemKind::BadId, "id", "'" + lesson.id + "' but the course lists it as '" + lesson_id + "'");
    lesson.title = r.text(*doc, "", "title", kShort);
    lesson.summary = r.text(*doc, "", "summary", kSummary, false);
    lesson.minutes = static_cast<int>(std::clamp<std::int64_t>(r.integer(*doc, "", "minutes", false).value_or(0), 0, 600));
    const json* steps = r.field(*doc, "", "steps");
    if (steps && (!steps->is_array() || steps->empty() || steps->size() > 30))
        r.problem(ProblemKind::BadCount, "steps", "expected a list of 1 to 30 steps");
    else if (steps)
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const std::string where = "steps[" + std::to_string(i) + "]";
            const json& s = (*steps)[i];
            Step step;
            step.heading = r.text(s, where, "heading", kShort);
            step.text = r.text(s, where, "text", kStepText);
            step.image = r.string(s, where, "image", false).value_or("");
            if (!step.image.empty()) check_image(ctx, r, where + ".image", step.image);
            if (const json* t = r.field(s, where, "try", false)) step.try_it = read_try(r, *t, where + ".try");
            lesson.steps.push_back(std::move(step));
        }
    const json* quiz = r.field(*doc, "", "quiz");
    std::set<std::string> question_ids;
    if (quiz && (!quiz->is_array() || quiz->empty() || quiz->size() > 20))
        r.problem(ProblemKind::BadCount, "quiz", "expected a list of 1 to 20 questions");
    else if (quiz)
        for (std::size_t i = 0; i < quiz->size(); ++i) {
            const std::string where = "quiz[" + std::to_string(i) + "]";
            auto q = read_question(r, (*quiz)[i], where);
            if (!q) continue;
            if (!q->id.empty() && !question_ids.insert(q->id).second)
                r.problem(ProblemKind::DuplicateId, where + ".id", "question '" + q->id + "' appears twice");
            lesson.quiz.push_back(std::move(*q));
        }
    if (const json* mastery = r.field(*doc, "", "mastery")) {
        const auto m = r.integer(*mastery, "mastery", "m"), n = r.integer(*mastery, "mastery", "n");
        if (m && n) {
            const auto questions = static_cast<std::int64_t>(lesson.quiz.size());
            if (*m < 1 || *m > *n || *n > questions)
                r.problem(ProblemKind::BadMastery, "mastery", "needs 1 <= m <= n <= " + std::to_string(questions) +
                                                                  " questions; m=" + std::to_string(*m) + " n=" +
                                                                  std::to_string(*n));
            lesson.mastery = {static_cast<int>(*m), static_cast<int>(*n)};
        }
    }
    return lesson;
}

}  // namespace

PackageCheck read_package_dir(const fs::path& dir, bool decode_pictures) {
    PackageCheck check;
    const PackageTree tree = scan_package_tree(dir, check.problems);
    if (!check.problems.empty() && tree.files.empty()) return check;
    const auto manifest = check_manifest(dir, tree, check.problems);
    Context ctx{dir, tree, check.problems, {}, decode_pictures};
    const std::string file = "course.json";
    const auto doc = parse_json_file(ctx, file);
    if (!doc) return check;
    Reader r{file, check.problems};
    Course course;
    course.root = dir;
    course.id = r.string(*doc, "", "id").value_or("");
    if (!course.id.empty()) r.id(course.id, "id", 40, "-");
    if (manifest && !manifest->course.empty() && manifest->course != course.id)
        r.problem(ProblemKind::ManifestInvalid, "id", "'" + course.id + "' but the manifest says '" + manifest->course + "'");
    course.version = manifest ? manifest->version : 0;
    course.title = r.text(*doc, "", "title", kShort);
    course.summary = r.text(*doc, "", "summary", kSummary, false);
    course.cover = r.string(*doc, "", "cover", false).value_or("");
    if (!course.cover.empty()) check_image(ctx, r, "cover", course.cover);
    const json* lessons = r.field(*doc, "", "lessons");
    if (lessons && (!lessons->is_array() || lessons->empty() || lessons->size() > 50)) {
        r.problem(ProblemKind::BadCount, "lessons", "expected a list of 1 to 50 lesson ids");
    } else if (lessons) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < lessons->size(); ++i) {
            const std::string where = "lessons[" + std::to_string(i) + "]";
            if (!(*lessons)[i].is_string()) {
                r.problem(ProblemKind::WrongType, where, "expected a lesson id");
                continue;
            }
            const auto id = (*lessons)[i].get<std::string>();
            if (!r.id(id, where, 40, "-")) continue;
            if (!seen.insert(id).second) {
                r.problem(ProblemKind::DuplicateId, where, "lesson '" + id + "' listed twice");
                continue;
            }
            if (auto lesson = read_lesson(ctx, id)) course.lessons.push_back(std::move(*lesson));
        }
    }
    if (check.problems.empty()) check.course = std::move(course);
    return check;
}

std::vector<PackageProblem> write_manifest(const fs::path& dir, std::int64_t version) {
    std::vector<PackageProblem> problems;
    const PackageTree tree = scan_package_tree(dir, problems);
    if (!problems.empty()) return problems;
    const auto course_text = read_small_file(dir / "course.json", 4 << 20);
    const json course = course_text ? json::parse(*course_text, nullptr, false) : json(json::value_t::discarded);
    if (course.is_discarded() || !course.is_object() || !course.contains("id") || !course["id"].is_string()) {
        problems.push_back({ProblemKind::MissingField, "course.json", "a course.json with an id is needed"});
        return problems;
    }
    json files = json::array();
    for (const auto& [path, bytes] : tree.files) {
        if (path == "manifest.json") continue;
        const auto content = read_small_file(dir / path, kMaxPackageBytes);
        if (!content) {
            problems.push_back({ProblemKind::FileMissing, path, "cannot be read"});
            continue;
        }
        files.push_back({{"path", path}, {"bytes", bytes}, {"sha256", sync::sha256_hex(*content)}});
    }
    if (!problems.empty()) return problems;
    const json manifest = {{"format", kPackageFormat}, {"course", course["id"]}, {"version", version}, {"files", files}};
    std::ofstream out(dir / "manifest.json", std::ios::binary | std::ios::trunc);
    out << manifest.dump(2) << "\n";
    if (!out) problems.push_back({ProblemKind::InstallFailed, "manifest.json", "cannot be written"});
    return problems;
}

}  // namespace desa::lessons
