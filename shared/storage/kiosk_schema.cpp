#include "storage/kiosk_schema.hpp"

#include "core/paths.hpp"

namespace desa::storage {

namespace {

// Shipped migrations are history: append new ones, never edit these.
constexpr Migration kKioskMigrations[] = {
    {1, "admin pin lock-out", R"sql(
        -- One row: wrong admin PIN attempts survive a restart, so pulling the plug does not reset
        -- a lock-out. Times are wall-clock unix seconds; 0 means "not locked".
        CREATE TABLE admin_pin_state (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
            locked_until    INTEGER NOT NULL DEFAULT 0,
            locked_at       INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO admin_pin_state (id, failed_attempts, locked_until, locked_at)
            VALUES (1, 0, 0, 0);
    )sql"},
};

}  // namespace

std::span<const Migration> kiosk_migrations() { return kKioskMigrations; }

Database open_kiosk_database(const std::filesystem::path& data_dir) {
    ensure_private_dir(data_dir);
    return Database::open(data_dir / "kiosk.db", Durability::Full, kiosk_migrations());
}

}  // namespace desa::storage
