#pragma once
// The hub's schema as numbered migrations, the same SQL text on SQLite and PostgreSQL.
#include <span>
#include <string_view>

#include "db/sql_db.hpp"

namespace desa::hub {

struct HubMigration {
    int version;
    std::string_view name;
    std::string_view sql;
};

std::span<const HubMigration> hub_migrations();

// Applies the migrations the database lacks, each in its own transaction; a second call (or a
// second process) finds nothing to do. Throws DbError when the database has a newer schema than
// this program knows: an older hub must not write into it. Returns the schema version.
int migrate(SqlDb& db);
int schema_version(SqlDb& db);  // 0 for an empty database

}  // namespace desa::hub
