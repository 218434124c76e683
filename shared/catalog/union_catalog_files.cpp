#include "catalog/union_catalog_files.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <span>

#include "catalog/csv_reader.hpp"
#include "catalog/import_text.hpp"
#include "catalog/import_types.hpp"
#include "catalog/isbn.hpp"

namespace fs = std::filesystem;

namespace desa::catalog::union_files {

namespace {

bool all_of_chars(std::string_view s, bool (*ok)(char)) {
    return std::all_of(s.begin(), s.end(), ok);
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// "<prefix><digits>.csv" -> the number (1..18 digits, no sign, no leading zero).
std::optional<std::int64_t> numbered(std::string_view name, std::string_view prefix) {
    if (!name.starts_with(prefix) || !name.ends_with(".csv")) return std::nullopt;
    const std::string_view digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    if (digits.empty() || digits.size() > 18 || digits[0] == '0' || !all_of_chars(digits, is_digit))
        return std::nullopt;
    std::int64_t v = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

// The header's columns by name. Names are exact (lower case); unknown ones are ignored so a later
// hub may add columns; a repeated known one makes the file ambiguous.
class Header {
public:
    Header(const std::vector<std::string>& fields, std::span<const std::string_view> known,
           std::span<const std::string_view> required) {
        index_.assign(known.size(), -1);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            std::string_view name = trim(fields[i]);
            if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name.remove_prefix(3);
            const auto it = std::find(known.begin(), known.end(), name);
            if (it == known.end()) continue;
            int& slot = index_[static_cast<std::size_t>(it - known.begin())];
            if (slot >= 0) throw UnionFormatError("column '" + std::string(name) + "' appears twice in the header");
            slot = static_cast<int>(i);
        }
        for (std::string_view r : required)
            if (index_[static_cast<std::size_t>(std::find(known.begin(), known.end(), r) - known.begin())] < 0)
                throw UnionFormatError("the header has no '" + std::string(r) + "' column");
    }
    bool has(std::size_t column) const { return index_[column] >= 0; }
    // The cell of `column` in `row` (empty when the column is absent or the row short).
    std::string_view cell(const std::vector<std::string>& row, std::size_t column) const {
        const int i = index_[column];
        return i >= 0 && static_cast<std::size_t>(i) < row.size() ? std::string_view(row[static_cast<std::size_t>(i)])
                                                                  : std::string_view{};
    }

private:
    std::vector<int> index_;
};

// Every cell: valid UTF-8, no control characters (a line break inside a quoted cell included), and
// not longer than kMaxCellBytes. Returns the reason when the row breaks one.
std::optional<std::string> check_cells(const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string& c = row[i];
        const std::string column = "column " + std::to_string(i + 1);
        if (c.size() > kMaxCellBytes)
            return column + " is " + std::to_string(c.size()) + " bytes (at most " + std::to_string(kMaxCellBytes) +
                   ")";
        if (!is_valid_utf8(c)) return column + " is not valid UTF-8";
        if (std::any_of(c.begin(), c.end(), [](char ch) {
                const auto u = static_cast<unsigned char>(ch);
                return u < 0x20 || u == 0x7F;
            }))
            return column + " holds a control character";
    }
    return std::nullopt;
}

std::optional<std::string> too_long(std::string_view field, std::string_view value, std::size_t limit) {
    if (value.size() <= limit) return std::nullopt;
    return std::string(field) + " is longer than " + std::to_string(limit) + " bytes";
}

std::optional<int> parse_count(std::string_view s) {
    s = trim(s);
    int v = 0;
    if (s.empty() || s.size() > 6 || !all_of_chars(s, is_digit)) return std::nullopt;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v <= kMaxCopies ? std::optional<int>(v) : std::nullopt;
}

// Rows of one file, each checked by check_cells first; `handle` returns a reason to skip it.
void for_each_row(std::string_view text, const std::function<void(const std::vector<std::string>&)>& on_header,
                  const std::function<std::optional<std::string>(const std::vector<std::string>&, std::size_t)>& handle,
                  const std::function<void(RowProblem&&)>& on_problem) {
    try {
        if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
            throw UnionFormatError("the file is UTF-16, not UTF-8");
        CsvReader reader(text, ',');
        CsvRow row;
        if (!reader.next(row)) throw UnionFormatError("the file is empty (no header row)");
        for (const auto& f : row.fields)
            if (!is_valid_utf8(f)) throw UnionFormatError("the header is not valid UTF-8");
        on_header(row.fields);
        while (reader.next(row)) {
            auto reason = check_cells(row.fields);
            if (!reason) reason = handle(row.fields, row.line);
            if (reason) on_problem({row.line, std::move(*reason)});
        }
    } catch (const ImportFormatError& e) {  // an unterminated quote: the file is cut off
        throw UnionFormatError(e.what());
    }
}

constexpr std::string_view kLibraryColumns[] = {"library_id", "library_name", "village_code"};
enum LibraryColumn : std::size_t { kLibId, kLibName, kLibVillage };

// Holding columns; the bibliographic ones carry the names of the kiosk's CSV export.
constexpr std::string_view kHoldingColumns[] = {
    "op",        "library_id", "control_number", "title",       "subtitle", "authors",       "subjects", "series",
    "publisher", "year",       "isbns",          "call_number", "language", "material_type", "copies",   "available"};
enum HoldingColumn : std::size_t {
    kOp,
    kLibrary,
    kControl,
    kTitle,
    kSubtitle,
    kAuthors,
    kSubjects,
    kSeries,
    kPublisher,
    kYear,
    kIsbns,
    kCallNumber,
    kLanguage,
    kMaterial,
    kCopies,
    kAvailable
};
constexpr std::string_view kSnapshotRequired[] = {"library_id", "control_number", "title", "copies", "available"};
constexpr std::string_view kDeltaRequired[] = {"op", "library_id", "control_number", "title", "copies", "available"};

std::optional<std::string> list_field(std::string_view name, std::string_view cell, std::vector<std::string>& out) {
    out = split_multi(cell);
    if (out.size() > kMaxListValues)
        return std::string(name) + " lists more than " + std::to_string(kMaxListValues) + " values";
    for (const auto& v : out)
        if (auto r = too_long(name, v, kMaxNameBytes)) return r;
    return std::nullopt;
}

// The bibliographic fields and counts of an upsert row.
std::optional<std::string> read_upsert(const Header& h, const std::vector<std::string>& row, HoldingRow& out) {
    Record& r = out.record;
    r.title = trim(h.cell(row, kTitle));
    if (r.title.empty()) return std::string("no title");
    if (auto e = too_long("title", r.title, kMaxTitleBytes)) return e;
    r.subtitle = trim(h.cell(row, kSubtitle));
    if (auto e = too_long("subtitle", r.subtitle, kMaxTitleBytes)) return e;
    if (auto e = list_field("authors", h.cell(row, kAuthors), r.authors)) return e;
    if (auto e = list_field("subjects", h.cell(row, kSubjects), r.subjects)) return e;
    const std::pair<std::string_view, std::string*> plain[] = {
        {"series", &r.series}, {"publisher", &r.publisher}, {"call_number", &r.call_number}};
    const HoldingColumn plain_columns[] = {kSeries, kPublisher, kCallNumber};
    for (std::size_t i = 0; i < std::size(plain); ++i) {
        *plain[i].second = trim(h.cell(row, plain_columns[i]));
        if (auto e = too_long(plain[i].first, *plain[i].second, kMaxNameBytes)) return e;
    }
    if (const std::string_view y = trim(h.cell(row, kYear)); !y.empty()) {
        const std::string_view digits = y.starts_with('-') ? y.substr(1) : y;
        if (digits.empty() || digits.size() > 4 || !all_of_chars(digits, is_digit))
            return "year '" + std::string(y) + "' is not a whole number of at most 4 digits";
        int v = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), v);
        r.year = y.starts_with('-') ? -v : v;
    }
    std::vector<std::string> isbns;
    if (auto e = list_field("isbns", h.cell(row, kIsbns), isbns)) return e;
    for (const auto& isbn : isbns) {
        if (!is_valid_isbn13(isbn)) return "ISBN '" + isbn + "' is not a valid ISBN-13 (13 digits, no hyphens)";
        if (std::find(r.isbns.begin(), r.isbns.end(), isbn) == r.isbns.end()) r.isbns.push_back(isbn);
    }
    r.language = trim(h.cell(row, kLanguage));
    if (!r.language.empty() &&
        (r.language.size() != 3 || !all_of_chars(r.language, [](char c) { return c >= 'a' && c <= 'z'; })))
        return "language '" + r.language + "' is not an ISO 639-2 code";
    const std::string_view material = trim(h.cell(row, kMaterial));
    if (!material.empty()) {
        if (material.size() > 32 || !all_of_chars(material, [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
            return "material_type '" + std::string(material) + "' is not a type name";
        r.material_type = material;
    }
    const auto copies = parse_count(h.cell(row, kCopies)), available = parse_count(h.cell(row, kAvailable));
    if (!copies)
        return "copies '" + std::string(trim(h.cell(row, kCopies))) + "' is not a count 0.." +
               std::to_string(kMaxCopies);
    if (!available || *available > *copies)
        return "available '" + std::string(trim(h.cell(row, kAvailable))) + "' is not a count 0..copies";
    out.copies = *copies;
    out.available = *available;
    return std::nullopt;
}

}  // namespace

bool is_library_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && all_of_chars(id, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '.' || c == '_' || c == '-';
    });
}

