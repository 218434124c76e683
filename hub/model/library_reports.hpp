#pragma once
// The village libraries as their kiosks report them: the librarians' catalogue edits (outbox
// channel "catalog_edits", shared/catalog/catalog_edit_outbox.hpp) and the daily lending figures
// ("lending_stats", shared/lending/lending_stats.hpp). The village of a row is the one its kiosk was
// enrolled for, never the one the payload claims. Every payload is checked before it is listed: a
// damaged one is counted as unreadable and skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/sql_db.hpp"

namespace desa::hub {

struct EditedCopy {
    std::string barcode, status;  // status: available, on_loan, lost, withdrawn
};

struct CatalogEditRow {
    std::string uuid, village_code, kiosk_id, action;  // action: record_added, ..., copy_status_changed
    std::int64_t created_at = 0, received_at = 0, record_id = 0;
    std::int64_t sequence = 0;  // the kiosk's edit counter: orders edits made within one second
    std::string control_number, title, publisher, language, material_type, call_number;
    std::vector<std::string> authors, isbns;
    std::optional<int> year;
    bool withdrawn = false;
    std::vector<EditedCopy> copies;
    std::optional<std::string> copy;  // the copy the action was about
};

struct EditsFilter {
    std::optional<std::string> region_prefix;
    std::optional<std::int64_t> since;  // created_at >= since (unix seconds)
};

struct EditsReport {
    std::vector<CatalogEditRow> rows;  // by created_at, then uuid
    int unreadable = 0;
};

EditsReport catalog_edits_report(SqlDb& db, const EditsFilter& filter);

struct LendingDayRow {
    std::string village_code, kiosk_id, day;  // day: YYYY-MM-DD, the village's local day
    int loans = 0, returns = 0, renewals = 0, overdue_at_end = 0, members_served = 0;
};

struct LendingFilter {
    std::optional<std::string> region_prefix;
    std::optional<std::string> from_day, to_day;  // inclusive, YYYY-MM-DD
};

struct LendingReport {
    std::vector<LendingDayRow> rows;  // by day, village, kiosk
    int unreadable = 0;
};

LendingReport lending_report(SqlDb& db, const LendingFilter& filter);

}  // namespace desa::hub
