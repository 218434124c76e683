#pragma once
// Pieces the lending screens share: the translated text of every lending outcome and problem, a
// field with its buttons that rearranges itself on narrow screens, list rows, the vault notice.
// (Screens stay thin: the rules are in shared/lending.)
#include <string>
#include <vector>

#include "lending/lending_desk.hpp"
#include "screens/screens.hpp"

namespace desa::kiosk {

struct Action {
    std::string id;
    std::string label;
    ButtonStyle style = ButtonStyle::Normal;
    Icon icon = Icon::None;
    bool enabled = true;
};

// Buttons left to right at the cursor, wrapping to new rows; returns the tapped one's index or -1.
int action_row(Ui& ui, const std::vector<Action>& actions, float width);
float action_row_height(const Ui& ui, const std::vector<Action>& actions, float width);
// A text field and its buttons: beside it when the field keeps at least half the width, else below.
// Tapping the field focuses it. Returns the tapped button's index or -1.
int field_with_actions(ScreenContext& ctx, std::string_view id, session::TextField& field,
                       std::string_view placeholder, const std::vector<Action>& actions, float width);
// The "Pindai" (scan) button, offered when the kiosk has a camera.
void add_scan_action(ScreenContext& ctx, std::vector<Action>& actions, std::string_view id);

struct RowLine {
    std::string text;
    ImFont* font = nullptr;
    ImU32 colour = 0;
};
// A tappable (or plain, when id is empty) box of text lines, full width. Returns true when tapped.
bool list_row(Ui& ui, std::string_view id, const std::vector<RowLine>& lines, float width);

// Name or "(name locked)".
std::string member_name(const Ui& ui, const lending::Member& m);
// "K7M-Q9X-D4P · Siti Aminah".
std::string member_line(const Ui& ui, const lending::Member& m);
// The lines of one open loan: title, then barcode, due date and days late.
std::vector<RowLine> loan_lines(const Ui& ui, const lending::Loan& loan, std::int64_t now);

std::string card_problem_text(const Ui& ui, lending::CardProblem p);
std::string checkout_text(const Ui& ui, const lending::CheckoutResult& r, std::string_view barcode,
                          const config::LibraryConfig& rules, std::int64_t now);
std::string return_text(const Ui& ui, const lending::ReturnEntry& e, const config::LibraryConfig& rules,
                        std::int64_t now);
std::string scan_text(const Ui& ui, lending::ScanOutcome o, bool member_card);
std::string clock_text(const Ui& ui, std::int64_t now);

// A warning when member names cannot be read (signed in without the key, PIN changed, damaged),
// with the previous-PIN field to re-wrap the key when the PIN changed.
void vault_notice(ScreenContext& ctx, float width);

// Call right after drawing `field`: while it has the focus, scrolls the enclosing scroll area so the
// field stays in view above the keyboard, until a finger drag there says otherwise.
void keep_in_view(ScreenContext& ctx, const session::TextField& field);

float field_height(const Ui& ui);
float button_height(const Ui& ui);

}  // namespace desa::kiosk
