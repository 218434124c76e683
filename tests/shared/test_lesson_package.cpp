// Lesson package validation (docs/lesson-package.md): the starter course and a fixture pass; a
// table of broken packages each names its problem; zips are unpacked safely (zip-slip, links,
// bombs); an import never replaces a good course with a bad or older one.
#include <sys/stat.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <functional>

#include "lesson_fixture.hpp"
#include "lessons/lesson_library.hpp"
#include "lessons/package_zip.hpp"

using namespace desa;
using namespace desa::lessons;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json read_json(const fs::path& file) { return json::parse(test::read_file(file)); }

bool has_problem(const std::vector<PackageProblem>& problems, ProblemKind kind, const std::string& file = "") {
    for (const auto& p : problems)
        if (p.kind == kind && (file.empty() || p.file == file)) return true;
    return false;
}

std::string describe(const std::vector<PackageProblem>& problems) {
    std::string out;
    for (const auto& p : problems) out += std::string(problem_kind_name(p.kind)) + " " + p.file + " " + p.detail + "\n";
    return out;
}

void edit_lesson(const fs::path& dir, const std::function<void(json&)>& edit, bool remanifest = true) {
    json lesson = read_json(dir / "lessons/satu.json");
    edit(lesson);
    test::write_json(dir / "lessons/satu.json", lesson);
    if (remanifest) write_manifest(dir, 1);
}

// Adds raw entries to a fresh zip (names as given, so unsafe ones can be made).
void write_zip(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& entries,
               const std::string& link_name = "") {
    int error = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(z);
    for (const auto& [name, bytes] : entries) {
        auto* copy = static_cast<char*>(malloc(bytes.size() + 1));
        memcpy(copy, bytes.data(), bytes.size());
        zip_source_t* src = zip_source_buffer(z, copy, bytes.size(), 1);
        const auto index = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_RAW);
        REQUIRE(index >= 0);
        if (name == link_name)
            zip_file_set_external_attributes(z, static_cast<zip_uint64_t>(index), 0, ZIP_OPSYS_UNIX,
                                             static_cast<zip_uint32_t>(S_IFLNK | 0777) << 16);
    }
    REQUIRE(zip_close(z) == 0);
}

std::vector<std::pair<std::string, std::string>> package_entries(const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) entries.emplace_back(e.path().lexically_relative(dir).generic_string(), test::read_file(e.path()));
    return entries;
}

}  // namespace

TEST_CASE("the starter course validates and has six full lessons", "[lessons]") {
    const auto check = read_package_dir(fs::path(DESA_SOURCE_ASSETS_DIR) / "lessons/literasi-digital");
    INFO(describe(check.problems));
    REQUIRE(check.ok());
    const Course& course = *check.course;
    CHECK(course.id == "literasi-digital");
    REQUIRE(course.lessons.size() >= 6);
    for (const auto& lesson : course.lessons) {
        INFO(lesson.id);
        CHECK(lesson.steps.size() >= 5);
        CHECK(lesson.quiz.size() >= 5);
        for (const auto& step : lesson.steps) CHECK_FALSE(step.image.empty());
    }
}

TEST_CASE("a fixture package reads into the model", "[lessons]") {
    test::TempDir tmp;
    test::write_fixture_package(tmp / "pkg", 3);
    const auto check = read_package_dir(tmp / "pkg");
    INFO(describe(check.problems));
    REQUIRE(check.ok());
    CHECK(check.course->version == 3);
    CHECK(check.course->title.in("en") == "Test Course");
    const Lesson* satu = check.course->find_lesson("satu");
    REQUIRE(satu);
    CHECK(satu->quiz[1].type == QuestionType::Multiple);
    CHECK(std::get<1>(satu->quiz[1].answer) == std::vector<std::string>{"a", "c"});
    CHECK(std::get<2>(satu->quiz[2].answer) == false);
    REQUIRE(satu->steps[1].try_it);
    CHECK(satu->steps[1].try_it->expect == "budi@contoh.id");
    CHECK(satu->mastery.m == 4);
}

