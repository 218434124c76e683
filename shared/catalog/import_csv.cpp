#include "catalog/import_csv.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "catalog/csv_reader.hpp"
#include "catalog/import_text.hpp"
#include "catalog/isbn.hpp"

namespace desa::catalog {

namespace {

enum class Column {
    ControlNumber, Title, Subtitle, Authors, Subjects, Series, Publisher, Place, Year, Edition, Extent, Isbns,
    CallNumber, Classification, Language, MaterialType, Collection, Notes, Barcodes, Locations, CopyCallNumbers,
    CopyStatuses, CopyDue, Count
};

// Our export's header; index i is Column i (Classification aside, which we never write).
constexpr std::string_view kGenericColumns[] = {
    "control_number", "title",    "subtitle", "authors",  "subjects",      "series",     "publisher", "place",
    "year",           "edition",  "extent",   "isbns",    "call_number",   "language",   "material_type",
    "collection",     "notes",    "barcodes", "locations", "copy_call_numbers", "copy_statuses", "copy_due_unix"};

struct Alias {
    std::string_view key;  // lower-case letters and digits only
    Column column;
};
constexpr Alias kColumnAliases[] = {
    {"controlnumber", Column::ControlNumber}, {"nomorkontrol", Column::ControlNumber},
    {"recordid", Column::ControlNumber},      {"biblioid", Column::ControlNumber},
    {"001", Column::ControlNumber},           {"title", Column::Title},
    {"judul", Column::Title},                 {"subtitle", Column::Subtitle},
    {"subjudul", Column::Subtitle},           {"anakjudul", Column::Subtitle},
    {"author", Column::Authors},              {"authors", Column::Authors},
    {"pengarang", Column::Authors},           {"penulis", Column::Authors},
    {"creator", Column::Authors},             {"subject", Column::Subjects},
    {"subjects", Column::Subjects},           {"subjek", Column::Subjects},
    {"topic", Column::Subjects},              {"topics", Column::Subjects},
    {"topik", Column::Subjects},              {"keywords", Column::Subjects},
    {"katakunci", Column::Subjects},          {"series", Column::Series},
    {"seri", Column::Series},                 {"seriestitle", Column::Series},
    {"judulseri", Column::Series},            {"publisher", Column::Publisher},
    {"publishername", Column::Publisher},     {"penerbit", Column::Publisher},
    {"place", Column::Place},                 {"placename", Column::Place},
    {"publicationplace", Column::Place},      {"tempatterbit", Column::Place},
    {"kotaterbit", Column::Place},            {"year", Column::Year},
    {"publishyear", Column::Year},            {"publicationyear", Column::Year},
    {"tahun", Column::Year},                  {"tahunterbit", Column::Year},
    {"edition", Column::Edition},             {"edisi", Column::Edition},
    {"extent", Column::Extent},               {"collation", Column::Extent},
    {"kolasi", Column::Extent},               {"pages", Column::Extent},
    {"halaman", Column::Extent},              {"jumlahhalaman", Column::Extent},
    {"isbn", Column::Isbns},                  {"isbns", Column::Isbns},
    {"isbnissn", Column::Isbns},              {"isbn13", Column::Isbns},
    {"callnumber", Column::CallNumber},       {"nomorpanggil", Column::CallNumber},
    {"nopanggil", Column::CallNumber},        {"classification", Column::Classification},
    {"klasifikasi", Column::Classification},  {"ddc", Column::Classification},
    {"language", Column::Language},           {"languagename", Column::Language},
    {"languagecode", Column::Language},       {"bahasa", Column::Language},
    {"materialtype", Column::MaterialType},   {"gmd", Column::MaterialType},
    {"gmdname", Column::MaterialType},        {"jenisbahan", Column::MaterialType},
    {"collection", Column::Collection},       {"koleksi", Column::Collection},
    {"colltype", Column::Collection},         {"colltypename", Column::Collection},
    {"notes", Column::Notes},                 {"note", Column::Notes},
    {"catatan", Column::Notes},               {"keterangan", Column::Notes},
    {"barcode", Column::Barcodes},            {"barcodes", Column::Barcodes},
    {"itemcode", Column::Barcodes},           {"kodeeksemplar", Column::Barcodes},
    {"nomorbarcode", Column::Barcodes},       {"location", Column::Locations},
    {"locations", Column::Locations},         {"locationname", Column::Locations},
    {"lokasi", Column::Locations},            {"rak", Column::Locations},
    {"copycallnumber", Column::CopyCallNumbers}, {"copycallnumbers", Column::CopyCallNumbers},
    {"copystatus", Column::CopyStatuses},     {"copystatuses", Column::CopyStatuses},
    {"copydueunix", Column::CopyDue},
};

// SLiMS 9 export.php / import.php column order; a headerless SLiMS file is read with these names.
constexpr std::string_view kSlimsColumns[] = {
    "title",       "gmd_name",   "edition",        "isbn_issn", "publisher_name", "publish_year",
    "collation",   "series_title", "call_number",  "language_name", "place_name", "classification",
    "notes",       "image",      "sor",            "authors",   "topics",         "item_code"};
constexpr std::string_view kSlimsIgnored[] = {"image", "sor"};

std::string column_key(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += c;
    }
    return key;
}

std::optional<Column> column_for(std::string_view name) {
    const std::string key = column_key(name);
    for (const auto& alias : kColumnAliases)
        if (alias.key == key) return alias.column;
    return std::nullopt;
}

bool is_slims_list(std::string_view cell) {
    cell = trim(cell);
    return cell.empty() || (cell.size() >= 2 && cell.front() == '<' && cell.back() == '>');
}

// SLiMS "<a><b>" lists, else our ';' / '|' lists.
std::vector<std::string> list_cell(std::string_view cell, bool keep_empty = false) {
    const std::string_view t = trim(cell);
    if (t.size() < 2 || t.front() != '<' || t.back() != '>') return split_multi(t, keep_empty);
    std::vector<std::string> values;
    std::string_view rest = t.substr(1, t.size() - 2);
    while (true) {
        const auto end = rest.find("><");
        if (auto v = trim(rest.substr(0, end)); !v.empty()) values.emplace_back(v);
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 2);
    }
    return values;
}

