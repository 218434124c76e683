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
    {2, "library catalogue", R"sql(
        -- Bibliographic records of the village library (catalog/record.hpp has the MARC tags).
        -- Lists (authors, subjects, isbns) are one value per line, in order. A withdrawn record
        -- stays for lending history but leaves the search index.
        CREATE TABLE catalog_records (
            id             INTEGER PRIMARY KEY,
            control_number TEXT NOT NULL DEFAULT '',
            title          TEXT NOT NULL,
            subtitle       TEXT NOT NULL DEFAULT '',
            authors        TEXT NOT NULL DEFAULT '',
            subjects       TEXT NOT NULL DEFAULT '',
            series         TEXT NOT NULL DEFAULT '',
            publisher      TEXT NOT NULL DEFAULT '',
            place          TEXT NOT NULL DEFAULT '',
            year           INTEGER,
            edition        TEXT NOT NULL DEFAULT '',
            extent         TEXT NOT NULL DEFAULT '',
            isbns          TEXT NOT NULL DEFAULT '',
            call_number    TEXT NOT NULL DEFAULT '',
            language       TEXT NOT NULL DEFAULT '',
            material_type  TEXT NOT NULL DEFAULT 'book',
            collection     TEXT NOT NULL DEFAULT '',
            notes          TEXT NOT NULL DEFAULT '',
            withdrawn      INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
            updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX catalog_records_control_number ON catalog_records (control_number)
            WHERE control_number <> '';

        -- ISBN-13 -> record, for matching imports and scanned barcodes. Not unique: two editions
        -- catalogued separately may share a misprinted ISBN.
        CREATE TABLE catalog_isbns (
            isbn      TEXT NOT NULL,
            record_id INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE,
            PRIMARY KEY (isbn, record_id)
        ) WITHOUT ROWID;
        CREATE INDEX catalog_isbns_record ON catalog_isbns (record_id);

        -- Physical copies. The barcode on the spine label is unique; NULL for a copy not yet
        -- labelled (several may exist, so NULL rather than '').
        CREATE TABLE catalog_copies (
            id          INTEGER PRIMARY KEY,
            record_id   INTEGER NOT NULL REFERENCES catalog_records (id) ON DELETE CASCADE,
            barcode     TEXT UNIQUE CHECK (barcode IS NULL OR barcode <> ''),
            location    TEXT NOT NULL DEFAULT '',
            call_number TEXT NOT NULL DEFAULT '',
            status      TEXT NOT NULL DEFAULT 'available'
                        CHECK (status IN ('available', 'on_loan', 'lost', 'withdrawn')),
            due_unix    INTEGER
        );
        CREATE INDEX catalog_copies_record ON catalog_copies (record_id);

        -- What search filters, counts facets and ranks availability by: one narrow row per
        -- record, kept by CatalogStore. Narrow rows pack densely, so joining thousands of matches
        -- to them stays cheap where the wide records table would not.
        CREATE TABLE catalog_facets (
            record_id     INTEGER PRIMARY KEY REFERENCES catalog_records (id) ON DELETE CASCADE,
            language      TEXT NOT NULL,
            year          INTEGER,
            material_type TEXT NOT NULL,
            available     INTEGER NOT NULL,  -- copies on the shelf
            on_loan       INTEGER NOT NULL,
            copies        INTEGER NOT NULL,  -- on the shelf or on loan (not lost, not withdrawn)
            locations     TEXT NOT NULL      -- their distinct locations, sorted, one per line
        );

        -- Full-text index, rowid = catalog_records.id, one row per record that is not withdrawn.
        -- Every column holds text already folded by catalog/text_fold (lower case, diacritics
        -- gone, words separated by single spaces), so the 'ascii' tokenizer splits exactly where
        -- our folding did and index and query can never disagree. `stems` holds the Indonesian
        -- roots of title, subject and series words that differ from the word itself (bertani ->
        -- tani) for the affix fallback. Prefix indexes make search-as-you-type prefixes cheap.
        CREATE VIRTUAL TABLE catalog_index USING fts5(
            title, authors, subjects, series, publisher, isbn, call_number, stems,
            tokenize = 'ascii', prefix = '1 2 3'
        );
        -- The index's vocabulary per column with document counts, for "did you mean".
        CREATE VIRTUAL TABLE catalog_index_vocab USING fts5vocab(catalog_index, 'col');

        -- Bumped by CatalogStore whenever the index changes, so search can keep a copy of the
        -- vocabulary in memory and know when it is stale (reading fts5vocab costs ~100 ms at
        -- 100k records). Not a trigger: a trigger makes every insert open a statement journal,
        -- and FTS5 flushes its pending index at each one, which made imports five times slower.
        CREATE TABLE catalog_state (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL
        );
        INSERT INTO catalog_state (id, generation) VALUES (1, 0);
    )sql"},
    {3, "staff PIN lock-out per role", R"sql(
        -- The admin and the librarian each have their own count of wrong PINs and lock-out, so a
        -- resident guessing at the library desk cannot lock the operator out (and the reverse).
        CREATE TABLE staff_pin_state (
            role            TEXT PRIMARY KEY CHECK (role IN ('admin', 'librarian')),
            failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
            locked_until    INTEGER NOT NULL DEFAULT 0,
            locked_at       INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        INSERT INTO staff_pin_state (role, failed_attempts, locked_until, locked_at)
            SELECT 'admin', failed_attempts, locked_until, locked_at FROM admin_pin_state;
        INSERT INTO staff_pin_state (role) VALUES ('librarian');
        DROP TABLE admin_pin_state;
    )sql"},
};

}  // namespace

std::span<const Migration> kiosk_migrations() { return kKioskMigrations; }

Database open_kiosk_database(const std::filesystem::path& data_dir) {
    ensure_private_dir(data_dir);
    return Database::open(data_dir / "kiosk.db", Durability::Full, kiosk_migrations());
}

}  // namespace desa::storage
