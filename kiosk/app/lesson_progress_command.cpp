#include "app/lesson_progress_command.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <set>

#include "lessons/learner_card.hpp"
#include "lessons/lesson_library.hpp"
#include "lessons/progress_remote.hpp"

namespace desa::kiosk {
namespace {

using nlohmann::json;

constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;

json row_json(const lessons::LessonProgress& r) {
    return {{"course", r.course},         {"lesson", r.lesson},         {"position", r.position},
            {"best_score", r.best_score}, {"round_size", r.round_size}, {"mastered", r.mastered},
            {"updated_at", r.updated_at}};
}

int mastered_in(const lessons::Course& course, const std::vector<lessons::LessonProgress>& rows) {
    int n = 0;
    for (const auto& l : course.lessons)
        for (const auto& r : rows)
            if (r.course == course.id && r.lesson == l.id && r.mastered) ++n;
    return n;
}

// One line per lesson with progress; courses this kiosk has in their lesson order, then rows of
// courses it does not have (learnt elsewhere) as they are.
void print_text(std::ostream& out, const std::string& code, const lessons::CourseShelf& shelf,
                const std::vector<lessons::LessonProgress>& rows) {
    out << "pelajar / learner " << lessons::learner_code_display(code) << "\n";
    std::set<std::string> shown;
    for (const auto& course : shelf.courses) {
        if (std::none_of(rows.begin(), rows.end(), [&](const auto& r) { return r.course == course.id; })) continue;
        shown.insert(course.id);
        out << course.title.id << " (" << course.id << "): " << mastered_in(course, rows) << "/" << course.lessons.size()
            << " dikuasai / mastered" << (lessons::course_complete(course, rows) ? ", SELESAI / complete" : "") << "\n";
        for (const auto& lesson : course.lessons)
            for (const auto& r : rows)
                if (r.course == course.id && r.lesson == lesson.id)
                    out << "  " << lesson.id << "  " << r.best_score << "/" << r.round_size
                        << (r.mastered ? "  dikuasai / mastered" : "") << "  langkah / step " << r.position + 1 << "\n";
    }
    for (const auto& r : rows)
        if (!shown.contains(r.course))
            out << r.course << "/" << r.lesson << "  " << r.best_score << "/" << r.round_size
                << (r.mastered ? "  dikuasai / mastered" : "") << "  (kursus tidak terpasang / course not installed)\n";
    if (rows.empty()) out << "belum ada kemajuan / no progress yet\n";
}

}  // namespace

int run_lesson_progress(KioskContext& ctx, const LessonProgressArgs& args, std::ostream& out, std::ostream& err,
                        const sync::ClientOptions& options) {
    const auto read = lessons::read_learner_code(args.code);
    if (!read.code) {
        err << "'" << args.code << "': bukan kode pelajar / not a learner code\n";
        return kExitBadInput;
    }
    const std::string code = *read.code;
    const auto remote = lessons::fetch_learner_progress(ctx.db, ctx.data_dir, code, options);
    const int merged = remote.ok() ? lessons::merge_progress(ctx.db, code, remote.rows) : 0;
    const auto rows = lessons::learner_progress(ctx.db, code);
    const auto shelf = lessons::load_courses(ctx.data_dir, ctx.assets_dir);
    if (remote.problem) {
        const bool expected = *remote.problem == lessons::RemoteProblem::Unreachable ||
                              *remote.problem == lessons::RemoteProblem::NotEnrolled;
        err << (expected ? "peringatan / warning: " : "galat / error: ")
            << (*remote.problem == lessons::RemoteProblem::NotEnrolled
                    ? "kios belum terdaftar di hub / kiosk not enrolled"
                    : "hub tidak terjangkau atau menolak / hub not reachable or refused")
            << " (" << lessons::remote_problem_name(*remote.problem) << ": " << remote.detail
            << "); kemajuan lokal saja / local progress only\n";
    }
    if (args.json) {
        json list = json::array(), courses = json::array();
        for (const auto& r : rows) list.push_back(row_json(r));
        for (const auto& course : shelf.courses)
            courses.push_back({{"course", course.id},
                               {"lessons", course.lessons.size()},
                               {"mastered", mastered_in(course, rows)},
                               {"complete", lessons::course_complete(course, rows)}});
        out << json{{"learner", code},
                    {"hub", remote.problem ? std::string(lessons::remote_problem_name(*remote.problem)) : "ok"},
                    {"merged", merged},
                    {"progress", list},
                    {"courses", courses}}
                   .dump()
            << "\n";
    } else {
        print_text(out, code, shelf, rows);
    }
    if (remote.problem && (*remote.problem == lessons::RemoteProblem::Refused ||
                           *remote.problem == lessons::RemoteProblem::BadAnswer))
        return kExitFailed;
    return 0;
}

std::function<int(KioskContext&)> add_lesson_progress_command(CLI::App& lessons_subcommand) {
    auto args = std::make_shared<LessonProgressArgs>();
    auto* progress = lessons_subcommand.add_subcommand(
        "progress", "a learner's progress from the hub (all kiosks), merged here; offline: this kiosk's");
    progress->add_option("CODE", args->code, "learner code (K7M-Q9X-D4P) or the card's QR text")->required();
    progress->add_flag("--json", args->json, "machine-readable");
    return [args, progress](KioskContext& ctx) -> int {
        if (!progress->parsed()) return -1;
        return run_lesson_progress(ctx, *args, std::cout, std::cerr);
    };
}

}  // namespace desa::kiosk
