#include "aspirations/aspiration_form.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace desa::aspirations {
namespace {

constexpr Field kTypeFields[] = {Field::Kind};
constexpr Field kCategoryFields[] = {Field::Category};
constexpr Field kTextFields[] = {Field::Title, Field::Text, Field::Dusun, Field::Rt, Field::Rw, Field::Rating};
constexpr Field kPhotoFields[] = {Field::Photo};
constexpr Field kIdentityFields[] = {Field::Identity};
constexpr Field kPersonalFields[] = {Field::Name, Field::Nik, Field::Phone, Field::Consent};
constexpr Field kAllFields[] = {Field::Kind,  Field::Category, Field::Title,    Field::Text, Field::Dusun,
                                Field::Rt,    Field::Rw,       Field::Rating,   Field::Photo, Field::Identity,
                                Field::Name,  Field::Nik,      Field::Phone,    Field::Consent};

std::uint32_t bit(Field f) { return 1u << static_cast<unsigned>(f); }

bool in_step(FormStep s, Field f) {
    const auto fields = fields_of(s);
    return std::find(fields.begin(), fields.end(), f) != fields.end();
}

bool has_problem_in(const Validation& v, FormStep s) {
    return std::any_of(v.problems.begin(), v.problems.end(), [&](const FieldProblem& p) { return in_step(s, p.field); });
}

bool is_picture(const std::vector<std::uint8_t>& p) {  // the formats validate() accepts
    const bool jpeg = p.size() >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
    const bool png = p.size() >= 8 && p[0] == 0x89 && p[1] == 'P' && p[2] == 'N' && p[3] == 'G';
    return jpeg || png;
}

}  // namespace

std::span<const Field> fields_of(FormStep step) {
    switch (step) {
        case FormStep::Type: return kTypeFields;
        case FormStep::Category: return kCategoryFields;
        case FormStep::Text: return kTextFields;
        case FormStep::Photo: return kPhotoFields;
        case FormStep::Identity: return kIdentityFields;
        case FormStep::Personal: return kPersonalFields;
        case FormStep::Review: return kAllFields;
        case FormStep::Receipt: return {};
    }
    return {};
}

Draft AspirationForm::to_draft() const {
    Draft d;
    d.kind = kind;
    d.category = category;
    d.title = title.text;
    d.text = text.text;
    d.dusun = dusun.text;
    d.rt = rt.text;
    d.rw = rw.text;
    if (kind == Kind::Evaluation) d.rating = rating;
    d.photo = photo;
    d.identity = identity;
    if (identity && *identity != Identity::Anonymous) {
        d.name = name.text;
        d.nik = nik.text;
        d.phone = phone.text;
        d.consent = consent;
    }
    return d;
}

std::vector<FormStep> AspirationForm::flow(const FormOffer& offer) const {
    std::vector<FormStep> steps{FormStep::Type, FormStep::Category, FormStep::Text};
    if (offer.photo) steps.push_back(FormStep::Photo);
    steps.push_back(FormStep::Identity);
    if (offer.identity && identity && *identity != Identity::Anonymous) steps.push_back(FormStep::Personal);
    steps.push_back(FormStep::Review);
    return steps;
}

int AspirationForm::step_number(const FormOffer& offer) const {
    const auto steps = flow(offer);
    const auto at = std::find(steps.begin(), steps.end(), step);
    return at == steps.end() ? 0 : static_cast<int>(at - steps.begin()) + 1;
}

void AspirationForm::choose_identity(Identity i) {
    identity = i;
    if (i != Identity::Anonymous) {
        personal_cleared = false;
        return;
    }
    personal_cleared = !name.empty() || !nik.empty() || !phone.empty() || consent;
    name.clear();
    nik.clear();
    phone.clear();
    consent = false;
    reveal_nik(false);
    shown_problems &= ~(bit(Field::Name) | bit(Field::Nik) | bit(Field::Phone) | bit(Field::Consent));
}

void AspirationForm::reveal_nik(bool revealed) {
    nik_revealed = revealed;
    nik.kind = revealed ? session::FieldKind::Digits : session::FieldKind::Pin;
}

