#include "catalog/catalog_export.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "catalog/catalog_store.hpp"
#include "catalog/csv_reader.hpp"
#include "catalog/import_csv.hpp"
#include "catalog/import_marc.hpp"
#include "catalog/import_text.hpp"
#include "catalog/marc_mapping.hpp"

namespace desa::catalog {

namespace {

constexpr std::size_t kMaxFieldBytes = 9999;    // four directory digits
constexpr std::size_t kMaxRecordBytes = 99999;  // five leader digits

// Text from a CSV or an edit screen may contain the bytes MARC uses as delimiters.
void append_sanitized(std::string& out, std::string_view text) {
    for (char c : text)
        out += (c == kMarcRecordTerminator || c == kMarcFieldTerminator || c == kMarcSubfieldDelimiter) ? ' ' : c;
}

std::string digits(std::size_t value, std::size_t width) {
    std::string s = std::to_string(value);
    if (s.size() < width) s.insert(0, width - s.size(), '0');
    return s;
}

// Unlabelled copies still need a cell, to keep the other copy columns aligned.
std::string barcode_cell(const Copy& c) { return c.barcode.empty() ? std::string(kUnlabelled) : c.barcode; }

template <typename Get>
std::string join_copies(const Record& r, Get get) {
    std::vector<std::string> values;
    for (const auto& c : r.copies) values.push_back(get(c));
    return join_multi(values);
}

// Fills `out` through a temporary file and renames it into place only when complete.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target)
        : target_(std::move(target)), temp_(target_.string() + ".part") {
        stream_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!stream_) throw std::runtime_error("cannot write " + temp_.string());
    }
    ~AtomicFile() {
        if (!committed_) {
            stream_.close();
            std::error_code ec;
            std::filesystem::remove(temp_, ec);
        }
    }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes) {
        stream_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!stream_) throw std::runtime_error("cannot write " + temp_.string() + " (disk full?)");
    }
    void commit() {
        stream_.flush();
        stream_.close();
        if (stream_.fail()) throw std::runtime_error("cannot write " + temp_.string());
        std::filesystem::rename(temp_, target_);
        committed_ = true;
    }

private:
    std::filesystem::path target_, temp_;
    std::ofstream stream_;
    bool committed_ = false;
};

}  // namespace

std::string csv_header_row() {
    std::vector<std::string> names;
    for (auto name : generic_csv_columns()) names.emplace_back(name);
    std::string out;
    append_csv_row(out, names);
    return out;
}

void append_csv_record(std::string& out, const Record& r) {
    // Same order as generic_csv_columns().
    append_csv_row(
        out, {
                 r.control_number,
                 r.title,
                 r.subtitle,
                 join_multi(r.authors),
                 join_multi(r.subjects),
                 r.series,
                 r.publisher,
                 r.place,
                 r.year ? std::to_string(*r.year) : std::string(),
                 r.edition,
                 r.extent,
                 join_multi(r.isbns),
                 r.call_number,
                 r.language,
                 r.material_type,
                 r.collection,
                 r.notes,
                 join_copies(r, barcode_cell),
                 join_copies(r, [](const Copy& c) { return c.location; }),
                 join_copies(r, [](const Copy& c) { return c.call_number; }),
                 join_copies(r, [](const Copy& c) { return std::string(copy_status_name(c.status)); }),
                 join_copies(r, [](const Copy& c) { return c.due_unix ? std::to_string(*c.due_unix) : ""; }),
             });
}

std::string encode_iso2709(const MarcRecord& record) {
    std::string directory;
    std::string data;
    for (const auto& f : record.fields) {
        std::string body;
        if (f.is_control()) {
            append_sanitized(body, f.control);
        } else {
            body += (f.ind1 >= 0x20 && f.ind1 < 0x7F) ? f.ind1 : ' ';
            body += (f.ind2 >= 0x20 && f.ind2 < 0x7F) ? f.ind2 : ' ';
            for (const auto& sf : f.subfields) {
                body += kMarcSubfieldDelimiter;
                body += sf.code;
                append_sanitized(body, sf.value);
            }
        }
        body += kMarcFieldTerminator;
        if (body.size() > kMaxFieldBytes)
            throw std::length_error("field " + f.tag + " is " + std::to_string(body.size()) +
                                    " bytes; MARC allows 9999");
        std::string tag = f.tag;
        tag.resize(3, ' ');
        directory += tag + digits(body.size(), 4) + digits(data.size(), 5);
        data += body;
    }
    const std::size_t base = 24 + directory.size() + 1;
    const std::size_t total = base + data.size() + 1;
    if (total > kMaxRecordBytes || base > kMaxRecordBytes)
        throw std::length_error("record is " + std::to_string(total) + " bytes; MARC allows 99999");
    std::string leader = record.leader;
    leader.resize(24, ' ');
    leader.replace(0, 5, digits(total, 5));
    leader[9] = 'a';  // UTF-8
    leader.replace(10, 2, "22");
    leader.replace(12, 5, digits(base, 5));
    leader.replace(20, 4, "4500");
    std::string out;
    out.reserve(total);
    out += leader;
    out += directory;
    out += kMarcFieldTerminator;
    out += data;
    out += kMarcRecordTerminator;
    return out;
}

ExportReport export_catalog(storage::Database& db, const std::filesystem::path& out, ExportFormat format) {
    ExportReport report;
    AtomicFile file(out);
    // Written in batches: one write per record would be slow on a USB stick, one string for the
    // whole catalogue too big.
    std::string buffer;
    constexpr std::size_t kFlushBytes = 1 << 20;
    if (format == ExportFormat::Csv) buffer = "\xEF\xBB\xBF" + csv_header_row();  // BOM: Excel then reads UTF-8
    CatalogStore store(db);
    store.for_each([&](const Record& r) {
        if (format == ExportFormat::Csv) {
            append_csv_record(buffer, r);
        } else {
            try {
                buffer += encode_iso2709(marc_from_record(r));
            } catch (const std::length_error& e) {
                report.problems.push_back("record " + std::to_string(r.id) + " (" + r.title +
                                          ") left out: " + e.what());
                return;
            }
        }
        ++report.records;
        report.copies += r.copies.size();
        if (buffer.size() >= kFlushBytes) {
            file.write(buffer);
            buffer.clear();
        }
    });
    file.write(buffer);
    file.commit();
    return report;
}

}  // namespace desa::catalog
