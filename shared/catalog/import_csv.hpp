#pragma once
// Catalogue CSV in three dialects, told apart by the header:
//
//  - generic: a header row naming the columns; names are matched ignoring case, spaces, '_', '-'
//    and '.', in English or Indonesian (title/judul, authors/pengarang, isbn, year/tahun,
//    publisher/penerbit, call_number/nomor panggil, location/lokasi, barcode/kode eksemplar, ...:
//    kColumnAliases in import_csv.cpp). Multi-value cells separated by ';' or '|'. The columns our
//    export writes (generic_csv_columns()) round-trip every Record and Copy field. One copy per
//    barcode; the barcode "-" stands for a copy without a label (kUnlabelled). Locations, copy call
//    numbers, statuses and due dates are aligned with the barcodes; a single value applies to all.
//  - SLiMS: the bibliography export of SLiMS 9 (admin/modules/bibliography/export.php, the same
//    order its import.php reads): title, gmd_name, edition, isbn_issn, publisher_name,
//    publish_year, collation, series_title, call_number, language_name, place_name,
//    classification, notes, image, sor, authors, topics, item_code. Lists are written "<a><b>".
//    The header row is optional in SLiMS: a first row of 18 cells whose last three are empty or
//    "<...>" lists is taken as a headerless SLiMS export. `classification` becomes the call number
//    when `call_number` is empty; `image` (cover file) and `sor` (statement of responsibility) have
//    no place in Record and are ignored.
//  - goodbooks-10k (header with book_id, goodreads_book_id, isbn13, ...): control number
//    "goodbooks:<book_id>", authors split on ", ", year from original_publication_year ("2008.0",
//    "-750.0"), the series in the title's trailing "(Series, #1)" moved to `series`, language codes
//    to ISO 639-2, ISBN from the isbn column (leading zeros lost) else the float isbn13 column
//    (isbn_from_spreadsheet). A row whose ISBN cannot be recovered is imported without one.
//
// The file is UTF-8 (a BOM is skipped). A file that is not valid UTF-8 and has no UTF-8 sequences
// at all is read as Windows-1252, as Excel saves it, with a file note. UTF-16 is refused.
#include <span>
#include <string_view>

#include "catalog/import_types.hpp"

namespace desa::catalog {

enum class CsvDialect { Generic, Slims, Goodbooks };

// The barcode cell value of a copy that has no barcode label.
constexpr std::string_view kUnlabelled = "-";
std::string_view csv_dialect_name(CsvDialect);

// Throws ImportFormatError when there is no usable header (no title column) or the CSV itself is
// broken (an unterminated quote). `dialect`, when given, receives what was detected.
void read_csv(std::string_view bytes, const RecordSink& sink, CsvDialect* dialect = nullptr);
ParseResult read_csv(std::string_view bytes);

// Our export's header, in order.
std::span<const std::string_view> generic_csv_columns();

}  // namespace desa::catalog
