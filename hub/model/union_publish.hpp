#pragma once
// The `catalog` channel made from the village and provincial libraries' catalogues
// (`desa-hub content publish catalog FILE...`, docs/sync-protocol.md "The catalog channel's
// files"). The hub keeps the union as last published (tables union_libraries, union_holdings:
// every holding's row as written); a publish replaces the holdings of the libraries it names, and
// the new version ships libraries.csv, the current snapshot and the chain of deltas since it plus
// one new delta with only the rows that changed. A kiosk one version behind downloads that delta
// and libraries.csv; the chain is cut by a new snapshot when it outgrows half the snapshot or
// kMaxDeltaChain files, or when a library is removed.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catalog/union_catalog_files.hpp"
#include "db/sql_db.hpp"
#include "model/content.hpp"

namespace desa::hub {

inline constexpr std::size_t kMaxDeltaChain = 200;
inline constexpr std::size_t kMaxListedProblems = 100;

// One library's catalogue as holding rows: control_number -> row as written into the files.
struct LibraryHoldings {
    std::map<std::string, std::string> rows;
    std::string format;               // "marc", "marcxml", "csv"
    std::size_t records = 0;          // read from the file (stored as holdings or skipped)
    std::size_t skipped_total = 0;    // records that cannot be a holding (no title, broken)
    std::size_t merged = 0;           // records sharing a key with an earlier one
    std::size_t fitted_total = 0;     // records with a field repaired, cut or left out
    std::vector<std::string> problems;  // the first kMaxListedProblems: where and what
};

// Reads a MARC, MARCXML or CSV catalogue (recognised like the kiosk's import) as the holdings of
// `library_id`. Two records with the same derived key (same ISBN, or the same title, author, year
// and publisher, without a control number) are one holding with their copies added up; a
// repeated control number keeps the later record. ContentError when the file is unusable
// (unreadable, not a catalogue, an unterminated quote, truncated XML).
LibraryHoldings read_library_holdings(const std::filesystem::path& file, const std::string& library_id);

// What a library's new holdings change: rows new or different (key, row), keys gone; by key.
struct HoldingsDiff {
    std::vector<std::pair<std::string, std::string>> upserts;
    std::vector<std::string> deletes;
    bool empty() const { return upserts.empty() && deletes.empty(); }
};
HoldingsDiff diff_holdings(const std::map<std::string, std::string>& before,
                           const std::map<std::string, std::string>& after);

// Whether the next version starts a new snapshot rather than adding a delta of `delta_bytes` to
// a chain of `chain_bytes` (one size per delta) after a snapshot of `snapshot_bytes`.
bool needs_new_snapshot(std::int64_t snapshot_bytes, const std::vector<std::int64_t>& chain_bytes,
                        std::int64_t delta_bytes);

// The delta file: a header and, library by library, its deletes then its upserts.
std::string delta_file(const std::vector<std::pair<std::string, HoldingsDiff>>& diffs);

struct LibraryPublish {
    catalog::union_files::LibraryRow library;  // id, name, village code (checked by the caller)
    LibraryHoldings holdings;
};

struct LibraryOutcome {
    std::string library_id;
    std::size_t holdings = 0, upserted = 0, deleted = 0;
    bool removed = false;
};

struct UnionPublishResult {
    PublishResult publish;      // the version now current (unchanged: no new version)
    bool new_snapshot = false;  // this version starts a new snapshot
    std::int64_t snapshot_bytes = 0, delta_bytes = 0, libraries_bytes = 0;
    std::size_t deltas_in_chain = 0;
    std::size_t upserted = 0, deleted = 0;
    std::vector<LibraryOutcome> libraries;
    double seconds = 0;
};

// Publishes the next `catalog` version in one transaction: the named libraries' holdings replace
// theirs, `remove` drops libraries (ContentError when unknown). No change at all: no new version.
UnionPublishResult publish_union_catalog(SqlDb& db, const std::filesystem::path& data_dir,
                                         const sync::SignSecretKey& key, const std::vector<LibraryPublish>& libraries,
                                         const std::vector<std::string>& remove, std::int64_t now);

// The libraries of the union as last published, by id.
std::vector<catalog::union_files::LibraryRow> union_libraries(SqlDb& db);

}  // namespace desa::hub
