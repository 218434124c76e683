#include "catalog/union_catalog.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <set>

#include "catalog/catalog_index.hpp"
#include "catalog/text_fold.hpp"
#include "catalog/union_catalog_files.hpp"
#include "core/paths.hpp"
#include "sync/protocol.hpp"

namespace fs = std::filesystem;

namespace desa::catalog {

namespace {

using storage::Statement;
using namespace union_files;

// union.db's schema. Shipped migrations are history: append new ones, never edit these.
constexpr storage::Migration kUnionMigrations[] = {
    {1, "union catalogue", R"sql(
        -- What the other libraries of the province hold, from the hub's `catalog` channel
        -- (docs/sync-protocol.md "The catalog channel's files").
        CREATE TABLE catalog_union_libraries (
            id           INTEGER PRIMARY KEY,
            library_id   TEXT NOT NULL UNIQUE CHECK (length(library_id) BETWEEN 1 AND 64),
            name         TEXT NOT NULL CHECK (name <> ''),
            village_code TEXT NOT NULL,
            -- Leading parts of village_code shared with this kiosk's village: 3 the same kecamatan,
            -- 2 kabupaten, 1 province. The nearest library is named first.
            nearness     INTEGER NOT NULL DEFAULT 0 CHECK (nearness BETWEEN 0 AND 3)
        );
        -- A holding: one library's record with its counts, keyed by that library's control number.
        -- title_key (union_title_key: folded title + first author) groups editions into titles.
        CREATE TABLE catalog_union_records (
            id             INTEGER PRIMARY KEY,
            library        INTEGER NOT NULL REFERENCES catalog_union_libraries (id) ON DELETE CASCADE,
            control_number TEXT NOT NULL CHECK (control_number <> ''),
            title          TEXT NOT NULL CHECK (title <> ''),
            subtitle       TEXT NOT NULL DEFAULT '',
            authors        TEXT NOT NULL DEFAULT '',  -- one per line
            year           INTEGER,
            isbn           TEXT NOT NULL DEFAULT '',  -- the main ISBN-13; all of them in catalog_union_isbns
            publisher      TEXT NOT NULL DEFAULT '',
            language       TEXT NOT NULL DEFAULT '',
            material_type  TEXT NOT NULL DEFAULT 'book',
            copies         INTEGER NOT NULL CHECK (copies >= 0),
            available      INTEGER NOT NULL CHECK (available BETWEEN 0 AND copies),
            title_key      TEXT NOT NULL,
            UNIQUE (library, control_number)
        );
        CREATE INDEX catalog_union_records_title_key ON catalog_union_records (title_key);
        CREATE TABLE catalog_union_isbns (
            isbn   TEXT NOT NULL,
            record INTEGER NOT NULL REFERENCES catalog_union_records (id) ON DELETE CASCADE,
            PRIMARY KEY (isbn, record)
        ) WITHOUT ROWID;
        CREATE INDEX catalog_union_isbns_record ON catalog_union_isbns (record);
        -- The same columns and folding as catalog_index, so search builds one MATCH for both.
        CREATE VIRTUAL TABLE catalog_union_index USING fts5(
            title, authors, subjects, series, publisher, isbn, call_number, stems,
            tokenize = 'ascii', prefix = '1 2 3'
        );
        -- Which channel files are applied: the snapshot (its version and SHA-256: another hub's
        -- snapshot of the same number is another snapshot) and the last delta's version.
        CREATE TABLE catalog_union_state (
            id              INTEGER PRIMARY KEY CHECK (id = 1),
            base_version    INTEGER NOT NULL CHECK (base_version > 0),
            base_sha256     TEXT NOT NULL CHECK (length(base_sha256) = 64),
            applied_version INTEGER NOT NULL CHECK (applied_version >= base_version),
            applied_at      INTEGER NOT NULL
        );
    )sql"},
};

constexpr const char* kUnionFile = "union.db";

// How many leading parts of two Kemendagri codes agree ("18.01.04.2007" and "18.01.04.2001": 3),
// at most 3: the fourth is the village itself.
int nearness(std::string_view code, std::string_view own) {
    int parts = 0;
    while (parts < 3 && !code.empty() && !own.empty()) {
        const std::string_view a = code.substr(0, code.find('.')), b = own.substr(0, own.find('.'));
        if (a != b) break;
        ++parts;
        code.remove_prefix(std::min(code.size(), a.size() + 1));
        own.remove_prefix(std::min(own.size(), b.size() + 1));
    }
    return parts;
}

// The prepared statements of one apply, all inside its transaction.
class Writer {
public:
    explicit Writer(storage::Database& db)
        : db_(db),
          find_(db.prepare("SELECT id FROM catalog_union_records WHERE library = ?1 AND control_number = ?2")),
          insert_(db.prepare(
              "INSERT INTO catalog_union_records (library, control_number, title, subtitle, authors, year, isbn, "
              "publisher, language, material_type, copies, available, title_key) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")),
          update_(db.prepare(
              "UPDATE catalog_union_records SET title = ?3, subtitle = ?4, authors = ?5, year = ?6, isbn = ?7, "
              "publisher = ?8, language = ?9, material_type = ?10, copies = ?11, available = ?12, title_key = ?13 "
              "WHERE id = ?1")),
          delete_record_(db.prepare("DELETE FROM catalog_union_records WHERE id = ?1")),
          delete_isbns_(db.prepare("DELETE FROM catalog_union_isbns WHERE record = ?1")),
          insert_isbn_(db.prepare("INSERT OR IGNORE INTO catalog_union_isbns (isbn, record) VALUES (?1, ?2)")),
          delete_index_(db.prepare("DELETE FROM catalog_union_index WHERE rowid = ?1")),
          insert_index_(
              db.prepare("INSERT INTO catalog_union_index (rowid, title, authors, subjects, series, "
                         "publisher, isbn, call_number, stems) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")) {}

