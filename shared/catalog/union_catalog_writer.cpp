#include "catalog/union_catalog_writer.hpp"

#include <algorithm>

#include "catalog/csv_reader.hpp"
#include "catalog/import_text.hpp"
#include "catalog/isbn.hpp"
#include "catalog/union_catalog.hpp"
#include "sync/protocol.hpp"

namespace desa::catalog::union_files {

namespace {

constexpr const char* kHoldingHeader[] = {"library_id", "control_number", "title",     "subtitle",
                                          "authors",    "subjects",       "series",    "publisher",
                                          "year",       "isbns",          "call_number", "language",
                                          "material_type", "copies",      "available"};

// A CSV row ending in LF: half the line-end bytes of append_csv_row's CRLF, on 100k rows.
std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    append_csv_row(out, fields);
    out.resize(out.size() - 2);
    out += '\n';
    return out;
}

// The longest prefix of `s` of at most `limit` bytes that ends on a character boundary.
std::string_view cut(std::string_view s, std::size_t limit) {
    if (s.size() <= limit) return s;
    std::size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

// Valid UTF-8 without control characters, trimmed and cut to `limit`; a change is noted.
std::string fit(std::string_view field, std::string_view value, std::size_t limit, std::vector<std::string>& notes) {
    std::string s = is_valid_utf8(value) ? std::string(value) : repair_utf8(value);
    bool cleaned = false;
    for (char& c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            c = ' ';
            cleaned = true;
        }
    }
    if (cleaned || s.size() != value.size()) notes.push_back(std::string(field) + ": text repaired");
    std::string out(trim(s));
    if (out.size() > limit) {
        out = std::string(trim(cut(out, limit)));
        notes.push_back(std::string(field) + " cut to " + std::to_string(limit) + " bytes");
    }
    return out;
}

// A list keeps its first values that fit: each one fitted, at most kMaxListValues, and the joined
// cell within kMaxCellBytes. Separators inside values are escaped by join_multi.
std::string fit_list(std::string_view field, const std::vector<std::string>& values, std::vector<std::string>& notes) {
    std::vector<std::string> kept;
    for (const auto& v : values) {
        std::string f = fit(field, v, kMaxNameBytes, notes);
        if (f.empty()) continue;
        if (std::find(kept.begin(), kept.end(), f) != kept.end()) continue;
        kept.push_back(std::move(f));
        if (kept.size() > kMaxListValues || join_multi(kept).size() > kMaxCellBytes) {
            kept.pop_back();
            notes.push_back(std::string(field) + ": only the first " + std::to_string(kept.size()) + " values kept");
            break;
        }
    }
    return join_multi(kept);
}

bool lower_letters(std::string_view s, bool underscore) {
    return std::all_of(s.begin(), s.end(), [&](char c) { return (c >= 'a' && c <= 'z') || (underscore && c == '_'); });
}

}  // namespace

std::string snapshot_header() {
    return csv_line(std::vector<std::string>(std::begin(kHoldingHeader), std::end(kHoldingHeader)));
}

std::string delta_header() {
    return "op," + snapshot_header();
}

std::string libraries_file(const std::vector<LibraryRow>& libraries) {
    std::string out = csv_line({"library_id", "library_name", "village_code"});
    for (const auto& l : libraries) out += csv_line({l.library_id, l.name, l.village_code});
    return out;
}

std::string holding_key(const Record& r) {
    std::vector<std::string> ignored;
    const std::string cn = fit("control_number", r.control_number, 1000, ignored);
    if (!cn.empty() && cn.size() <= kMaxKeyBytes) return cn;
    for (const auto& isbn : r.isbns)
        if (is_valid_isbn13(isbn)) return "isbn:" + isbn;
    // Neither: what identifies the book in the library's own export, hashed (the same record
    // exported again gets the same key; a typo fixed in the title makes it another holding).
    const std::string basis = cn.empty() ? union_title_key(r.title, r.authors) + "|" +
                                               (r.year ? std::to_string(*r.year) : "") + "|" + r.publisher + "|" +
                                               r.edition
                                         : cn;
    return "key:" + sync::sha256_hex(basis).substr(0, 16);
}

