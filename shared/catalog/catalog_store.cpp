#include "catalog/catalog_store.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <sqlite3.h>
#include <stdexcept>

#include "catalog/catalog_index.hpp"
#include "catalog/isbn.hpp"
#include "catalog/key_hashes.hpp"

namespace desa::catalog {

using storage::Statement;

namespace {

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

// Resets a cached statement when the scope ends, so no read stays open between calls.
class Use {
public:
    explicit Use(Statement& s) : s_(s) { s_.reset(); }
    ~Use() { s_.reset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    Statement* operator->() { return &s_; }
    Statement& operator*() { return s_; }

private:
    Statement& s_;
};

// One write of the store. Outside a transaction it gets its own (BEGIN IMMEDIATE ... COMMIT), so
// it is all-or-nothing. Inside the caller's transaction it adds nothing: a SAVEPOINT would make
// FTS5 flush its pending index data into a new segment for every record, which made bulk imports
// five times slower. Inputs are checked before the first write instead, so constraints cannot fail
// half way; a storage failure (disk full, I/O error) is the caller's cue to roll back.
class WriteScope {
public:
    explicit WriteScope(storage::Database& db) {
        if (sqlite3_get_autocommit(db.handle()) != 0) tx_.emplace(db);
    }
    void commit() {
        if (tx_) tx_->commit();
    }

private:
    std::optional<storage::Transaction> tx_;
};

constexpr std::string_view kRecordColumns =
    "control_number, title, subtitle, authors, subjects, series, publisher, place, year, edition, "
    "extent, isbns, call_number, language, material_type, collection, notes";

void bind_record(Statement& s, const Record& r) {
    s.bind(1, r.control_number).bind(2, r.title).bind(3, r.subtitle);
    s.bind(4, index::join_lines(r.authors)).bind(5, index::join_lines(r.subjects));
    s.bind(6, r.series).bind(7, r.publisher).bind(8, r.place);
    if (r.year) {
        s.bind(9, *r.year);
    } else {
        s.bind_null(9);
    }
    s.bind(10, r.edition).bind(11, r.extent).bind(12, index::join_lines(r.isbns)).bind(13, r.call_number);
    s.bind(14, r.language).bind(15, r.material_type);
    s.bind(16, r.collection).bind(17, r.notes);
}

[[noreturn]] void no_such(const char* what, std::int64_t id) {
    throw std::invalid_argument(std::string("no catalogue ") + what + " with id " + std::to_string(id));
}

}  // namespace

struct CatalogStore::Statements {
    explicit Statements(storage::Database& db)
        : by_control(db.prepare("SELECT id FROM catalog_records WHERE control_number = ?1 "
                                "AND control_number <> '' ORDER BY withdrawn, id LIMIT 1")),
          by_isbn(db.prepare("SELECT r.id, r.control_number FROM catalog_isbns i "
                             "JOIN catalog_records r ON r.id = i.record_id WHERE i.isbn = ?1 "
                             "ORDER BY r.withdrawn, r.id")),
          exists(db.prepare("SELECT withdrawn FROM catalog_records WHERE id = ?1")),
          insert(db.prepare("INSERT INTO catalog_records (" + std::string(kRecordColumns) +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                            "?15, ?16, ?17)")),
          update(db.prepare(
              "UPDATE catalog_records SET control_number = ?1, title = ?2, subtitle = ?3, "
              "authors = ?4, subjects = ?5, series = ?6, publisher = ?7, place = ?8, year = ?9, "
              "edition = ?10, extent = ?11, isbns = ?12, call_number = ?13, language = ?14, "
              "material_type = ?15, collection = ?16, notes = ?17, "
              "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?18")),
          delete_isbns(db.prepare("DELETE FROM catalog_isbns WHERE record_id = ?1")),
          insert_isbn(db.prepare("INSERT OR IGNORE INTO catalog_isbns (isbn, record_id) VALUES (?1, ?2)")),
          copy_by_barcode(db.prepare("SELECT id, record_id FROM catalog_copies WHERE barcode = ?1")),
          insert_copy(db.prepare("INSERT INTO catalog_copies (record_id, barcode, location, call_number, "
                                 "status, due_unix) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")),
          // record_id is only written when a copy moves: writing a foreign key column makes
          // SQLite open a statement journal (the FTS5 flush again, see WriteScope).
          update_copy(db.prepare("UPDATE catalog_copies SET location = ?3, call_number = ?4, "
                                 "status = ?5, due_unix = ?6 WHERE id = ?7 AND record_id = ?1")),
          move_copy(db.prepare("UPDATE catalog_copies SET record_id = ?1 WHERE id = ?2")),
          delete_unlabelled(db.prepare("DELETE FROM catalog_copies WHERE record_id = ?1 AND barcode IS NULL")),
          // Read, then write one row with plain VALUES: an INSERT ... SELECT or a REPLACE would
          // open a statement journal, and FTS5 flushes its pending index at every one.
          tally(db.prepare(
              "SELECT r.language, r.year, r.material_type, "
              "count(*) FILTER (WHERE c.status = 'available'), count(*) FILTER (WHERE c.status = 'on_loan'), "
              "count(*) FILTER (WHERE c.status IN ('available', 'on_loan')), "
              "(SELECT coalesce(group_concat(location, char(10)), '') FROM (SELECT DISTINCT location "
              "FROM catalog_copies WHERE record_id = ?1 AND status IN ('available', 'on_loan') "
              "AND location <> '' ORDER BY location)) "
              "FROM catalog_records r LEFT JOIN catalog_copies c ON c.record_id = r.id WHERE r.id = ?1")),
          update_facets(db.prepare("UPDATE catalog_facets SET language = ?2, year = ?3, material_type = ?4, "
                                   "available = ?5, on_loan = ?6, copies = ?7, locations = ?8 WHERE record_id = ?1")),
          insert_facets(db.prepare("INSERT INTO catalog_facets (record_id, language, year, material_type, "
                                   "available, on_loan, copies, locations) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")),
          copy_call_numbers(db.prepare("SELECT DISTINCT c.call_number FROM catalog_copies c "
                                       "JOIN catalog_records r ON r.id = c.record_id WHERE c.record_id = ?1 "
                                       "AND c.call_number <> '' AND c.call_number <> r.call_number")),
          unindex(db.prepare("DELETE FROM catalog_index WHERE rowid = ?1")),
          bump(db.prepare("UPDATE catalog_state SET generation = generation + 1 WHERE id = 1")),
          index(db.prepare("INSERT INTO catalog_index (rowid, title, authors, subjects, series, publisher, "
                           "isbn, call_number, stems) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")),
          get(db.prepare("SELECT " + std::string(kRecordColumns) + ", withdrawn FROM catalog_records WHERE id = ?1")),
          get_copies(db.prepare("SELECT id, barcode, location, call_number, status, due_unix "
                                "FROM catalog_copies WHERE record_id = ?1 ORDER BY id")),
          copy_record(db.prepare("SELECT record_id FROM catalog_copies WHERE id = ?1")),
          set_withdrawn(db.prepare("UPDATE catalog_records SET withdrawn = ?2 WHERE id = ?1")),
          set_status(db.prepare("UPDATE catalog_copies SET status = ?2, due_unix = ?3 WHERE id = ?1")) {}

