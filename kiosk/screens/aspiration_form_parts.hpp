#pragma once
// The aspiration form's screen (Screen::Aspirations) is one step at a time; each step draws itself
// from the session's AspirationForm (shared/aspirations/aspiration_form.hpp). What the steps
// share: this frame's validation, the step frame (title, scroll area, bottom buttons), choice
// cards, a field with its label, counter and problem.
#include <string>
#include <vector>

#include "app/aspiration_service.hpp"
#include "aspirations/aspiration_form.hpp"
#include "screens/lending_parts.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {

// Everything a step needs for one frame.
struct FormFrame {
    ScreenContext& ctx;
    aspirations::AspirationForm& form;
    aspirations::FormOffer offer;
    aspirations::Validation validation;  // of form.to_draft(), this frame
    float width = 0;                     // of the content inside the scroll area
};

aspirations::FormOffer form_offer(const ScreenContext& ctx, const aspirations::AspirationForm& form);
aspirations::Validation validate_form(ScreenContext& ctx, const aspirations::AspirationForm& form);

// "Lanjut": validates, shows the step's problems or moves on; closes the keyboard.
void advance(ScreenContext& ctx);
// "Kirim" on the review: validate, seal and store; the receipt or a kind refusal.
void send_form(ScreenContext& ctx);

// The translated problem of `field` if the resident should see it now, else "".
std::string problem_text(const FormFrame& f, aspirations::Field field);
// An error line under a field (nothing when there is no problem to show).
void field_problem(FormFrame& f, aspirations::Field field, std::string_view id);

// A label above a text field and the field (focus on tap); `after_label` is drawn at the right of
// the label's line (a counter such as "12/100"). The caller shows the problem (field_problem).
void labelled_field(FormFrame& f, std::string_view id, std::string_view label, session::TextField& field,
                    std::string_view placeholder, float width, std::string_view after_label = {});
// The label's height as labelled_field lays it out (to line up fields side by side).
float label_height(const Ui& ui, std::string_view label, float width, std::string_view after_label = {});

// A big tappable card: a bold title and a one-line explanation; a check mark when selected.
bool choice_card(Ui& ui, std::string_view id, std::string_view title, std::string_view explanation, bool selected,
                 float width);

// Call just before end_scroll_area(), with ui.log.targets.size() taken before begin_scroll_area():
// a target half scrolled out of the area is recorded as the part that shows (where a finger, or a
// script's tap, can reach it) instead of overlapping the buttons below the area.
void clip_targets_to_area(Ui& ui, std::size_t first_target);

// The step's own parts.
void draw_type_step(FormFrame& f);
void draw_category_step(FormFrame& f);
void draw_text_step(FormFrame& f);
void draw_photo_step(FormFrame& f);
void draw_identity_step(FormFrame& f);
void draw_personal_step(FormFrame& f);
void draw_review_step(FormFrame& f);
void draw_receipt(ScreenContext& ctx);

// Translated names (type, category, identity, rating words).
std::string kind_label(const Ui& ui, aspirations::Kind k);
std::string category_label(const Ui& ui, aspirations::Category c);
std::string identity_label(const Ui& ui, aspirations::Identity i);
std::string rating_label(const Ui& ui, int rating);
// A face for a 1..5 rating, drawn in the box.
void draw_face(ImDrawList& draw, ImVec2 centre, float radius, int rating, ImU32 colour);

}  // namespace desa::kiosk
