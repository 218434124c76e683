#pragma once
// The catalogue in kiosk.db: records, copies and the full-text index, kept in step inside the
// same transactions. Importers, the librarian screens and the hub channel all write through here.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/record.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

enum class UpsertOutcome { Added, Updated };

class CatalogStore {
public:
    // `db` must have the kiosk migrations applied; statements are prepared once here.
    explicit CatalogStore(storage::Database& db);
    ~CatalogStore();
    CatalogStore(const CatalogStore&) = delete;
    CatalogStore& operator=(const CatalogStore&) = delete;

    // Inserts, or updates the record matched by control number, else by any of its ISBNs.
    // Copies are matched by barcode (new barcodes added; existing ones updated). The record's id
    // and copy ids are filled in. The caller owns the transaction for bulk work.
    // Details: a record with a non-zero id that exists is updated by id (the librarian's edit
    // screen). An ISBN match is taken only when at most one side has a control number, so two
    // distinct records of one source system are never merged. ISBNs are normalised to ISBN-13 in
    // `record` (invalid ones dropped). Copies already stored but absent from `record` are kept;
    // a barcode found on another record moves to this one; unlabelled copies (empty barcode)
    // replace the record's unlabelled copies. Outside a transaction each write is atomic (its own
    // transaction). Inside the caller's, inputs are normalised first so no constraint can fail half
    // way; a StorageError there (disk full, I/O) means the caller must roll back. No savepoint:
    // FTS5 flushes its index at every savepoint, which made bulk imports five times slower.
    UpsertOutcome upsert(Record& record);
    std::optional<Record> get(std::int64_t id);
    std::optional<std::int64_t> find_by_isbn(std::string_view isbn13);
    std::optional<std::int64_t> find_by_control_number(std::string_view control_number);
    std::optional<std::int64_t> find_copy_by_barcode(std::string_view barcode);
    // Withdrawn records stay for lending history but leave the index. Unknown ids throw
    // std::invalid_argument, as do unknown copy ids below.
    void withdraw(std::int64_t record_id);
    void restore(std::int64_t record_id);  // back into the catalogue and the index
    // due_unix is kept only while the copy is on loan.
    void set_copy_status(std::int64_t copy_id, CopyStatus status, std::optional<std::int64_t> due_unix);
    // Records in the catalogue (withdrawn ones not counted).
    std::int64_t count();
    // Re-folds every record into the index: after a change to text_fold, or to repair it.
    void rebuild_index();
    // Speeds up a bulk import into an EMPTY catalogue, inside the caller's transaction: the store
    // remembers (as 4-byte hashes) every control number, ISBN and barcode it writes from now on,
    // and skips the matching SELECT for one it has not written (none can be in the catalogue), and
    // the removal of index rows for new ids. Returns false, and changes nothing, when the catalogue
    // (records, withdrawn ones too, copies or index) is not empty or no transaction is open. Ends
    // with the store.
    bool begin_bulk_load();
    // Calls `visit` for every record in the catalogue (with copies; not withdrawn) in id order,
    // for export.
    template <typename Visit>
    void for_each(Visit&& visit) {
        for (std::int64_t id : all_ids())
            if (auto r = get(id)) visit(*r);
    }

private:
    struct Statements;
    std::vector<std::int64_t> all_ids();
    // `record`: the record as just written, to spare reading it back (import speed); nullptr
    // reads it.
    // `fresh`: `record` was just added with exactly its copies (none moved from another record).
    void reindex(std::int64_t record_id, const Record* record = nullptr, bool fresh = false);
    void recount(std::int64_t record_id, const Record* fresh = nullptr);
    storage::Database& db_;
    std::unique_ptr<Statements> st_;
};

}  // namespace desa::catalog