template <typename T>
void add_unique(std::vector<T>& list, T value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

void add_isbn(std::string_view raw, Record& r, std::vector<std::string>& warnings) {
    if (auto isbn = isbn_from_spreadsheet_cell(raw)) {
        add_unique(r.isbns, *isbn);
        return;
    }
    const std::string_view t = trim(raw);
    const bool issn = t.size() == 9 && t[4] == '-';
    warnings.push_back(issn ? "'" + std::string(t) + "' is an ISSN; the catalogue keeps ISBNs only"
                            : "ISBN '" + std::string(t) + "' is not valid; left out");
}

// A row of the generic or SLiMS dialect.
class MappedRows {
public:
    MappedRows(const std::vector<std::string>& header, bool slims, const RecordSink& sink) {
        index_.fill(-1);
        std::vector<std::string> ignored;
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string name(trim(header[i]));
            if (name.empty()) continue;  // SLiMS ends its header with a separator
            const auto column = column_for(name);
            const bool known_ignored = slims && std::find(std::begin(kSlimsIgnored), std::end(kSlimsIgnored),
                                                          column_key(name)) != std::end(kSlimsIgnored);
            if (!column || index_[static_cast<std::size_t>(*column)] >= 0) {
                if (!known_ignored) ignored.push_back(name);
                continue;
            }
            index_[static_cast<std::size_t>(*column)] = static_cast<int>(i);
        }
        if (index_[static_cast<std::size_t>(Column::Title)] < 0) {
            std::string names;
            for (const auto& h : header) names += (names.empty() ? "" : ", ") + std::string(trim(h));
            throw ImportFormatError("the CSV header has no title column (found: " + names +
                                    "); name one column \"title\" or \"judul\"");
        }
        if (!ignored.empty()) {
            std::string list;
            for (const auto& n : ignored) list += (list.empty() ? "" : ", ") + n;
            sink.note("columns not imported: " + list);
        }
    }

    std::optional<std::string> to_record(const std::vector<std::string>& row, Record& r,
                                         std::vector<std::string>& warnings) const {
        auto cell = [&](Column c) -> std::string_view {
            const int i = index_[static_cast<std::size_t>(c)];
            return i >= 0 && static_cast<std::size_t>(i) < row.size() ? trim(row[static_cast<std::size_t>(i)])
                                                                      : std::string_view{};
        };
        r.title = cell(Column::Title);
        if (r.title.empty()) return "no title";
        r.control_number = cell(Column::ControlNumber);
        r.subtitle = cell(Column::Subtitle);
        for (auto& a : list_cell(cell(Column::Authors))) add_unique(r.authors, std::move(a));
        for (auto& s : list_cell(cell(Column::Subjects))) add_unique(r.subjects, std::move(s));
        r.series = cell(Column::Series);
        r.publisher = cell(Column::Publisher);
        r.place = cell(Column::Place);
        if (const auto y = cell(Column::Year); !y.empty()) {
            r.year = parse_year(y);
            if (!r.year) warnings.push_back("year '" + std::string(y) + "' not understood");
        }
        r.edition = cell(Column::Edition);
        r.extent = cell(Column::Extent);
        for (const auto& isbn : list_cell(cell(Column::Isbns))) add_isbn(isbn, r, warnings);
        r.call_number = cell(Column::CallNumber);
        if (r.call_number.empty()) r.call_number = cell(Column::Classification);
        r.language = normalize_language(cell(Column::Language));
        if (const auto t = cell(Column::MaterialType); !t.empty()) r.material_type = material_type_from_name(t);
        r.collection = cell(Column::Collection);
        r.notes = cell(Column::Notes);
        copies(cell, r, warnings);
        return std::nullopt;
    }

    // Our own export has a copy_statuses column; SLiMS and hand-made sheets do not.
    bool knows_copy_status() const { return index_[static_cast<std::size_t>(Column::CopyStatuses)] >= 0; }

private:
    template <typename Cell>
    void copies(const Cell& cell, Record& r, std::vector<std::string>& warnings) const {
        const auto barcodes = list_cell(cell(Column::Barcodes));
        const auto locations = list_cell(cell(Column::Locations), true);
        const auto numbers = list_cell(cell(Column::CopyCallNumbers), true);
        const auto statuses = list_cell(cell(Column::CopyStatuses), true);
        const auto dues = list_cell(cell(Column::CopyDue), true);
        // Value i belongs to copy i; a single value belongs to every copy.
        auto pick = [&barcodes](const std::vector<std::string>& values, std::size_t i) -> std::string {
            if (values.size() == barcodes.size() && i < values.size()) return values[i];
            if (values.size() == 1) return values[0];
            return i < values.size() ? values[i] : std::string();
        };
        for (std::size_t i = 0; i < barcodes.size(); ++i) {
            if (barcodes[i] != kUnlabelled && std::any_of(r.copies.begin(), r.copies.end(),
                                                          [&](const Copy& c) { return c.barcode == barcodes[i]; })) {
                warnings.push_back("barcode " + barcodes[i] + " appears twice; second copy left out");
                continue;
            }
            Copy c;
            c.barcode = barcodes[i] == kUnlabelled ? std::string() : barcodes[i];
            c.location = pick(locations, i);
            c.call_number = pick(numbers, i);
            if (const std::string s = pick(statuses, i); !s.empty()) {
                if (auto status = copy_status_from_name(s)) {
                    c.status = *status;
                } else {
                    warnings.push_back("copy status '" + s + "' unknown; " + c.barcode + " imported as available");
                }
            }
            if (const std::string d = pick(dues, i); !d.empty()) {
                try {
                    c.due_unix = std::stoll(d);
                } catch (const std::exception&) {
                    warnings.push_back("due date '" + d + "' of " + c.barcode + " not understood");
                }
            }
            r.copies.push_back(std::move(c));
        }
    }

    std::array<int, static_cast<std::size_t>(Column::Count)> index_{};
};