TEST_CASE("broken packages: every problem is named", "[lessons]") {
    struct Case {
        const char* name;
        std::function<void(const fs::path&)> damage;
        ProblemKind expected;
        const char* file;
    };
    const std::vector<Case> cases = {
        {"manifest missing", [](const fs::path& d) { fs::remove(d / "manifest.json"); }, ProblemKind::ManifestMissing, "manifest.json"},
        {"manifest of another format",
         [](const fs::path& d) {
             json m = read_json(d / "manifest.json");
             m["format"] = "zip-course/9";
             test::write_json(d / "manifest.json", m);
         },
         ProblemKind::ManifestInvalid, "manifest.json"},
        {"a listed file missing", [](const fs::path& d) { fs::remove(d / "lessons/dua.json"); }, ProblemKind::FileMissing, "lessons/dua.json"},
        {"a file changed after the manifest (bad hash)",
         [](const fs::path& d) {
             std::string bytes = test::read_file(d / "images/a.png");
             bytes[bytes.size() - 20] ^= 0x55;
             test::write_file(d / "images/a.png", bytes);
         },
         ProblemKind::FileHash, "images/a.png"},
        {"a file of another size",
         [](const fs::path& d) { test::write_file(d / "images/cover.png", test::read_file(d / "images/cover.png") + "x"); },
         ProblemKind::FileSize, "images/cover.png"},
        {"a file not in the manifest", [](const fs::path& d) { test::write_file(d / "extra.txt", "hi"); }, ProblemKind::FileUnlisted, "extra.txt"},
        {"a manifest path that escapes the package",
         [](const fs::path& d) {
             json m = read_json(d / "manifest.json");
             m["files"].push_back({{"path", "../../etc/passwd"}, {"bytes", 1}, {"sha256", std::string(64, 'a')}});
             test::write_json(d / "manifest.json", m);
         },
         ProblemKind::UnsafePath, ""},
        {"a symbolic link in the folder", [](const fs::path& d) { fs::create_symlink("/etc/passwd", d / "images/link.png"); }, ProblemKind::Symlink, "images/link.png"},
        {"unknown question type", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][0]["type"] = "essay"; }); }, ProblemKind::UnknownQuestionType, "lessons/satu.json"},
        {"unknown practice kind", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"][1]["try"]["kind"] = "drag"; }); }, ProblemKind::UnknownTryKind, "lessons/satu.json"},
        {"an answer that names no option", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][0]["answer"] = "z"; }); }, ProblemKind::BadAnswer, "lessons/satu.json"},
        {"an order answer that is not every option once",
         [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][3]["answer"] = {"a", "a", "c"}; }); }, ProblemKind::BadAnswer, "lessons/satu.json"},
        {"a multiple answer naming every option",
         [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][1]["answer"] = {"a", "b", "c"}; }); }, ProblemKind::BadAnswer, "lessons/satu.json"},
        {"true_false answered with text", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][2]["answer"] = "false"; }); }, ProblemKind::WrongType, "lessons/satu.json"},
        {"duplicate question ids", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][1]["id"] = "q1"; }); }, ProblemKind::DuplicateId, "lessons/satu.json"},
        {"mastery m above n", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["mastery"] = {{"m", 6}, {"n", 5}}; }); }, ProblemKind::BadMastery, "lessons/satu.json"},
        {"mastery n above the questions", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["mastery"] = {{"m", 4}, {"n", 9}}; }); }, ProblemKind::BadMastery, "lessons/satu.json"},
        {"empty Indonesian text", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"][0]["heading"]["id"] = "  "; }); }, ProblemKind::TextEmpty, "lessons/satu.json"},
        {"a step text over its limit", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"][0]["text"]["id"] = std::string(1300, 'a'); }); }, ProblemKind::TextTooLong, "lessons/satu.json"},
        {"a missing field", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["quiz"][0].erase("explanation"); }); }, ProblemKind::MissingField, "lessons/satu.json"},
        {"no steps", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"] = json::array(); }); }, ProblemKind::BadCount, "lessons/satu.json"},
        {"a lesson file that is not JSON",
         [](const fs::path& d) {
             test::write_file(d / "lessons/satu.json", "{ \"id\": ");
             write_manifest(d, 1);
         },
         ProblemKind::BadJson, "lessons/satu.json"},
        {"a lesson listed without a file",
         [](const fs::path& d) {
             json c = read_json(d / "course.json");
             c["lessons"].push_back("tiga");
             test::write_json(d / "course.json", c);
             write_manifest(d, 1);
         },
         ProblemKind::FileMissing, "lessons/tiga.json"},
        {"an image referenced but absent", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"][1]["image"] = "images/nope.png"; }); }, ProblemKind::FileMissing, "lessons/satu.json"},
        {"an image path escaping the package", [](const fs::path& d) { edit_lesson(d, [](json& l) { l["steps"][1]["image"] = "../secret.png"; }); }, ProblemKind::UnsafePath, "lessons/satu.json"},
        {"an image that is not PNG or JPEG",
         [](const fs::path& d) {
             test::write_file(d / "images/a.png", "GIF89a this is no png");
             write_manifest(d, 1);
         },
         ProblemKind::ImageFormat, "images/a.png"},
        {"an image too wide",
         [](const fs::path& d) {
             test::write_png(d / "images/a.png", 1700, 40);
             write_manifest(d, 1);
         },
         ProblemKind::ImageTooLarge, "images/a.png"},
        {"an image over 1 MiB",
         [](const fs::path& d) {
             test::write_png(d / "images/a.png", 700, 700, true);
             write_manifest(d, 1);
         },
         ProblemKind::ImageTooLarge, "images/a.png"},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            test::TempDir tmp;
            test::write_fixture_package(tmp / "pkg");
            c.damage(tmp / "pkg");
            const auto check = read_package_dir(tmp / "pkg");
            INFO(describe(check.problems));
            CHECK_FALSE(check.ok());
            CHECK_FALSE(check.course);
            CHECK(has_problem(check.problems, c.expected, c.file));
        }
    }
}

