#include "union_generator.hpp"

#include <cmath>
#include <fstream>
#include <stdexcept>

#include "catalog/catalog_generator.hpp"
#include "catalog/isbn.hpp"

namespace desa::bench_sync {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHoldingColumns =
    "library_id,control_number,title,subtitle,authors,subjects,series,publisher,year,isbns,call_number,language,"
    "material_type,copies,available";

std::string cell(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// " | " between values; a separator inside a value escaped with a backslash (as the format says).
std::string list_cell(const std::vector<std::string>& values) {
    std::string joined;
    for (std::size_t i = 0; i < values.size() && i < 50; ++i) {
        if (i > 0) joined += " | ";
        for (char c : values[i]) {
            if (c == '\\' || c == '|' || c == ';') joined += '\\';
            joined += c;
        }
    }
    return cell(joined);
}

std::string library_id(const std::string& village_code) {
    std::string id = "desa-";
    for (char c : village_code)
        if (c != '.') id += c;
    return id;
}

std::size_t library_count(const UnionSpec& spec) { return spec.village_codes.size() + 1; }

std::string province_code(const UnionSpec& spec) {
    return spec.village_codes.empty() ? "18" : spec.village_codes.front().substr(0, 2);
}

std::string library_of(const UnionSpec& spec, std::size_t index) {
    const std::size_t lib = index % library_count(spec);
    return lib == spec.village_codes.size() ? "prov-" + province_code(spec) : library_id(spec.village_codes[lib]);
}

// Every `step`-th holding (from an offset) is touched by the delta.
std::size_t change_step(const UnionSpec& spec) {
    return static_cast<std::size_t>(std::max(1.0, std::round(1.0 / spec.change_share)));
}
constexpr std::size_t kOffset = 37;

enum class Change { None, Availability, Deleted };
Change change_of(const UnionSpec& spec, std::size_t index) {
    const std::size_t step = change_step(spec);
    if (index % step != kOffset % step) return Change::None;
    return ((index - kOffset % step) / step) % 10 == 0 ? Change::Deleted : Change::Availability;
}

struct Holding {
    std::string library;
    catalog::Record record;
    int copies = 0, available = 0;
};

Holding holding(const UnionSpec& spec, std::size_t index, bool after_delta) {
    Holding h{library_of(spec, index), bench::generate_record(spec.seed, index), 0, 0};
    h.copies = static_cast<int>(h.record.copies.size());
    h.available = h.record.available_copies();
    if (after_delta && change_of(spec, index) == Change::Availability) h.available = (h.available + 1) % (h.copies + 1);
    return h;
}

std::string holding_row(const Holding& h) {
    const auto& r = h.record;
    std::vector<std::string> isbns;
    for (const auto& isbn : r.isbns)
        if (const auto normal = catalog::normalize_isbn(isbn)) isbns.push_back(*normal);
    return cell(h.library) + "," + cell(r.control_number) + "," + cell(r.title) + "," + cell(r.subtitle) + "," +
           list_cell(r.authors) + "," + list_cell(r.subjects) + "," + cell(r.series) + "," + cell(r.publisher) + "," +
           (r.year ? std::to_string(*r.year) : std::string()) + "," + list_cell(isbns) + "," + cell(r.call_number) +
           "," + cell(r.language) + "," + cell(r.material_type) + "," + std::to_string(h.copies) + "," +
           std::to_string(h.available);
}

// Holdings the delta adds: indices after the snapshot's, one per tenth change.
std::vector<std::size_t> added_indices(const UnionSpec& spec) {
    std::vector<std::size_t> out;
    const std::size_t step = change_step(spec);
    for (std::size_t i = kOffset % step, k = 0; i < spec.holdings; i += step, ++k)
        if (k % 10 == 1) out.push_back(spec.holdings + k);
    return out;
}

class CsvFile {
public:
    explicit CsvFile(const fs::path& file) : out_(file, std::ios::binary) {
        if (!out_) throw std::runtime_error("cannot write " + file.string());
    }
    void line(const std::string& text) {
        out_ << text << '\n';
        bytes_ += text.size() + 1;
    }
    std::uint64_t close() {
        out_.close();
        if (!out_) throw std::runtime_error("write failed");
        return bytes_;
    }

private:
    std::ofstream out_;
    std::uint64_t bytes_ = 0;
};

}  // namespace

std::uint64_t write_libraries_csv(const fs::path& file, const UnionSpec& spec) {
    CsvFile out(file);
    out.line("library_id,library_name,village_code");
    for (std::size_t i = 0; i < spec.village_codes.size(); ++i)
        out.line(library_id(spec.village_codes[i]) + ",Perpustakaan Desa " + std::to_string(i + 1) + "," +
                 spec.village_codes[i]);
    out.line("prov-" + province_code(spec) + ",Perpustakaan Provinsi," + province_code(spec));
    return out.close();
}

std::uint64_t write_snapshot_csv(const fs::path& file, const UnionSpec& spec, bool after_delta) {
    CsvFile out(file);
    out.line(kHoldingColumns);
    for (std::size_t i = 0; i < spec.holdings; ++i) {
        if (after_delta && change_of(spec, i) == Change::Deleted) continue;
        out.line(holding_row(holding(spec, i, after_delta)));
    }
    if (after_delta)
        for (const auto i : added_indices(spec)) out.line(holding_row(holding(spec, i, true)));
    return out.close();
}

std::uint64_t write_delta_csv(const fs::path& file, const UnionSpec& spec, DeltaCounts& counts) {
    CsvFile out(file);
    out.line(std::string("op,") + kHoldingColumns);
    const std::size_t step = change_step(spec);
    for (std::size_t i = kOffset % step; i < spec.holdings; i += step) {
        if (change_of(spec, i) == Change::Deleted) {
            out.line("delete," + cell(library_of(spec, i)) + "," + cell(bench::generate_record(spec.seed, i).control_number) +
                     ",,,,,,,,,,,,,");
            ++counts.deleted;
        } else {
            out.line("upsert," + holding_row(holding(spec, i, true)));
            ++counts.changed;
        }
    }
    for (const auto i : added_indices(spec)) {
        out.line("upsert," + holding_row(holding(spec, i, true)));
        ++counts.added;
    }
    return out.close();
}

std::vector<std::string> read_village_codes(const fs::path& csv) {
    std::ifstream in(csv);
    if (!in) throw std::runtime_error("cannot read " + csv.string());
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        const auto c1 = line.find(','), c2 = c1 == std::string::npos ? c1 : line.find(',', c1 + 1);
        if (c2 == std::string::npos) continue;
        const auto c3 = line.find(',', c2 + 1);
        if (line.compare(c2 + 1, c3 - c2 - 1, "desa_kelurahan") == 0) out.push_back(line.substr(0, c1));
    }
    return out;
}

}  // namespace desa::bench_sync
