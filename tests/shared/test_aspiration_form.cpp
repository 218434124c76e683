// The aspiration form's per-visit model: which steps a resident goes through, when "next" moves on,
// that choosing anonim empties the personal fields, that nothing typed is lost going back or on a
// refusal, the draft it produces, the camera photo, and that the idle wipe clears it all.
#include <catch2/catch.hpp>

#include "aspirations/aspiration_form.hpp"
#include "scan/barcode_scan.hpp"
#include "session/kiosk_session.hpp"
#include "people_fixture.hpp"
#include "test_support.hpp"

using namespace desa::aspirations;
using desa::people::CivilDate;

namespace {

const desa::regions::RegionRegistry& districts() { return desa::test::indonesian_districts(); }
constexpr CivilDate kToday = desa::test::kTestToday;
constexpr FormOffer kFull{true, true};

Validation check(const AspirationForm& f) { return validate(f.to_draft(), districts(), kToday); }

// A form filled up to (not including) the identity step.
AspirationForm typed_form() {
    AspirationForm f;
    f.choose_kind(Kind::Complaint);
    f.choose_category(Category::Infrastructure);
    f.title.insert("Jalan dusun rusak");
    f.text.insert("Jalan di Dusun II berlubang sejak musim hujan, mohon diperbaiki.");
    f.rt.insert("003");
    return f;
}

void fill_personal(AspirationForm& f) {
    f.name.insert("Siti Aminah");
    f.nik.insert("1801044505870003");
    f.phone.insert("081234567890");
    f.consent = true;
}

std::vector<std::string> ids(const std::vector<FieldProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(std::string(field_name(p.field)) + ":" + p.message_id);
    return out;
}

}  // namespace

TEST_CASE("form flow: the steps depend on what the kiosk offers and the identity chosen", "[aspirations][form]") {
    using S = FormStep;
    struct Case {
        const char* name;
        FormOffer offer;
        std::optional<Identity> identity;
        std::vector<FormStep> steps;
    };
    const Case cases[] = {
        {"camera and key, nothing chosen", kFull, std::nullopt,
         {S::Type, S::Category, S::Text, S::Photo, S::Identity, S::Review}},
        {"anonim", kFull, Identity::Anonymous, {S::Type, S::Category, S::Text, S::Photo, S::Identity, S::Review}},
        {"rahasia", kFull, Identity::Confidential,
         {S::Type, S::Category, S::Text, S::Photo, S::Identity, S::Personal, S::Review}},
        {"nama", kFull, Identity::Named, {S::Type, S::Category, S::Text, S::Photo, S::Identity, S::Personal, S::Review}},
        {"no camera", {false, true}, Identity::Named, {S::Type, S::Category, S::Text, S::Identity, S::Personal, S::Review}},
        {"no province key", {false, false}, Identity::Anonymous, {S::Type, S::Category, S::Text, S::Identity, S::Review}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        AspirationForm f;
        f.identity = c.identity;
        CHECK(f.flow(c.offer) == c.steps);
    }
    AspirationForm f;
    CHECK(f.step_number(kFull) == 1);
    f.step = S::Identity;
    CHECK(f.step_number(kFull) == 5);
    f.step = S::Receipt;
    CHECK(f.step_number(kFull) == 0);
}

TEST_CASE("form next: a step with a problem stays and shows it, a good one moves on", "[aspirations][form]") {
    AspirationForm f;
    CHECK_FALSE(f.next(check(f), kFull));  // no type chosen
    CHECK(f.step == FormStep::Type);
    CHECK(ids(f.visible_problems(check(f))) == std::vector<std::string>{"type:aspiration.problem.type.missing"});

    f = typed_form();
    f.title.clear();
    f.title.insert("Jln");
    f.step = FormStep::Text;
    CHECK(f.visible_problems(check(f)).empty());  // nothing shown before the resident tried
    CHECK_FALSE(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Text);
    // Only the text step's problems: identity is still to come.
    CHECK(ids(f.visible_problems(check(f))) == std::vector<std::string>{"title:aspiration.problem.title.too_short"});
    CHECK(f.title.text == "Jln");  // kept to be corrected
    f.title.insert("an dusun rusak");
    CHECK(f.visible_problems(check(f)).empty());
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Photo);
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Identity);
    CHECK_FALSE(f.next(check(f), kFull));  // identity not chosen
    f.choose_identity(Identity::Anonymous);
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Review);
    CHECK_FALSE(f.next(check(f), kFull));  // the review is left by submitting, not by next
    // Without a camera the photo step is skipped.
    AspirationForm g = typed_form();
    g.step = FormStep::Text;
    CHECK(g.next(check(g), {false, true}));
    CHECK(g.step == FormStep::Identity);
}

