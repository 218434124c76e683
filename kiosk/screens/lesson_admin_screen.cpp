// Lessons for the operator and the librarian: the figures of this kiosk (learners per lesson,
// mastery and completion, the hardest questions) and installing lesson packages from a USB stick.
// An import lists every problem of a bad package, translated; the installed courses stay as they
// were until a good package replaces them.
#include "app/lesson_commands.hpp"
#include "lessons/lesson_stats.hpp"
#include "screens/lesson_parts.hpp"

namespace desa::kiosk {
namespace {

std::string percent(int part, int whole) {
    return whole > 0 ? std::to_string((part * 100 + whole / 2) / whole) + "%" : "-";
}

std::string question_prompt(const Ui& ui, const lessons::CourseShelf& shelf, const lessons::LessonFigures::PerQuestion& q) {
    if (const auto* course = shelf.find(q.course))
        if (const auto* lesson = course->find_lesson(q.lesson))
            for (const auto& question : lesson->quiz)
                if (question.id == q.question) return lesson_text(ui, question.prompt);
    return q.question;
}

void import_from(ScreenContext& ctx, const std::filesystem::path& package) {
    const Ui& ui = ctx.ui;
    const auto outcome = lessons::import_package(package, ctx.kiosk.data_dir, ctx.kiosk.assets_dir);
    if (!outcome.ok()) {
        std::string text = ui.trf("lessons.admin.import_failed", {{"package", package.filename().string()}});
        for (const auto& line : describe_problems(ctx.kiosk, ui.lang, outcome.problems)) text += "\n- " + line;
        ctx.memory.lesson_message = text;
        ctx.memory.lesson_message_kind = Notice::Error;
        return;
    }
    const auto& course = *outcome.course;
    ctx.memory.lesson_message =
        outcome.already_installed
            ? ui.catalog.format(ui.lang, "lessons.cli.already", {{"course", course.id}, {"version", std::to_string(course.version)}})
            : ui.catalog.format(ui.lang, "lessons.cli.installed",
                                {{"course", course.id}, {"version", std::to_string(course.version)},
                                 {"previous", std::to_string(outcome.previous_version)}});
    ctx.memory.lesson_message_kind = Notice::Info;
    reload_courses(ctx.kiosk);
}

}  // namespace

void draw_lesson_admin_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    section_intro(ctx, Icon::Globe, "lessons.admin.title", "lessons.admin.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(12);
    begin_scroll_area(ui, "lessons.admin.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);

    paragraph(ui, ui.fonts.heading, ui.tr("lessons.admin.import_title"), inner, p.text);
    if (!ctx.memory.lesson_message.empty()) {
        notice(ui, "lessons.admin.outcome", ctx.memory.lesson_message_kind, ctx.memory.lesson_message, inner);
        ImGui::Dummy(ImVec2(1, gap));
    }
    const auto packages = lessons::find_packages(ctx.kiosk.usb_roots);
    if (packages.empty()) notice(ui, "lessons.admin.no_usb", Notice::Info, ui.tr("lessons.admin.no_usb"), inner);
    for (std::size_t i = 0; i < packages.size(); ++i) {
        const std::vector<RowLine> lines{{packages[i].filename().string(), ui.fonts.bold, p.text},
                                         {packages[i].parent_path().string(), ui.fonts.small, p.muted_text},
                                         {ui.tr("lessons.admin.tap_to_import"), ui.fonts.small, p.muted_text}};
        if (list_row(ui, "lessons.admin.package." + std::to_string(i), lines, inner)) import_from(ctx, packages[i]);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
    }

    ImGui::Dummy(ImVec2(1, gap));
    paragraph(ui, ui.fonts.heading, ui.tr("lessons.admin.figures_title"), inner, p.text);
    const auto figures = lessons::lesson_figures(ctx.kiosk.db, ctx.kiosk.courses);
    for (const auto& c : figures.courses) {
        const auto* course = ctx.kiosk.courses.find(c.course);
        std::vector<RowLine> lines{{course ? lesson_text(ui, course->title) : c.course, ui.fonts.bold, p.text},
                                   {ui.trf("lessons.admin.course_line", {{"learners", std::to_string(c.learners)},
                                                                         {"completed", std::to_string(c.completed)},
                                                                         {"rate", percent(c.completed, c.learners)},
                                                                         {"certificates", std::to_string(c.certificates)}}),
                                    ui.fonts.body, p.text}};
        for (const auto& l : figures.lessons) {
            if (l.course != c.course) continue;
            const auto* lesson = course ? course->find_lesson(l.lesson) : nullptr;
            lines.push_back({(lesson ? lesson_text(ui, lesson->title) : l.lesson) + ": " +
                                 ui.trf("lessons.admin.lesson_line", {{"learners", std::to_string(l.learners)},
                                                                      {"mastered", std::to_string(l.mastered)},
                                                                      {"rate", percent(l.mastered, l.learners)},
                                                                      {"right", percent(l.correct, l.answers)}}),
                             ui.fonts.small, p.muted_text});
        }
        list_row(ui, "", lines, inner);
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
    }
    paragraph(ui, ui.fonts.bold, ui.tr("lessons.admin.hardest"), inner, p.text);
    if (figures.hardest.empty()) paragraph(ui, ui.fonts.body, ui.tr("lessons.admin.hardest_none"), inner, p.muted_text);
    for (const auto& q : figures.hardest)
        list_row(ui, "",
                 {{question_prompt(ui, ctx.kiosk.courses, q), ui.fonts.body, p.text},
                  {ui.trf("lessons.admin.question_line", {{"right", std::to_string(q.correct)}, {"answers", std::to_string(q.answers)},
                                                          {"rate", percent(q.correct, q.answers)}}),
                   ui.fonts.small, p.muted_text}},
                 inner);
    end_scroll_area();
}

}  // namespace desa::kiosk
