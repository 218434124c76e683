// The librarian's record editor on a real kiosk database (the search fixture): each field's
// checks as a table of good and bad input, saving, copies, withdrawing, and starting from a scanned
// ISBN read from real PNG files.
#include <catch2/catch.hpp>

#include <functional>

#include "scan/camera.hpp"
#include "barcode_png.hpp"
#include "catalog/catalog_editor.hpp"
#include "catalog/search.hpp"
#include "catalog_fixture.hpp"
#include "scan/barcode_scan.hpp"
#include "session/kiosk_session.hpp"

using namespace desa;
using catalog::CatalogEditor;
using catalog::CopyStatus;
using catalog::EditField;
using catalog::EditOutcome;
using catalog::EditProblem;

namespace {

constexpr int kThisYear = 2026;

std::int64_t fixture_id(test::CatalogFixture& f, const char* control_number) {
    const auto id = f.store.find_by_control_number(control_number);
    REQUIRE(id.has_value());
    return *id;
}

bool found_by_search(storage::Database& db, const std::string& text, std::int64_t id) {
    const auto result = catalog::search(db, {text, {}, 50, 0});
    return std::any_of(result.hits.begin(), result.hits.end(), [&](const auto& h) { return h.record_id == id; });
}

std::string describe(const std::vector<catalog::EditIssue>& issues) {
    std::string out;
    for (const auto& i : issues)
        out += std::string(catalog::edit_field_name(i.field)) + ":" + std::to_string(static_cast<int>(i.problem)) +
               " item='" + i.item + "' detail='" + i.detail + "' other='" + i.other_title + "'\n";
    return out;
}

}  // namespace

TEST_CASE("ISBN entries: each written form is checked, converted to ISBN-13, or told why not", "[catalog_editor]") {
    struct Case {
        const char* typed;
        const char* isbn13;  // "" when refused
        EditProblem problem;
        const char* detail;
    };
    const EditProblem ok = EditProblem::IsbnBadCharacters;  // unused when valid
    const Case cases[] = {
        {"978-0-439-02348-1", "9780439023481", ok, ""},
        {"0439023483", "9780439023481", ok, ""},
        {"0-439-02348-3", "9780439023481", ok, ""},
        {"ISBN 978 0 439 02348 1", "9780439023481", ok, ""},
        {"ISBN-10: 0439023483", "9780439023481", ok, ""},
        {"isbn:0-306-40615-2", "9780306406157", ok, ""},
        {"0439023483 (pbk.)", "9780439023481", ok, ""},
        {"043965548x", "9780439655484", ok, ""},
        {"439023483", "9780439023481", ok, ""},  // a 9-digit SBN
        {"979-10-90636-07-1", "9791090636071", ok, ""},
        // Bad input, each with its reason.
        {"0439023484", "", EditProblem::IsbnWrongCheckDigit, "3"},
        {"0-306-40615-X", "", EditProblem::IsbnWrongCheckDigit, "2"},
        {"9780439023482", "", EditProblem::IsbnWrongCheckDigit, "1"},
        {"12345", "", EditProblem::IsbnWrongLength, "5"},
        {"97804390234811", "", EditProblem::IsbnWrongLength, "14"},
        {"9780439023481 0439023483", "", EditProblem::IsbnWrongLength, "23"},
        {"4006381333931", "", EditProblem::IsbnNotBook, ""},
        {"978043902348a", "", EditProblem::IsbnBadCharacters, ""},
        {"X439023483", "", EditProblem::IsbnBadCharacters, ""},
        {"97804390X3481", "", EditProblem::IsbnBadCharacters, ""},
        {"buku", "", EditProblem::IsbnBadCharacters, ""},
        {"ISBN", "", EditProblem::IsbnBadCharacters, ""},
        {"(pbk.)", "", EditProblem::IsbnBadCharacters, ""},
        {"'; DROP TABLE catalog_records; --", "", EditProblem::IsbnBadCharacters, ""},
    };
    for (const auto& c : cases) {
        INFO(c.typed);
        const auto entries = catalog::parse_isbn_list(c.typed);
        // The SQL-looking case splits on ';' into several entries: each must be refused.
        REQUIRE(!entries.empty());
        if (*c.isbn13) {
            REQUIRE(entries.size() == 1);
            REQUIRE(entries[0].isbn13.has_value());
            CHECK(*entries[0].isbn13 == c.isbn13);
        } else {
            for (const auto& e : entries) CHECK_FALSE(e.isbn13.has_value());
            CHECK(entries[0].problem == c.problem);
            CHECK(entries[0].detail == c.detail);
        }
    }
    // Several ISBNs: separated by ';', ',' or new lines; empty entries dropped.
    const auto many = catalog::parse_isbn_list(" 9780439023481;; 0-306-40615-2 ,\n0747538492 ;");
    REQUIRE(many.size() == 3);
    CHECK(many[2].isbn13 == "9780747538493");
    CHECK(catalog::parse_isbn_list("  ; , ").empty());
    CHECK(catalog::split_list("Hirata, Andrea; Toer, Pramoedya Ananta\nLiye, Tere;;") ==
          std::vector<std::string>{"Hirata, Andrea", "Toer, Pramoedya Ananta", "Liye, Tere"});
}

