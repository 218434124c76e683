#include "catalog/catalog_editor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>

#include <spdlog/spdlog.h>

#include "catalog/catalog_edit_outbox.hpp"
#include "catalog/catalog_store.hpp"
#include "catalog/isbn.hpp"
#include "scan/barcode_scan.hpp"
#include "scan/camera.hpp"

namespace desa::catalog {
namespace {

constexpr std::array<std::string_view, 21> kFieldNames{
    "title",      "subtitle",     "authors",          "subjects", "series",     "publisher", "place",
    "year",       "edition",      "extent",           "isbns",    "call_number", "language", "material_type",
    "collection", "notes",        "copy_barcode",     "copy_location", "copy_call_number", "copy", "record"};
constexpr int kEarliestYear = 1000;

std::string trim(std::string_view s) {
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

std::vector<std::string> split(std::string_view text, std::string_view separators) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && separators.find(text[i]) == std::string_view::npos) continue;
        if (std::string item = trim(text.substr(start, i - start)); !item.empty()) out.push_back(std::move(item));
        start = i + 1;
    }
    return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

// "ISBN", "ISBN:", "ISBN-10:", "isbn 13 :" in front of the number.
std::string_view strip_label(std::string_view s) {
    if (!starts_with_ci(s, "isbn")) return s;
    s.remove_prefix(4);
    while (!s.empty() && (s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
    std::string_view rest = s;
    if (rest.starts_with("10") || rest.starts_with("13")) {
        rest.remove_prefix(2);
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        if (!rest.empty() && rest.front() == ':') s = rest;
    }
    while (!s.empty() && (s.front() == ':' || s.front() == ' ')) s.remove_prefix(1);
    return s;
}

IsbnEntry check_isbn(std::string typed) {
    IsbnEntry e{std::move(typed), std::nullopt, EditProblem::IsbnBadCharacters, {}};
    std::string_view s = strip_label(e.typed);
    // A qualifier in brackets after the number is allowed: "0439023483 (pbk.)".
    if (const auto bracket = s.find('('); bracket != std::string_view::npos && s.back() == ')')
        s = s.substr(0, bracket);
    std::string digits;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') digits += c;
        else if ((c == 'X' || c == 'x') && i + 1 == s.find_last_not_of(' ') + 1) digits += 'X';
        else if (c != '-' && c != ' ') return e;  // a letter or symbol: not an ISBN
    }
    if (digits.empty()) return e;                   // "ISBN" alone, a lone hyphen
    if (digits.size() == 9) digits.insert(0, "0");  // an SBN: an ISBN-10 without its leading 0
    const bool has_x = digits.find('X') != std::string::npos;
    if (digits.size() == 10) {
        if (digits.find('X') < 9) return e;
        if (const char want = isbn10_check(digits.substr(0, 9)); want != digits[9]) {
            e.problem = EditProblem::IsbnWrongCheckDigit;
            e.detail = std::string(1, want);
            return e;
        }
    } else if (digits.size() == 13 && !has_x) {
        if (!digits.starts_with("978") && !digits.starts_with("979")) {
            e.problem = EditProblem::IsbnNotBook;
            return e;
        }
        if (const char want = isbn13_check(digits.substr(0, 12)); want != digits[12]) {
            e.problem = EditProblem::IsbnWrongCheckDigit;
            e.detail = std::string(1, want);
            return e;
        }
    } else {
        if (has_x) return e;
        e.problem = EditProblem::IsbnWrongLength;
        e.detail = std::to_string(digits.size());
        return e;
    }
    e.isbn13 = digits.size() == 10 ? isbn10_to_13(digits) : normalize_isbn(digits);
    return e;
}

// The record a copy belongs to (CatalogStore has no such look-up: only the editor needs it).
std::optional<std::int64_t> copy_owner(storage::Database& db, std::int64_t copy_id) {
    auto s = db.prepare("SELECT record_id FROM catalog_copies WHERE id = ?1");
    s.bind(1, copy_id);
    if (!s.step()) return std::nullopt;
    return s.column_int64(0);
}

bool too_long(const session::TextField& f) { return f.length() > f.max_chars; }

std::int64_t wall_clock() { return static_cast<std::int64_t>(std::time(nullptr)); }

}  // namespace

std::string_view edit_field_name(EditField f) { return kFieldNames[static_cast<std::size_t>(f)]; }

std::vector<IsbnEntry> parse_isbn_list(std::string_view text) {
    std::vector<IsbnEntry> out;
    for (auto& item : split(text, ";,\n")) out.push_back(check_isbn(std::move(item)));
    return out;
}

std::vector<std::string> split_list(std::string_view text) { return split(text, ";\n"); }

IsbnScan scan_isbn(scan::Camera& camera, int max_frames) {
    IsbnScan result;
    // The most telling failure wins: a book code with a bad check digit says more than a
    // grocery code, which says more than a picture without any code.
    const auto worse = [&](ScanOutcome o, const std::string& text) {
        if (static_cast<int>(o) >= static_cast<int>(result.outcome)) {
            result.outcome = o;
            result.text = text;
        }
    };
    while (result.frames < max_frames) {
        auto frame = camera.next_frame();
        if (!frame) break;
        ++result.frames;
        const auto codes = scan::read_codes(*frame);
        if (codes.empty()) worse(ScanOutcome::NoBarcode, {});
        for (const auto& code : codes) {
            if (code.kind == scan::CodeKind::Isbn && code.verdict == scan::Verdict::Valid) {
                result.outcome = ScanOutcome::Found;
                result.isbn13 = code.value;
                result.text = code.text;
                return result;
            }
            worse(code.kind == scan::CodeKind::Isbn ? ScanOutcome::BadCheckDigit : ScanOutcome::NotBook, code.text);
        }
    }
    return result;
}

session::TextField* CatalogEditor::field(EditField f) {
    return const_cast<session::TextField*>(static_cast<const CatalogEditor*>(this)->field(f));
}

const session::TextField* CatalogEditor::field(EditField f) const {
    switch (f) {
        case EditField::Title: return &title;
        case EditField::Subtitle: return &subtitle;
        case EditField::Authors: return &authors;
        case EditField::Subjects: return &subjects;
        case EditField::Series: return &series;
        case EditField::Publisher: return &publisher;
        case EditField::Place: return &place;
        case EditField::Year: return &year;
        case EditField::Edition: return &edition;
        case EditField::Extent: return &extent;
        case EditField::Isbns: return &isbns;
        case EditField::CallNumber: return &call_number;
        case EditField::Language: return &language;
        case EditField::Collection: return &collection;
        case EditField::Notes: return &notes;
        case EditField::CopyBarcode: return &copy_barcode;
        case EditField::CopyLocation: return &copy_location;
        case EditField::CopyCallNumber: return &copy_call_number;
        case EditField::MaterialType:
        case EditField::Copy:
        case EditField::Record: return nullptr;
    }
    return nullptr;
}

std::vector<const EditIssue*> CatalogEditor::issues_for(EditField f) const {
    std::vector<const EditIssue*> out;
    for (const auto& issue : issues)
        if (issue.field == f) out.push_back(&issue);
    return out;
}

void CatalogEditor::load_from(const Record& r) {
    *this = CatalogEditor{};
    record_id = r.id;
    control_number = r.control_number;
    withdrawn = r.withdrawn;
    // Set directly, not through insert(): a stored value longer than the field's limit is shown
    // whole and reported on save rather than silently cut.
    title.text = r.title;
    subtitle.text = r.subtitle;
    authors.text = join(r.authors, "; ");
    subjects.text = join(r.subjects, "; ");
    series.text = r.series;
    publisher.text = r.publisher;
    place.text = r.place;
    year.text = r.year ? std::to_string(*r.year) : "";
    edition.text = r.edition;
    extent.text = r.extent;
    isbns.text = join(r.isbns, "; ");
    call_number.text = r.call_number;
    language.text = r.language;
    material_type = r.material_type.empty() ? "book" : r.material_type;
    collection.text = r.collection;
    notes.text = r.notes;
    copies = r.copies;
}

bool CatalogEditor::load(storage::Database& db, std::int64_t id) {
    CatalogStore store(db);
    const auto stored = store.get(id);
    if (!stored) return false;
    load_from(*stored);
    return true;
}

bool CatalogEditor::blank() const {
    if (record_id) return false;
    for (EditField f : kRecordTextFields)
        if (f != EditField::Language && !field(f)->empty()) return false;
    return true;
}

EditValidation CatalogEditor::validate(storage::Database& db, int this_year) const {
    EditValidation v;
    const auto add = [&](EditField f, EditProblem p, std::string item = {}, std::string detail = {}) {
        v.issues.push_back({f, p, std::move(item), std::move(detail), {}, 0, false});
    };
    for (EditField f : kRecordTextFields)
        if (too_long(*field(f))) add(f, EditProblem::TooLong, {}, std::to_string(field(f)->max_chars));

    Record r;
    r.id = record_id.value_or(0);
    r.control_number = control_number;
    r.title = trim(title.text);
    if (r.title.empty()) add(EditField::Title, EditProblem::Required);
    r.subtitle = trim(subtitle.text);
    r.authors = split_list(authors.text);
    r.subjects = split_list(subjects.text);
    r.series = trim(series.text);
    r.publisher = trim(publisher.text);
    r.place = trim(place.text);
    if (const std::string y = trim(year.text); !y.empty()) {
        int value = 0;
        const auto [end, ec] = std::from_chars(y.data(), y.data() + y.size(), value);
        if (ec != std::errc{} || end != y.data() + y.size() || y.front() == '+' || y.front() == '-')
            add(EditField::Year, EditProblem::YearNotNumber, y);
        else if (value < kEarliestYear || value > this_year + 1)
            add(EditField::Year, EditProblem::YearOutOfRange, y, std::to_string(this_year + 1));
        else
            r.year = value;
    }
    r.edition = trim(edition.text);
    r.extent = trim(extent.text);

    CatalogStore store(db);
    for (const IsbnEntry& e : parse_isbn_list(isbns.text)) {
        if (!e.isbn13) {
            add(EditField::Isbns, e.problem, e.typed, e.detail);
            continue;
        }
        if (std::find(r.isbns.begin(), r.isbns.end(), *e.isbn13) != r.isbns.end()) continue;
        r.isbns.push_back(*e.isbn13);
        const auto owner = store.find_by_isbn(*e.isbn13);
        if (owner && *owner != r.id) {
            const auto other = store.get(*owner);
            v.issues.push_back({EditField::Isbns, EditProblem::IsbnTaken, *e.isbn13, {},
                                other ? other->title : std::string{}, *owner, other && other->withdrawn});
        }
    }
    r.call_number = trim(call_number.text);
    std::string lang = trim(language.text);
    std::transform(lang.begin(), lang.end(), lang.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    const bool letters = std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!lang.empty() && (lang.size() != 3 || !letters)) add(EditField::Language, EditProblem::LanguageInvalid, lang);
    r.language = lang;
    r.material_type = material_type.empty() ? "book" : material_type;
    r.collection = trim(collection.text);
    r.notes = trim(notes.text);
    r.withdrawn = withdrawn;
    if (v.issues.empty()) v.record = std::move(r);
    return v;
}

bool CatalogEditor::save(storage::Database& db, int this_year) {
    confirming = false;
    EditValidation v = validate(db, this_year);
    issues = std::move(v.issues);
    if (!v.record) {
        outcome = EditOutcome::HasProblems;
        outcome_detail.clear();
        return false;
    }
    CatalogStore store(db);
    // The change and its outbox record for the hub commit together (catalog_edit_outbox.hpp).
    EditScope scope(db);
    if (record_id && !store.get(*record_id)) {
        issues.push_back({EditField::Record, EditProblem::RecordMissing, {}, {}, {}, 0, false});
        outcome = EditOutcome::HasProblems;
        return false;
    }
    // No copies in the record: the store keeps the stored ones as they are (statuses may have
    // changed at the lending desk since the form was loaded).
    Record& r = *v.record;
    const bool is_new = r.id == 0;
    store.upsert(r);
    append_edit_record(db, r.id, is_new ? EditAction::RecordAdded : EditAction::RecordUpdated, {}, wall_clock());
    scope.commit();
    spdlog::info("catalogue editor: record {} {}", r.id, is_new ? "added" : "updated");
    const auto stored = store.get(r.id);
    if (stored) load_from(*stored);
    outcome = is_new ? EditOutcome::Added : EditOutcome::Updated;
    outcome_detail = r.title;
    return true;
}

void CatalogEditor::start_from_isbn(storage::Database& db, std::string_view isbn13) {
    CatalogStore store(db);
    const auto id = store.find_by_isbn(isbn13);
    const auto stored = id ? store.get(*id) : std::nullopt;
    if (stored) {
        load_from(*stored);
        outcome = EditOutcome::AlreadyInCatalogue;
        outcome_detail = stored->title;
    } else {
        *this = CatalogEditor{};
        isbns.text = std::string(isbn13);
        outcome = EditOutcome::NewFromIsbn;
        outcome_detail = std::string(isbn13);
    }
}

void CatalogEditor::apply_scanned_isbn(storage::Database& db, std::string_view isbn13) {
    if (blank()) {
        start_from_isbn(db, isbn13);
        return;
    }
    confirming = false;
    issues.clear();
    const auto present = parse_isbn_list(isbns.text);
    const bool known = std::any_of(present.begin(), present.end(), [&](const IsbnEntry& e) { return e.isbn13 == isbn13; });
    if (!known) isbns.text = trim(isbns.text).empty() ? std::string(isbn13) : trim(isbns.text) + "; " + std::string(isbn13);
    outcome = EditOutcome::IsbnAdded;
    outcome_detail = std::string(isbn13);
}

void CatalogEditor::apply_scan(storage::Database& db, const IsbnScan& scan) {
    if (scan.outcome == ScanOutcome::Found) {
        apply_scanned_isbn(db, scan.isbn13);
        return;
    }
    confirming = false;
    issues.clear();
    outcome = EditOutcome::ScanFailed;
    scan_outcome = scan.outcome;
    outcome_detail = scan.text;
}

// Withdraw or restore the loaded record.
bool CatalogEditor::set_withdrawn(storage::Database& db, bool withdraw) {
    confirming = false;
    issues.clear();
    if (!record_id) return false;
    CatalogStore store(db);
    EditScope scope(db);
    if (!store.get(*record_id)) {
        issues.push_back({EditField::Record, EditProblem::RecordMissing, {}, {}, {}, 0, false});
        outcome = EditOutcome::HasProblems;
        return false;
    }
    if (withdraw) store.withdraw(*record_id);
    else store.restore(*record_id);
    append_edit_record(db, *record_id, withdraw ? EditAction::RecordWithdrawn : EditAction::RecordRestored, {},
                       wall_clock());
    scope.commit();
    spdlog::info("catalogue editor: record {} {}", *record_id, withdraw ? "withdrawn" : "restored");
    withdrawn = withdraw;
    outcome = withdraw ? EditOutcome::Withdrawn : EditOutcome::Restored;
    outcome_detail = trim(title.text);
    return true;
}

bool CatalogEditor::add_copy(storage::Database& db) {
    confirming = false;
    issues.clear();
    const auto fail = [&](EditField f, EditProblem p, std::string item = {}) {
        issues.push_back({f, p, std::move(item), {}, {}, 0, false});
        outcome = EditOutcome::HasProblems;
        return false;
    };
    if (!record_id) return fail(EditField::CopyBarcode, EditProblem::NotSaved);
    const std::string barcode = trim(copy_barcode.text);
    if (barcode.empty()) return fail(EditField::CopyBarcode, EditProblem::Required);
    for (EditField f : {EditField::CopyBarcode, EditField::CopyLocation, EditField::CopyCallNumber})
        if (too_long(*field(f))) {
            issues.push_back({f, EditProblem::TooLong, {}, std::to_string(field(f)->max_chars), {}, 0, false});
            outcome = EditOutcome::HasProblems;
            return false;
        }
    CatalogStore store(db);
    auto stored = store.get(*record_id);
    if (!stored) return fail(EditField::Record, EditProblem::RecordMissing);
    if (const auto copy_id = store.find_copy_by_barcode(barcode)) {
        const auto owner = copy_owner(db, *copy_id);
        if (owner == record_id) return fail(EditField::CopyBarcode, EditProblem::BarcodeOnThisRecord, barcode);
        const auto other = owner ? store.get(*owner) : std::nullopt;
        issues.push_back({EditField::CopyBarcode, EditProblem::BarcodeTaken, barcode, {},
                          other ? other->title : std::string{}, owner.value_or(0), other && other->withdrawn});
        outcome = EditOutcome::HasProblems;
        return false;
    }
    // Only the new copy in the record: the stored copies are kept as they are.
    Copy copy;
    copy.barcode = barcode;
    copy.location = trim(copy_location.text);
    copy.call_number = trim(copy_call_number.text);
    stored->copies = {copy};
    EditScope scope(db);
    store.upsert(*stored);
    append_edit_record(db, *record_id, EditAction::CopyAdded, barcode, wall_clock());
    scope.commit();
    spdlog::info("catalogue editor: copy added to record {}", *record_id);
    copy_barcode.clear();
    copy_call_number.clear();  // the location is kept: several copies usually go to one shelf
    reload_copies(db);
    outcome = EditOutcome::CopyAdded;
    outcome_detail = barcode;
    return true;
}

bool CatalogEditor::mark_copy(storage::Database& db, std::int64_t copy_id, CopyStatus status) {
    confirming = false;
    issues.clear();
    if (!record_id || status == CopyStatus::OnLoan) return false;
    CatalogStore store(db);
    const auto stored = store.get(*record_id);
    if (!stored) {
        issues.push_back({EditField::Record, EditProblem::RecordMissing, {}, {}, {}, 0, false});
        outcome = EditOutcome::HasProblems;
        return false;
    }
    const auto it = std::find_if(stored->copies.begin(), stored->copies.end(),
                                 [&](const Copy& c) { return c.id == copy_id; });
    if (it == stored->copies.end()) {
        reload_copies(db);
        return false;
    }
    if (it->status == CopyStatus::OnLoan) {  // as stored now, not as the form last showed it
        issues.push_back({EditField::Copy, EditProblem::CopyOnLoan, it->barcode, {}, {}, 0, false});
        outcome = EditOutcome::HasProblems;
        reload_copies(db);
        return false;
    }
    EditScope scope(db);
    store.set_copy_status(copy_id, status, std::nullopt);
    append_edit_record(db, *record_id, EditAction::CopyStatusChanged, it->barcode, wall_clock());
    scope.commit();
    spdlog::info("catalogue editor: copy {} marked {}", copy_id, copy_status_name(status));
    reload_copies(db);
    outcome = EditOutcome::CopyMarked;
    outcome_detail = it->barcode;
    return true;
}

void CatalogEditor::reload_copies(storage::Database& db) {
    if (!record_id) return;
    CatalogStore store(db);
    if (const auto stored = store.get(*record_id)) {
        copies = stored->copies;
        withdrawn = stored->withdrawn;
    }
}

}  // namespace desa::catalog
