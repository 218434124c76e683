#pragma once
// A bibliographic record of the village library and its physical copies, with the fields SLiMS
// and INLISLite map from MARC 21 (tag in brackets). Plain data: storage, search, import and export
// all speak this struct.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desa::catalog {

enum class CopyStatus { Available, OnLoan, Lost, Withdrawn };
std::string_view copy_status_name(CopyStatus);  // "available", "on_loan", "lost", "withdrawn"
std::optional<CopyStatus> copy_status_from_name(std::string_view);

struct Copy {
    std::int64_t id = 0;        // 0 until stored
    std::string barcode;        // item code on the spine label, unique in the library
    std::string location;       // shelf / room / collection location [852 $a$b]
    std::string call_number;    // this copy's call number if it differs from the record's
    CopyStatus status = CopyStatus::Available;
    std::optional<std::int64_t> due_unix;  // set while on loan
};

struct Record {
    std::int64_t id = 0;              // 0 until stored
    std::string control_number;       // [001] stable id from the source system, may be empty
    std::string title;                // [245 $a]
    std::string subtitle;             // [245 $b]
    std::vector<std::string> authors; // [100/110/700/710 $a] "Surname, Given" or as written
    std::vector<std::string> subjects;// [650/651 $a]
    std::string series;               // [490 $a]
    std::string publisher;            // [260/264 $b]
    std::string place;                // [260/264 $a]
    std::optional<int> year;          // [260/264 $c, 008/07-10]
    std::string edition;              // [250 $a]
    std::string extent;               // [300 $a] pages
    std::vector<std::string> isbns;   // [020 $a] normalised ISBN-13, first is the main one
    std::string call_number;          // [082/084/090]
    std::string language;             // [041 $a, 008/35-37] ISO 639-2: "ind", "eng", ...
    std::string material_type = "book";  // book, magazine, audiovisual, ... (leader/06)
    std::string collection;           // e.g. "Umum", "Anak", "Referensi"
    std::string notes;                // [500 $a]
    std::vector<Copy> copies;
    // Read-only here: set by CatalogStore::withdraw / restore, reported by CatalogStore::get.
    // upsert never changes it, so re-importing a file does not bring a withdrawn book back.
    bool withdrawn = false;

    int available_copies() const;
};

}  // namespace desa::catalog
