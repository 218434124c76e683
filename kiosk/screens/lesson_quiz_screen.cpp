// The lesson's quiz: one question at a time (single and multiple choice, true/false, put in order),
// read aloud on request; "check" gives kind, immediate feedback and the explanation; after the round
// the score and whether the lesson is mastered (m of n), saved on the learner's card. A finished
// course offers the certificate.
#include "app/lesson_reader.hpp"
#include "lessons/lesson_text.hpp"
#include "screens/lesson_parts.hpp"

namespace desa::kiosk {
namespace {

using lessons::QuestionType;

std::string read_aloud_text(const Ui& ui, const lessons::Question& q) {
    std::string text = lessons::spoken_text(lesson_text(ui, q.prompt));
    if (q.type == QuestionType::TrueFalse) return text + " " + ui.tr("lessons.quiz.true") + ", " + ui.tr("lessons.quiz.false") + "?";
    for (std::size_t i = 0; i < q.options.size(); ++i) text += " " + lessons::spoken_text(lesson_text(ui, q.options[i].text));
    return text;
}

bool is_right_option(const lessons::Question& q, const std::string& id) {
    if (q.type == QuestionType::Single) return std::get<0>(q.answer) == id;
    if (q.type == QuestionType::Multiple) {
        const auto& ids = std::get<1>(q.answer);
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    }
    return false;
}

const lessons::Option* option_by_id(const lessons::Question& q, const std::string& id) {
    for (const auto& o : q.options)
        if (o.id == id) return &o;
    return nullptr;
}

void draw_choices(ScreenContext& ctx, const lessons::Question& q, float inner) {
    Ui& ui = ctx.ui;
    auto& v = ctx.session.lesson;
    const auto& d = v.quiz.draft;
    const float row_h = ui.theme.px(76);
    if (q.type == QuestionType::TrueFalse) {
        const float half = (inner - ui.theme.px(16)) * 0.5f;
        for (bool value : {true, false}) {
            const bool chosen = d.truth == value;
            const bool right = v.quiz.checked && std::get<2>(q.answer) == value;
            const std::string label = ui.tr(value ? "lessons.quiz.true" : "lessons.quiz.false");
            if (button(ui, value ? "lessons.quiz.true" : "lessons.quiz.false", label, ImVec2(half, row_h * 1.2f),
                       chosen ? ButtonStyle::Primary : ButtonStyle::Normal, right ? Icon::Check : Icon::None))
                v.set_truth(value);
            if (value) ImGui::SameLine(0, ui.theme.px(16));
        }
        return;
    }
    if (q.type == QuestionType::Order) {
        const float arrow = row_h;
        for (std::size_t i = 0; i < d.order.size(); ++i) {
            const auto* option = option_by_id(q, d.order[i]);
            if (!option) continue;
            const ImVec2 start = ImGui::GetCursorScreenPos();
            list_row(ui, "", {{std::to_string(i + 1) + ". " + lesson_text(ui, option->text), ui.fonts.body, ui.theme.palette.text}},
                     inner - 2 * (arrow + ui.theme.px(8)));
            const float row_bottom = ImGui::GetCursorScreenPos().y;
            ImGui::SetCursorScreenPos(ImVec2(start.x + inner - 2 * arrow - ui.theme.px(8), start.y));
            if (button(ui, "lessons.quiz.up." + option->id, "", ImVec2(arrow, arrow), ButtonStyle::Normal, Icon::Up,
                       i > 0 && !v.quiz.checked))
                v.move_option(i, -1);
            ImGui::SameLine(0, ui.theme.px(8));
            if (button(ui, "lessons.quiz.down." + option->id, "", ImVec2(arrow, arrow), ButtonStyle::Normal, Icon::Down,
                       i + 1 < d.order.size() && !v.quiz.checked))
                v.move_option(i, +1);
            ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(row_bottom, start.y + arrow) + ui.theme.px(8)));
        }
        if (v.quiz.checked && !v.quiz.last_correct) {
            std::string right;
            for (const auto& id : std::get<3>(q.answer))
                if (const auto* o = option_by_id(q, id)) right += (right.empty() ? "" : ", ") + lesson_text(ui, o->text);
            paragraph(ui, ui.fonts.body, ui.trf("lessons.quiz.right_order", {{"order", right}}), inner, ui.theme.palette.text);
        }
        return;
    }
    for (const auto& option : q.options) {
        const bool chosen = q.type == QuestionType::Single
                                ? d.single == option.id
                                : std::find(d.multiple.begin(), d.multiple.end(), option.id) != d.multiple.end();
        // After checking, the right options carry a tick; the resident's own choices stay highlighted.
        const bool tick = v.quiz.checked && is_right_option(q, option.id);
        if (button(ui, "lessons.quiz.option." + option.id, lesson_text(ui, option.text), ImVec2(inner, row_h),
                   chosen ? ButtonStyle::Primary : ButtonStyle::Normal, tick ? Icon::Check : Icon::None))
            v.choose(q, option.id);
        ImGui::Dummy(ImVec2(1, ui.theme.px(6)));
    }
}

