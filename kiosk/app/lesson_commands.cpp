#include "app/lesson_commands.hpp"

#include "app/lesson_progress_command.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "lessons/lesson_library.hpp"
#include "lessons/lesson_stats.hpp"

namespace desa::kiosk {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::string> describe_problems(const KioskContext& ctx, i18n::Language lang,
                                           const std::vector<lessons::PackageProblem>& problems) {
    std::vector<std::string> lines;
    for (const auto& p : problems)
        lines.push_back(ctx.catalog.format(
            lang, "lessons.cli.problem",
            {{"file", p.file.empty() ? std::string("(paket)") : p.file},
             {"message", ctx.catalog.tr(lang, "lessons.problem." + std::string(lessons::problem_kind_name(p.kind)))},
             {"detail", p.detail}}));
    return lines;
}

namespace {

struct LessonArgs {
    std::string path;
    bool json = false;
    std::int64_t version = 1;
};

int print_problems(const KioskContext& ctx, i18n::Language lang, const std::vector<lessons::PackageProblem>& problems) {
    for (const auto& line : describe_problems(ctx, lang, problems)) std::cerr << line << "\n";
    std::cerr << ctx.catalog.format(lang, "lessons.cli.invalid", {{"count", std::to_string(problems.size())}}) << "\n";
    return 1;
}

std::size_t question_count(const lessons::Course& course) {
    std::size_t n = 0;
    for (const auto& l : course.lessons) n += l.quiz.size();
    return n;
}

}  // namespace

std::function<int(KioskContext&)> add_lesson_commands(CLI::App& cli) {
    auto args = std::make_shared<LessonArgs>();
    auto* lessons_cmd = cli.add_subcommand("lessons", "internet-literacy lesson packages");
    lessons_cmd->require_subcommand(1);
    auto* validate = lessons_cmd->add_subcommand("validate", "check a package folder or zip; print every problem");
    validate->add_option("PATH", args->path, "package folder or zip")->required();
    auto* import = lessons_cmd->add_subcommand("import", "install a package folder or zip (USB stick)");
    import->add_option("PATH", args->path, "package folder or zip")->required();
    auto* list = lessons_cmd->add_subcommand("list", "the installed courses");
    list->add_flag("--json", args->json, "machine-readable");
    auto* manifest = lessons_cmd->add_subcommand("manifest", "write manifest.json for a package folder (authors)");
    manifest->add_option("DIR", args->path, "package folder")->required();
    manifest->add_option("--version", args->version, "the package version (only grows)")->check(CLI::PositiveNumber);
    auto* stats = lessons_cmd->add_subcommand("stats", "learners, mastery and the hardest questions on this kiosk");
    stats->add_flag("--json", args->json, "machine-readable");
    const auto run_progress = add_lesson_progress_command(*lessons_cmd);

    return [=](KioskContext& ctx) -> int {
        if (!lessons_cmd->parsed()) return -1;
        if (const int rc = run_progress(ctx); rc != -1) return rc;
        const auto lang = ctx.config.default_language;
        if (validate->parsed()) {
            const auto check = lessons::validate_package(args->path, lessons::imported_lessons_dir(ctx.data_dir));
            if (!check.ok()) return print_problems(ctx, lang, check.problems);
            std::cout << ctx.catalog.format(lang, "lessons.cli.valid",
                                            {{"course", check.course->id},
                                             {"version", std::to_string(check.course->version)},
                                             {"lessons", std::to_string(check.course->lessons.size())},
                                             {"questions", std::to_string(question_count(*check.course))}})
                      << "\n";
            return 0;
        }
        if (import->parsed()) {
            const auto outcome = lessons::import_package(args->path, ctx.data_dir, ctx.assets_dir);
            if (!outcome.ok()) return print_problems(ctx, lang, outcome.problems);
            const auto& course = *outcome.course;
            if (outcome.already_installed)
                std::cout << ctx.catalog.format(lang, "lessons.cli.already",
                                                {{"course", course.id}, {"version", std::to_string(course.version)}})
                          << "\n";
            else
                std::cout << ctx.catalog.format(lang, "lessons.cli.installed",
                                                {{"course", course.id},
                                                 {"version", std::to_string(course.version)},
                                                 {"previous", std::to_string(outcome.previous_version)}})
                          << "\n";
            return 0;
        }
        if (manifest->parsed()) {
            const auto problems = lessons::write_manifest(args->path, args->version);
            if (!problems.empty()) return print_problems(ctx, lang, problems);
            const auto check = lessons::read_package_dir(args->path);
            if (!check.ok()) return print_problems(ctx, lang, check.problems);
            std::cout << (fs::path(args->path) / "manifest.json").string() << "\n";
            return 0;
        }
        if (list->parsed()) {
            const auto shelf = lessons::load_courses(ctx.data_dir, ctx.assets_dir);
            json out = json::array();
            for (const auto& course : shelf.courses) {
                const bool imported = course.root.parent_path() == lessons::imported_lessons_dir(ctx.data_dir);
                json lessons_json = json::array();
                for (const auto& l : course.lessons)
                    lessons_json.push_back({{"id", l.id}, {"title", l.title.id}, {"steps", l.steps.size()},
                                            {"questions", l.quiz.size()}, {"mastery", {{"m", l.mastery.m}, {"n", l.mastery.n}}}});
                out.push_back({{"id", course.id}, {"version", course.version}, {"title_id", course.title.id},
                               {"title_en", course.title.in("en")}, {"source", imported ? "imported" : "bundled"},
                               {"lessons", lessons_json}});
                if (!args->json)
                    std::cout << course.id << "  v" << course.version << "  " << course.lessons.size() << " pelajaran  "
                              << course.title.id << (imported ? "  (impor)" : "  (bawaan)") << "\n";
            }
            for (const auto& [dir, problems] : shelf.broken)
                std::cerr << dir.string() << ": " << problems.size() << " masalah / problems\n";
            if (args->json) std::cout << out.dump(2) << "\n";
            return 0;
        }
        if (stats->parsed()) {
            const auto shelf = lessons::load_courses(ctx.data_dir, ctx.assets_dir);
            const auto figures = lessons::lesson_figures(ctx.db, shelf);
            if (args->json) {
                std::cout << lessons::lesson_figures_json(figures).dump(2) << "\n";
                return 0;
            }
            for (const auto& l : figures.lessons)
                std::cout << l.course << "/" << l.lesson << ": " << l.learners << " warga, " << l.mastered
                          << " menguasai, " << l.answers << " jawaban (" << l.correct << " benar)\n";
            for (const auto& q : figures.hardest)
                std::cout << "sulit: " << q.course << "/" << q.lesson << "/" << q.question << " " << q.correct << "/"
                          << q.answers << "\n";
            return 0;
        }
        return -1;
    };
}

}  // namespace desa::kiosk
