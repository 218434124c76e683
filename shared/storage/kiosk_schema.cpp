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
    {4, "library lending", R"sql(
        -- Library members. Name and phone are resident data: stored only sealed (nonce + secretbox,
        -- lending/member_vault), so the columns refuse anything but a blob of a sealed size. The card
        -- code is a random number (lending/member_card), not personal data.
        CREATE TABLE lending_members (
            id            INTEGER PRIMARY KEY,
            card_code     TEXT NOT NULL UNIQUE
                          CHECK (length(card_code) = 9 AND card_code NOT GLOB '*[^23456789ABCDEFGHJKMNPQRSTUVWXYZ]*'),
            name_sealed   BLOB NOT NULL CHECK (typeof(name_sealed) = 'blob' AND length(name_sealed) >= 42),
            phone_sealed  BLOB CHECK (phone_sealed IS NULL OR
                                      (typeof(phone_sealed) = 'blob' AND length(phone_sealed) >= 49)),
            blocked       INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
            registered_at INTEGER NOT NULL,
            updated_at    INTEGER NOT NULL
        );

        -- Loans: a row per check-out, closed by returned_at. One open loan per copy at most. Times
        -- are wall-clock unix seconds from a clock checked to be plausible (not 1970).
        CREATE TABLE lending_loans (
            id             INTEGER PRIMARY KEY,
            member_id      INTEGER NOT NULL REFERENCES lending_members (id),
            copy_id        INTEGER NOT NULL REFERENCES catalog_copies (id),
            checked_out_at INTEGER NOT NULL,
            due_at         INTEGER NOT NULL CHECK (due_at > checked_out_at),
            renewals       INTEGER NOT NULL DEFAULT 0 CHECK (renewals >= 0),
            returned_at    INTEGER CHECK (returned_at IS NULL OR returned_at >= checked_out_at)
        );
        CREATE UNIQUE INDEX lending_loans_open_copy ON lending_loans (copy_id) WHERE returned_at IS NULL;
        CREATE INDEX lending_loans_open_member ON lending_loans (member_id) WHERE returned_at IS NULL;
        CREATE INDEX lending_loans_open_due ON lending_loans (due_at) WHERE returned_at IS NULL;

        -- The member-data key, wrapped by a key derived from the librarian PIN (Argon2id with this
        -- salt and these limits). province_sealed_key: the same key sealed to the province's public
        -- key, for recovery (filled by the sync feature; NULL until then).
        CREATE TABLE lending_vault (
            id                  INTEGER PRIMARY KEY CHECK (id = 1),
            kdf_salt            BLOB NOT NULL CHECK (length(kdf_salt) = 16),
            kdf_opslimit        INTEGER NOT NULL CHECK (kdf_opslimit > 0),
            kdf_memlimit        INTEGER NOT NULL CHECK (kdf_memlimit > 0),
            wrapped_key         BLOB NOT NULL CHECK (length(wrapped_key) = 72),
            province_sealed_key BLOB,
            created_at          INTEGER NOT NULL,
            rewrapped_at        INTEGER
        );
    )sql"},
    {5, "outbox and aspirations", R"sql(
        -- Everything to deliver to the hub, append-only (sync/outbox.hpp). seq keeps the order of
        -- creation even if the wall clock jumps; the payload is never changed after insert.
        CREATE TABLE outbox (
            seq        INTEGER PRIMARY KEY,
            uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
            channel    TEXT NOT NULL CHECK (channel <> ''),
            created_at INTEGER NOT NULL,
            payload    TEXT NOT NULL CHECK (json_valid(payload)),
            sent_at    INTEGER
        );
        CREATE INDEX outbox_pending ON outbox (channel, seq) WHERE sent_at IS NULL;
        CREATE TRIGGER outbox_append_only BEFORE UPDATE OF seq, uuid, channel, created_at, payload ON outbox
        BEGIN
            SELECT RAISE(ABORT, 'outbox records are append-only');
        END;
        CREATE TRIGGER outbox_keep_unsent BEFORE DELETE ON outbox WHEN OLD.sent_at IS NULL
        BEGIN
            SELECT RAISE(ABORT, 'an unsent outbox record cannot be deleted');
        END;

        -- What the kiosk itself knows of each submission, for tracking and `aspirations list`.
        -- No personal data: that is sealed inside the outbox payload only.
        CREATE TABLE aspirations (
            tracking_code TEXT PRIMARY KEY CHECK (length(tracking_code) = 11),
            outbox_uuid   TEXT NOT NULL UNIQUE REFERENCES outbox (uuid),
            created_at    INTEGER NOT NULL,
            kind          TEXT NOT NULL CHECK (kind IN ('aspirasi', 'pengaduan', 'informasi', 'evaluasi')),
            category      TEXT NOT NULL,
            title         TEXT NOT NULL,
            identity      TEXT NOT NULL CHECK (identity IN ('anonim', 'rahasia', 'nama')),
            has_photo     INTEGER NOT NULL CHECK (has_photo IN (0, 1)),
            content_hash  TEXT NOT NULL  -- of type, category, title and text: exact duplicates
        ) WITHOUT ROWID;
        CREATE INDEX aspirations_by_time ON aspirations (created_at);
        CREATE INDEX aspirations_by_content ON aspirations (content_hash, created_at);
        CREATE TRIGGER aspirations_append_only BEFORE UPDATE ON aspirations
        BEGIN
            SELECT RAISE(ABORT, 'a submitted aspiration is never edited');
        END;

        -- The status timeline after "received at the kiosk": sent (on the hub's ack), then what
        -- the hub reports (verified, forwarded, answered, closed) with an answer text.
        CREATE TABLE aspiration_status (
            tracking_code TEXT NOT NULL REFERENCES aspirations (tracking_code),
            status        TEXT NOT NULL CHECK (status IN ('sent', 'verified', 'forwarded', 'answered', 'closed')),
            at            INTEGER NOT NULL,
            answer        TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (tracking_code, status)
        ) WITHOUT ROWID;
    )sql"},
    {6, "sync with the hub", R"sql(
        -- The enrolment (sync/sync_store.hpp): at most one row. The province keys are pinned here;
        -- the kiosk's own secret key is a 0600 file beside the database, never in it.
        CREATE TABLE sync_identity (
            id                INTEGER PRIMARY KEY CHECK (id = 1),
            kiosk_id          TEXT NOT NULL CHECK (kiosk_id <> ''),
            hub_url           TEXT NOT NULL CHECK (hub_url <> ''),
            village_code      TEXT NOT NULL,
            province_sign_key TEXT NOT NULL CHECK (length(province_sign_key) = 44),
            province_seal_key TEXT NOT NULL CHECK (length(province_seal_key) = 44),
            enrolled_at       INTEGER NOT NULL
        );
        -- Small facts of the sync engine: the last status update seen, the clock correction, the
        -- last success per channel, the last error (no personal data).
        CREATE TABLE sync_state (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        -- The content version in use per channel, switched in one transaction once every file of
        -- the new version is on disk and verified.
        CREATE TABLE content_channels (
            channel      TEXT PRIMARY KEY CHECK (channel <> ''),
            version      INTEGER NOT NULL CHECK (version > 0),
            dir          TEXT NOT NULL,
            installed_at INTEGER NOT NULL
        ) WITHOUT ROWID;
    )sql"},
    {7, "queue tickets", R"sql(
        -- Queue tickets (queue/ticket_queue.hpp). No personal data: a ticket is a number, a
        -- service and times. service_day is the local date (YYYYMMDD) it was issued: numbers
        -- restart each day, so a number is unique only within its day.
        CREATE TABLE queue_tickets (
            id                INTEGER PRIMARY KEY,
            service_day       INTEGER NOT NULL CHECK (service_day BETWEEN 20000101 AND 29991231),
            number            TEXT NOT NULL CHECK (length(number) = 4 AND number GLOB '[A-Z][0-9][0-9][0-9]'),
            service_id        TEXT NOT NULL CHECK (service_id <> ''),
            issued_service_id TEXT NOT NULL CHECK (issued_service_id <> ''),
            lane              INTEGER NOT NULL CHECK (lane IN (0, 1, 2)),
            appointment_id    TEXT CHECK (appointment_id IS NULL OR appointment_id <> ''),
            state             TEXT NOT NULL
                              CHECK (state IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
            issued_at         INTEGER NOT NULL,
            counter           INTEGER,
            called_at         INTEGER,
            serving_at        INTEGER,
            finished_at       INTEGER,
            recalls           INTEGER NOT NULL DEFAULT 0 CHECK (recalls >= 0),
            UNIQUE (service_day, number)
        );
        -- An appointment checks in once.
        CREATE UNIQUE INDEX queue_tickets_appointment ON queue_tickets (appointment_id)
            WHERE appointment_id IS NOT NULL;
        -- "Call next" and positions: a day's waiting tickets of a service in calling order.
        CREATE INDEX queue_tickets_line ON queue_tickets (service_day, service_id, lane DESC, issued_at, id)
            WHERE state = 'waiting';
        -- Wait estimates: the latest finished tickets of a service.
        CREATE INDEX queue_tickets_finished ON queue_tickets (service_id, finished_at) WHERE state = 'done';

        -- Every transition with the counter and the time: who called, served or transferred what.
        CREATE TABLE queue_ticket_events (
            id         INTEGER PRIMARY KEY,
            ticket_id  INTEGER NOT NULL REFERENCES queue_tickets (id),
            action     TEXT NOT NULL
                       CHECK (action IN ('issue', 'call', 'recall', 'serving', 'done', 'no_show', 'cancel', 'transfer')),
            from_state TEXT,
            to_state   TEXT NOT NULL,
            counter    INTEGER,
            service_id TEXT NOT NULL,
            at         INTEGER NOT NULL
        );
        CREATE INDEX queue_ticket_events_ticket ON queue_ticket_events (ticket_id);
        CREATE TRIGGER queue_ticket_events_append_only BEFORE UPDATE ON queue_ticket_events
        BEGIN
            SELECT RAISE(ABORT, 'queue ticket events are append-only');
        END;
    )sql"},
    {8, "lending renewals", R"sql(
        -- When each renewal happened (lending/loans.hpp renew): lending_loans keeps only a count,
        -- and the daily lending statistics (lending/lending_stats.hpp) count renewals per day. No
        -- member here: the loan row says whose it is.
        CREATE TABLE lending_renewals (
            id         INTEGER PRIMARY KEY,
            loan_id    INTEGER NOT NULL REFERENCES lending_loans (id),
            renewed_at INTEGER NOT NULL
        );
        CREATE INDEX lending_renewals_at ON lending_renewals (renewed_at);
    )sql"},
    {9, "lesson progress", R"sql(
        -- Internet-literacy lessons (lessons/progress_store.hpp). A learner is a card code, never a
        -- name: nothing here is personal data. Progress is one row per learner and lesson, merged
        -- (best score, mastered once mastered, newest position) with what the hub knows.
        CREATE TABLE lesson_learners (
            code         TEXT PRIMARY KEY,
            created_at   INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL
        );
        CREATE TABLE lesson_progress (
            learner     TEXT NOT NULL,
            course      TEXT NOT NULL,
            lesson      TEXT NOT NULL,
            position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
            best_score  INTEGER NOT NULL DEFAULT 0 CHECK (best_score >= 0),
            round_size  INTEGER NOT NULL DEFAULT 0 CHECK (round_size >= 0),
            mastered    INTEGER NOT NULL DEFAULT 0 CHECK (mastered IN (0, 1)),
            updated_at  INTEGER NOT NULL,
            PRIMARY KEY (learner, course, lesson)
        );
        -- Every quiz answer given on this kiosk, for the operator's figures (hardest questions)
        -- and the daily statistics sent to the hub.
        CREATE TABLE lesson_answers (
            id        INTEGER PRIMARY KEY,
            learner   TEXT NOT NULL,
            course    TEXT NOT NULL,
            lesson    TEXT NOT NULL,
            question  TEXT NOT NULL,
            correct   INTEGER NOT NULL CHECK (correct IN (0, 1)),
            at        INTEGER NOT NULL
        );
        CREATE INDEX lesson_answers_at ON lesson_answers (at);
        -- Certificates issued here: who (card code), which course, when. The display name printed on
        -- the certificate is not kept.
        CREATE TABLE lesson_certificates (
            id         INTEGER PRIMARY KEY,
            learner    TEXT NOT NULL,
            course     TEXT NOT NULL,
            issued_at  INTEGER NOT NULL
        );
    )sql"},
};

}  // namespace

std::span<const Migration> kiosk_migrations() { return kKioskMigrations; }

Database open_kiosk_database(const std::filesystem::path& data_dir) {
    ensure_private_dir(data_dir);
    return Database::open(data_dir / "kiosk.db", Durability::Full, kiosk_migrations());
}

}  // namespace desa::storage
