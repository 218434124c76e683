#pragma once
// The hub tests run against every backend available: a fresh SQLite file always, and PostgreSQL
// when DESA_TEST_PG_URL names a server (.ci/run starts a throw-away cluster). Each PostgreSQL
// test gets its own schema (through the URL's search_path), dropped afterwards, so tests may run
// in parallel against one server.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "db/hub_schema.hpp"
#include "db/sql_db.hpp"
#include "shared/test_support.hpp"
#include "sync/protocol.hpp"

namespace desa::hub::test {

struct TestBackend {
    std::string label;  // "sqlite" or "postgresql"
    std::string url;    // what --db takes
    std::string pg_admin_url;
    std::string pg_schema;
    std::shared_ptr<desa::test::TempDir> dir;  // the SQLite file's directory

    TestBackend() = default;
    TestBackend(TestBackend&&) = default;
    TestBackend& operator=(TestBackend&&) = default;
    ~TestBackend() {
        if (pg_schema.empty()) return;
        try {
            open_sql_db(pg_admin_url)->script("DROP SCHEMA IF EXISTS " + pg_schema + " CASCADE");
        } catch (...) {
        }
    }
    std::unique_ptr<SqlDb> open() const { return open_sql_db(url); }
    std::unique_ptr<SqlDb> open_migrated() const {
        auto db = open();
        migrate(*db);
        return db;
    }
};

inline std::string pg_url_with_schema(const std::string& base, const std::string& schema) {
    return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

inline std::vector<TestBackend> test_backends() {
    std::vector<TestBackend> out;
    TestBackend sqlite;
    sqlite.label = "sqlite";
    sqlite.dir = std::make_shared<desa::test::TempDir>();
    sqlite.url = "sqlite:" + (sqlite.dir->path() / "hub.db").string();
    out.push_back(std::move(sqlite));

    const char* pg = std::getenv("DESA_TEST_PG_URL");
    if (pg == nullptr || *pg == '\0') {
        WARN("DESA_TEST_PG_URL is not set: PostgreSQL backend NOT tested (SQLite only)");
        return out;
    }
    TestBackend p;
    p.label = "postgresql";
    p.pg_admin_url = pg;
    p.pg_schema = "hubtest_" + sync::random_nonce_hex().substr(0, 16);
    open_sql_db(p.pg_admin_url)->script("CREATE SCHEMA " + p.pg_schema);
    p.url = pg_url_with_schema(p.pg_admin_url, p.pg_schema);
    out.push_back(std::move(p));
    return out;
}

}  // namespace desa::hub::test
