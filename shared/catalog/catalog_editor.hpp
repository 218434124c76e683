#pragma once
// The librarian's record editor: one record as text fields, validated into a catalog::Record and
// saved through CatalogStore; its copies listed, added and marked lost / withdrawn / available.
// Part of the visit (wiped with it), like LibraryVisit. No SDL or ImGui here: problems and
// outcomes are enums that the screen turns into translated messages, and a failed save changes
// nothing that was typed. Every change (save, withdraw/restore, add or mark a copy) appends its
// "catalog_edits" outbox record for the hub in the same transaction (catalog_edit_outbox.hpp): a
// change that fails leaves no record, a record never announces a change that did not happen.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.hpp"
#include "session/text_field.hpp"
#include "storage/database.hpp"

namespace desa::scan {
struct Camera;
}

namespace desa::catalog {

// The form's fields in the order the screen shows them, then the new-copy fields, then the
// things a problem may be about that are not fields (a listed copy, the record as a whole).
enum class EditField {
    Title, Subtitle, Authors, Subjects, Series, Publisher, Place, Year, Edition, Extent, Isbns,
    CallNumber, Language, MaterialType, Collection, Notes,
    CopyBarcode, CopyLocation, CopyCallNumber,
    Copy, Record,
};
// The record's text fields in form order: the ISBN first, as a record usually starts from it
// (Language and MaterialType have choices besides).
inline constexpr EditField kRecordTextFields[] = {
    EditField::Isbns,     EditField::Title,     EditField::Subtitle,   EditField::Authors,
    EditField::Subjects,  EditField::Series,    EditField::Publisher,  EditField::Place,
    EditField::Year,      EditField::Edition,   EditField::Extent,     EditField::CallNumber,
    EditField::Language,  EditField::Collection, EditField::Notes};
std::string_view edit_field_name(EditField);  // "title", "isbns", "copy_barcode", ...

enum class EditProblem {
    Required,             // an empty title, an empty copy barcode
    TooLong,              // detail: the limit in characters
    YearNotNumber,        // "20x5"
    YearOutOfRange,       // detail: the latest year allowed (the earliest is 1000)
    IsbnBadCharacters,    // item: the ISBN as typed
    IsbnWrongLength,      // item; detail: how many digits it has (10 or 13 wanted)
    IsbnWrongCheckDigit,  // item; detail: the check digit the other digits call for
    IsbnNotBook,          // item: 13 digits that do not start 978/979
    IsbnTaken,            // item: the ISBN-13; other_*: the record that has it
    LanguageInvalid,      // item: not a three-letter ISO 639-2 code
    BarcodeTaken,         // item: the barcode; other_*: the record its copy belongs to
    BarcodeOnThisRecord,  // item: this record already has a copy with that barcode
    NotSaved,             // copies are added to a saved record
    CopyOnLoan,           // item: the barcode; a loan ends at the lending desk, not here
    RecordMissing,        // the record is no longer in the store
};

struct EditIssue {
    EditField field;
    EditProblem problem;
    std::string item;         // which value: an ISBN or barcode as typed
    std::string detail;       // a limit, a digit count, a check digit, a year
    std::string other_title;  // the other record a duplicate belongs to
    std::int64_t other_id = 0;
    bool other_withdrawn = false;
};

// What the last action did, for the notice at the top of the screen.
enum class EditOutcome {
    None,
    HasProblems,         // nothing saved; see issues
    Added,               // a new record saved
    Updated,             // an edit saved
    NewFromIsbn,         // a scanned ISBN not in the catalogue: a new record with it filled in
    AlreadyInCatalogue,  // a scanned ISBN found: its record is loaded
    IsbnAdded,           // a scanned ISBN added to the ISBN field of the record being edited
    CopyAdded,
    CopyMarked,
    Withdrawn,
    Restored,
    ScanFailed,          // a camera scan found no ISBN: see scan_outcome; outcome_detail = the code read
};

// One entry of the ISBN field: valid (isbn13 set) or why not.
struct IsbnEntry {
    std::string typed;  // trimmed
    std::optional<std::string> isbn13;
    EditProblem problem = EditProblem::IsbnBadCharacters;  // when isbn13 is empty
    std::string detail;
};
// Splits the ISBN field on ';', ',' and new lines and checks each entry: "978-0-439-02348-1",
// "ISBN 0439023483", "0-439-02348-3 (pbk.)" are valid; two numbers without a separator are one
// entry of the wrong length. Empty entries are dropped.
std::vector<IsbnEntry> parse_isbn_list(std::string_view text);
// Authors and subjects: one per line or separated by ';' ("Hirata, Andrea; Toer, Pramoedya").
std::vector<std::string> split_list(std::string_view text);

// Common ISO 639-2 languages offered as choices, and the material types the catalogue knows.
inline constexpr std::string_view kLanguageChoices[] = {"ind", "eng", "jav", "sun", "ljp", "ara"};
inline constexpr std::string_view kMaterialTypes[] = {"book",  "magazine", "audiovisual", "audio",
                                                      "map",   "music_score", "image",    "electronic",
                                                      "kit",   "object",   "manuscript"};

// A camera look for a book's ISBN: frames are taken until one holds an ISBN or none are left.
enum class ScanOutcome {
    Found,          // isbn13 set
    NoPicture,      // the camera had no picture
    NoBarcode,      // pictures, but no code in them
    NotBook,        // a code, but not an ISBN (an EAN-13 not 978/979, a QR code, a spine label)
    BadCheckDigit,  // a 978/979 EAN-13 whose check digit is wrong
};
struct IsbnScan {
    ScanOutcome outcome = ScanOutcome::NoPicture;
    std::string isbn13;  // when Found
    std::string text;    // the code that was read last (for NotBook / BadCheckDigit)
    int frames = 0;      // pictures looked at
};
IsbnScan scan_isbn(scan::Camera& camera, int max_frames = 100);

struct EditValidation {
    std::optional<Record> record;  // set when there are no issues (copies empty, id set for an edit)
    std::vector<EditIssue> issues;
};

struct CatalogEditor {
    std::optional<std::int64_t> record_id;  // nullopt: a new record
    std::string control_number;             // kept as loaded: imports match records by it
    bool withdrawn = false;                 // of the stored record