void draw_result(ScreenContext& ctx, const lessons::Course& course, const lessons::Lesson& lesson, float inner) {
    Ui& ui = ctx.ui;
    auto& v = ctx.session.lesson;
    const auto& r = *v.quiz.result;
    const int right = lessons::count_correct([&] {
        std::vector<bool> results;
        for (const auto& a : v.quiz.answers) results.push_back(a.correct);
        return results;
    }());
    paragraph(ui, ui.fonts.heading,
              ui.trf("lessons.quiz.score", {{"right", std::to_string(right)}, {"of", std::to_string(v.quiz.answers.size())}}),
              inner, ui.theme.palette.text);
    const bool this_round = right >= lesson.mastery.m;
    notice(ui, "lessons.quiz.verdict", this_round ? Notice::Info : Notice::Warning,
           this_round ? ui.tr("lessons.quiz.mastered")
                      : ui.trf("lessons.quiz.not_yet", {{"need", std::to_string(lesson.mastery.m)},
                                                        {"of", std::to_string(lesson.mastery.n)}}),
           inner);
    if (r.mastered && !this_round) notice(ui, "lessons.quiz.kept", Notice::Info, ui.tr("lessons.quiz.kept"), inner);
    ImGui::Dummy(ImVec2(1, ui.theme.px(12)));
    const bool complete = v.learner && lessons::course_complete(course, lessons::learner_progress(ctx.kiosk.db, *v.learner));
    std::vector<Action> actions;
    if (complete) actions.push_back({"lessons.certificate.open", ui.tr("lessons.certificate.open"), ButtonStyle::Primary, Icon::Check, true});
    actions.push_back({"lessons.quiz.again", ui.tr("lessons.quiz.again"), this_round ? ButtonStyle::Normal : ButtonStyle::Primary, Icon::None, true});
    actions.push_back({"lessons.quiz.reread", ui.tr("lessons.quiz.reread"), ButtonStyle::Normal, Icon::Back, true});
    actions.push_back({"lessons.quiz.list", ui.tr("lessons.quiz.list"), ButtonStyle::Normal, Icon::Book, true});
    const int tapped = action_row(ui, actions, inner);
    const int offset = complete ? 1 : 0;
    if (complete && tapped == 0) {
        v.certificate_qr.clear();
        ctx.session.open(session::Screen::LessonCertificate);
    } else if (tapped == offset) {
        v.start_quiz(lesson);
    } else if (tapped == offset + 1) {
        v.open_lesson(ctx.kiosk.db, course, lesson);
        v.go_to_step(ctx.kiosk.db, lesson, 0, ctx.unix_now);
        ctx.session.back();
    } else if (tapped == offset + 2) {
        ctx.session.open(session::Screen::Lessons);
    }
}

}  // namespace

