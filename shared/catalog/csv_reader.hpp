#pragma once
// RFC 4180 CSV: quoted fields with "" for a quote, separators and line breaks inside quotes, CRLF,
// LF or a bare CR (SLiMS offers "carriage return" as record separator) between rows. A line break
// inside a quoted field is returned as "\n" whichever form the file used.
// Lenient where real exports break the RFC: SLiMS writes quotes inside quoted fields without
// doubling them, so a quote that is not followed by a separator or line end stays literal text.
// A quoted field still open at the end of the file means the file is cut off or broken: that throws
// ImportFormatError, naming the line where the field began.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace desa::catalog {

struct CsvRow {
    std::vector<std::string> fields;
    std::size_t line = 0;         // 1-based line where the row starts
    std::size_t byte_offset = 0;  // into the text given to the reader
};

class CsvReader {
public:
    CsvReader(std::string_view text, char separator) : text_(text), separator_(separator) {}
    // Next non-empty row; false at the end.
    bool next(CsvRow& row);
    std::size_t position() const { return pos_; }

private:
    std::string_view text_;
    char separator_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
};

// The separator of the header line: ',' or, for spreadsheets saved with an Indonesian locale, ';'
// (and tab). Whichever occurs most outside quotes; ',' on a tie.
char detect_csv_separator(std::string_view text);

// One row in CSV form, quoting only fields that need it; `\r\n` ends it (RFC 4180).
void append_csv_row(std::string& out, const std::vector<std::string>& fields, char separator = ',');

}  // namespace desa::catalog