    void clear_all() {
        db_.exec(
            "DELETE FROM catalog_union_index; DELETE FROM catalog_union_isbns; "
            "DELETE FROM catalog_union_records; DELETE FROM catalog_union_libraries;");
    }

    // Makes the stored libraries exactly `libraries`; returns library_id -> row id. A library no
    // longer listed goes with its holdings.
    std::map<std::string, std::int64_t> set_libraries(const std::map<std::string, LibraryRow>& libraries,
                                                      std::string_view own_village_code) {
        std::map<std::string, std::int64_t> ids;
        Statement all = db_.prepare("SELECT id, library_id FROM catalog_union_libraries");
        std::vector<std::int64_t> gone;
        while (all.step()) {
            if (libraries.count(all.column_text(1)) == 0)
                gone.push_back(all.column_int64(0));
            else
                ids[all.column_text(1)] = all.column_int64(0);
        }
        for (std::int64_t id : gone) {
            for (const char* sql : {"DELETE FROM catalog_union_index WHERE rowid IN "
                                    "(SELECT id FROM catalog_union_records WHERE library = ?1)",
                                    "DELETE FROM catalog_union_isbns WHERE record IN "
                                    "(SELECT id FROM catalog_union_records WHERE library = ?1)",
                                    "DELETE FROM catalog_union_records WHERE library = ?1",
                                    "DELETE FROM catalog_union_libraries WHERE id = ?1"}) {
                Statement s = db_.prepare(sql);
                s.bind(1, id);
                s.step();
            }
        }
        Statement upsert = db_.prepare(
            "INSERT INTO catalog_union_libraries (library_id, name, village_code, nearness) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT (library_id) DO UPDATE SET name = excluded.name, village_code = excluded.village_code, "
            "nearness = excluded.nearness RETURNING id");
        for (const auto& [id, lib] : libraries) {
            upsert.reset();
            upsert.bind(1, lib.library_id).bind(2, lib.name).bind(3, lib.village_code);
            upsert.bind(4, nearness(lib.village_code, own_village_code));
            upsert.step();
            ids[id] = upsert.column_int64(0);
            while (upsert.step()) {
            }
        }
        return ids;
    }

    std::optional<std::int64_t> find(std::int64_t library, const std::string& control_number) {
        find_.reset();
        find_.bind(1, library).bind(2, control_number);
        std::optional<std::int64_t> id;
        if (find_.step()) id = find_.column_int64(0);
        find_.reset();  // no statement left open at COMMIT
        return id;
    }

