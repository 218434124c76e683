#pragma once
// What every catalogue reader (ISO 2709, MARCXML, CSV) hands to the importer: records with where
// they came from, or the reason a record was skipped. A reader never stops at a broken record; it
// throws ImportFormatError only when the FILE is unusable (not the format, truncated XML, an
// unterminated quote), so the importer can roll the whole file back.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "catalog/record.hpp"

namespace desa::catalog {

// 1-based record number plus the byte offset (binary MARC) or line (XML, CSV) where it starts, so
// a librarian can find the record in the file. line 0 means "not line-oriented".
struct SourcePosition {
    std::size_t record_number = 0;
    std::size_t byte_offset = 0;
    std::size_t line = 0;
};
std::string describe(const SourcePosition& where);  // "record 3 (line 17)" / "record 3 (byte 1234)"

struct ParsedRecord {
    Record record;
    SourcePosition where;
    std::vector<std::string> warnings;  // imported anyway: repaired text, dropped invalid ISBN, ...
    // True only when the source states each copy's loan state (our own exports). Otherwise the
    // importer keeps the state of copies already in the catalogue: re-importing a SLiMS file must
    // not mark a book that is out on loan as back on the shelf.
    bool copy_status_known = false;
};

struct SkippedRecord {
    SourcePosition where;
    std::string reason;
};

// Readers push into a sink so the importer can store each record while the file is being read
// (constant memory for large files) and tests can simply collect.
struct RecordSink {
    std::function<void(ParsedRecord&&)> on_record;
    std::function<void(SkippedRecord&&)> on_skipped;
    // About the file as a whole ("read as Windows-1252", "columns ignored: ..."); may be empty.
    std::function<void(std::string&&)> on_file_note;

    void note(std::string text) const {
        if (on_file_note) on_file_note(std::move(text));
    }
};

class ImportFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Everything a reader produced, for tests and small files.
struct ParseResult {
    std::vector<ParsedRecord> records;
    std::vector<SkippedRecord> skipped;
    std::vector<std::string> file_notes;
};
inline RecordSink collect_into(ParseResult& result) {
    return {[&result](ParsedRecord&& r) { result.records.push_back(std::move(r)); },
            [&result](SkippedRecord&& s) { result.skipped.push_back(std::move(s)); },
            [&result](std::string&& note) { result.file_notes.push_back(std::move(note)); }};
}

}  // namespace desa::catalog