TEST_CASE("validation: good and bad input per field, every problem reported at once", "[catalog_editor]") {
    test::CatalogFixture f;
    struct Case {
        const char* name;
        std::function<void(CatalogEditor&)> fill;
        std::vector<std::pair<EditField, EditProblem>> problems;  // empty: valid
        std::function<void(const catalog::EditValidation&)> check = nullptr;
    };
    const auto titled = [](CatalogEditor& e) { e.title.text = "Buku Baru Desa"; };
    const Case cases[] = {
        {"a title is all a record needs", titled, {}},
        {"empty title", [](CatalogEditor&) {}, {{EditField::Title, EditProblem::Required}}},
        {"blank title", [](CatalogEditor& e) { e.title.text = "  \t "; }, {{EditField::Title, EditProblem::Required}}},
        {"year 20x5", [&](CatalogEditor& e) { titled(e); e.year.text = "20x5"; },
         {{EditField::Year, EditProblem::YearNotNumber}}},
        {"year with a sign", [&](CatalogEditor& e) { titled(e); e.year.text = "-500"; },
         {{EditField::Year, EditProblem::YearNotNumber}}},
        {"year before 1000", [&](CatalogEditor& e) { titled(e); e.year.text = "999"; },
         {{EditField::Year, EditProblem::YearOutOfRange}}},
        {"year after next year", [&](CatalogEditor& e) { titled(e); e.year.text = "2028"; },
         {{EditField::Year, EditProblem::YearOutOfRange}},
         [](const auto& v) { CHECK(v.issues[0].detail == "2027"); }},
        {"next year is allowed", [&](CatalogEditor& e) { titled(e); e.year.text = "2027"; }, {},
         [](const auto& v) { CHECK(v.record->year == 2027); }},
        {"year 1000 is allowed", [&](CatalogEditor& e) { titled(e); e.year.text = "1000"; }, {},
         [](const auto& v) { CHECK(v.record->year == 1000); }},
        {"ISBN-10 with a wrong check digit", [&](CatalogEditor& e) { titled(e); e.isbns.text = "0-439-02348-4"; },
         {{EditField::Isbns, EditProblem::IsbnWrongCheckDigit}},
         [](const auto& v) {
             CHECK(v.issues[0].item == "0-439-02348-4");
             CHECK(v.issues[0].detail == "3");
         }},
        {"ISBN-10 converted to ISBN-13", [&](CatalogEditor& e) { titled(e); e.isbns.text = "0-306-40615-2; 978-0-306-40615-7"; },
         {}, [](const auto& v) { CHECK(v.record->isbns == std::vector<std::string>{"9780306406157"}); }},
        {"ISBN of another record names it", [&](CatalogEditor& e) { titled(e); e.isbns.text = "978-0-7475-3269-9"; },
         {{EditField::Isbns, EditProblem::IsbnTaken}},
         [](const auto& v) {
             CHECK(v.issues[0].item == "9780747532699");
             CHECK(v.issues[0].other_title == "Harry Potter and the Philosopher's Stone");
             CHECK(v.issues[0].other_id != 0);
         }},
        {"one good and one bad ISBN", [&](CatalogEditor& e) { titled(e); e.isbns.text = "9780306406157, 12345"; },
         {{EditField::Isbns, EditProblem::IsbnWrongLength}}},
        {"language typed in capitals", [&](CatalogEditor& e) { titled(e); e.language.text = "ENG"; }, {},
         [](const auto& v) { CHECK(v.record->language == "eng"); }},
        {"language not a code", [&](CatalogEditor& e) { titled(e); e.language.text = "en"; },
         {{EditField::Language, EditProblem::LanguageInvalid}}},
        {"language with a digit", [&](CatalogEditor& e) { titled(e); e.language.text = "e1g"; },
         {{EditField::Language, EditProblem::LanguageInvalid}}},
        {"no language", [&](CatalogEditor& e) { titled(e); e.language.text = ""; }, {},
         [](const auto& v) { CHECK(v.record->language.empty()); }},
        {"a stored title longer than the field", [](CatalogEditor& e) { e.title.text = std::string(301, 'a'); },
         {{EditField::Title, EditProblem::TooLong}}, [](const auto& v) { CHECK(v.issues[0].detail == "300"); }},
        {"authors and subjects as lists",
         [&](CatalogEditor& e) {
             titled(e);
             e.authors.text = "Hirata, Andrea;  Toer, Pramoedya Ananta ;";
             e.subjects.text = "Fiksi; Pendidikan";
             e.material_type = "magazine";
         },
         {},
         [](const auto& v) {
             CHECK(v.record->authors == std::vector<std::string>{"Hirata, Andrea", "Toer, Pramoedya Ananta"});
             CHECK(v.record->subjects == std::vector<std::string>{"Fiksi", "Pendidikan"});
             CHECK(v.record->material_type == "magazine");
             CHECK(v.record->id == 0);
         }},
        {"everything wrong at once",
         [](CatalogEditor& e) {
             e.year.text = "20x5";
             e.isbns.text = "0439023484";
             e.language.text = "xx";
         },
         {{EditField::Title, EditProblem::Required},
          {EditField::Year, EditProblem::YearNotNumber},
          {EditField::Isbns, EditProblem::IsbnWrongCheckDigit},
          {EditField::Language, EditProblem::LanguageInvalid}}},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CatalogEditor editor;
        c.fill(editor);
        const auto v = editor.validate(f.db, kThisYear);
        INFO(describe(v.issues));
        std::vector<std::pair<EditField, EditProblem>> got;
        for (const auto& i : v.issues) got.emplace_back(i.field, i.problem);
        std::sort(got.begin(), got.end());
        auto want = c.problems;
        std::sort(want.begin(), want.end());
        CHECK(got == want);
        CHECK(v.record.has_value() == want.empty());
        if (c.check && got == want) c.check(v);
    }
}