    void upsert(std::int64_t library, HoldingRow& row) {
        const Record& r = row.record;
        const auto existing = find(library, row.control_number);
        Statement& s = existing ? update_ : insert_;
        s.reset();
        s.bind(1, existing ? *existing : library).bind(2, row.control_number).bind(3, r.title).bind(4, r.subtitle);
        s.bind(5, index::join_lines(r.authors));
        if (r.year)
            s.bind(6, *r.year);
        else
            s.bind_null(6);
        s.bind(7, r.isbns.empty() ? std::string() : r.isbns.front()).bind(8, r.publisher).bind(9, r.language);
        s.bind(10, r.material_type).bind(11, row.copies).bind(12, row.available);
        s.bind(13, union_title_key(r.title, r.authors));
        s.step();
        // Not RETURNING: SQLite runs it as a trigger, and every trigger opens a statement journal at
        // which FTS5 flushes its pending index (the import's lesson, catalog_store.hpp): 2x slower.
        const std::int64_t id = existing ? *existing : sqlite3_last_insert_rowid(db_.handle());
        if (existing) remove_children(id);
        for (const auto& isbn : r.isbns) {
            insert_isbn_.reset();
            insert_isbn_.bind(1, isbn).bind(2, id);
            insert_isbn_.step();
        }
        const index::Row fts = index::make_row(r, {}, stems_);
        insert_index_.reset();
        insert_index_.bind(1, id);
        for (int c = 0; c < index::kColumnCount; ++c) insert_index_.bind(c + 2, fts.text[static_cast<std::size_t>(c)]);
        insert_index_.step();
    }

    bool remove(std::int64_t library, const std::string& control_number) {
        const auto id = find(library, control_number);
        if (!id) return false;
        remove_children(*id);
        delete_record_.reset();
        delete_record_.bind(1, *id);
        delete_record_.step();
        return true;
    }

private:
    void remove_children(std::int64_t id) {
        delete_isbns_.reset();
        delete_isbns_.bind(1, id);
        delete_isbns_.step();
        delete_index_.reset();
        delete_index_.bind(1, id);
        delete_index_.step();
    }

    storage::Database& db_;
    Statement find_, insert_, update_, delete_record_, delete_isbns_, insert_isbn_, delete_index_, insert_index_;
    index::StemCache stems_;
};

struct Apply {
    storage::Database& db;
    std::string own_village_code;
    UnionApplyReport& report;
    std::map<std::string, std::int64_t> library_ids;  // stored libraries
    std::set<std::string> own_libraries;              // listed with our village code

    void skip(const fs::path& file, std::size_t line, std::string reason) {
        ++report.skipped_total;
        if (report.skipped.size() < UnionApplyReport::kMaxListed)
            report.skipped.push_back({file.filename().string(), line, std::move(reason)});
    }

    void libraries(Writer& w, const fs::path& file) {
        const MappedFile mapped(file);
        std::map<std::string, LibraryRow> listed;
        read_libraries(
            mapped.text(),
            [&](LibraryRow&& lib, std::size_t line) {
                if (listed.count(lib.library_id) != 0 || own_libraries.count(lib.library_id) != 0)
                    return skip(file, line, "library_id '" + lib.library_id + "' listed twice");
                if (!own_village_code.empty() && lib.village_code == own_village_code)
                    own_libraries.insert(lib.library_id);
                else
                    listed.emplace(lib.library_id, std::move(lib));
            },
            [&](RowProblem&& p) { skip(file, p.line, std::move(p.reason)); });
        library_ids = w.set_libraries(listed, own_village_code);
    }

    void holdings(Writer& w, const fs::path& file, bool delta) {
        const MappedFile mapped(file);
        read_holdings(
            mapped.text(), delta,
            [&](HoldingRow&& row, std::size_t line) {
                const auto lib = library_ids.find(row.library_id);
                if (lib == library_ids.end()) {
                    if (own_libraries.count(row.library_id) != 0)
                        ++report.own_rows;
                    else
                        skip(file, line, "library_id '" + row.library_id + "' is not in libraries.csv");
                    return;
                }
                if (row.op == RowOp::Upsert) {
                    w.upsert(lib->second, row);
                    ++report.upserted;
                } else if (w.remove(lib->second, row.control_number)) {
                    ++report.deleted;
                } else {
                    skip(file, line,
                         "delete: library '" + row.library_id + "' has no record '" + row.control_number + "'");
                }
            },
            [&](RowProblem&& p) { skip(file, p.line, std::move(p.reason)); });
    }