std::optional<Field> AspirationForm::field_of(const session::TextField* field) const {
    if (field == &title) return Field::Title;
    if (field == &text) return Field::Text;
    if (field == &dusun) return Field::Dusun;
    if (field == &rt) return Field::Rt;
    if (field == &rw) return Field::Rw;
    if (field == &name) return Field::Name;
    if (field == &nik) return Field::Nik;
    if (field == &phone) return Field::Phone;
    return std::nullopt;
}

session::TextField* AspirationForm::text_field(Field field) {
    switch (field) {
        case Field::Title: return &title;
        case Field::Text: return &text;
        case Field::Dusun: return &dusun;
        case Field::Rt: return &rt;
        case Field::Rw: return &rw;
        case Field::Name: return &name;
        case Field::Nik: return &nik;
        case Field::Phone: return &phone;
        default: return nullptr;
    }
}

void AspirationForm::note_focus(std::optional<Field> focused) {
    if (editing && editing != focused) shown_problems |= bit(*editing);
    editing = focused;
}

void AspirationForm::show_problems_of(FormStep s) {
    for (Field f : fields_of(s)) shown_problems |= bit(f);
}

std::vector<FieldProblem> AspirationForm::visible_problems(const Validation& v) const {
    std::vector<FieldProblem> out;
    for (const auto& p : v.problems)
        if (problem_shown(p.field)) out.push_back(p);
    return out;
}

bool AspirationForm::next(const Validation& v, const FormOffer& offer) {
    show_problems_of(step);
    if (has_problem_in(v, step)) return false;
    const auto steps = flow(offer);
    auto at = std::find(steps.begin(), steps.end(), step);
    if (step == FormStep::Review || step == FormStep::Receipt) return false;
    if (at == steps.end()) {  // a step the kiosk no longer offers (camera gone): resume the flow
        at = steps.begin();
        from_review = true;
    }
    if (from_review) {
        // Back to the review, unless a later step still needs something (e.g. rahasia chosen
        // on the way: the personal step comes first).
        for (auto s = at + 1; s != steps.end(); ++s) {
            if (*s == FormStep::Review || has_problem_in(v, *s)) {
                step = *s;
                break;
            }
        }
        if (step == FormStep::Review) from_review = false;
        return true;
    }
    step = *(at + 1);
    return true;
}

void AspirationForm::back(const FormOffer& offer) {
    from_review = false;
    submit_problem.reset();
    submit_failed = false;
    const auto steps = flow(offer);
    const auto at = std::find(steps.begin(), steps.end(), step);
    if (at != steps.end() && at != steps.begin()) step = *(at - 1);
}

void AspirationForm::edit(FormStep s) {
    step = s;
    from_review = true;
    submit_problem.reset();
    submit_failed = false;
}

void AspirationForm::submitted(const SubmitResult& result) {
    if (result.receipt) {
        *this = AspirationForm{};
        receipt = result.receipt;
        step = FormStep::Receipt;
        return;
    }
    submit_problem = result.problem;
}

void AspirationForm::attach_photo(const std::optional<std::filesystem::path>& file, std::size_t max_bytes) {
    if (!file) {
        photo_note = PhotoNote::NoPicture;
        return;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(*file, ec);
    if (ec) {
        photo_note = PhotoNote::Unreadable;
        return;
    }
    if (size > max_bytes) {  // refused before it is read: a camera file can be any size
        photo_note = PhotoNote::TooLarge;
        return;
    }
    std::ifstream in(*file, std::ios::binary);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        photo_note = PhotoNote::Unreadable;
        return;
    }
    if (!is_picture(bytes)) {
        photo_note = PhotoNote::NotImage;
        return;
    }
    photo = std::move(bytes);
    photo_note = PhotoNote::None;
}

void AspirationForm::remove_photo() {
    photo.clear();
    photo_note = PhotoNote::None;
}

bool AspirationForm::has_input() const {
    return step != FormStep::Type || kind || category || !title.empty() || !text.empty() || !dusun.empty() ||
           !rt.empty() || !rw.empty() || rating || !photo.empty() || identity || !name.empty() || !nik.empty() ||
           !phone.empty() || consent || receipt;
}

}  // namespace desa::aspirations
