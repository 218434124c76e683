#pragma once
// What one resident is doing in the library section: the filters they chose, the results of the
// text they typed, the record they opened. Searches run only when the text or filters change, so
// the screen can ask every frame. Part of the visit: wiped with it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/record.hpp"
#include "catalog/search.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

class LibraryVisit {
public:
    SearchFilters filters;
    int page_size = 30;

    // The result for `text` and the current filters; runs the search only when one changed.
    const SearchResult& results(storage::Database& db, std::string_view text);
    // Total titles in the catalogue (cached for the visit): 0 means nothing was ever loaded.
    std::int64_t catalogue_size(storage::Database& db);

    void toggle_availability(Availability a);
    void toggle_language(const std::string& code);
    void toggle_material_type(const std::string& type);
    bool filters_active() const;
    void clear_filters() { filters = {}; }

    // The record the resident opened, loaded once, with other books by its first author and the
    // other libraries holding it (the union catalogue).
    void open(storage::Database& db, std::int64_t record_id);
    void close() { opened_.reset(); by_same_author_.clear(); elsewhere_.clear(); }
    const std::optional<Record>& opened() const { return opened_; }
    const std::vector<SearchHit>& by_same_author() const { return by_same_author_; }
    const std::vector<LibraryHolding>& elsewhere() const { return elsewhere_; }

private:
    std::optional<std::string> searched_text_;
    SearchFilters searched_filters_;
    SearchResult result_;
    std::optional<std::int64_t> catalogue_size_;
    std::optional<Record> opened_;
    std::vector<SearchHit> by_same_author_;
    std::vector<LibraryHolding> elsewhere_;
};

// "Judul: …\nPengarang: …" — the key facts of a record as short text for a QR code a resident can
// keep on a phone. Labels come from the caller (already translated).
struct QrLabels {
    std::string title, author, year, isbn, call_number, library;
};
std::string record_qr_text(const Record& record, const QrLabels& labels, std::string_view library_name);

}  // namespace desa::catalog
