#include "db/hub_schema.hpp"

#include <array>
#include <ctime>

namespace desa::hub {
namespace {

// Kept to the dialect both backends share. Times are unix seconds (BIGINT). The status feed's
// sequence comes from the counters table: the row lock taken by its UPDATE orders the numbers
// by commit, so a kiosk reading "after N" never skips a number committed later.
constexpr std::string_view kV1 = R"SQL(
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  parent_code TEXT NOT NULL,
  level TEXT NOT NULL,
  name TEXT NOT NULL
);
CREATE TABLE kiosks (
  id TEXT PRIMARY KEY,
  village_code TEXT NOT NULL,
  name TEXT NOT NULL,
  public_key TEXT NOT NULL UNIQUE,
  enrolled_at BIGINT NOT NULL,
  revoked_at BIGINT,
  last_seen BIGINT
);
CREATE INDEX kiosks_village ON kiosks (village_code);
CREATE TABLE enrol_codes (
  code TEXT PRIMARY KEY,
  village_code TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  kiosk_id TEXT
);
CREATE TABLE nonces (
  kiosk_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (kiosk_id, nonce)
);
CREATE INDEX nonces_seen_at ON nonces (seen_at);
CREATE TABLE records (
  uuid TEXT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  payload TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX records_kiosk ON records (kiosk_id, received_at);
CREATE INDEX records_channel ON records (channel, received_at);
CREATE TABLE outbox_conflicts (
  uuid TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  payload TEXT NOT NULL,
  first_seen BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  times_seen BIGINT NOT NULL,
  PRIMARY KEY (uuid, content_sha256)
);
CREATE TABLE aspirations (
  tracking_code TEXT PRIMARY KEY,
  record_uuid TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  village_code TEXT NOT NULL,
  type TEXT NOT NULL,
  category TEXT NOT NULL,
  identity TEXT NOT NULL,
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  status_at BIGINT NOT NULL
);
CREATE INDEX aspirations_village ON aspirations (village_code);
CREATE INDEX aspirations_kiosk ON aspirations (kiosk_id);
CREATE TABLE status_updates (
  seq BIGINT PRIMARY KEY,
  kiosk_id TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  status TEXT NOT NULL,
  at BIGINT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX status_updates_kiosk ON status_updates (kiosk_id, seq);
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('status_seq', 0);
CREATE TABLE channels (
  name TEXT PRIMARY KEY,
  version BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE manifests (
  channel TEXT NOT NULL,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (channel, version)
);
CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  stored_at BIGINT NOT NULL
);
CREATE TABLE manifest_files (
  channel TEXT NOT NULL,
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  PRIMARY KEY (channel, version, name)
)
)SQL";

// The union catalogue as last published on the `catalog` channel (model/union_publish.hpp): each
// library and each holding's row exactly as written into the channel's files, so the next publish
// writes only the rows that changed (the delta) and a new snapshot needs no source file.
// counters.union_version: the channel version these tables describe.
constexpr std::string_view kV2 = R"SQL(
CREATE TABLE union_libraries (
  library_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  village_code TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE union_holdings (
  library_id TEXT NOT NULL,
  control_number TEXT NOT NULL,
  row_csv TEXT NOT NULL,
  version BIGINT NOT NULL,
  PRIMARY KEY (library_id, control_number)
);
INSERT INTO counters (name, value) VALUES ('union_version', 0)
)SQL";

// Appointments booked at the hub for a village office's queue (model/queue_appointments.hpp): the
// signed QR text is kept as issued, so a list can print it again.
constexpr std::string_view kV3 = R"SQL(
CREATE TABLE queue_appointments (
  id TEXT PRIMARY KEY,
  village_code TEXT NOT NULL,
  service_id TEXT NOT NULL,
  valid_from BIGINT NOT NULL,
  valid_until BIGINT NOT NULL,
  note TEXT NOT NULL,
  qr TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX queue_appointments_village ON queue_appointments (village_code, valid_from)
)SQL";

// The last heartbeat of each kiosk (model/heartbeats.hpp), kept beside its record so `kiosk list`
// needs no scan of the records table, and an index for reports that read one channel by time.
constexpr std::string_view kV4 = R"SQL(
CREATE TABLE kiosk_heartbeats (
  kiosk_id TEXT PRIMARY KEY,
  record_uuid TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  kiosk_version TEXT NOT NULL,
  schema_version BIGINT NOT NULL,
  uptime_s BIGINT NOT NULL,
  disk_free_bytes BIGINT,
  pending_outbox BIGINT NOT NULL,
  last_sync_at BIGINT,
  catalogue_size BIGINT NOT NULL,
  queue_waiting BIGINT NOT NULL
);
CREATE INDEX records_channel_created ON records (channel, created_at)
)SQL";

// Each learner's progress per lesson merged from every kiosk's lesson_progress records
// (model/lesson_progress.hpp, the same merge as the kiosk's lessons::merge): served back to any
// kiosk where the learner's card is scanned. Keyed by the learner code alone: it opens no
// personal data. mastered is 0 or 1.
constexpr std::string_view kV5 = R"SQL(
CREATE TABLE lesson_progress (
  learner TEXT NOT NULL,
  course TEXT NOT NULL,
  lesson TEXT NOT NULL,
  position BIGINT NOT NULL,
  best_score BIGINT NOT NULL,
  round_size BIGINT NOT NULL,
  mastered BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  merged_at BIGINT NOT NULL,
  PRIMARY KEY (learner, course, lesson)
)
)SQL";

constexpr std::array<HubMigration, 5> kMigrations{{{1, "initial hub schema", kV1},
                                                   {2, "union catalogue state", kV2},
                                                   {3, "queue appointments", kV3},
                                                   {4, "kiosk heartbeats", kV4},
                                                   {5, "merged lesson progress", kV5}}};

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at BIGINT NOT NULL)";

}  // namespace

std::span<const HubMigration> hub_migrations() { return kMigrations; }

int schema_version(SqlDb& db) {
    db.script(kCreateMigrationsTable);
    const auto rows = db.query("SELECT max(version) FROM schema_migrations");
    return rows.empty() || rows[0].is_null(0) ? 0 : static_cast<int>(rows[0].int64(0));
}

int migrate(SqlDb& db) {
    const int known = kMigrations.back().version;
    int version = schema_version(db);
    if (version > known)
        throw DbError("the database has schema version " + std::to_string(version) + ", newer than this desa-hub (" +
                      std::to_string(known) + "): upgrade desa-hub");
    for (const auto& m : kMigrations) {
        if (m.version <= version) continue;
        SqlTransaction tx(db);
        db.lock_for_migration();
        // Another process may have applied it while we waited for the lock.
        const auto done = db.query("SELECT count(*) FROM schema_migrations WHERE version = $1",
                                   {static_cast<std::int64_t>(m.version)});
        if (done.at(0).int64(0) == 0) {
            db.script(m.sql);
            db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                       {static_cast<std::int64_t>(m.version), std::string(m.name),
                        static_cast<std::int64_t>(std::time(nullptr))});
        }
        tx.commit();
        version = m.version;
    }
    return version;
}

}  // namespace desa::hub
