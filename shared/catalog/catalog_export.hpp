#pragma once
// Exporting the catalogue: `desa-kiosk catalog export --format csv|marc OUT`, for SLiMS/INLISLite
// or a spreadsheet. CSV has the generic columns of import_csv.hpp (every Record and Copy field; the
// file imports back unchanged). MARC is ISO 2709 in UTF-8 with the tags of marc_mapping.hpp.
// The file is written beside OUT and renamed over it at the end, so a pulled USB stick or a full
// disk never leaves a half file under the real name.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "catalog/marc_record.hpp"
#include "catalog/record.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

enum class ExportFormat { Csv, Marc };

struct ExportReport {
    std::size_t records = 0;
    std::size_t copies = 0;
    std::vector<std::string> problems;  // records left out, with why (MARC size limits)
};

// Throws std::runtime_error when OUT cannot be written.
ExportReport export_catalog(storage::Database& db, const std::filesystem::path& out, ExportFormat format);

// The pieces, for tests and for the hub channel.
std::string csv_header_row();
void append_csv_record(std::string& out, const Record& record);
// One record in ISO 2709 (UTF-8, leader/directory/lengths computed). Throws std::length_error when
// a field exceeds 9,999 bytes or the record 99,999, the limits of the format's length digits.
std::string encode_iso2709(const MarcRecord& record);

}  // namespace desa::catalog
