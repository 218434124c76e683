#pragma once
// MARC 21 in ISO 2709 ("binary MARC", .mrc): our own reader, because the only MARC libraries in
// Debian are Perl and Python ones. A file is a stream of records, each ending with the record
// terminator 0x1D; a broken record is reported with its number, byte offset and reason and the
// reader carries on at the next terminator.
//
// Checked: leader record length (a wrong or non-numeric one only warns: records are framed by their
// terminator, and tools that count characters instead of bytes get it wrong for UTF-8), base address
// (numeric, after the directory, inside the record, preceded by the directory terminator 0x1E),
// directory (a multiple of 12 bytes; numeric lengths and offsets; every field inside the record and
// ending with 0x1E), data fields (two indicators, then subfields). A missing record terminator is
// detected when the leader length points at the next record's leader. A file that ends inside a
// record loses that record only.
//
// Text: leader/09 'a' means UTF-8 — invalid sequences are REPAIRED (each bad byte becomes U+FFFD)
// and the record is imported with a warning. Anything else means MARC-8, converted by marc8.hpp;
// but a record that says MARC-8 while its bytes are valid, non-ASCII UTF-8 (a common mistake of
// exporting tools) is read as UTF-8, with a warning.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/import_types.hpp"
#include "catalog/marc_record.hpp"

namespace desa::catalog {

constexpr char kMarcRecordTerminator = '\x1D';
constexpr char kMarcFieldTerminator = '\x1E';
constexpr char kMarcSubfieldDelimiter = '\x1F';

struct DecodedMarc {
    std::optional<MarcRecord> record;  // nullopt: broken, see error
    std::string error;
    std::vector<std::string> warnings;
};

// One record's bytes, from its leader up to and including its record terminator.
DecodedMarc decode_iso2709(std::string_view record);

// Every record in `bytes` goes to the sink, mapped to Record (marc_mapping.hpp). Throws
// ImportFormatError when the file does not start with a MARC leader at all.
void read_marc(std::string_view bytes, const RecordSink& sink);
ParseResult read_marc(std::string_view bytes);

// Five digits, then at offsets 10-11 "22" and 20-21 "45" as every MARC 21 leader has (loosely: the
// digits of 12-16 are enough when 10/11/20/21 are damaged). For format detection and resync.
bool looks_like_marc_leader(std::string_view head);

}  // namespace desa::catalog
