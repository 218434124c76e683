#pragma once
// Importing a catalogue file into kiosk.db: the librarian's USB-stick import and
// `desa-kiosk catalog import FILE`. The format is recognised from the content (a MARC leader,
// `<?xml`/`<collection`, or a CSV header) unless the caller names it.
//
// The whole file is ONE transaction. A broken record is skipped with its position and reason and
// the rest go in; a broken FILE (unreadable, not a catalogue format, malformed or truncated XML, an
// unterminated CSV quote) rolls everything back and the report carries the error. CatalogStore
// stores each record all-or-nothing, so a record the database refuses is skipped whole.
// Matching: by control number, else ISBN (CatalogStore::upsert). Copies already in the catalogue
// keep their loan state unless the file states it (only our own exports do).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/import_types.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

enum class ImportFormat { Marc, MarcXml, Csv };
std::string_view import_format_name(ImportFormat);                   // "marc", "marcxml", "csv"
std::optional<ImportFormat> import_format_from_name(std::string_view);  // the same names, any case
// From the first bytes of a file; nullopt when it is none of the three.
std::optional<ImportFormat> detect_import_format(std::string_view head);

struct ImportProgress {
    std::size_t records = 0;      // read so far (stored + skipped)
    std::size_t bytes_done = 0;   // position in the file, for a progress bar
    std::size_t bytes_total = 0;
};
using ImportProgressCallback = std::function<void(const ImportProgress&)>;

struct ImportNote {
    SourcePosition where;
    std::string message;
};

enum class RecordOutcome { Added, Updated };
struct StoredRecord {
    SourcePosition where;
    RecordOutcome outcome;
    std::int64_t record_id;
};

struct ImportReport {
    std::optional<ImportFormat> format;
    std::string dialect;                 // CSV: "generic", "SLiMS", "goodbooks-10k"
    std::size_t added = 0;
    std::size_t updated = 0;             // matched by control number or ISBN
    std::size_t skipped_total = 0;
    std::size_t warnings_total = 0;
    // Position and reason of each skipped record, and the caveats of stored ones (ISBN left out,
    // text repaired, ...): the first kMaxListed of each, so a hopeless million-row file cannot
    // exhaust a Raspberry Pi's memory. The totals above always count all.
    static constexpr std::size_t kMaxListed = 10000;
    std::vector<SkippedRecord> skipped;
    std::vector<ImportNote> warnings;
    std::vector<std::string> file_notes;
    std::vector<StoredRecord> stored_records;  // only with ImportOptions::list_stored
    std::string error;                   // set: the file was unusable and NOTHING was changed
    double seconds = 0;

    bool ok() const { return error.empty(); }
    std::size_t stored() const { return added + updated; }
};

struct ImportOptions {
    std::size_t progress_every = 1000;  // records between progress callbacks
    bool list_stored = false;           // fill ImportReport::stored_records (off: a million entries)
};

ImportReport import_file(storage::Database& db, const std::filesystem::path& file,
                         std::optional<ImportFormat> format = std::nullopt,
                         const ImportProgressCallback& progress = {}, const ImportOptions& options = {});
ImportReport import_bytes(storage::Database& db, std::string_view bytes,
                          std::optional<ImportFormat> format = std::nullopt,
                          const ImportProgressCallback& progress = {}, const ImportOptions& options = {});

// The report as lines of text for the command line and logs (English; the screen translates).
std::string describe(const ImportReport& report);

}  // namespace desa::catalog