TEST_CASE("a failed save keeps every character typed and stores nothing", "[catalog_editor]") {
    test::CatalogFixture f;
    const auto before = f.store.count();
    CatalogEditor e;
    e.subtitle.text = "Panduan lengkap";
    e.year.text = "20x5";
    e.isbns.text = "0-439-02348-4";
    e.authors.text = "Siregar, Rina";
    const CatalogEditor typed = e;
    CHECK_FALSE(e.save(f.db, kThisYear));
    CHECK(e.outcome == EditOutcome::HasProblems);
    CHECK(e.issues.size() == 3);
    CHECK(e.issues_for(EditField::Year).size() == 1);
    for (EditField field : catalog::kRecordTextFields) CHECK(e.field(field)->text == typed.field(field)->text);
    CHECK_FALSE(e.record_id.has_value());
    CHECK(f.store.count() == before);
}

TEST_CASE("a new record is saved, found by search at once, then edited", "[catalog_editor]") {
    test::CatalogFixture f;
    CatalogEditor e;
    e.title.text = "Beternak Kambing Etawa";
    e.authors.text = "Nasution, Rahmat";
    e.isbns.text = "0-306-40615-2";
    e.year.text = "2020";
    REQUIRE(e.save(f.db, kThisYear));
    CHECK(e.outcome == EditOutcome::Added);
    CHECK(e.outcome_detail == "Beternak Kambing Etawa");
    REQUIRE(e.record_id.has_value());
    CHECK(e.isbns.text == "9780306406157");  // shown as stored: ISBN-13, no hyphens
    CHECK(found_by_search(f.db, "kambing etawa", *e.record_id));
    CHECK(found_by_search(f.db, "nasution", *e.record_id));

    // Editing the same record: saved by id, not added again.
    const auto count = f.store.count();
    e.title.text = "Beternak Kambing Etawa dan Domba";
    REQUIRE(e.save(f.db, kThisYear));
    CHECK(e.outcome == EditOutcome::Updated);
    CHECK(f.store.count() == count);
    CHECK(found_by_search(f.db, "domba", *e.record_id));
    // Its own ISBN is not "another record's".
    CHECK(e.validate(f.db, kThisYear).issues.empty());
}

