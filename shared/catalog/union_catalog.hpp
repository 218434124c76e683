#pragma once
// The union catalogue: what the other village libraries and the provincial library hold, from the
// hub's `catalog` channel (docs/sync-protocol.md, "The catalog channel's files"), so a resident
// searching here also learns "Tersedia di Perpustakaan Desa X (2 eksemplar)".
//
// Stored in its own database, <data>/union.db (tables catalog_union_*, synchronous=NORMAL: it is
// re-downloadable content), not in kiosk.db: applying a province's snapshot holds SQLite's single
// write lock for seconds (4 s per 100k holdings here, far more on a Raspberry Pi), and in kiosk.db
// that would make a librarian's check-out or a resident's aspiration wait past the 5 s busy timeout
// and fail. In its own file the sync worker writes it while the UI writes kiosk.db undisturbed.
// The UI's kiosk.db connection ATTACHes it read-only (attach_union_catalog; read-write, every
// BEGIN IMMEDIATE on kiosk.db would lock it too), so search joins it to the local catalogue in one
// statement (WAL: readers never wait for the writer). A union.db that breaks is
// set aside and rebuilt from the installed channel files (install_union_catalog); kiosk.db, the
// resident data, never depends on it.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.hpp"
#include "catalog/search.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

struct UnionSkippedRow {
    std::string file;  // "delta-12.csv"
    std::size_t line = 0;
    std::string reason;
};

struct UnionApplyReport {
    bool rebuilt = false;              // replaced from the snapshot (first time, or the hub made a new one)
    std::int64_t base_version = 0;     // the snapshot's version now applied
    std::int64_t applied_version = 0;  // the last delta (or the snapshot) now applied
    std::size_t deltas_applied = 0;
    std::size_t upserted = 0, deleted = 0;  // rows applied
    std::size_t own_rows = 0;               // rows of this kiosk's own library: left out, it is local
    // The union catalogue afterwards.
    std::size_t libraries = 0;
    std::size_t records = 0;  // holdings: one library's record with its counts
    std::size_t titles = 0;   // distinct titles (union_title_key)
    std::int64_t copies = 0, available = 0;
    std::size_t skipped_total = 0;
    static constexpr std::size_t kMaxListed = 1000;
    std::vector<UnionSkippedRow> skipped;  // the first kMaxListed, with file, line and reason
    std::vector<std::string> notes;        // files ignored, ...
    std::string error;                     // set: the files were unusable and NOTHING changed
    double seconds = 0;

    bool ok() const { return error.empty(); }
};

// The name union.db is attached under on kiosk.db's connection.
inline constexpr std::string_view kUnionSchemaName = "union_catalog";

// Opens (creating or migrating) <data_dir>/union.db. `full_check`: PRAGMA quick_check of the whole
// file at open (the sync worker); without it only the schema is checked (the UI's start-up, where
// the check of a large file would delay the first frame). Throws storage::StorageError.
storage::Database open_union_database(const std::filesystem::path& data_dir, bool full_check = true);

// Attaches <data_dir>/union.db (created or migrated first) to `db`, kiosk.db's connection, so
// search() and holdings_elsewhere() see it. A union.db that cannot be opened is logged and left
// out: the kiosk then searches its own catalogue only. Returns whether it is attached.
bool attach_union_catalog(storage::Database& db, const std::filesystem::path& data_dir);

// What the sync engine calls once a `catalog` channel version is on disk and verified, before the
// switch: opens union.db with a full check (one that cannot be opened is renamed union.db.broken
// and a new one is built), applies `channel_dir` (apply_union_catalog below), closes it.
UnionApplyReport install_union_catalog(const std::filesystem::path& data_dir, const std::filesystem::path& channel_dir,
                                       std::string_view own_village_code);

// Applies the files of one installed `catalog` channel version in ONE transaction on `db`, a
// connection of union.db (open_union_database; kiosk.db's connection has it attached read-only):
// the snapshot (when it is not the one applied: another version number or other bytes) then every
// delta after what is applied, in version order. Bad rows are skipped with their reason; a file
// that cannot be read (or a storage error) rolls everything back and sets `error`: the previous
// union catalogue stays in use. Applying the same version again changes nothing (a retried
// install after a power cut). The library whose village_code is `own_village_code` is left out:
// its catalogue is the local one.
UnionApplyReport apply_union_catalog(storage::Database& db, const std::filesystem::path& channel_dir,
                                     std::string_view own_village_code);

// The report as text for the command line and logs (English).
std::string describe(const UnionApplyReport& report);

struct UnionState {
    std::int64_t base_version = 0, applied_version = 0, applied_at = 0;
    std::string base_sha256;  // of the snapshot file applied
};
// On union.db's connection, or kiosk.db's with union.db attached.
std::optional<UnionState> union_catalog_state(storage::Database& db);

// The other libraries holding `record`, with their counts: matched by any of its ISBN-13s, and by
// title and first author (union_title_key) where one side has no ISBN (two different ISBNs are two
// different editions). `db`: kiosk.db's connection with union.db attached (or union.db's); none
// when union.db is not attached. Libraries with a copy on the shelf first, then the nearest (the
// same kecamatan, kabupaten, province as this kiosk's village), then by name.
std::vector<LibraryHolding> holdings_elsewhere(storage::Database& db, const Record& record);

// Folded title + the sorted folded words of the first author: "Laskar Pelangi" by "Hirata,
// Andrea" and by "Andrea Hirata" share a key.
std::string union_title_key(std::string_view title, const std::vector<std::string>& authors);

}  // namespace desa::catalog