TEST_CASE("form: an evaluation needs its rating on the text step, other types never send one", "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_kind(Kind::Evaluation);
    f.step = FormStep::Text;
    CHECK_FALSE(f.next(check(f), kFull));
    CHECK(ids(f.visible_problems(check(f))) == std::vector<std::string>{"rating:aspiration.problem.rating.missing"});
    f.rating = 4;
    CHECK(f.next(check(f), kFull));
    CHECK(f.to_draft().rating == 4);
    // Switching the type away keeps the chosen rating for later but does not send it.
    f.choose_kind(Kind::Aspiration);
    CHECK_FALSE(f.to_draft().rating);
    CHECK(f.rating == 4);
}

TEST_CASE("form back: the previous step, with everything typed kept", "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_identity(Identity::Confidential);
    fill_personal(f);
    f.step = FormStep::Personal;
    const Draft before = f.to_draft();
    for (FormStep expected : {FormStep::Identity, FormStep::Photo, FormStep::Text, FormStep::Category, FormStep::Type,
                              FormStep::Type}) {
        f.back(kFull);
        CHECK(f.step == expected);
    }
    const Draft after = f.to_draft();
    CHECK(after.title == before.title);
    CHECK(after.text == before.text);
    CHECK(after.rt == before.rt);
    CHECK(after.name == "Siti Aminah");
    CHECK(after.nik == "1801044505870003");
    CHECK(after.phone == "081234567890");
    CHECK(after.consent);
}

TEST_CASE("form identity: anonim empties name, NIK and phone and says so, rahasia <-> nama keeps them",
          "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_identity(Identity::Confidential);
    fill_personal(f);
    f.reveal_nik(true);
    f.show_problems_of(FormStep::Personal);
    f.choose_identity(Identity::Named);
    CHECK(f.name.text == "Siti Aminah");
    CHECK(f.nik.text == "1801044505870003");
    CHECK_FALSE(f.personal_cleared);

    f.choose_identity(Identity::Anonymous);
    CHECK(f.name.empty());
    CHECK(f.nik.empty());
    CHECK(f.phone.empty());
    CHECK_FALSE(f.consent);
    CHECK(f.personal_cleared);
    CHECK_FALSE(f.nik_revealed);  // masked again for whatever is typed next
    CHECK(f.nik.kind == desa::session::FieldKind::Pin);
    CHECK_FALSE(f.problem_shown(Field::Name));  // a fresh start, not a wall of "missing"

    const Draft d = f.to_draft();
    CHECK(d.identity == Identity::Anonymous);
    CHECK(d.name.empty());
    CHECK(d.nik.empty());
    CHECK(d.phone.empty());
    CHECK(check(f).accepted);

    // Choosing anonim on an empty form has nothing to report.
    AspirationForm g = typed_form();
    g.choose_identity(Identity::Anonymous);
    CHECK_FALSE(g.personal_cleared);
    // Choosing rahasia again clears the note.
    f.choose_identity(Identity::Confidential);
    CHECK_FALSE(f.personal_cleared);
}

