#include "catalog/csv_reader.hpp"

#include "catalog/import_types.hpp"

namespace desa::catalog {

bool CsvReader::next(CsvRow& row) {
    while (pos_ < text_.size()) {
        row.fields.clear();
        row.line = line_;
        row.byte_offset = pos_;
        std::string field;
        bool row_done = false;
        while (!row_done) {
            // One field.
            field.clear();
            if (pos_ < text_.size() && text_[pos_] == '"') {
                const std::size_t opened_line = line_;
                bool undoubled_seen = false;
                ++pos_;
                while (true) {
                    if (pos_ >= text_.size())
                        throw ImportFormatError("quoted field opened at line " + std::to_string(opened_line) +
                                                " is never closed: the file is cut off or broken");
                    const char c = text_[pos_];
                    if (c == '"') {
                        auto ends_field = [this](std::size_t at) {
                            return at >= text_.size() || text_[at] == separator_ || text_[at] == '\n' ||
                                   text_[at] == '\r';
                        };
                        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                            field += '"';
                            pos_ += 2;
                            // SLiMS "The "It"": once a field has shown undoubled quotes, "" before a
                            // separator is its last quote plus the closing one.
                            if (undoubled_seen && ends_field(pos_)) break;
                            continue;
                        }
                        if (ends_field(pos_ + 1)) {
                            ++pos_;
                            break;
                        }
                        field += '"';  // SLiMS: an undoubled quote inside the field
                        undoubled_seen = true;
                        ++pos_;
                        continue;
                    }
                    // A line break inside a field becomes "\n" whatever the file's line ends are.
                    if (c == '\r' || c == '\n') {
                        ++line_;
                        field += '\n';
                        pos_ += (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ? 2 : 1;
                        continue;
                    }
                    field += c;
                    ++pos_;
                }
            }
            // Unquoted text (or what trails a closing quote) up to the separator or line end.
            while (pos_ < text_.size() && text_[pos_] != separator_ && text_[pos_] != '\n' && text_[pos_] != '\r')
                field += text_[pos_++];
            row.fields.push_back(field);
            if (pos_ < text_.size() && text_[pos_] == separator_) {
                ++pos_;
                continue;
            }
            // Line end: CRLF, LF or CR.
            if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
            if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            ++line_;
            row_done = true;
        }
        const bool blank = row.fields.size() == 1 && row.fields[0].find_first_not_of(" \t") == std::string::npos;
        if (!blank) return true;
    }
    return false;
}

char detect_csv_separator(std::string_view text) {
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semicolon += c == ';';
        tab += c == '\t';
    }
    if (semicolon > comma && semicolon >= tab) return ';';
    if (tab > comma && tab > semicolon) return '\t';
    return ',';
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields, char separator) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += separator;
        const std::string& f = fields[i];
        const bool needs_quotes = f.find_first_of(std::string{'"', '\n', '\r', separator}) != std::string::npos ||
                                  (!f.empty() && (f.front() == ' ' || f.back() == ' '));
        if (!needs_quotes) {
            out += f;
            continue;
        }
        out += '"';
        for (char c : f) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    out += "\r\n";
}

}  // namespace desa::catalog