bool holding_from_record(std::string_view library_id, const Record& r, HoldingRow& out, std::vector<std::string>& notes,
                         std::string& reason) {
    out = HoldingRow{};
    out.op = RowOp::Upsert;
    out.library_id = library_id;
    out.control_number = holding_key(r);
    Record& h = out.record;
    h.title = fit("title", r.title, kMaxTitleBytes, notes);
    if (h.title.empty()) {
        reason = "no title";
        return false;
    }
    h.subtitle = fit("subtitle", r.subtitle, kMaxTitleBytes, notes);
    h.authors = split_multi(fit_list("authors", r.authors, notes));
    h.subjects = split_multi(fit_list("subjects", r.subjects, notes));
    h.series = fit("series", r.series, kMaxNameBytes, notes);
    h.publisher = fit("publisher", r.publisher, kMaxNameBytes, notes);
    h.call_number = fit("call_number", r.call_number, kMaxNameBytes, notes);
    if (r.year && *r.year >= -9999 && *r.year <= 9999)
        h.year = r.year;
    else if (r.year)
        notes.push_back("year " + std::to_string(*r.year) + " left out");
    for (const auto& isbn : r.isbns) {
        if (!is_valid_isbn13(isbn)) {
            notes.push_back("ISBN '" + isbn + "' left out");
        } else if (std::find(h.isbns.begin(), h.isbns.end(), isbn) == h.isbns.end() && h.isbns.size() < kMaxListValues) {
            h.isbns.push_back(isbn);
        }
    }
    if (r.language.size() == 3 && lower_letters(r.language, false))
        h.language = r.language;
    else if (!r.language.empty())
        notes.push_back("language '" + r.language + "' left out");
    if (!r.material_type.empty() && r.material_type.size() <= 32 && lower_letters(r.material_type, true))
        h.material_type = r.material_type;
    else
        h.material_type = "book";
    if (r.copies.empty()) {
        out.copies = out.available = 1;
    } else {
        for (const auto& c : r.copies) {
            if (c.status == CopyStatus::Available) ++out.available;
            if (c.status == CopyStatus::Available || c.status == CopyStatus::OnLoan) ++out.copies;
        }
        out.copies = std::min(out.copies, kMaxCopies);
        out.available = std::min(out.available, out.copies);
    }
    return true;
}

std::string holding_csv(const HoldingRow& row) {
    const Record& r = row.record;
    return csv_line({row.library_id, row.control_number, r.title, r.subtitle, join_multi(r.authors),
                     join_multi(r.subjects), r.series, r.publisher, r.year ? std::to_string(*r.year) : std::string(),
                     join_multi(r.isbns), r.call_number, r.language, r.material_type, std::to_string(row.copies),
                     std::to_string(row.available)});
}

std::string with_counts(std::string_view row_csv, int copies, int available) {
    // The two counts are the last fields, digits only (never quoted).
    std::size_t end = row_csv.size();
    if (end > 0 && row_csv[end - 1] == '\n') --end;
    const std::size_t last = row_csv.rfind(',', end == 0 ? 0 : end - 1);
    const std::size_t before = last == std::string_view::npos || last == 0 ? std::string_view::npos
                                                                           : row_csv.rfind(',', last - 1);
    if (before == std::string_view::npos) return std::string(row_csv);
    return std::string(row_csv.substr(0, before)) + "," + std::to_string(copies) + "," + std::to_string(available) +
           "\n";
}

std::string delta_upsert(std::string_view row_csv) {
    return "upsert," + std::string(row_csv);
}

std::string delta_delete(std::string_view library_id, std::string_view control_number) {
    std::vector<std::string> fields{"delete", std::string(library_id), std::string(control_number)};
    fields.resize(std::size(kHoldingHeader) + 1);  // every column, as RFC 4180 wants
    return csv_line(fields);
}

}  // namespace desa::catalog::union_files