TEST_CASE("editing keeps the copies and their loans, the control number and the withdrawn flag", "[catalog_editor]") {
    test::CatalogFixture f;
    const auto id = fixture_id(f, "FIX-12");  // Bumi Manusia: one copy on the shelf, one on loan
    CatalogEditor e;
    e.load_from(*f.store.get(id));
    CHECK(e.title.text == "Bumi Manusia");
    CHECK(e.authors.text == "Toer, Pramoedya Ananta");
    CHECK(e.isbns.text == "9789792231816");
    REQUIRE(e.copies.size() == 2);
    e.title.text = "Bumi Manusia (cetak ulang)";
    REQUIRE(e.save(f.db, kThisYear));
    const auto stored = f.store.get(id);
    CHECK(stored->title == "Bumi Manusia (cetak ulang)");
    CHECK(stored->control_number == "FIX-12");
    REQUIRE(stored->copies.size() == 2);
    CHECK(stored->copies[0].status == CopyStatus::Available);
    CHECK(stored->copies[1].status == CopyStatus::OnLoan);
    CHECK(stored->copies[1].due_unix == 1'900'000'000);

    // A withdrawn record edited stays withdrawn (only restore brings it back).
    REQUIRE(e.withdraw(f.db));
    e.notes.text = "Sampul rusak";
    REQUIRE(e.save(f.db, kThisYear));
    CHECK(e.withdrawn);
    CHECK(f.store.get(id)->withdrawn);
    CHECK_FALSE(found_by_search(f.db, "bumi manusia", id));
}

TEST_CASE("withdraw hides a record from search, restore brings it back", "[catalog_editor]") {
    test::CatalogFixture f;
    const auto id = fixture_id(f, "FIX-15");  // The Hobbit
    CatalogEditor e;
    CHECK_FALSE(e.withdraw(f.db));  // nothing saved yet: nothing to withdraw
    e.load_from(*f.store.get(id));
    REQUIRE(found_by_search(f.db, "hobbit", id));
    REQUIRE(e.withdraw(f.db));
    CHECK(e.outcome == EditOutcome::Withdrawn);
    CHECK(e.withdrawn);
    CHECK_FALSE(found_by_search(f.db, "hobbit", id));
    CHECK(f.store.get(id).has_value());  // kept for lending history
    REQUIRE(e.restore(f.db));
    CHECK(e.outcome == EditOutcome::Restored);
    CHECK_FALSE(e.withdrawn);
    CHECK(found_by_search(f.db, "hobbit", id));
}

TEST_CASE("copies: added with a unique barcode, marked lost / withdrawn / available, never while on loan",
          "[catalog_editor]") {
    test::CatalogFixture f;
    CatalogEditor fresh;
    fresh.title.text = "Belum disimpan";
    fresh.copy_barcode.text = "NEW-1";
    CHECK_FALSE(fresh.add_copy(f.db));
    REQUIRE(fresh.issues.size() == 1);
    CHECK(fresh.issues[0].problem == EditProblem::NotSaved);

    const auto id = fixture_id(f, "FIX-15");  // The Hobbit, copy FIX-15-1
    CatalogEditor e;
    e.load_from(*f.store.get(id));
    struct Case {
        const char* barcode;
        std::optional<EditProblem> problem;
        const char* other_title;
    };
    const Case cases[] = {
        {"", EditProblem::Required, ""},
        {"   ", EditProblem::Required, ""},
        {"FIX-1-1", EditProblem::BarcodeTaken, "Laskar Pelangi"},
        {" FIX-15-1 ", EditProblem::BarcodeOnThisRecord, ""},
        {"HBT-0002", std::nullopt, ""},
        {"HBT-0002", EditProblem::BarcodeOnThisRecord, ""},  // the same label twice
    };
    e.copy_location.text = "Rak D";
    for (const auto& c : cases) {
        INFO(c.barcode);
        e.copy_barcode.text = c.barcode;
        const bool added = e.add_copy(f.db);
        CHECK(added == !c.problem);
        if (c.problem) {
            REQUIRE(e.issues.size() == 1);
            CHECK(e.issues[0].problem == *c.problem);
            CHECK(e.issues[0].other_title == c.other_title);
            CHECK(e.copy_barcode.text == c.barcode);  // kept to be corrected
        } else {
            CHECK(e.outcome == EditOutcome::CopyAdded);
            CHECK(e.copy_barcode.empty());
            CHECK(e.copy_location.text == "Rak D");  // the next copy usually goes to the same shelf
        }
    }
    REQUIRE(e.copies.size() == 2);
    CHECK(e.copies[1].barcode == "HBT-0002");
    CHECK(e.copies[1].location == "Rak D");
    CHECK(f.store.get(fixture_id(f, "FIX-1"))->copies.size() == 1);  // the other record's copy stayed

    const std::int64_t copy = e.copies[1].id;
    for (CopyStatus status : {CopyStatus::Lost, CopyStatus::Withdrawn, CopyStatus::Available}) {
        REQUIRE(e.mark_copy(f.db, copy, status));
        CHECK(e.copies[1].status == status);
        CHECK(f.store.get(id)->copies[1].status == status);
    }
    CHECK_FALSE(e.mark_copy(f.db, copy, CopyStatus::OnLoan));  // loans start at the lending desk

    // A copy on loan is refused, as stored now, even if the form still showed it on the shelf.
    const auto bumi = fixture_id(f, "FIX-12");
    CatalogEditor b;
    b.load_from(*f.store.get(bumi));
    b.copies[1].status = CopyStatus::Available;
    CHECK_FALSE(b.mark_copy(f.db, b.copies[1].id, CopyStatus::Lost));
    REQUIRE(b.issues.size() == 1);
    CHECK(b.issues[0].problem == EditProblem::CopyOnLoan);
    CHECK(b.issues[0].item == "FIX-12-2");
    CHECK(b.copies[1].status == CopyStatus::OnLoan);
    CHECK(f.store.get(bumi)->copies[1].status == CopyStatus::OnLoan);
}

TEST_CASE("starting from a scanned ISBN: the record if known, else a new one with the ISBN", "[catalog_editor]") {
    test::CatalogFixture f;
    CatalogEditor e;
    e.start_from_isbn(f.db, "9780747532699");
    CHECK(e.outcome == EditOutcome::AlreadyInCatalogue);
    CHECK(e.outcome_detail == "Harry Potter and the Philosopher's Stone");
    CHECK(e.record_id == fixture_id(f, "FIX-6"));
    CHECK(e.title.text == "Harry Potter and the Philosopher's Stone");

    e.start_from_isbn(f.db, "9780306406157");
    CHECK(e.outcome == EditOutcome::NewFromIsbn);
    CHECK_FALSE(e.record_id.has_value());
    CHECK(e.isbns.text == "9780306406157");
    CHECK(e.title.empty());

    // A scan into a form already typed in adds the ISBN and keeps the rest.
    CatalogEditor typed;
    typed.title.text = "Judul yang sudah diketik";
    typed.isbns.text = "0-306-40615-2";
    typed.apply_scanned_isbn(f.db, "9780306406157");  // the same book: not added twice
    CHECK(typed.isbns.text == "0-306-40615-2");
    typed.apply_scanned_isbn(f.db, "9780747532699");
    CHECK(typed.outcome == EditOutcome::IsbnAdded);
    CHECK(typed.title.text == "Judul yang sudah diketik");
    CHECK(typed.isbns.text == "0-306-40615-2; 9780747532699");
    CHECK_FALSE(typed.record_id.has_value());
    // ... and saving then names the record that already has that ISBN.
    CHECK_FALSE(typed.save(f.db, kThisYear));
    REQUIRE(typed.issues.size() == 1);
    CHECK(typed.issues[0].problem == EditProblem::IsbnTaken);

    // A failed camera scan says why and changes nothing typed; a found one goes through the same path.
    CatalogEditor scanned;
    scanned.title.text = "Sudah diketik";
    scanned.apply_scan(f.db, {catalog::ScanOutcome::NotBook, "", "4006381333931", 1});
    CHECK(scanned.outcome == EditOutcome::ScanFailed);
    CHECK(scanned.scan_outcome == catalog::ScanOutcome::NotBook);
    CHECK(scanned.outcome_detail == "4006381333931");
    CHECK(scanned.title.text == "Sudah diketik");
    CHECK(scanned.isbns.empty());
    scanned.apply_scan(f.db, {catalog::ScanOutcome::Found, "9780306406157", "9780306406157", 1});
    CHECK(scanned.outcome == EditOutcome::IsbnAdded);
    CHECK(scanned.isbns.text == "9780306406157");

    CatalogEditor blank;
    CHECK(blank.blank());
    blank.apply_scanned_isbn(f.db, "9780747532699");
    CHECK(blank.outcome == EditOutcome::AlreadyInCatalogue);
}

TEST_CASE("a camera scan for an ISBN: found, or the reason it was not", "[catalog_editor][scan]") {
    using ZXing::BarcodeFormat;
    struct Picture {
        enum { Blank, Code, Garbage } what;
        BarcodeFormat format = BarcodeFormat::EAN13;
        const char* text = "";
    };
    struct Case {
        const char* name;
        std::vector<Picture> pictures;
        catalog::ScanOutcome outcome;
        const char* value;  // the ISBN found, or the text read
        int frames;
    };
    const Case cases[] = {
        {"no picture", {}, catalog::ScanOutcome::NoPicture, "", 0},
        {"a picture without a code", {{Picture::Blank}}, catalog::ScanOutcome::NoBarcode, "", 1},
        {"an unreadable file", {{Picture::Garbage}}, catalog::ScanOutcome::NoPicture, "", 0},
        {"a grocery EAN-13", {{Picture::Code, BarcodeFormat::EAN13, "4006381333931"}}, catalog::ScanOutcome::NotBook,
         "4006381333931", 1},
        {"a QR code", {{Picture::Code, BarcodeFormat::QRCode, "Perpustakaan Desa"}}, catalog::ScanOutcome::NotBook,
         "Perpustakaan Desa", 1},
        {"a book", {{Picture::Code, BarcodeFormat::EAN13, "9780306406157"}}, catalog::ScanOutcome::Found,
         "9780306406157", 1},
        {"frames until the book",
         {{Picture::Blank}, {Picture::Code, BarcodeFormat::EAN13, "4006381333931"},
          {Picture::Code, BarcodeFormat::EAN13, "9786020332956"}, {Picture::Blank}},
         catalog::ScanOutcome::Found, "9786020332956", 3},
        {"the most telling failure is reported",
         {{Picture::Code, BarcodeFormat::EAN13, "4006381333931"}, {Picture::Blank}}, catalog::ScanOutcome::NotBook,
         "4006381333931", 2},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        test::TempDir dir;
        int n = 0;
        for (const auto& p : c.pictures) {
            const auto file = dir / ("frame" + std::to_string(n++) + ".png");
            if (p.what == Picture::Blank) test::write_blank_png(file);
            else if (p.what == Picture::Garbage) test::write_file(file, "not a picture");
            else test::write_barcode_png(file, p.format, p.text);
        }
        auto camera = scan::folder_camera(dir.path());
        const auto scan = catalog::scan_isbn(camera);
        CHECK(scan.outcome == c.outcome);
        CHECK((c.outcome == catalog::ScanOutcome::Found ? scan.isbn13 : scan.text) == c.value);
        CHECK(scan.frames == c.frames);
        // Every picture is taken once: what the scan left, the next takes; then nothing is left.
        const auto readable = std::count_if(c.pictures.begin(), c.pictures.end(),
                                            [](const Picture& p) { return p.what != Picture::Garbage; });
        CHECK(scan.frames + catalog::scan_isbn(camera).frames == readable);
        CHECK(catalog::scan_isbn(camera).outcome == catalog::ScanOutcome::NoPicture);
    }
}

TEST_CASE("the editor is part of the visit: an idle wipe and signing out clear it", "[catalog_editor][session]") {
    session::KioskSession s({}, i18n::Language::Indonesian, Millis{0});
    s.sign_in_librarian();
    s.catalog_editor.title.text = "Rahasia";
    s.catalog_editor.copy_barcode.text = "B-1";
    s.catalog_editor.record_id = 7;
    s.wipe();
    CHECK(s.catalog_editor.title.empty());
    CHECK(s.catalog_editor.copy_barcode.empty());
    CHECK_FALSE(s.catalog_editor.record_id.has_value());
    CHECK(s.catalog_editor.blank());
    s.sign_in_librarian();
    s.catalog_editor.notes.text = "x";
    s.sign_out_librarian();
    CHECK(s.catalog_editor.notes.empty());
}
