// desa-hub lessons progress CODE | stats | verify-certificate TEXT: the internet-literacy lessons
// as the kiosks report them: one learner's merged progress, the figures per course and lesson for
// a region, and the hub's verdict on a certificate's QR text.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "cli/cli_context.hpp"
#include "cli/report_options.hpp"
#include "lessons/learner_card.hpp"
#include "model/lesson_certificates.hpp"
#include "model/lesson_progress.hpp"
#include "model/lesson_reports.hpp"
#include "model/province_keys.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

std::string percent(double share) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100.0);
    return buf;
}

struct ProgressArgs {
    std::string code;
    bool json = false;
};

void run_progress(CliContext& ctx, const ProgressArgs& a) {
    const auto read = lessons::read_learner_code(a.code);
    if (!read.code) throw CommandError(kExitBadInput, "'" + a.code + "' is not a learner code (like K7M-Q9X-D4P)");
    auto db = ctx.open_db();
    const auto rows = merged_learner_progress(*db, *read.code);
    if (a.json) {
        json list = json::array();
        for (const auto& r : rows)
            list.push_back({{"course", r.course}, {"lesson", r.lesson}, {"position", r.position},
                            {"best_score", r.best_score}, {"round_size", r.round_size}, {"mastered", r.mastered},
                            {"updated_at", r.updated_at}});
        std::cout << json{{"learner", *read.code}, {"progress", list}}.dump() << "\n";
        return;
    }
    std::cout << "learner " << lessons::learner_code_display(*read.code) << "\n";
    for (const auto& r : rows)
        std::cout << "  " << r.course << "/" << r.lesson << "  best " << r.best_score << "/" << r.round_size
                  << (r.mastered ? "  mastered" : "") << "  step " << r.position + 1 << "  " << format_time(r.updated_at)
                  << "\n";
    std::cout << rows.size() << " lesson(s) with progress\n";
}

void run_stats(CliContext& ctx, const ReportOptions& a) {
    const auto range = report_range(a);
    const LessonStatsFilter f{range.region_prefix, range.from_day, range.to_day};
    auto db = ctx.open_db();
    const auto report = lesson_stats_report(*db, f);
    if (a.json) {
        std::cout << lesson_stats_json(report).dump() << "\n";
        return;
    }
    for (const auto& l : report.lessons)
        std::cout << l.course << "/" << l.lesson << "  learners " << l.learners << ", rounds " << l.rounds
                  << ", mastered " << l.mastered << " (" << percent(l.mastery_rate()) << "), answers " << l.answers
                  << " (" << percent(l.correct_rate()) << " right)\n";
    for (const auto& q : report.hardest)
        std::cout << "hardest: " << q.course << "/" << q.lesson << "/" << q.question << "  " << q.correct << "/"
                  << q.answers << " right\n";
    std::cout << report.lessons.size() << " lesson(s) from " << report.village_days << " village-day(s) in "
              << report.villages.size() << " village(s); " << report.certificates << " certificate(s)\n";
    if (report.unreadable > 0) std::cerr << report.unreadable << " record(s) were not readable lesson statistics\n";
}

struct VerifyArgs {
    std::string text;
    bool json = false;
};

// Exit 0 only for a valid certificate, so a script can ask the hub with the exit code alone.
void run_verify(CliContext& ctx, const VerifyArgs& a) {
    ctx.require_data_dir();
    const auto keys = load_public_keys(ctx.data_dir);
    auto db = ctx.open_db();
    std::string text = a.text;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    const auto verdict = check_certificate(*db, keys.sign, text);
    if (a.json) {
        std::cout << certificate_verdict_json(verdict).dump() << "\n";
    } else {
        std::cout << "verdict: " << verdict.verdict << "\n";
        if (const auto& c = verdict.certificate)
            std::cout << "  " << c->display_name << ", course " << c->course_id << ", " << queue::date_iso(c->day)
                      << ", kiosk " << c->kiosk_id << " of " << c->village_code << "\n";
    }
    if (verdict.verdict != "valid") ctx.exit_code = kExitFailed;
}

}  // namespace

void add_lesson_commands(CLI::App& app, CliContext& ctx) {
    auto* lessons_cmd = app.add_subcommand("lessons", "Internet-literacy lessons: progress, figures, certificates");
    lessons_cmd->require_subcommand(1);

    auto p = ctx.hold<ProgressArgs>();
    auto* progress = lessons_cmd->add_subcommand("progress", "One learner's progress merged from every kiosk");
    add_common_options(*progress, ctx);
    progress->add_option("CODE", p->code, "The learner code (K7M-Q9X-D4P, or the card's QR text)")->required();
    progress->add_flag("--json", p->json, "Print JSON");
    progress->callback([&ctx, p] { run_progress(ctx, *p); });

    auto s = ctx.hold<ReportOptions>();
    auto* stats = lessons_cmd->add_subcommand(
        "stats", "Learners, rounds, mastery and answers per course and lesson; hardest questions; certificates");
    add_common_options(*stats, ctx);
    add_report_options(*stats, *s);
    stats->callback([&ctx, s] { run_stats(ctx, *s); });

    auto v = ctx.hold<VerifyArgs>();
    auto* verify = lessons_cmd->add_subcommand(
        "verify-certificate", "Check a certificate's QR text (exit 0 only when valid)");
    add_common_options(*verify, ctx);
    verify->add_option("TEXT", v->text, "The QR text DESA-SERTIFIKAT:1:...")->required();
    verify->add_flag("--json", v->json, "Print JSON");
    verify->callback([&ctx, v] { run_verify(ctx, *v); });
}

}  // namespace desa::hub
