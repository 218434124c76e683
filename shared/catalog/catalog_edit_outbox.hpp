#pragma once
// The librarian's catalogue changes as outbox records (channel "catalog_edits",
// docs/sync-protocol.md): every change made through CatalogEditor appends one, in the same
// transaction as the change, so the hub learns of exactly the changes that were committed. The
// payload is the record as stored after the change (MARC-ish fields), its copies' barcodes and
// statuses, the action and the library's village code: never a member, a loan or a card.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/record.hpp"
#include "storage/database.hpp"

namespace desa::catalog {

inline constexpr std::string_view kEditsChannel = "catalog_edits";
// settings key: the village code of the library this kiosk.db catalogues (written by the kiosk at
// start from its config; the payload names it, the hub files a record under the kiosk's enrolled
// village anyway).
inline constexpr std::string_view kLibraryVillageSetting = "library.village_code";

enum class EditAction { RecordAdded, RecordUpdated, RecordWithdrawn, RecordRestored, CopyAdded, CopyStatusChanged };
std::string_view edit_action_name(EditAction);  // "record_added", ..., "copy_status_changed"
std::optional<EditAction> edit_action_from_name(std::string_view);

// The payload of one edit: sorted keys, so the same record and action give the same bytes.
// `copy_barcode`: the copy the action was about (CopyAdded, CopyStatusChanged), else empty.
// `sequence`: this kiosk's edit counter, so the hub orders edits made within one second.
std::string edit_payload(const Record& stored, EditAction action, std::string_view village_code,
                         std::string_view copy_barcode, std::int64_t sequence = 0);
inline constexpr std::string_view kEditSequenceSetting = "catalog.edit_sequence";

// Appends the record of an edit of `record_id` as now stored. Call inside the transaction that made
// the change (EditScope): a failure here throws and the change is rolled back with it.
void append_edit_record(storage::Database& db, std::int64_t record_id, EditAction action,
                        std::string_view copy_barcode, std::int64_t now);

void set_library_village(storage::Database& db, std::string_view village_code);
std::string library_village(storage::Database& db);  // the setting, else the enrolled village, else ""

// One editor change and its outbox record, all or nothing: its own transaction (BEGIN IMMEDIATE)
// unless the caller already holds one, which then decides.
class EditScope {
public:
    explicit EditScope(storage::Database& db);
    void commit();

private:
    std::optional<storage::Transaction> tx_;
};

}  // namespace desa::catalog