// goodbooks-10k's columns by name.
class GoodbooksRows {
public:
    explicit GoodbooksRows(const std::vector<std::string>& header) {
        auto find = [&header](std::string_view name) {
            for (std::size_t i = 0; i < header.size(); ++i)
                if (trim(header[i]) == name) return static_cast<int>(i);
            return -1;
        };
        book_id_ = find("book_id"), isbn_ = find("isbn"), isbn13_ = find("isbn13"), authors_ = find("authors");
        year_ = find("original_publication_year"), original_title_ = find("original_title");
        title_ = find("title"), language_ = find("language_code");
    }

    std::optional<std::string> to_record(const std::vector<std::string>& row, Record& r,
                                         std::vector<std::string>& warnings) const {
        auto cell = [&row](int i) {
            return i >= 0 && static_cast<std::size_t>(i) < row.size() ? trim(row[static_cast<std::size_t>(i)])
                                                                      : std::string_view{};
        };
        const auto id = cell(book_id_);
        if (id.empty()) return "no book_id";
        r.control_number = "goodbooks:" + std::string(id);
        std::string_view title = cell(title_);
        // "The Hunger Games (The Hunger Games, #1)": the bracket at the end names the series.
        if (title.ends_with(')')) {
            if (const auto open = title.rfind('('); open != std::string_view::npos && open > 0) {
                const auto inner = title.substr(open + 1, title.size() - open - 2);
                if (inner.find('#') != std::string_view::npos) {
                    r.series = trim(inner);
                    title = trim(title.substr(0, open));
                }
            }
        }
        r.title = title.empty() ? cell(original_title_) : title;
        if (r.title.empty()) return "no title";
        if (const auto original = cell(original_title_); !original.empty() && original != r.title)
            r.notes = "Original title: " + std::string(original);
        std::string_view authors = cell(authors_);
        while (!authors.empty()) {
            const auto comma = authors.find(", ");
            if (auto a = trim(authors.substr(0, comma)); !a.empty()) add_unique(r.authors, std::string(a));
            if (comma == std::string_view::npos) break;
            authors.remove_prefix(comma + 2);
        }
        if (const auto y = cell(year_); !y.empty()) r.year = parse_year(y);
        r.language = normalize_language(cell(language_));
        const auto isbn10 = cell(isbn_), isbn13 = cell(isbn13_);
        if (auto isbn = isbn_from_spreadsheet(isbn10, isbn13)) {
            r.isbns.push_back(*isbn);
        } else if (!isbn10.empty() || !isbn13.empty()) {
            warnings.push_back("ISBN not recoverable from isbn '" + std::string(isbn10) + "' / isbn13 '" +
                               std::string(isbn13) + "'; imported without ISBN");
        }
        return std::nullopt;
    }

private:
    int book_id_, isbn_, isbn13_, authors_, year_, original_title_, title_, language_;
};