    Statement by_control, by_isbn, exists, insert, update, delete_isbns, insert_isbn, copy_by_barcode,
        insert_copy, update_copy, move_copy, delete_unlabelled, tally, update_facets, insert_facets, copy_call_numbers, unindex, bump, index, get,
        get_copies, copy_record, set_withdrawn, set_status;
    index::StemCache stems;
    std::optional<KeyHashes> bulk;  // set by begin_bulk_load()
};

CatalogStore::CatalogStore(storage::Database& db) : db_(db), st_(std::make_unique<Statements>(db)) {}

CatalogStore::~CatalogStore() = default;

std::optional<std::int64_t> CatalogStore::find_by_control_number(std::string_view control_number) {
    const std::string cn = trimmed(control_number);
    if (cn.empty()) return std::nullopt;
    if (st_->bulk && !st_->bulk->may_contain(KeyHashes::ControlNumber, cn)) return std::nullopt;
    Use s(st_->by_control);
    s->bind(1, cn);
    if (!s->step()) return std::nullopt;
    return s->column_int64(0);
}

std::optional<std::int64_t> CatalogStore::find_by_isbn(std::string_view isbn) {
    const auto isbn13 = normalize_isbn(isbn);
    if (!isbn13) return std::nullopt;
    if (st_->bulk && !st_->bulk->may_contain(KeyHashes::Isbn, *isbn13)) return std::nullopt;
    Use s(st_->by_isbn);
    s->bind(1, *isbn13);
    if (!s->step()) return std::nullopt;
    return s->column_int64(0);
}

std::optional<std::int64_t> CatalogStore::find_copy_by_barcode(std::string_view barcode) {
    const std::string code = trimmed(barcode);
    if (code.empty()) return std::nullopt;
    if (st_->bulk && !st_->bulk->may_contain(KeyHashes::Barcode, code)) return std::nullopt;
    Use s(st_->copy_by_barcode);
    s->bind(1, code);
    if (!s->step()) return std::nullopt;
    return s->column_int64(0);
}

UpsertOutcome CatalogStore::upsert(Record& record) {
    // Normalise what identifies the record before matching on it.
    record.control_number = trimmed(record.control_number);
    std::vector<std::string> isbns;
    for (const std::string& raw : record.isbns)
        if (auto isbn = normalize_isbn(raw); isbn && std::find(isbns.begin(), isbns.end(), *isbn) == isbns.end())
            isbns.push_back(*isbn);
    record.isbns = std::move(isbns);
    if (record.material_type.empty()) record.material_type = "book";
    for (Copy& c : record.copies) {
        c.barcode = trimmed(c.barcode);
        c.location = trimmed(c.location);
        std::replace(c.location.begin(), c.location.end(), '\n', ' ');  // locations are listed one per line
    }

    WriteScope scope(db_);
    std::optional<std::int64_t> id;
    if (record.id != 0) {
        Use s(st_->exists);
        s->bind(1, record.id);
        if (s->step()) id = record.id;
    }
    if (!id) id = find_by_control_number(record.control_number);
    for (std::size_t i = 0; !id && i < record.isbns.size(); ++i) {
        if (st_->bulk && !st_->bulk->may_contain(KeyHashes::Isbn, record.isbns[i])) continue;
        Use s(st_->by_isbn);
        s->bind(1, record.isbns[i]);
        while (s->step()) {
            const std::string other = s->column_text(1);
            if (record.control_number.empty() || other.empty() || other == record.control_number) {
                id = s->column_int64(0);
                break;
            }
        }
    }

    const UpsertOutcome outcome = id ? UpsertOutcome::Updated : UpsertOutcome::Added;
    if (id) {
        Use s(st_->exists);  // withdrawn is kept as it is: see record.hpp
        s->bind(1, *id);
        record.withdrawn = s->step() && s->column_int64(0) != 0;
    } else {
        record.withdrawn = false;
    }
    if (id) {
        Use s(st_->update);
        bind_record(*s, record);
        s->bind(18, *id);
        s->step();
        Use d(st_->delete_isbns);
        d->bind(1, *id);
        d->step();
    } else {
        Use s(st_->insert);
        bind_record(*s, record);
        s->step();
        id = sqlite3_last_insert_rowid(db_.handle());
    }
    for (const std::string& isbn : record.isbns) {
        Use s(st_->insert_isbn);
        s->bind(1, isbn).bind(2, *id);
        s->step();
    }

    std::set<std::int64_t> touched{*id};
    const bool has_unlabelled = std::any_of(record.copies.begin(), record.copies.end(),
                                            [](const Copy& c) { return c.barcode.empty(); });
    if (has_unlabelled) {
        Use s(st_->delete_unlabelled);
        s->bind(1, *id);
        s->step();
    }
    for (Copy& copy : record.copies) {
        std::optional<std::int64_t> copy_id;
        if (!copy.barcode.empty() && (!st_->bulk || st_->bulk->may_contain(KeyHashes::Barcode, copy.barcode))) {
            Use s(st_->copy_by_barcode);
            s->bind(1, copy.barcode);
            if (s->step()) {
                copy_id = s->column_int64(0);
                const std::int64_t owner = s->column_int64(1);
                if (owner != *id) {
                    touched.insert(owner);
                    Use move(st_->move_copy);
                    move->bind(1, *id).bind(2, *copy_id);
                    move->step();
                }
            }
        }
        const bool on_loan = copy.status == CopyStatus::OnLoan && copy.due_unix.has_value();
        Statement& st = copy_id ? st_->update_copy : st_->insert_copy;
        Use s(st);
        s->bind(1, *id);
        if (copy.barcode.empty()) {
            s->bind_null(2);
        } else {
            s->bind(2, copy.barcode);
        }
        s->bind(3, copy.location).bind(4, copy.call_number).bind(5, copy_status_name(copy.status));
        if (on_loan) {
            s->bind(6, *copy.due_unix);
        } else {
            s->bind_null(6);
        }
        if (copy_id) s->bind(7, *copy_id);
        s->step();
        copy.id = copy_id ? *copy_id : sqlite3_last_insert_rowid(db_.handle());
        if (!on_loan) copy.due_unix.reset();
    }
    // Counted from memory only when the copies are exactly the ones given (no barcode twice).
    std::set<std::string> barcodes;
    bool distinct = true;
    for (const Copy& c : record.copies) distinct = distinct && (c.barcode.empty() || barcodes.insert(c.barcode).second);
    const bool fresh = outcome == UpsertOutcome::Added && touched.size() == 1 && distinct;
    for (std::int64_t r : touched) {
        recount(r, fresh ? &record : nullptr);
        if (r == *id) {
            reindex(r, &record, fresh);
        } else {
            reindex(r);  // a record that lost a copy to this one: its call numbers changed
        }
    }
    if (st_->bulk) {
        if (!record.control_number.empty()) st_->bulk->add(KeyHashes::ControlNumber, record.control_number);
        for (const std::string& isbn : record.isbns) st_->bulk->add(KeyHashes::Isbn, isbn);
        for (const Copy& c : record.copies)
            if (!c.barcode.empty()) st_->bulk->add(KeyHashes::Barcode, c.barcode);
    }
    scope.commit();
    record.id = *id;
    return outcome;
}

// The narrow row search filters and counts facets on (see migration 2). `fresh`: a record just
// added with exactly these copies, counted here instead of read back (import speed).
void CatalogStore::recount(std::int64_t record_id, const Record* fresh) {
    struct Facts {
        std::string language, material_type, locations;
        std::optional<std::int64_t> year;
        std::int64_t available = 0, on_loan = 0;
    } f;
    if (fresh != nullptr) {
        f.language = fresh->language;
        f.material_type = fresh->material_type;
        if (fresh->year) f.year = *fresh->year;
        std::set<std::string> places;
        for (const Copy& c : fresh->copies) {
            f.available += c.status == CopyStatus::Available;
            f.on_loan += c.status == CopyStatus::OnLoan;
            if ((c.status == CopyStatus::Available || c.status == CopyStatus::OnLoan) && !c.location.empty())
                places.insert(c.location);
        }
        for (const std::string& p : places) f.locations += (f.locations.empty() ? "" : "\n") + p;
    } else {
        Use t(st_->tally);
        t->bind(1, record_id);
        if (!t->step()) return;
        f.language = t->column_text(0);
        if (!t->column_is_null(1)) f.year = t->column_int64(1);
        f.material_type = t->column_text(2);
        f.available = t->column_int64(3);
        f.on_loan = t->column_int64(4);
        f.locations = t->column_text(6);
    }
    for (Statement* st : {&st_->update_facets, &st_->insert_facets}) {
        if (fresh != nullptr && st == &st_->update_facets) continue;  // no row yet
        Use s(*st);
        s->bind(1, record_id).bind(2, f.language);
        if (f.year) {
            s->bind(3, *f.year);
        } else {
            s->bind_null(3);
        }
        s->bind(4, f.material_type).bind(5, f.available).bind(6, f.on_loan);
        s->bind(7, f.available + f.on_loan).bind(8, f.locations);
        s->step();
        if (sqlite3_changes(db_.handle()) > 0) break;  // updated: no insert needed
    }
}

// Delete + insert: FTS5 has no cheaper update, and a withdrawn record simply gets no new row.
void CatalogStore::reindex(std::int64_t record_id, const Record* record, bool fresh) {
    if (!st_->bulk) {  // a bulk load bumped it once when it began
        Use s(st_->bump);  // the vocabulary search keeps in memory is stale now
        s->step();
    }
    if (!fresh || !st_->bulk) {
        // Also for a new id: a row left by a record deleted behind the store's back must go (a bulk
        // load began with an empty index, and a fresh record's id is new).
        Use s(st_->unindex);
        s->bind(1, record_id);
        s->step();
    }
    std::optional<Record> stored;
    if (record == nullptr) {
        stored = get(record_id);
        if (!stored) return;
        record = &*stored;
    }
    if (record->withdrawn) return;
    std::vector<std::string> call_numbers;
    if (fresh) {  // its copies are exactly record->copies: spare reading them back
        for (const Copy& c : record->copies)
            if (!c.call_number.empty() && c.call_number != record->call_number &&
                std::find(call_numbers.begin(), call_numbers.end(), c.call_number) == call_numbers.end())
                call_numbers.push_back(c.call_number);
    } else {
        Use s(st_->copy_call_numbers);
        s->bind(1, record_id);
        while (s->step()) call_numbers.push_back(s->column_text(0));
    }
    const index::Row row = index::make_row(*record, call_numbers, st_->stems);
    Use s(st_->index);
    s->bind(1, record_id);
    for (int c = 0; c < index::kColumnCount; ++c) s->bind(c + 2, row.text[static_cast<std::size_t>(c)]);
    s->step();
}

std::optional<Record> CatalogStore::get(std::int64_t id) {
    Record r;
    {
        Use s(st_->get);
        s->bind(1, id);
        if (!s->step()) return std::nullopt;
        r.id = id;
        r.control_number = s->column_text(0);
        r.title = s->column_text(1);
        r.subtitle = s->column_text(2);
        r.authors = index::split_lines(s->column_text(3));
        r.subjects = index::split_lines(s->column_text(4));
        r.series = s->column_text(5);
        r.publisher = s->column_text(6);
        r.place = s->column_text(7);
        if (!s->column_is_null(8)) r.year = static_cast<int>(s->column_int64(8));
        r.edition = s->column_text(9);
        r.extent = s->column_text(10);
        r.isbns = index::split_lines(s->column_text(11));
        r.call_number = s->column_text(12);
        r.language = s->column_text(13);
        r.material_type = s->column_text(14);
        r.collection = s->column_text(15);
        r.notes = s->column_text(16);
        r.withdrawn = s->column_int64(17) != 0;
    }
    Use s(st_->get_copies);
    s->bind(1, id);
    while (s->step()) {
        Copy c;
        c.id = s->column_int64(0);
        c.barcode = s->column_text(1);
        c.location = s->column_text(2);
        c.call_number = s->column_text(3);
        c.status = copy_status_from_name(s->column_text(4)).value_or(CopyStatus::Available);
        if (!s->column_is_null(5)) c.due_unix = s->column_int64(5);
        r.copies.push_back(std::move(c));
    }
    return r;
}

namespace {
void set_withdrawn(Statement& st, std::int64_t id, bool withdrawn) {
    Use s(st);
    s->bind(1, id).bind(2, withdrawn ? 1 : 0);
    s->step();
}
}  // namespace

void CatalogStore::withdraw(std::int64_t record_id) {
    WriteScope scope(db_);
    set_withdrawn(st_->set_withdrawn, record_id, true);
    if (sqlite3_changes(db_.handle()) == 0) no_such("record", record_id);
    reindex(record_id);
    scope.commit();
}

void CatalogStore::restore(std::int64_t record_id) {
    WriteScope scope(db_);
    set_withdrawn(st_->set_withdrawn, record_id, false);
    if (sqlite3_changes(db_.handle()) == 0) no_such("record", record_id);
    reindex(record_id);
    scope.commit();
}

void CatalogStore::set_copy_status(std::int64_t copy_id, CopyStatus status,
                                   std::optional<std::int64_t> due_unix) {
    WriteScope scope(db_);
    std::int64_t record_id = 0;
    {
        Use s(st_->copy_record);
        s->bind(1, copy_id);
        if (!s->step()) no_such("copy", copy_id);
        record_id = s->column_int64(0);
    }
    {
        Use s(st_->set_status);
        s->bind(1, copy_id).bind(2, copy_status_name(status));
        if (status == CopyStatus::OnLoan && due_unix) {
            s->bind(3, *due_unix);
        } else {
            s->bind_null(3);
        }
        s->step();
    }
    recount(record_id);  // availability lives on the record row, not in the text index
    scope.commit();
}

std::int64_t CatalogStore::count() {
    auto s = db_.prepare("SELECT count(*) FROM catalog_records WHERE withdrawn = 0");
    s.step();
    return s.column_int64(0);
}

std::vector<std::int64_t> CatalogStore::all_ids() {
    std::vector<std::int64_t> ids;
    auto s = db_.prepare("SELECT id FROM catalog_records WHERE withdrawn = 0 ORDER BY id");
    while (s.step()) ids.push_back(s.column_int64(0));
    return ids;
}

bool CatalogStore::begin_bulk_load() {
    if (st_->bulk) return true;
    if (sqlite3_get_autocommit(db_.handle()) != 0) return false;
    auto s = db_.prepare("SELECT EXISTS (SELECT 1 FROM catalog_records) OR EXISTS (SELECT 1 FROM catalog_copies) "
                         "OR EXISTS (SELECT 1 FROM catalog_index_docsize)");
    s.step();
    if (s.column_int64(0) != 0) return false;
    Use bump(st_->bump);  // once for the whole load (reindex skips it)
    bump->step();
    st_->bulk.emplace();
    return true;
}

void CatalogStore::rebuild_index() {
    WriteScope scope(db_);
    db_.exec("DELETE FROM catalog_index");
    for (std::int64_t id : all_ids()) reindex(id);
    db_.exec("INSERT INTO catalog_index (catalog_index) VALUES ('optimize')");
    scope.commit();
}

}  // namespace desa::catalog
