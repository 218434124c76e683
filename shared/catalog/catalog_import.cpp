#include "catalog/catalog_import.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "catalog/catalog_store.hpp"
#include "catalog/import_csv.hpp"
#include "catalog/import_marc.hpp"
#include "catalog/import_marcxml.hpp"
#include "catalog/import_text.hpp"

namespace desa::catalog {

namespace {

// The file mapped read-only: a large MARC file is parsed in place instead of being copied into
// memory first (a Raspberry Pi has little to spare).
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file) {
        fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw ImportFormatError("cannot open " + file.string() + ": " + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd_);
            throw ImportFormatError("cannot read " + file.string() + ": not a regular file");
        }
        size_ = static_cast<std::size_t>(st.st_size);
        if (size_ == 0) return;
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        if (p == MAP_FAILED) {
            const int e = errno;
            ::close(fd_);
            throw ImportFormatError("cannot read " + file.string() + ": " + std::strerror(e));
        }
        data_ = static_cast<const char*>(p);
        ::madvise(p, size_, MADV_SEQUENTIAL);
    }
    ~MappedFile() {
        if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
        if (fd_ >= 0) ::close(fd_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {data_ != nullptr ? data_ : "", size_}; }

private:
    int fd_ = -1;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// A source that does not know about loans (SLiMS, INLISLite, a spreadsheet) must not put a book
// that is out on loan back on the shelf: copies already in the catalogue keep their state.
// Only the barcode lookup runs for a fresh import; the record is read only when a copy exists.
void keep_loan_state(CatalogStore& store, Record& r) {
    const bool known_copy = std::any_of(r.copies.begin(), r.copies.end(), [&store](const Copy& c) {
        return !c.barcode.empty() && store.find_copy_by_barcode(c.barcode);
    });
    if (!known_copy) return;
    std::optional<std::int64_t> id = store.find_by_control_number(r.control_number);
    for (std::size_t i = 0; !id && i < r.isbns.size(); ++i) id = store.find_by_isbn(r.isbns[i]);
    const std::optional<Record> stored = id ? store.get(*id) : std::nullopt;
    if (!stored) return;  // a copy moving here from another record: nothing to go by
    for (Copy& c : r.copies) {
        for (const Copy& old : stored->copies) {
            if (c.barcode.empty() || old.barcode != c.barcode) continue;
            c.status = old.status;
            c.due_unix = old.due_unix;
        }
    }
}

// A file without control numbers (SLiMS CSV) matched by ISBN must not erase the control number
// the stored record has: later imports from the original system match on it.
void keep_control_number(CatalogStore& store, Record& r) {
    if (!r.control_number.empty()) return;
    for (const auto& isbn : r.isbns) {
        if (const auto id = store.find_by_isbn(isbn)) {
            if (const auto stored = store.get(*id)) r.control_number = stored->control_number;
            return;
        }
    }
}

// PRAGMA cache_size for one import, restored after it (also when it fails).
class LargerCache {
public:
    // 100k records: 8-64 MB import alike, 2 MB 6% slower; 1M: 8 MB 16.1k/s, 16 MB 17.8k/s, 32 MB 18.3k/s.
    static constexpr int kImportCacheKib = 16 * 1024;
    explicit LargerCache(storage::Database& db) : db_(db) {
        auto s = db_.prepare("PRAGMA cache_size");
        if (s.step()) previous_ = s.column_int64(0);
        db_.exec("PRAGMA cache_size = -" + std::to_string(kImportCacheKib));
    }
    ~LargerCache() {
        try {
            db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
        } catch (const storage::StorageError&) {
            // The connection keeps the larger cache; nothing is lost.
        }
    }
    LargerCache(const LargerCache&) = delete;
    LargerCache& operator=(const LargerCache&) = delete;

private:
    storage::Database& db_;
    std::int64_t previous_ = -2000;
};

}  // namespace

std::string describe(const SourcePosition& where) {
    std::string s = "record " + std::to_string(where.record_number);
    if (where.line > 0) return s + " (line " + std::to_string(where.line) + ")";
    return s + " (byte " + std::to_string(where.byte_offset) + ")";
}

std::string_view import_format_name(ImportFormat f) {
    switch (f) {
        case ImportFormat::Marc: return "marc";
        case ImportFormat::MarcXml: return "marcxml";
        case ImportFormat::Csv: return "csv";
    }
    return "csv";
}

std::optional<ImportFormat> import_format_from_name(std::string_view name) {
    const std::string n = lower(trim(name));
    if (n == "marc" || n == "iso2709" || n == "mrc") return ImportFormat::Marc;
    if (n == "marcxml" || n == "xml") return ImportFormat::MarcXml;
    if (n == "csv") return ImportFormat::Csv;
    return std::nullopt;
}

std::optional<ImportFormat> detect_import_format(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    while (!head.empty() && (head[0] == ' ' || head[0] == '\t' || head[0] == '\r' || head[0] == '\n'))
        head.remove_prefix(1);
    if (head.empty()) return std::nullopt;
    // UTF-16: expat reads XML in it; the CSV reader refuses it with a clear message.
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
        const std::string_view after = head.substr(2);
        const bool xml = after.starts_with(std::string_view("<\0", 2)) || after.starts_with(std::string_view("\0<", 2));
        return xml ? ImportFormat::MarcXml : ImportFormat::Csv;
    }
    if (head[0] == '<') return ImportFormat::MarcXml;  // `<?xml`, `<collection`, `<marc:collection`, `<record`
    if (looks_like_marc_leader(head)) return ImportFormat::Marc;
    // CSV: a first line of text with a column separator in it.
    const std::string_view first_line = head.substr(0, head.find_first_of("\r\n"));
    if (first_line.find('\0') != std::string_view::npos) return std::nullopt;
    if (first_line.find_first_of(",;\t") != std::string_view::npos) return ImportFormat::Csv;
    return std::nullopt;
}