bool is_region_code(std::string_view code) {
    constexpr std::size_t kParts[] = {2, 2, 2, 4};
    std::size_t part = 0;
    while (part < std::size(kParts)) {
        const std::size_t n = kParts[part];
        if (code.size() < n || !all_of_chars(code.substr(0, n), is_digit)) return false;
        code.remove_prefix(n);
        ++part;
        if (code.empty()) return true;
        if (code.front() != '.') return false;
        code.remove_prefix(1);
    }
    return false;
}

ChannelFiles list_channel_files(const fs::path& dir) {
    ChannelFiles files;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) throw UnionFormatError("cannot read the directory " + dir.string() + ": " + ec.message());
    std::vector<fs::path> snapshots;
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file(ec)) {
            files.ignored.push_back(name);
            continue;
        }
        if (name == "libraries.csv") {
            files.libraries = entry.path();
        } else if (const auto b = numbered(name, "snapshot-")) {
            snapshots.push_back(entry.path());
            files.base_version = *b;
        } else if (const auto v = numbered(name, "delta-")) {
            files.deltas.emplace_back(*v, entry.path());
        } else {
            files.ignored.push_back(name);
        }
    }
    if (files.libraries.empty()) throw UnionFormatError("libraries.csv is missing");
    if (snapshots.size() != 1)
        throw UnionFormatError(snapshots.empty() ? "no snapshot-<version>.csv"
                                                 : "more than one snapshot-<version>.csv");
    files.snapshot = snapshots.front();
    std::sort(files.deltas.begin(), files.deltas.end());
    for (const auto& [v, path] : files.deltas)
        if (v <= files.base_version)
            throw UnionFormatError(path.filename().string() + " is not after " + files.snapshot.filename().string());
    std::sort(files.ignored.begin(), files.ignored.end());
    return files;
}

