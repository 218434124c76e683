#include "catalog/library_visit.hpp"

#include <algorithm>

#include "catalog/catalog_store.hpp"
#include "catalog/union_catalog.hpp"

namespace desa::catalog {
namespace {

bool same_filters(const SearchFilters& a, const SearchFilters& b) {
    return a.availability == b.availability && a.languages == b.languages && a.year_from == b.year_from &&
           a.year_to == b.year_to && a.locations == b.locations && a.material_types == b.material_types;
}

void toggle(std::vector<std::string>& values, const std::string& value) {
    const auto it = std::find(values.begin(), values.end(), value);
    if (it == values.end()) values.push_back(value);
    else values.erase(it);
}

}  // namespace

const SearchResult& LibraryVisit::results(storage::Database& db, std::string_view text) {
    if (searched_text_ && *searched_text_ == text && same_filters(searched_filters_, filters)) return result_;
    SearchQuery query;
    query.text = std::string(text);
    query.filters = filters;
    query.limit = page_size;
    result_ = search(db, query);
    searched_text_ = std::string(text);
    searched_filters_ = filters;
    return result_;
}

std::int64_t LibraryVisit::catalogue_size(storage::Database& db) {
    if (!catalogue_size_) catalogue_size_ = CatalogStore(db).count();
    return *catalogue_size_;
}

void LibraryVisit::toggle_availability(Availability a) {
    filters.availability = filters.availability == a ? Availability::Any : a;
}
void LibraryVisit::toggle_language(const std::string& code) { toggle(filters.languages, code); }
void LibraryVisit::toggle_material_type(const std::string& type) { toggle(filters.material_types, type); }

bool LibraryVisit::filters_active() const {
    return filters.availability != Availability::Any || !filters.languages.empty() || filters.year_from ||
           filters.year_to || !filters.locations.empty() || !filters.material_types.empty();
}

void LibraryVisit::open(storage::Database& db, std::int64_t record_id) {
    opened_ = CatalogStore(db).get(record_id);
    by_same_author_.clear();
    elsewhere_.clear();
    if (opened_) elsewhere_ = holdings_elsewhere(db, *opened_);
    if (!opened_ || opened_->authors.empty()) return;
    SearchQuery query;
    query.text = opened_->authors.front();
    query.limit = 8;
    for (auto& hit : search(db, query).hits)
        if (hit.record_id != record_id && hit.best_field == MatchField::Author) by_same_author_.push_back(std::move(hit));
}

std::string record_qr_text(const Record& record, const QrLabels& labels, std::string_view library_name) {
    std::string text = labels.title + ": " + record.title;
    if (!record.subtitle.empty()) text += " : " + record.subtitle;
    if (!record.authors.empty()) {
        text += "\n" + labels.author + ": ";
        for (std::size_t i = 0; i < record.authors.size() && i < 3; ++i) text += (i ? "; " : "") + record.authors[i];
    }
    if (record.year) text += "\n" + labels.year + ": " + std::to_string(*record.year);
    if (!record.isbns.empty()) text += "\n" + labels.isbn + ": " + record.isbns.front();
    if (!record.call_number.empty()) text += "\n" + labels.call_number + ": " + record.call_number;
    text += "\n" + labels.library + ": " + std::string(library_name);
    return text;
}

}  // namespace desa::catalog