ImportReport import_bytes(storage::Database& db, std::string_view bytes, std::optional<ImportFormat> format,
                          const ImportProgressCallback& progress, const ImportOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    ImportReport report;
    report.format = format ? format : detect_import_format(bytes.substr(0, 4096));
    if (!report.format) {
        report.error = bytes.empty() ? "the file is empty"
                                     : "not a catalogue file: expected MARC 21 (ISO 2709), MARCXML or CSV";
        return report;
    }

    // A larger page cache for the import: the catalogue's indexes (FTS5 segments, barcodes, ISBNs)
    // are written all over the file, and SQLite's default 2 MB cache keeps evicting and re-reading
    // their pages. Restored when the import ends; the kiosk's resident size stays as it was.
    const LargerCache cache(db);
    storage::Transaction transaction(db);
    CatalogStore store(db);
    // Into an empty catalogue (the first import, the benchmark) no loan can be overwritten, and
    // nothing can match a record but one of the same file (see begin_bulk_load).
    const bool started_empty = store.count() == 0;
    if (started_empty) store.begin_bulk_load();
    std::size_t records = 0;
    auto tick = [&](const SourcePosition& where) {
        ++records;
        if (progress && options.progress_every > 0 && records % options.progress_every == 0)
            progress({records, where.byte_offset, bytes.size()});
    };
    auto skip = [&report](SkippedRecord&& s) {
        ++report.skipped_total;
        if (report.skipped.size() < ImportReport::kMaxListed) report.skipped.push_back(std::move(s));
    };
    RecordSink sink;
    sink.on_record = [&](ParsedRecord&& parsed) {
        tick(parsed.where);
        try {
            keep_control_number(store, parsed.record);
            if (!parsed.copy_status_known && !started_empty) keep_loan_state(store, parsed.record);
            // upsert validates before it writes, so a refusal here is the database itself failing
            // (disk full, I/O): the half-written record cannot be undone alone, so the whole
            // import is rolled back below.
            const UpsertOutcome outcome = store.upsert(parsed.record);
            const bool added = outcome == UpsertOutcome::Added;
            ++(added ? report.added : report.updated);
            if (options.list_stored)
                report.stored_records.push_back(
                    {parsed.where, added ? RecordOutcome::Added : RecordOutcome::Updated, parsed.record.id});
        } catch (const storage::StorageError& e) {
            throw ImportFormatError("the database failed while storing record " + std::to_string(records) + ": " +
                                    e.what() + "; nothing was imported");
        }
        report.warnings_total += parsed.warnings.size();
        for (auto& w : parsed.warnings)
            if (report.warnings.size() < ImportReport::kMaxListed)
                report.warnings.push_back({parsed.where, std::move(w)});
    };
    sink.on_skipped = [&](SkippedRecord&& s) {
        tick(s.where);
        skip(std::move(s));
    };
    sink.on_file_note = [&](std::string&& note) { report.file_notes.push_back(std::move(note)); };

    try {
        switch (*report.format) {
            case ImportFormat::Marc: read_marc(bytes, sink); break;
            case ImportFormat::MarcXml: read_marcxml(bytes, sink); break;
            case ImportFormat::Csv: {
                CsvDialect dialect = CsvDialect::Generic;
                read_csv(bytes, sink, &dialect);
                report.dialect = csv_dialect_name(dialect);
                break;
            }
        }
    } catch (const ImportFormatError& e) {
        // The transaction rolls back when it goes out of scope: nothing of this file stays.
        ImportReport failed;
        failed.format = report.format;
        failed.file_notes = std::move(report.file_notes);
        failed.error = e.what();
        failed.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return failed;
    }
    transaction.commit();
    if (progress) progress({records, bytes.size(), bytes.size()});
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

ImportReport import_file(storage::Database& db, const std::filesystem::path& file, std::optional<ImportFormat> format,
                         const ImportProgressCallback& progress, const ImportOptions& options) {
    std::optional<MappedFile> mapped;
    try {
        mapped.emplace(file);
    } catch (const ImportFormatError& e) {
        ImportReport report;
        report.format = format;
        report.error = e.what();
        return report;
    }
    return import_bytes(db, mapped->bytes(), format, progress, options);
}

std::string describe(const ImportReport& report) {
    std::string out;
    const std::string format = report.format ? std::string(import_format_name(*report.format)) : "unknown";
    out += "format: " + format + (report.dialect.empty() ? "" : " (" + report.dialect + ")") + "\n";
    for (const auto& note : report.file_notes) out += "note: " + note + "\n";
    if (!report.ok()) return out + "error: " + report.error + "\nnothing was imported\n";
    out += "added: " + std::to_string(report.added) + "\nupdated: " + std::to_string(report.updated) +
           "\nskipped: " + std::to_string(report.skipped_total) + "\n";
    for (const auto& s : report.skipped) out += "  skipped " + describe(s.where) + ": " + s.reason + "\n";
    for (const auto& w : report.warnings) out += "  warning " + describe(w.where) + ": " + w.message + "\n";
    if (report.skipped_total > report.skipped.size() || report.warnings_total > report.warnings.size())
        out += "  (only the first " + std::to_string(ImportReport::kMaxListed) + " of each are listed)\n";
    return out;
}

}  // namespace desa::catalog
