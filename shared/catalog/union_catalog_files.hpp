#pragma once
// Reading the files of the hub's `catalog` channel (docs/sync-protocol.md, "The catalog channel's
// files"): which files a version holds, and their rows, each one validated field by field. The
// files are signed by the province, but they are still network input: a row breaking a rule is
// reported with its reason and left out; a file that cannot be read as such throws
// UnionFormatError so the caller changes nothing. Internal to the catalogue module; the public
// side is catalog/union_catalog.hpp.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/record.hpp"

namespace desa::catalog::union_files {

class UnionFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file larger than this is refused whole (the hub's snapshot of a province is far smaller).
constexpr std::uintmax_t kMaxFileBytes = 1ULL << 30;
// Field limits in bytes; a longer field makes its row invalid.
constexpr std::size_t kMaxCellBytes = 4000;
constexpr std::size_t kMaxTitleBytes = 1000;
constexpr std::size_t kMaxNameBytes = 200;  // library_name, each author, subject, ...
constexpr std::size_t kMaxKeyBytes = 100;   // control_number
constexpr std::size_t kMaxListValues = 50;  // authors, subjects, isbns
constexpr int kMaxCopies = 100000;

struct ChannelFiles {
    std::filesystem::path libraries;  // libraries.csv
    std::int64_t base_version = 0;    // B of snapshot-<B>.csv
    std::filesystem::path snapshot;
    std::vector<std::pair<std::int64_t, std::filesystem::path>> deltas;  // delta-<V>.csv, V ascending
    std::vector<std::string> ignored;                                    // other names (a later format's files)
};
// Throws UnionFormatError: no libraries.csv, no snapshot or two, a delta not after the snapshot.
ChannelFiles list_channel_files(const std::filesystem::path& dir);

struct LibraryRow {
    std::string library_id, name, village_code;
};

enum class RowOp { Upsert, Delete };

struct HoldingRow {
    RowOp op = RowOp::Upsert;
    std::string library_id, control_number;
    // title, subtitle, authors, subjects, series, publisher, year, isbns (ISBN-13), call_number,
    // language, material_type; empty for a delete.
    Record record;
    int copies = 0, available = 0;
};

struct RowProblem {
    std::size_t line = 0;
    std::string reason;
};

// [A-Za-z0-9._-], 1..64.
bool is_library_id(std::string_view id);
// A Kemendagri code: "18", "18.01", "18.01.04" or "18.01.04.2001".
bool is_region_code(std::string_view code);

// Rows of libraries.csv / a snapshot / a delta, in file order. `text` is the whole file. Throws
// UnionFormatError for a missing or repeated required column, a broken CSV quote, or a BOM-less
// non-UTF-8 header. A snapshot row may carry op = upsert; a delta row must name its op.
void read_libraries(std::string_view text, const std::function<void(LibraryRow&&, std::size_t line)>& on_row,
                    const std::function<void(RowProblem&&)>& on_problem);
void read_holdings(std::string_view text, bool delta, const std::function<void(HoldingRow&&, std::size_t line)>& on_row,
                   const std::function<void(RowProblem&&)>& on_problem);

// A whole file mapped read-only (no copy: a province's snapshot can be hundreds of megabytes on a
// Raspberry Pi). Throws UnionFormatError when it cannot be opened or exceeds kMaxFileBytes.
class MappedFile {
public:
    explicit MappedFile(const std::filesystem::path& file);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    std::string_view text() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace desa::catalog::union_files
