#pragma once
// The aspiration form's per-visit state: which step the resident is on, what they typed and chose,
// which problems they have been shown, and the receipt after submitting. Pure logic: the kiosk's
// screen draws it, validate() (aspiration.hpp) judges it. Part of the session, so an idle wipe
// (`form = {}`) clears everything typed, including the personal fields.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "aspirations/aspiration_store.hpp"
#include "people/person_name.hpp"
#include "session/text_field.hpp"

namespace desa::aspirations {

enum class FormStep { Type, Category, Text, Photo, Identity, Personal, Review, Receipt };

// What this kiosk can offer. Without a province key nothing personal can be sealed, so neither a
// photo nor an identity (rahasia / nama) is offered; without a camera there is no photo step.
struct FormOffer {
    bool photo = false;
    bool identity = false;
};

// Why the last "take a photo" did not attach one.
enum class PhotoNote { None, NoPicture, TooLarge, Unreadable, NotImage };

inline constexpr std::size_t kPhoneMaxDigits = 15;

struct AspirationForm {
    FormStep step = FormStep::Type;

    std::optional<Kind> kind;
    std::optional<Category> category;
    session::TextField title{session::FieldKind::Text, Limits{}.title_max, {}};
    session::TextField text{session::FieldKind::Text, Limits{}.text_max, {}};
    session::TextField dusun{session::FieldKind::Text, Limits{}.place_max, {}};
    session::TextField rt{session::FieldKind::Digits, 3, {}};
    session::TextField rw{session::FieldKind::Digits, 3, {}};
    std::optional<int> rating;  // kept if the resident switches the type away and back
    std::vector<std::uint8_t> photo;
    PhotoNote photo_note = PhotoNote::None;

    std::optional<Identity> identity;
    session::TextField name{session::FieldKind::Text, people::kNameMaxChars, {}};
    session::TextField nik{session::FieldKind::Pin, 16, {}};  // masked until revealed
    session::TextField phone{session::FieldKind::Digits, kPhoneMaxDigits, {}};
    bool consent = false;
    bool nik_revealed = false;
    bool personal_cleared = false;  // choosing anonim just emptied name/NIK/phone: say so

    bool from_review = false;          // "Ubah" on the review: "next" returns there
    std::uint32_t shown_problems = 0;  // bit per Field: its problem is shown (left, or next pressed)
    std::optional<Field> editing;      // the field that had the focus last frame

    std::optional<Receipt> receipt;              // after a successful submit
    std::optional<SubmitProblem> submit_problem; // rate limit, duplicate: the text stays
    bool submit_failed = false;                  // the kiosk could not store it (disk): try again
    bool receipt_printed = false;                // "Cetak" on the receipt worked
    std::string print_problem;                   // or the printer's translated reason it did not

    // The draft as it would be sent: the rating only for an evaluation, the personal fields only
    // for rahasia / nama.
    Draft to_draft() const;

    // The steps this resident goes through (Personal only for rahasia / nama), Receipt excluded.
    std::vector<FormStep> flow(const FormOffer& offer) const;
    // 1-based position of the current step in flow() ("Langkah 3 dari 7"); 0 on the receipt.
    int step_number(const FormOffer& offer) const;

    void choose_kind(Kind k) { kind = k; }
    void choose_category(Category c) { category = c; }
    // Anonim empties name, NIK, phone and consent (nothing personal is kept) and notes it.
    void choose_identity(Identity i);
    void reveal_nik(bool revealed);

    // Focus bookkeeping, once a frame with the focused field (if it is one of ours): leaving a
    // field shows its problem.
    void note_focus(std::optional<Field> focused);
    std::optional<Field> field_of(const session::TextField* field) const;
    session::TextField* text_field(Field field);
    void show_problems_of(FormStep s);
    bool problem_shown(Field f) const { return (shown_problems >> static_cast<unsigned>(f)) & 1u; }
    // The problems of `v` the resident should see now (fields left or steps tried).
    std::vector<FieldProblem> visible_problems(const Validation& v) const;

    // "Lanjut": shows the step's problems; if it has none, moves on (back to the review after an
    // "Ubah", unless a step before it still needs something) and returns true.
    bool next(const Validation& v, const FormOffer& offer);
    void back(const FormOffer& offer);  // the previous step of the flow; nothing typed is lost
    void edit(FormStep s);              // "Ubah" on the review

    // The store's answer: a receipt replaces everything typed (nothing personal stays in memory);
    // a refusal keeps it all and says why.
    void submitted(const SubmitResult& result);

    // Takes the camera's picture file as the photo if it is a JPEG/PNG within `max_bytes`, else
    // keeps any earlier photo and sets photo_note. nullopt: the camera had no picture waiting.
    void attach_photo(const std::optional<std::filesystem::path>& file, std::size_t max_bytes);
    void remove_photo();

    // Anything typed or chosen (for "leave and lose it?" decisions and idle rules).
    bool has_input() const;
};

// The fields whose problems belong to a step.
std::span<const Field> fields_of(FormStep step);

}  // namespace desa::aspirations