TEST_CASE("every problem is listed, not just the first", "[lessons]") {
    test::TempDir tmp;
    test::write_fixture_package(tmp / "pkg");
    edit_lesson(tmp / "pkg", [](json& l) {
        l["quiz"][0]["type"] = "essay";
        l["quiz"][3]["answer"] = {"a"};
        l["steps"][0]["heading"]["id"] = "";
    }, false);
    const auto check = read_package_dir(tmp / "pkg");
    CHECK((has_problem(check.problems, ProblemKind::FileHash, "lessons/satu.json") ||
           has_problem(check.problems, ProblemKind::FileSize, "lessons/satu.json")));
    CHECK(has_problem(check.problems, ProblemKind::UnknownQuestionType));
    CHECK(has_problem(check.problems, ProblemKind::BadAnswer));
    CHECK(has_problem(check.problems, ProblemKind::TextEmpty));
}

TEST_CASE("zips: a good one unpacks, and zip-slip, links and bombs are refused before anything escapes", "[lessons]") {
    test::TempDir tmp;
    test::write_fixture_package(tmp / "pkg");
    REQUIRE(zip_package_dir(tmp / "pkg", tmp / "good.zip").empty());
    CHECK(looks_like_zip(tmp / "good.zip"));
    const auto good = validate_package(tmp / "good.zip", tmp / "scratch");
    INFO(describe(good.problems));
    CHECK(good.ok());

    const auto entries = package_entries(tmp / "pkg");
    struct ZipCase {
        const char* name;
        std::string entry;
        ProblemKind expected;
    };
    const std::vector<ZipCase> cases = {
        {"dot-dot", "../../escaped.txt", ProblemKind::UnsafePath},
        {"dot-dot inside", "images/../../escaped.txt", ProblemKind::UnsafePath},
        {"absolute", "/tmp/escaped.txt", ProblemKind::UnsafePath},
        {"backslash", "..\\..\\escaped.txt", ProblemKind::UnsafePath},
        {"drive letter", "C:/escaped.txt", ProblemKind::UnsafePath},
        {"symbolic link", "images/link.png", ProblemKind::Symlink},
    };
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            auto bad = entries;
            bad.emplace_back(c.entry, "/etc/passwd");
            write_zip(tmp / "bad.zip", bad, c.expected == ProblemKind::Symlink ? c.entry : "");
            const auto check = validate_package(tmp / "bad.zip", tmp / "scratch");
            INFO(describe(check.problems));
            CHECK(has_problem(check.problems, c.expected));
            CHECK_FALSE(fs::exists(tmp / "escaped.txt"));
            CHECK_FALSE(fs::exists("/tmp/escaped.txt"));
        }
    }
    SECTION("a zip bomb stops at the package limit") {
        auto bomb = entries;
        bomb.emplace_back("images/zeros.bin", std::string(static_cast<std::size_t>(kMaxPackageBytes) + 1024, '\0'));
        write_zip(tmp / "bomb.zip", bomb);
        CHECK(fs::file_size(tmp / "bomb.zip") < 1 << 20);
        const auto check = validate_package(tmp / "bomb.zip", tmp / "scratch");
        CHECK(has_problem(check.problems, ProblemKind::TooLarge));
    }
    SECTION("not a zip at all") {
        test::write_file(tmp / "junk.zip", "this is not a zip");
        CHECK(has_problem(validate_package(tmp / "junk.zip", tmp / "scratch").problems, ProblemKind::NotAPackage));
    }
    // Nothing staged is left behind.
    CHECK((!fs::exists(tmp / "scratch") || fs::is_empty(tmp / "scratch")));
}