bool has_column(const std::vector<std::string>& header, std::string_view key) {
    return std::any_of(header.begin(), header.end(), [key](const std::string& h) { return column_key(h) == key; });
}

bool looks_like_headerless_slims(const std::vector<std::string>& first) {
    if (first.size() != 18 && !(first.size() == 19 && trim(first[18]).empty())) return false;
    if (column_for(first[0]) == Column::Title) return false;
    return is_slims_list(first[15]) && is_slims_list(first[16]) && is_slims_list(first[17]);
}

// The file's text as UTF-8 (see the header for the rules).
std::string_view as_utf8(std::string_view bytes, std::string& converted, const RecordSink& sink) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        throw ImportFormatError("the file is UTF-16; save it as \"CSV UTF-8\" and import again");
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (is_valid_utf8(bytes)) return bytes;
    // Any well-formed multi-byte sequence means UTF-8 with damage (repaired per field); none at
    // all means a legacy code page.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char32_t cp;
        if (static_cast<unsigned char>(bytes[i]) >= 0xC2 && decode_utf8(bytes.substr(i, 4), cp) > 1) return bytes;
    }
    sink.note("the file is not UTF-8; read as Windows-1252 (Excel's \"CSV\" on Windows)");
    converted = cp1252_to_utf8(bytes);
    return converted;
}

}  // namespace