    void totals() {
        Statement s = db.prepare(
            "SELECT (SELECT count(*) FROM catalog_union_libraries), count(*), count(DISTINCT title_key), "
            "coalesce(sum(copies), 0), coalesce(sum(available), 0) FROM catalog_union_records");
        s.step();
        report.libraries = static_cast<std::size_t>(s.column_int64(0));
        report.records = static_cast<std::size_t>(s.column_int64(1));
        report.titles = static_cast<std::size_t>(s.column_int64(2));
        report.copies = s.column_int64(3);
        report.available = s.column_int64(4);
    }
};

}  // namespace

std::string union_title_key(std::string_view title, const std::vector<std::string>& authors) {
    std::string key = fold_text(title);
    key += '|';
    if (!authors.empty()) {
        std::vector<std::string> words = fold_words(authors.front());
        std::sort(words.begin(), words.end());
        for (std::size_t i = 0; i < words.size(); ++i) key += (i ? " " : "") + words[i];
    }
    return key;
}

storage::Database open_union_database(const fs::path& data_dir, bool full_check) {
    ensure_private_dir(data_dir);
    // Without the full check only the schema is read: every table is "deferred", and no background
    // check is started for this file (a broken one shows as errors, which readers survive).
    storage::OpenOptions options;
    if (!full_check) options.deferred_check_prefixes = {"catalog_union_", "schema_migrations", "settings"};
    return storage::Database::open(data_dir / kUnionFile, storage::Durability::Normal, kUnionMigrations, options);
}

bool attach_union_catalog(storage::Database& db, const fs::path& data_dir) {
    try {
        open_union_database(data_dir, false);  // created and migrated; closed again
        // Read-only: BEGIN IMMEDIATE takes a write lock on every database attached read-write, so
        // each kiosk.db transaction would otherwise wait for a union apply in progress.
        std::string uri = "file:";
        for (const unsigned char c : fs::absolute(data_dir / kUnionFile).string()) {
            if (std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~') {
                uri += static_cast<char>(c);
            } else {
                char hex[4];
                std::snprintf(hex, sizeof hex, "%%%02X", c);
                uri += hex;
            }
        }
        Statement s = db.prepare("ATTACH DATABASE ?1 AS " + std::string(kUnionSchemaName));
        s.bind(1, uri + "?mode=ro");
        s.step();
        // Its own page cache (SQLite's 2 MB default is per attached file): the index pages a
        // search walks stay at hand, as kiosk.db's do (kiosk_context.cpp).
        db.exec("PRAGMA " + std::string(kUnionSchemaName) + ".cache_size=-4096");
        return true;
    } catch (const storage::StorageError& e) {
        spdlog::warn("union catalogue left out: {}", e.what());
        return false;
    }
}

UnionApplyReport install_union_catalog(const fs::path& data_dir, const fs::path& channel_dir,
                                       std::string_view own_village_code) {
    std::optional<storage::Database> db;
    try {
        db.emplace(open_union_database(data_dir));
    } catch (const storage::StorageError& e) {
        // Content, not resident data: set the file aside (for a look) and build it again.
        spdlog::warn("{}; set aside as {}.broken, the union catalogue is rebuilt", e.what(), kUnionFile);
        std::error_code ec;
        fs::rename(data_dir / kUnionFile, data_dir / (std::string(kUnionFile) + ".broken"), ec);
        for (const char* suffix : {"-wal", "-shm"}) fs::remove(data_dir / (std::string(kUnionFile) + suffix), ec);
        try {
            db.emplace(open_union_database(data_dir));
        } catch (const storage::StorageError& again) {
            UnionApplyReport failed;
            failed.error = again.what();
            return failed;
        }
    }
    auto report = apply_union_catalog(*db, channel_dir, own_village_code);
    // A snapshot passes through the WAL whole (80 MB per 100k holdings); give the space back now
    // rather than keep it until the next apply. Readers in the way only make it partial.
    try {
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const storage::StorageError& e) {
        spdlog::debug("union.db checkpoint: {}", e.what());
    }
    if (report.ok())
        spdlog::info("union catalogue: {} libraries, {} titles, {} rows applied, {} skipped ({:.2f} s)",
                     report.libraries, report.titles, report.upserted + report.deleted, report.skipped_total,
                     report.seconds);
    return report;
}

std::optional<UnionState> union_catalog_state(storage::Database& db) {
    Statement s = db.prepare(
        "SELECT base_version, applied_version, applied_at, base_sha256 FROM catalog_union_state WHERE id = 1");
    if (!s.step()) return std::nullopt;
    return UnionState{s.column_int64(0), s.column_int64(1), s.column_int64(2), s.column_text(3)};
}

UnionApplyReport apply_union_catalog(storage::Database& db, const fs::path& dir, std::string_view own_village_code) {
    const auto started = std::chrono::steady_clock::now();
    UnionApplyReport report;
    try {
        const ChannelFiles files = list_channel_files(dir);
        for (const auto& name : files.ignored) report.notes.push_back("ignored: " + name);
        const auto state = union_catalog_state(db);
        const std::string base_sha = sync::sha256_hex(MappedFile(files.snapshot).text());
        report.rebuilt = !state || state->base_version != files.base_version || state->base_sha256 != base_sha;
        std::int64_t applied = report.rebuilt ? files.base_version : state->applied_version;

        storage::Transaction tx(db);
        Writer w(db);
        if (report.rebuilt) w.clear_all();
        Apply a{db, std::string(own_village_code), report, {}, {}};
        a.libraries(w, files.libraries);
        if (report.rebuilt) a.holdings(w, files.snapshot, false);
        for (const auto& [version, path] : files.deltas) {
            if (version <= applied) continue;
            a.holdings(w, path, true);
            applied = version;
            ++report.deltas_applied;
        }
        Statement s = db.prepare(
            "INSERT INTO catalog_union_state (id, base_version, applied_version, applied_at, base_sha256) "
            "VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET base_version = ?1, applied_version = ?2, "
            "applied_at = ?3, base_sha256 = ?4");
        s.bind(1, files.base_version).bind(2, applied).bind(3, static_cast<std::int64_t>(std::time(nullptr)));
        s.bind(4, base_sha);
        s.step();
        a.totals();
        tx.commit();
        report.base_version = files.base_version;
        report.applied_version = applied;
    } catch (const std::exception& e) {  // UnionFormatError, StorageError: the transaction rolled back
        UnionApplyReport failed;
        failed.error = e.what();
        failed.notes = std::move(report.notes);
        report = std::move(failed);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

std::string describe(const UnionApplyReport& r) {
    std::string out;
    for (const auto& note : r.notes) out += "note: " + note + "\n";
    if (!r.ok()) return out + "error: " + r.error + "\nthe union catalogue was not changed\n";
    out += std::string(r.rebuilt ? "rebuilt from snapshot " : "snapshot ") + std::to_string(r.base_version) +
           ", applied up to version " + std::to_string(r.applied_version) + " (" + std::to_string(r.deltas_applied) +
           " delta(s))\n";
    out += "rows: " + std::to_string(r.upserted) + " upserted, " + std::to_string(r.deleted) + " deleted, " +
           std::to_string(r.own_rows) + " of this village's own library left out, " + std::to_string(r.skipped_total) +
           " skipped\n";
    for (const auto& s : r.skipped)
        out += "  skipped: " + s.file + " line " + std::to_string(s.line) + ": " + s.reason + "\n";
    if (r.skipped_total > r.skipped.size())
        out += "  ... and " + std::to_string(r.skipped_total - r.skipped.size()) + " more\n";
    out += "union catalogue: " + std::to_string(r.libraries) + " libraries, " + std::to_string(r.records) +
           " records, " + std::to_string(r.titles) + " titles, " + std::to_string(r.copies) + " copies (" +
           std::to_string(r.available) + " on the shelf)\n";
    char took[32];
    std::snprintf(took, sizeof took, "%.2f", r.seconds);
    out += "took " + std::string(took) + " s\n";
    return out;
}

std::vector<LibraryHolding> holdings_elsewhere(storage::Database& db, const Record& record) try {
    // ISBN matches, plus title-and-author matches where one side has no ISBN to tell editions apart.
    Statement s = db.prepare(
        "SELECT l.library_id, l.name, l.village_code, sum(r.available), sum(r.copies) "
        "FROM catalog_union_records r JOIN catalog_union_libraries l ON l.id = r.library "
        "WHERE r.id IN (SELECT record FROM catalog_union_isbns WHERE isbn IN (SELECT value FROM json_each(?1))) "
        "OR (r.title_key = ?2 AND (?3 = 0 OR r.isbn = '')) "
        "GROUP BY l.id HAVING sum(r.copies) > 0 ORDER BY sum(r.available) > 0 DESC, l.nearness DESC, l.name, "
        "l.library_id");
    s.bind(1, nlohmann::json(record.isbns).dump());
    s.bind(2, union_title_key(record.title, record.authors));
    s.bind(3, record.isbns.empty() ? 0 : 1);
    std::vector<LibraryHolding> out;
    while (s.step())
        out.push_back({s.column_text(0), s.column_text(1), s.column_text(2), static_cast<int>(s.column_int64(3)),
                       static_cast<int>(s.column_int64(4))});
    return out;
} catch (const storage::StorageError& e) {
    // Not attached, or broken: the record screen shows this library's copies only.
    spdlog::debug("holdings elsewhere: {}", e.what());
    return {};
}

}  // namespace desa::catalog