TEST_CASE("form: the NIK is masked while typed until the resident reveals it", "[aspirations][form]") {
    AspirationForm f;
    f.nik.insert("1801044505870003");
    CHECK(f.nik.display_text().find("1801") == std::string::npos);
    f.reveal_nik(true);
    CHECK(f.nik.display_text() == "1801044505870003");
    CHECK(f.nik.insert("x") == false);  // still digits only
    f.reveal_nik(false);
    CHECK(f.nik.display_text().find("1801") == std::string::npos);
    CHECK(f.nik.text == "1801044505870003");
}

TEST_CASE("form: a field's problem shows once the resident leaves it", "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_identity(Identity::Named);
    f.step = FormStep::Personal;
    f.nik.insert("18010445058700");  // 14 digits
    f.note_focus(Field::Nik);
    CHECK(f.visible_problems(check(f)).empty());
    f.note_focus(Field::Phone);  // left the NIK for the phone
    CHECK(ids(f.visible_problems(check(f))) == std::vector<std::string>{"nik:nik.problem.too_short"});
    f.phone.insert("0812");
    f.note_focus(std::nullopt);  // keyboard closed
    CHECK(ids(f.visible_problems(check(f))) ==
          std::vector<std::string>{"nik:nik.problem.too_short", "phone:phone.problem.too_short"});
    CHECK_FALSE(f.next(check(f), kFull));
    CHECK(ids(f.visible_problems(check(f))) ==
          std::vector<std::string>{"name:name.problem.empty", "nik:nik.problem.too_short",
                                   "phone:phone.problem.too_short", "consent:aspiration.problem.consent"});
    CHECK(f.nik.text == "18010445058700");
    CHECK(f.phone.text == "0812");
    // The text fields map to their validation fields and back.
    for (Field field : {Field::Title, Field::Text, Field::Dusun, Field::Rt, Field::Rw, Field::Name, Field::Nik, Field::Phone})
        CHECK(f.field_of(f.text_field(field)) == field);
    CHECK_FALSE(f.text_field(Field::Consent));
    desa::session::TextField other;
    CHECK_FALSE(f.field_of(&other));
}

TEST_CASE("form: \"Ubah\" on the review returns to it, via the personal step when rahasia is chosen",
          "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_identity(Identity::Anonymous);
    f.step = FormStep::Review;
    f.edit(FormStep::Text);
    f.title.insert(" lagi");
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Review);
    CHECK_FALSE(f.from_review);

    f.edit(FormStep::Identity);
    f.choose_identity(Identity::Confidential);
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Personal);
    fill_personal(f);
    CHECK(f.next(check(f), kFull));
    CHECK(f.step == FormStep::Review);
    CHECK(check(f).accepted);
}

TEST_CASE("form to_draft: a complete rahasia form is accepted as typed", "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.dusun.insert("Dusun II");
    f.rw.insert("2");
    f.choose_identity(Identity::Confidential);
    fill_personal(f);
    const Draft d = f.to_draft();
    CHECK(d.kind == Kind::Complaint);
    CHECK(d.category == Category::Infrastructure);
    CHECK(d.title == "Jalan dusun rusak");
    CHECK(d.dusun == "Dusun II");
    CHECK(d.rt == "003");
    CHECK(d.rw == "2");
    CHECK_FALSE(d.rating);
    CHECK(d.consent);
    const auto v = check(f);
    REQUIRE(v.accepted);
    CHECK(v.accepted->nik == "1801044505870003");
    CHECK(v.accepted->phone == "+6281234567890");
}

