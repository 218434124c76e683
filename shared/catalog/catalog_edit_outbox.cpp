#include "catalog/catalog_edit_outbox.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "catalog/catalog_store.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_store.hpp"

namespace desa::catalog {
namespace {

constexpr std::array<std::string_view, 6> kActionNames{"record_added",   "record_updated", "record_withdrawn",
                                                       "record_restored", "copy_added",     "copy_status_changed"};

}  // namespace

std::string_view edit_action_name(EditAction a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<EditAction> edit_action_from_name(std::string_view name) {
    for (std::size_t i = 0; i < kActionNames.size(); ++i)
        if (kActionNames[i] == name) return static_cast<EditAction>(i);
    return std::nullopt;
}

std::string edit_payload(const Record& r, EditAction action, std::string_view village_code,
                         std::string_view copy_barcode, std::int64_t sequence) {
    using nlohmann::json;
    json record{{"control_number", r.control_number},
                {"title", r.title},
                {"subtitle", r.subtitle},
                {"authors", r.authors},
                {"subjects", r.subjects},
                {"series", r.series},
                {"publisher", r.publisher},
                {"place", r.place},
                {"year", r.year ? json(*r.year) : json(nullptr)},
                {"edition", r.edition},
                {"extent", r.extent},
                {"isbns", r.isbns},
                {"call_number", r.call_number},
                {"language", r.language},
                {"material_type", r.material_type},
                {"collection", r.collection},
                {"notes", r.notes},
                {"withdrawn", r.withdrawn}};
    // Barcodes and statuses only: a due date or a loan would point at a member's borrowing.
    json copies = json::array();
    for (const Copy& c : r.copies)
        copies.push_back({{"barcode", c.barcode},
                          {"status", copy_status_name(c.status)},
                          {"location", c.location},
                          {"call_number", c.call_number}});
    return json{{"action", edit_action_name(action)},
                {"village", village_code},
                {"record_id", r.id},
                {"record", record},
                {"copies", copies},
                {"copy", copy_barcode.empty() ? json(nullptr) : json(copy_barcode)},
                {"seq", sequence}}
        .dump();
}

void append_edit_record(storage::Database& db, std::int64_t record_id, EditAction action,
                        std::string_view copy_barcode, std::int64_t now) {
    const auto stored = CatalogStore(db).get(record_id);
    if (!stored) throw storage::StorageError("catalogue record " + std::to_string(record_id) + " vanished while edited");
    // Counted inside the edit's transaction: rolled back with it, never reused.
    std::int64_t sequence = 1;
    if (const auto last = db.get_setting(kEditSequenceSetting)) sequence = std::strtoll(last->c_str(), nullptr, 10) + 1;
    db.set_setting(kEditSequenceSetting, std::to_string(sequence));
    sync::append(db, sync::OutboxRecord{sync::new_uuid(), std::string(kEditsChannel), now,
                                        edit_payload(*stored, action, library_village(db), copy_barcode, sequence),
                                        std::nullopt});
}

void set_library_village(storage::Database& db, std::string_view village_code) {
    if (db.get_setting(kLibraryVillageSetting) != village_code) db.set_setting(kLibraryVillageSetting, village_code);
}

std::string library_village(storage::Database& db) {
    if (auto v = db.get_setting(kLibraryVillageSetting); v && !v->empty()) return *v;
    if (const auto identity = sync::load_identity(db)) return identity->village_code;
    return {};
}

EditScope::EditScope(storage::Database& db) {
    if (sqlite3_get_autocommit(db.handle()) != 0) tx_.emplace(db);
}

void EditScope::commit() {
    if (tx_) tx_->commit();
}

}  // namespace desa::catalog
