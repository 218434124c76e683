// The storage layer on both backends: migrations, parameters, transactions, the pool.
#include <thread>

#include "db/db_pool.hpp"
#include "hub_fixture.hpp"

using namespace desa::hub;
using desa::hub::test::test_backends;

TEST_CASE("hub migrations apply once and are idempotent", "[hub][db]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open();
        CHECK(schema_version(*db) == 0);
        const int latest = hub_migrations().back().version;
        CHECK(migrate(*db) == latest);
        CHECK(migrate(*db) == latest);  // second run: nothing to do
        auto again = backend.open();    // another connection (another process would see the same)
        CHECK(migrate(*again) == latest);
        CHECK(db->query("SELECT count(*) FROM schema_migrations", {}).at(0).int64(0) ==
              static_cast<std::int64_t>(hub_migrations().size()));
        for (const char* table : {"regions", "kiosks", "enrol_codes", "nonces", "records", "outbox_conflicts",
                                  "aspirations", "status_updates", "counters", "channels", "manifests", "files",
                                  "manifest_files"})
            CHECK_NOTHROW(db->query(std::string("SELECT count(*) FROM ") + table, {}));
        CHECK(db->query("SELECT value FROM counters WHERE name = 'status_seq'", {}).at(0).int64(0) == 0);
    }
}

TEST_CASE("a database from a newer hub is refused, not written", "[hub][db]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        db->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    {std::int64_t{999}, std::string("future"), std::int64_t{0}});
        CHECK_THROWS_WITH(migrate(*db), Catch::Contains("newer than this desa-hub"));
    }
}

TEST_CASE("parameters, NULLs, affected rows and RETURNING behave alike on both backends", "[hub][db]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        const std::string quote = "it's \"quoted\"; DROP TABLE kiosks; -- ünïcödé";
        CHECK(db->execute("INSERT INTO regions (code, parent_code, level, name) VALUES ($1, $2, $3, $4)",
                          {std::string("18"), std::string(), std::string("provinsi"), quote}) == 1);
        CHECK(db->execute("INSERT INTO regions (code, parent_code, level, name) VALUES ($1, $2, $3, $4) "
                          "ON CONFLICT (code) DO NOTHING",
                          {std::string("18"), std::string(), std::string("provinsi"), std::string("x")}) == 0);
        const auto rows = db->query("SELECT name, parent_code FROM regions WHERE code = $1", {std::string("18")});
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].text(0) == quote);
        CHECK(rows[0].text(1).empty());
        CHECK(db->query("UPDATE counters SET value = value + 1 WHERE name = 'status_seq' RETURNING value", {})
                  .at(0)
                  .int64(0) == 1);
        db->execute("INSERT INTO kiosks (id, village_code, name, public_key, enrolled_at) VALUES ($1, $2, $3, $4, $5)",
                    {std::string("K1"), std::string("18.01.04.2001"), std::string("n"), std::string("pk"),
                     std::int64_t{5000000000}});
        const auto k = db->query("SELECT enrolled_at, revoked_at FROM kiosks", {});
        CHECK(k.at(0).int64(0) == 5000000000);  // beyond 32 bits
        CHECK(k.at(0).is_null(1));
        CHECK_FALSE(k.at(0).opt_int64(1).has_value());
        CHECK_THROWS_AS(db->query("SELECT nope FROM kiosks", {}), DbError);
        CHECK_THROWS_AS(db->query("SELECT $1, $2", {std::string("only one")}), DbError);
    }
}

TEST_CASE("a transaction not committed leaves nothing behind", "[hub][db]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        {
            SqlTransaction tx(*db);
            db->execute("INSERT INTO counters (name, value) VALUES ($1, $2)", {std::string("x"), std::int64_t{1}});
        }
        CHECK(db->query("SELECT count(*) FROM counters WHERE name = 'x'", {}).at(0).int64(0) == 0);
        {
            SqlTransaction tx(*db);
            db->execute("INSERT INTO counters (name, value) VALUES ($1, $2)", {std::string("x"), std::int64_t{1}});
            tx.commit();
        }
        CHECK(backend.open()->query("SELECT count(*) FROM counters WHERE name = 'x'", {}).at(0).int64(0) == 1);
    }
}

TEST_CASE("the pool hands each thread its own connection and counters stay exact", "[hub][db]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        backend.open_migrated();
        DbPool pool(backend.url, 4);
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 20; ++i) {
                    auto db = pool.acquire();
                    SqlTransaction tx(*db);
                    db->query("UPDATE counters SET value = value + 1 WHERE name = 'status_seq' RETURNING value", {});
                    tx.commit();
                }
            });
        for (auto& t : threads) t.join();
        CHECK(pool.acquire()->query("SELECT value FROM counters WHERE name = 'status_seq'", {}).at(0).int64(0) == 120);
    }
}

TEST_CASE("database URLs: unknown schemes refused, passwords never repeated", "[hub][db]") {
    CHECK_THROWS_WITH(open_sql_db("mysql://x"), Catch::Contains("unsupported database URL"));
    CHECK_THROWS_WITH(open_sql_db("sqlite:"), Catch::Contains("without a file path"));
    CHECK(redact_db_url("postgresql://desa:s3cret@db.example:5432/hub") == "postgresql://desa:***@db.example:5432/hub");
    CHECK(redact_db_url("postgresql:///hub?user=a&password=s3cret&x=1") == "postgresql:///hub?user=a&password=***&x=1");
    try {
        open_sql_db("postgresql://desa:s3cret@127.0.0.1:1/hub?connect_timeout=2");
        FAIL("connected to a closed port");
    } catch (const DbError& e) {
        CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
    }
    desa::test::TempDir dir;
    desa::test::write_file(dir / "not-a-db", std::string(4096, 'x'));
    CHECK_THROWS_AS(open_sql_db("sqlite:" + (dir / "not-a-db").string()), DbError);
}