TEST_CASE("form submitted: a receipt clears everything typed, a refusal keeps it", "[aspirations][form]") {
    AspirationForm f = typed_form();
    f.choose_identity(Identity::Named);
    fill_personal(f);
    f.step = FormStep::Review;

    f.submitted({std::nullopt, SubmitProblem::Duplicate});
    CHECK(f.step == FormStep::Review);
    CHECK(f.submit_problem == SubmitProblem::Duplicate);
    CHECK(f.name.text == "Siti Aminah");
    CHECK(f.text.text.starts_with("Jalan di Dusun II"));
    f.back(kFull);  // going back to change something: the refusal is no longer news
    CHECK_FALSE(f.submit_problem);

    Receipt r;
    r.tracking_code = "7KQMA9XD4B2";
    r.title = "Jalan dusun rusak";
    f.submitted({r, std::nullopt});
    CHECK(f.step == FormStep::Receipt);
    REQUIRE(f.receipt);
    CHECK(f.receipt->tracking_code == "7KQMA9XD4B2");
    CHECK(f.name.empty());
    CHECK(f.nik.empty());
    CHECK(f.phone.empty());
    CHECK(f.title.empty());
    CHECK(f.text.empty());
    CHECK_FALSE(f.identity);
    CHECK(f.has_input());  // the receipt itself is visit state
}

TEST_CASE("form photo: the camera's next file, refused when too large or not a picture", "[aspirations][form]") {
    desa::test::TempDir dir;
    const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'p');
    const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(2000, 'j');
    desa::test::write_file(dir / "1-first.png", png);
    desa::test::write_file(dir / "2-big.jpg", jpeg);
    desa::test::write_file(dir / "3-text.jpg", "not a picture at all");
    desa::test::write_file(dir / "4-second.jpg", jpeg.substr(0, 500));
    desa::scan::FolderCamera camera(dir.path());
    AspirationForm f;

    struct Case {
        const char* what;
        PhotoNote note;
        std::size_t photo_size;  // what the form holds afterwards
    };
    const Case cases[] = {
        {"a small PNG is attached", PhotoNote::None, png.size()},
        {"a JPEG over the limit is refused, the earlier photo kept", PhotoNote::TooLarge, png.size()},
        {"a file that is no picture is refused", PhotoNote::NotImage, png.size()},
        {"the next picture replaces the photo", PhotoNote::None, 500},
        {"nothing waiting: the resident is told", PhotoNote::NoPicture, 500},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        f.attach_photo(camera.next_file(), 1024);
        CHECK(f.photo_note == c.note);
        CHECK(f.photo.size() == c.photo_size);
    }
    // A file vanishing between listing and reading is unreadable, not a crash.
    f.attach_photo(dir / "gone.jpg", 1024);
    CHECK(f.photo_note == PhotoNote::Unreadable);
    CHECK(f.photo.size() == 500);
    f.remove_photo();
    CHECK(f.photo.empty());
    CHECK(f.photo_note == PhotoNote::None);
    // next_frame() shares "taken" with next_file(): everything above has been taken.
    CHECK_FALSE(camera.next_frame());
    desa::test::write_file(dir / "5-late.png", png);
    CHECK(camera.next_file() == dir / "5-late.png");
    CHECK_FALSE(camera.next_file());
}

TEST_CASE("form: the idle wipe clears the form, the personal fields and the receipt", "[aspirations][form]") {
    using desa::Millis;
    desa::session::KioskSession session({Millis{75'000}, Millis{90'000}, Millis{120'000}},
                                        desa::i18n::Language::Indonesian, Millis{0});
    session.open(desa::session::Screen::Aspirations);
    auto& f = session.aspiration.form;
    f = typed_form();
    f.choose_identity(Identity::Confidential);
    fill_personal(f);
    f.step = FormStep::Personal;
    session.focus(&f.nik);
    CHECK(f.has_input());
    CHECK(session.tick(Millis{60'000}) == desa::session::IdleEvent::None);
    CHECK(f.nik.text == "1801044505870003");  // still there while the resident may come back
    CHECK(session.tick(Millis{91'000}) == desa::session::IdleEvent::Reset);
    CHECK(session.screen() == desa::session::Screen::Home);
    CHECK_FALSE(session.focused());
    CHECK_FALSE(f.has_input());
    CHECK(f.name.empty());
    CHECK(f.nik.empty());
    CHECK(f.phone.empty());
    CHECK(f.text.empty());
    CHECK(f.step == FormStep::Type);
    CHECK(f.nik.kind == desa::session::FieldKind::Pin);
}