    session::TextField title{session::FieldKind::Text, 300, {}};
    session::TextField subtitle{session::FieldKind::Text, 300, {}};
    session::TextField authors{session::FieldKind::Text, 1000, {}};
    session::TextField subjects{session::FieldKind::Text, 1000, {}};
    session::TextField series{session::FieldKind::Text, 200, {}};
    session::TextField publisher{session::FieldKind::Text, 200, {}};
    session::TextField place{session::FieldKind::Text, 120, {}};
    session::TextField year{session::FieldKind::Digits, 4, {}};
    session::TextField edition{session::FieldKind::Text, 80, {}};
    session::TextField extent{session::FieldKind::Text, 80, {}};
    session::TextField isbns{session::FieldKind::Text, 200, {}};
    session::TextField call_number{session::FieldKind::Text, 60, {}};
    session::TextField language{session::FieldKind::Text, 3, "ind"};  // a village library's default
    session::TextField collection{session::FieldKind::Text, 80, {}};
    session::TextField notes{session::FieldKind::Text, 2000, {}};
    std::string material_type = "book";

    session::TextField copy_barcode{session::FieldKind::Text, 40, {}};
    session::TextField copy_location{session::FieldKind::Text, 120, {}};
    session::TextField copy_call_number{session::FieldKind::Text, 60, {}};
    std::vector<Copy> copies;  // as stored, refreshed after every change

    std::vector<EditIssue> issues;  // of the last action
    EditOutcome outcome = EditOutcome::None;
    std::string outcome_detail;     // the title saved, the barcode added or marked, the ISBN scanned
    ScanOutcome scan_outcome = ScanOutcome::Found;  // why the last scan failed (with ScanFailed)
    bool confirming = false;        // withdraw / restore asked, waiting for "yes"

    // The text field for `f`; nullptr for MaterialType, Copy and Record.
    session::TextField* field(EditField f);
    const session::TextField* field(EditField f) const;
    // Issues about one field (for the line under it).
    std::vector<const EditIssue*> issues_for(EditField f) const;

    // Fills the form from a stored record (any previous state dropped).
    void load_from(const Record& record);
    // load_from the record as stored now; false (form unchanged) if there is no such record.
    bool load(storage::Database& db, std::int64_t record_id);
    // Nothing typed yet in a new record (language and material type left at their defaults).
    bool blank() const;

    // Checks every field; `this_year` bounds the year (next year is allowed: books are dated
    // ahead). ISBNs of another record are looked up in `db`.
    EditValidation validate(storage::Database& db, int this_year) const;
    // Validates and saves (CatalogStore::upsert; by id for an edit). On success the form shows
    // the record as stored (ISBNs as ISBN-13 without hyphens); on failure nothing typed changes.
    bool save(storage::Database& db, int this_year);

    // Starts from an ISBN-13 (scanned or typed): its record when the catalogue has it, else a
    // new record with the ISBN filled in.
    void start_from_isbn(storage::Database& db, std::string_view isbn13);
    // A scan while a record is open or something is typed adds the ISBN to the field instead, so
    // nothing typed is lost; on a blank form it is start_from_isbn.
    void apply_scanned_isbn(storage::Database& db, std::string_view isbn13);
    // A camera scan: apply_scanned_isbn when it found an ISBN, else ScanFailed with the reason.
    void apply_scan(storage::Database& db, const IsbnScan& scan);

    // Out of search (kept for lending history), and back; false if there is no saved record.
    bool withdraw(storage::Database& db) { return set_withdrawn(db, true); }
    bool restore(storage::Database& db) { return set_withdrawn(db, false); }
    bool set_withdrawn(storage::Database& db, bool withdraw);

    // Adds a copy from the copy_* fields to the saved record; clears them on success.
    bool add_copy(storage::Database& db);
    // Lost, Withdrawn or Available; a copy on loan is refused (returned at the lending desk).
    bool mark_copy(storage::Database& db, std::int64_t copy_id, CopyStatus status);
    void reload_copies(storage::Database& db);
};

}  // namespace desa::catalog