std::string_view csv_dialect_name(CsvDialect d) {
    switch (d) {
        case CsvDialect::Slims: return "SLiMS";
        case CsvDialect::Goodbooks: return "goodbooks-10k";
        case CsvDialect::Generic: break;
    }
    return "generic";
}

std::span<const std::string_view> generic_csv_columns() { return kGenericColumns; }

void read_csv(std::string_view bytes, const RecordSink& sink, CsvDialect* dialect_out) {
    std::string converted;
    const std::string_view text = as_utf8(bytes, converted, sink);
    const std::size_t skipped_prefix = bytes.size() >= 3 && bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    CsvReader reader(text, detect_csv_separator(text));
    CsvRow row;
    if (!reader.next(row)) throw ImportFormatError("the CSV file is empty");

    CsvDialect dialect = CsvDialect::Generic;
    std::optional<MappedRows> mapped;
    std::optional<GoodbooksRows> goodbooks;
    bool first_row_is_data = false;
    if (has_column(row.fields, "goodreadsbookid") && has_column(row.fields, "bookid") &&
        has_column(row.fields, "isbn13")) {
        dialect = CsvDialect::Goodbooks;
        goodbooks.emplace(row.fields);
    } else if (looks_like_headerless_slims(row.fields)) {
        dialect = CsvDialect::Slims;
        mapped.emplace(std::vector<std::string>(std::begin(kSlimsColumns), std::end(kSlimsColumns)), true, sink);
        first_row_is_data = true;
        sink.note("no header row: read as a SLiMS bibliography export (18 columns in SLiMS order)");
    } else {
        const bool slims = has_column(row.fields, "gmdname") && has_column(row.fields, "isbnissn");
        dialect = slims ? CsvDialect::Slims : CsvDialect::Generic;
        mapped.emplace(row.fields, slims, sink);
    }
    if (dialect_out != nullptr) *dialect_out = dialect;

    std::size_t number = 0;
    while (first_row_is_data || reader.next(row)) {
        first_row_is_data = false;
        const SourcePosition where{++number, row.byte_offset + skipped_prefix, row.line};
        ParsedRecord parsed;
        parsed.where = where;
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
            if (is_valid_utf8(row.fields[i])) continue;
            std::size_t replaced = 0;
            row.fields[i] = repair_utf8(row.fields[i], &replaced);
            parsed.warnings.push_back("invalid UTF-8 in column " + std::to_string(i + 1) + " repaired (" +
                                      std::to_string(replaced) + " byte(s) replaced by U+FFFD)");
        }
        const auto reason = goodbooks ? goodbooks->to_record(row.fields, parsed.record, parsed.warnings)
                                      : mapped->to_record(row.fields, parsed.record, parsed.warnings);
        parsed.copy_status_known = mapped && mapped->knows_copy_status();
        if (reason) {
            sink.on_skipped({where, *reason});
        } else {
            sink.on_record(std::move(parsed));
        }
    }
}

ParseResult read_csv(std::string_view bytes) {
    ParseResult result;
    read_csv(bytes, collect_into(result));
    return result;
}

}  // namespace desa::catalog