TEST_CASE("imports: newer replaces, same is a no-op, older and bad never replace a good course", "[lessons]") {
    test::TempDir tmp;
    const fs::path data = tmp / "data", assets = tmp / "assets";
    test::write_fixture_package(tmp / "v2", 2);
    auto first = import_package(tmp / "v2", data, assets);
    INFO(describe(first.problems));
    REQUIRE(first.ok());
    CHECK(first.previous_version == 0);
    CHECK(load_courses(data, assets).find("kursus-uji")->version == 2);

    CHECK(import_package(tmp / "v2", data, assets).already_installed);

    test::write_fixture_package(tmp / "v1", 1);
    const auto older = import_package(tmp / "v1", data, assets);
    CHECK(has_problem(older.problems, ProblemKind::NotNewer));

    test::write_fixture_package(tmp / "v3bad", 3);
    fs::remove(tmp / "v3bad/lessons/dua.json");
    CHECK_FALSE(import_package(tmp / "v3bad", data, assets).ok());
    CHECK(load_courses(data, assets).find("kursus-uji")->version == 2);

    test::write_fixture_package(tmp / "v3", 3);
    REQUIRE(zip_package_dir(tmp / "v3", tmp / "v3.zip").empty());
    const auto newer = import_package(tmp / "v3.zip", data, assets);
    CHECK(newer.ok());
    CHECK(newer.previous_version == 2);
    const auto shelf = load_courses(data, assets);
    CHECK(shelf.find("kursus-uji")->version == 3);
    CHECK(shelf.broken.empty());
    // No staging or old directories left.
    for (const auto& e : fs::directory_iterator(imported_lessons_dir(data)))
        CHECK(e.path().filename().string().front() != '.');
}

TEST_CASE("an interrupted switch is repaired at the next start", "[lessons]") {
    test::TempDir tmp;
    const fs::path data = tmp / "data", assets = tmp / "assets";
    test::write_fixture_package(tmp / "v1", 1);
    REQUIRE(import_package(tmp / "v1", data, assets).ok());
    // Power cut after the first rename of a switch: only the .old copy exists, plus a stale staging dir.
    fs::rename(imported_lessons_dir(data) / "kursus-uji", imported_lessons_dir(data) / ".old-kursus-uji-42");
    fs::create_directories(imported_lessons_dir(data) / ".incoming-7/images");
    const auto shelf = load_courses(data, assets);
    REQUIRE(shelf.find("kursus-uji"));
    CHECK_FALSE(fs::exists(imported_lessons_dir(data) / ".incoming-7"));
}

TEST_CASE("a damaged installed course is skipped and named, not fatal", "[lessons]") {
    test::TempDir tmp;
    const fs::path data = tmp / "data", assets = tmp / "assets";
    test::write_fixture_package(tmp / "v1", 1);
    REQUIRE(import_package(tmp / "v1", data, assets).ok());
    test::write_file(imported_lessons_dir(data) / "kursus-uji/lessons/satu.json", "{}");
    const auto shelf = load_courses(data, assets);
    CHECK_FALSE(shelf.find("kursus-uji"));
    REQUIRE(shelf.broken.size() == 1);
}