void draw_lesson_quiz_screen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const Palette& p = ui.theme.palette;
    auto& v = ctx.session.lesson;
    const auto* course = v.course(ctx.kiosk.courses);
    const auto* lesson = v.lesson(ctx.kiosk.courses);
    if (!course || !lesson) {
        ctx.session.back();
        return;
    }
    if (v.quiz.questions.empty()) v.start_quiz(*lesson);
    const float pad = ui.theme.px(28);
    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_min.y + ui.theme.px(12)));
    const float w = ctx.width() - 2 * pad;
    const float left = ctx.area_min.x + pad;
    paragraph(ui, ui.fonts.bold, ui.trf("lessons.quiz.title", {{"lesson", lesson_text(ui, lesson->title)}}), w, p.muted_text);
    const auto total = v.quiz.questions.size();
    const auto shown = std::min(v.quiz.current + 1, total);
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    progress_bar(ui, "lessons.quiz.progress", static_cast<float>(shown) / static_cast<float>(std::max<std::size_t>(total, 1)), w,
                 ui.trf("lessons.quiz.of", {{"n", std::to_string(shown)}, {"total", std::to_string(total)}}));
    ImGui::Dummy(ImVec2(1, ui.theme.px(8)));
    ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
    const float nav_h = ui.theme.px(84);
    const float h = std::max(1.0f, ctx.area_max.y - ImGui::GetCursorScreenPos().y - nav_h - ui.theme.px(20));
    begin_scroll_area(ui, "lessons.quiz.area", ImVec2(w, h));
    top_of_new_page(ctx, "quiz/" + lesson->id + "/" + std::to_string(v.quiz.current) + (v.quiz.finished() ? "/result" : ""));
    const float inner = w - ui.theme.px(20);
    if (v.quiz.finished()) {
        draw_result(ctx, *course, *lesson, inner);
        end_scroll_area();
        return;
    }
    const auto* q = v.current_question(*lesson);
    if (!q) {
        end_scroll_area();
        return;
    }
    formatted_text(ui, "lessons.quiz.prompt", lesson_text(ui, q->prompt), inner, ui.fonts.tile, p.text);
    if (q->type == QuestionType::Multiple) paragraph(ui, ui.fonts.small, ui.tr("lessons.quiz.hint.multiple"), inner, p.muted_text);
    if (q->type == QuestionType::Order) paragraph(ui, ui.fonts.small, ui.tr("lessons.quiz.hint.order"), inner, p.muted_text);
    speaker_row(ctx, "lessons.quiz.speaker", read_aloud_text(ui, *q), inner);
    ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
    draw_choices(ctx, *q, inner);
    if (v.quiz.checked) {
        ImGui::Dummy(ImVec2(1, ui.theme.px(10)));
        const std::string verdict = ui.tr(v.quiz.last_correct ? "lessons.quiz.right" : "lessons.quiz.wrong");
        notice(ui, "lessons.quiz.feedback", v.quiz.last_correct ? Notice::Info : Notice::Warning,
               verdict + " " + lessons::spoken_text(lesson_text(ui, q->explanation)), inner);
    }
    ImGui::Dummy(ImVec2(1, ui.theme.px(16)));
    end_scroll_area();

    ImGui::SetCursorScreenPos(ImVec2(ctx.area_min.x + pad, ctx.area_max.y - nav_h - ui.theme.px(8)));
    if (!v.quiz.checked) {
        if (button(ui, "lessons.quiz.check", ui.tr("lessons.quiz.check"), ImVec2(w, nav_h), ButtonStyle::Primary, Icon::Check,
                   v.quiz.draft.ready(*q))) {
            v.check_answer(*lesson);
            if (ctx.reader) ctx.reader->stop();
        }
    } else {
        const bool last = v.quiz.current + 1 >= total;
        if (button(ui, "lessons.quiz.next", ui.tr(last ? "lessons.quiz.finish" : "lessons.quiz.next"), ImVec2(w, nav_h),
                   ButtonStyle::Primary, Icon::Next)) {
            if (ctx.reader) ctx.reader->stop();
            v.next_question(ctx.kiosk.db, *course, *lesson, ctx.unix_now);
        }
    }
}

}  // namespace desa::kiosk
