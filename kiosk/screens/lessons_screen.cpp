// Belajar Internet: the courses installed on this kiosk, the resident's learner card (new, or an
// existing one from any kiosk), and each lesson with where the learner is: not started, at step n,
// mastered. A finished course offers its certificate. No account and no name are ever asked.
#include "screens/lesson_parts.hpp"

#include "lessons/progress_store.hpp"

namespace desa::kiosk {
namespace {

std::string status_line(const Ui& ui, const lessons::Lesson& lesson, const std::optional<lessons::LessonProgress>& p) {
    if (p && p->mastered)
        return ui.trf("lessons.status.mastered", {{"best", std::to_string(p->best_score)}, {"of", std::to_string(p->round_size)}});
    if (p && p->round_size > 0)
        return ui.trf("lessons.status.tried", {{"best", std::to_string(p->best_score)}, {"of", std::to_string(p->round_size)},
                                               {"need", std::to_string(lesson.mastery.m)}});
    if (p)
        return ui.trf("lessons.status.at_step", {{"step", std::to_string(p->position + 1)},
                                                 {"steps", std::to_string(lesson.steps.size())}});
    return ui.trf("lessons.status.new", {{"minutes", std::to_string(lesson.minutes)},
                                         {"steps", std::to_string(lesson.steps.size())}});
}

void learner_panel(ScreenContext& ctx, float width) {
    Ui& ui = ctx.ui;
    auto& v = ctx.session.lesson;
    if (v.learner) {
        paragraph(ui, ui.fonts.bold, learner_line(ui, *v.learner), width, ui.theme.palette.text);
        const int tapped = action_row(ui, {{"lessons.card.show", ui.tr("lessons.card.show"), ButtonStyle::Normal, Icon::Ticket, true},
                                           {"lessons.card.other", ui.tr("lessons.card.other"), ButtonStyle::Normal, Icon::None, true}},
                                      width);
        if (tapped == 0) ctx.session.open(session::Screen::LessonCard);
        if (tapped == 1) {
            v.clear();
            ctx.session.open(session::Screen::LessonCard);
        }
        return;
    }
    paragraph(ui, ui.fonts.body, ui.tr("lessons.card.none"), width, ui.theme.palette.text);
    const int tapped = action_row(ui, {{"lessons.card.new", ui.tr("lessons.card.new"), ButtonStyle::Primary, Icon::Next, true},
                                       {"lessons.card.have", ui.tr("lessons.card.have"), ButtonStyle::Normal, Icon::Ticket, true}},
                                  width);
    if (tapped == 0) {
        v.start_new_card(ctx.kiosk.db, ctx.unix_now);
        ctx.session.open(session::Screen::LessonCard);
    }
    if (tapped == 1) ctx.session.open(session::Screen::LessonCard);
}

}  // namespace

void draw_lessons_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    section_intro(ctx, Icon::Globe, "lessons.title", "lessons.intro");
    const float w = ctx.width() - ui.theme.px(56);
    const auto& shelf = ctx.kiosk.courses;
    if (shelf.courses.empty()) {
        notice(ui, "lessons.empty", Notice::Info, ui.tr("lessons.empty"), w);
        return;
    }
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - ui.theme.px(8));
    const float gap = ui.theme.px(14);
    begin_scroll_area(ui, "lessons.area", ImVec2(w, h));
    const float inner = w - ui.theme.px(20);
    learner_panel(ctx, inner);
    const auto progress = v.learner ? lessons::learner_progress(ctx.kiosk.db, *v.learner)
                                    : std::vector<lessons::LessonProgress>{};
    for (const auto& course : shelf.courses) {
        ImGui::Dummy(ImVec2(1, gap));
        paragraph(ui, ui.fonts.heading, lesson_text(ui, course.title), inner, p.text);
        if (!course.summary.id.empty()) paragraph(ui, ui.fonts.body, lesson_text(ui, course.summary), inner, p.muted_text);
        if (v.learner && lessons::course_complete(course, progress)) {
            notice(ui, "lessons.course.complete." + course.id, Notice::Info, ui.tr("lessons.course.complete"), inner);
            if (action_row(ui, {{"lessons.certificate.open." + course.id, ui.tr("lessons.certificate.open"),
                                 ButtonStyle::Primary, Icon::Check, true}},
                           inner) == 0) {
                v.course_id = course.id;
                v.certificate_qr.clear();
                ctx.session.open(session::Screen::LessonCertificate);
            }
        }
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
        for (std::size_t i = 0; i < course.lessons.size(); ++i) {
            const auto& lesson = course.lessons[i];
            std::optional<lessons::LessonProgress> mine;
            for (const auto& row : progress)
                if (row.course == course.id && row.lesson == lesson.id) mine = row;
            const std::string number = std::to_string(i + 1) + ". ";
            std::vector<RowLine> lines{{number + lesson_text(ui, lesson.title), ui.fonts.tile, p.text},
                                       {status_line(ui, lesson, mine), ui.fonts.bold, mine && mine->mastered ? p.focus : p.muted_text}};
            if (!lesson.summary.id.empty()) lines.push_back({lesson_text(ui, lesson.summary), ui.fonts.body, p.muted_text});
            if (list_row(ui, "lessons.lesson." + lesson.id, lines, inner)) {
                v.open_lesson(ctx.kiosk.db, course, lesson);
                if (!v.learner) {
                    // The first lesson gives the resident a card, so nothing learnt is lost.
                    v.start_new_card(ctx.kiosk.db, ctx.unix_now);
                    ctx.session.open(session::Screen::LessonCard);
                } else {
                    ctx.session.open(session::Screen::LessonStep);
                }
            }
            ImGui::Dummy(ImVec2(1, gap * 0.5f));
        }
    }
    end_scroll_area();
}

}  // namespace desa::kiosk
