// desa-hub content publish lessons PATH: one course (a lesson package folder or zip), checked with
// the kiosk's own validator, published into the `lessons` channel as <course id>.zip beside the
// other courses (model/lesson_publish.hpp).
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/content_commands.hpp"
#include "model/lesson_publish.hpp"
#include "model/province_keys.hpp"

namespace desa::hub {
namespace {

struct Args {
    std::string path;
    bool json = false;
};

void run(CliContext& ctx, const Args& a) {
    ctx.require_data_dir();
    const auto key = load_sign_key(ctx.data_dir);
    auto db = ctx.open_db();
    const auto outcome = publish_lesson_package(*db, ctx.data_dir, key.secret_key, a.path, now_seconds());
    if (!outcome.ok()) {
        // Every problem, as `desa-kiosk lessons validate` names them, so the author fixes all at once.
        for (const auto& p : outcome.problems)
            std::cerr << a.path << ": " << (p.file.empty() ? std::string("(package)") : p.file) << ": "
                      << lessons::problem_kind_name(p.kind) << (p.detail.empty() ? "" : " (" + p.detail + ")") << "\n";
        if (!outcome.refusal.empty()) throw CommandError(kExitBadInput, outcome.refusal + "; nothing published");
        throw CommandError(kExitBadInput, a.path + ": " + std::to_string(outcome.problems.size()) +
                                              " problem(s); nothing published");
    }
    const auto& r = *outcome.published;
    if (a.json) {
        nlohmann::json files = nlohmann::json::array();
        for (const auto& f : r.manifest.files) files.push_back(f.name);
        std::cout << nlohmann::json{{"channel", r.manifest.channel},
                                    {"version", r.manifest.version},
                                    {"unchanged", r.unchanged},
                                    {"course", outcome.course},
                                    {"course_version", outcome.version},
                                    {"previous_course_version", outcome.previous_version},
                                    {"files", files}}
                         .dump()
                  << "\n";
        return;
    }
    std::cout << r.manifest.channel << (r.unchanged ? ": unchanged, still version " : ": published version ")
              << r.manifest.version << " (course " << outcome.course << " version " << outcome.version << ", "
              << r.manifest.files.size() << " course(s) in the channel)\n";
}

}  // namespace

void add_lessons_publish_command(CLI::App& publish, CliContext& ctx) {
    auto args = ctx.hold<Args>();
    auto* l = publish.add_subcommand("lessons", "One lesson course (package folder or zip) into the lessons channel");
    add_common_options(*l, ctx);
    l->add_option("PATH", args->path, "Lesson package folder or .zip (docs/lesson-package.md)")->required();
    l->add_flag("--json", args->json, "Print JSON");
    l->callback([&ctx, args] { run(ctx, *args); });
}

}  // namespace desa::hub