void read_libraries(std::string_view text, const std::function<void(LibraryRow&&, std::size_t)>& on_row,
                    const std::function<void(RowProblem&&)>& on_problem) {
    std::optional<Header> header;
    for_each_row(
        text, [&](const std::vector<std::string>& fields) { header.emplace(fields, kLibraryColumns, kLibraryColumns); },
        [&](const std::vector<std::string>& row, std::size_t line) -> std::optional<std::string> {
            LibraryRow lib{std::string(trim(header->cell(row, kLibId))), std::string(trim(header->cell(row, kLibName))),
                           std::string(trim(header->cell(row, kLibVillage)))};
            if (!is_library_id(lib.library_id))
                return "library_id '" + lib.library_id + "' is not 1-64 of [A-Za-z0-9._-]";
            if (lib.name.empty()) return std::string("no library_name");
            if (auto e = too_long("library_name", lib.name, kMaxNameBytes)) return e;
            if (!is_region_code(lib.village_code))
                return "village_code '" + lib.village_code + "' is not a Kemendagri code such as 18.01.04.2001";
            on_row(std::move(lib), line);
            return std::nullopt;
        },
        on_problem);
}

void read_holdings(std::string_view text, bool delta, const std::function<void(HoldingRow&&, std::size_t)>& on_row,
                   const std::function<void(RowProblem&&)>& on_problem) {
    std::optional<Header> header;
    for_each_row(
        text,
        [&](const std::vector<std::string>& fields) {
            if (delta)
                header.emplace(fields, kHoldingColumns, kDeltaRequired);
            else
                header.emplace(fields, kHoldingColumns, kSnapshotRequired);
        },
        [&](const std::vector<std::string>& row, std::size_t line) -> std::optional<std::string> {
            HoldingRow out;
            const std::string_view op = trim(header->cell(row, kOp));
            if (op == "delete" && delta) {
                out.op = RowOp::Delete;
            } else if (op != "upsert" && (delta || !op.empty())) {
                return "op '" + std::string(op) +
                       (delta ? "' is not upsert or delete" : "' in a snapshot (only upsert)");
            }
            out.library_id = trim(header->cell(row, kLibrary));
            if (!is_library_id(out.library_id))
                return "library_id '" + out.library_id + "' is not 1-64 of [A-Za-z0-9._-]";
            out.control_number = trim(header->cell(row, kControl));
            if (out.control_number.empty()) return std::string("no control_number");
            if (auto e = too_long("control_number", out.control_number, kMaxKeyBytes)) return e;
            if (out.op == RowOp::Upsert)
                if (auto e = read_upsert(*header, row, out)) return e;
            on_row(std::move(out), line);
            return std::nullopt;
        },
        on_problem);
}

MappedFile::MappedFile(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw UnionFormatError("cannot open " + file.filename().string());
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw UnionFormatError(file.filename().string() + " is not a regular file");
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileBytes) {
        ::close(fd);
        throw UnionFormatError(file.filename().string() + " is larger than 1 GiB");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            ::close(fd);
            throw UnionFormatError("cannot map " + file.filename().string());
        }
        data_ = static_cast<const char*>(p);
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace desa::catalog::union_files
