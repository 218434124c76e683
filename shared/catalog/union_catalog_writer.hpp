#pragma once
// Writing the files of the `catalog` channel (docs/sync-protocol.md, "The catalog channel's
// files"): the hub's side of union_catalog_files.hpp. A record from a library's catalogue (MARC,
// MARCXML or CSV, read by the kiosk's importers) becomes one holding row fitted to the format's
// rules, so the kiosks never skip a row the hub wrote. Pure functions, no I/O.
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.hpp"
#include "catalog/union_catalog_files.hpp"

namespace desa::catalog::union_files {

// The header rows (LF-terminated): a snapshot's columns, and a delta's (`op` first).
std::string snapshot_header();
std::string delta_header();

// libraries.csv: the header and one row per library, in the order given.
std::string libraries_file(const std::vector<LibraryRow>& libraries);

// The record's key within its library: its control number (MARC 001, SLiMS id) when it has one
// that fits (1-100 bytes), else `isbn:<main ISBN-13>`, else `key:` and 16 hex digits of the
// SHA-256 of its title, first author, year, publisher and edition (stable across exports).
std::string holding_key(const Record& record);

// The holding of `record` in `library_id`: the key above, the bibliographic fields fitted to the
// limits (control characters become spaces, invalid UTF-8 is repaired, a too long value is cut at
// a character boundary, a list keeps its first values that fit, an ISBN, language or type that
// breaks the rules is left out; each change is noted in `notes`), and the counts of its copies:
// on the shelf or on loan count, lost and withdrawn ones do not; a record without copy data (a
// bibliography export) counts as one copy on the shelf. Returns false with `reason` when the
// record cannot be a holding (no title).
bool holding_from_record(std::string_view library_id, const Record& record, HoldingRow& out,
                         std::vector<std::string>& notes, std::string& reason);

// One holding as a snapshot row (LF-terminated, no `op` column).
std::string holding_csv(const HoldingRow& row);
// The same row with other counts (rows this module wrote end in ",<copies>,<available>\n").
std::string with_counts(std::string_view row_csv, int copies, int available);
// Delta rows: an upsert is "upsert," + a snapshot row; a delete names only the key.
std::string delta_upsert(std::string_view row_csv);
std::string delta_delete(std::string_view library_id, std::string_view control_number);

}  // namespace desa::catalog::union_files
