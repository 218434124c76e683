// The member-data key: created at the first librarian sign-in, wrapped by the PIN, unwrapped by the
// same PIN only, re-wrapped when the PIN changes; sealed values open only with it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <type_traits>

#include "lending/member_vault.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::lending;

namespace {

constexpr std::int64_t kNow = 1'764'547'200;  // 2025-12-01
const KdfLimits kFast = KdfLimits::minimum();

std::vector<unsigned char> stored_wrapped_key(storage::Database& db) {
    auto s = db.prepare("SELECT wrapped_key FROM lending_vault");
    REQUIRE(s.step());
    const std::string bytes = s.column_text(0);
    return {bytes.begin(), bytes.end()};
}

void add_sealed_member(storage::Database& db, const SecretKey& key) {
    const auto name = seal_value(key, "Siti Aminah");
    auto s = db.prepare("INSERT INTO lending_members (card_code, name_sealed, registered_at, updated_at) "
                        "VALUES ('23456789A', ?1, 0, 0)");
    s.bind_blob(1, name);
    s.step();
}

}  // namespace

TEST_CASE("sealed values open only with their key and are never the plain text", "[vault]") {
    const SecretKey key = SecretKey::random();
    const SecretKey other = SecretKey::random();
    for (const std::string& text : std::vector<std::string>{"", "Siti", "Dwi Ayu Nur'aini", "+6281234567890", std::string(5000, 'x')}) {
        INFO(text.size());
        const auto a = seal_value(key, text);
        const auto b = seal_value(key, text);
        CHECK(a.size() == text.size() + 40);
        CHECK(a != b);  // a fresh nonce each time: equal names do not look equal on disk
        CHECK(open_value(key, a) == text);
        CHECK_FALSE(open_value(other, a));
        if (!text.empty()) CHECK(std::search(a.begin(), a.end(), text.begin(), text.end()) == a.end());
        auto altered = a;
        altered.back() ^= 1;
        CHECK_FALSE(open_value(key, altered));
    }
    CHECK_FALSE(open_value(key, std::vector<unsigned char>(39, 0)));  // shorter than nonce + MAC
    CHECK_FALSE(open_value(key, {}));
}

TEST_CASE("secret keys move, never copy, and are 32 bytes", "[vault]") {
    SecretKey a = SecretKey::random();
    const std::vector<unsigned char> bytes(a.data(), a.data() + SecretKey::kSize);
    SecretKey b = std::move(a);
    CHECK(a.data() == nullptr);
    CHECK(std::equal(bytes.begin(), bytes.end(), b.data()));
    SecretKey c = SecretKey::random();
    c = std::move(b);
    CHECK(std::equal(bytes.begin(), bytes.end(), c.data()));
    CHECK_THROWS_AS(SecretKey::from(std::vector<unsigned char>(31)), std::invalid_argument);
    static_assert(!std::is_copy_constructible_v<SecretKey>);
}

TEST_CASE("the first sign-in creates the key, the same PIN opens it again after a restart", "[vault]") {
    test::TempDir dir;
    std::vector<unsigned char> sealed;
    {
        auto db = storage::open_kiosk_database(dir.path());
        CHECK_FALSE(vault_exists(db));
        VaultOpen first = open_vault(db, "135790", kFast, kNow);
        CHECK(first.outcome == VaultOutcome::Created);
        REQUIRE(first.key);
        CHECK_FALSE(first.pending);
        CHECK(vault_exists(db));
        sealed = seal_value(*first.key, "Siti Aminah");
        add_sealed_member(db, *first.key);
    }
    auto db = storage::open_kiosk_database(dir.path());
    VaultOpen again = open_vault(db, "135790", kFast, kNow + 60);
    CHECK(again.outcome == VaultOutcome::Unlocked);
    REQUIRE(again.key);
    CHECK(open_value(*again.key, sealed) == "Siti Aminah");
    // The stored key is not the key itself: 72 bytes of nonce + box, and the province column waits.
    CHECK(stored_wrapped_key(db).size() == 72);
    auto s = db.prepare("SELECT province_sealed_key IS NULL, kdf_opslimit, kdf_memlimit FROM lending_vault");
    REQUIRE(s.step());
    CHECK(s.column_int64(0) == 1);
    CHECK(static_cast<std::uint64_t>(s.column_int64(1)) == kFast.opslimit);
    CHECK(static_cast<std::size_t>(s.column_int64(2)) == kFast.memlimit);
}

TEST_CASE("a changed PIN leaves names locked until the previous PIN re-wraps the key", "[vault]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    VaultOpen first = open_vault(db, "135790", kFast, kNow);
    REQUIRE(first.key);
    const auto sealed = seal_value(*first.key, "Siti Aminah");
    add_sealed_member(db, *first.key);
    const auto wrapped_before = stored_wrapped_key(db);

    VaultOpen changed = open_vault(db, "246802", kFast, kNow);
    CHECK(changed.outcome == VaultOutcome::PinChanged);
    CHECK_FALSE(changed.key);
    REQUIRE(changed.pending);
    CHECK(stored_wrapped_key(db) == wrapped_before);  // nothing rewritten yet

    const Rewrap wrong = rewrap_vault(db, "111111", *changed.pending, kNow);
    CHECK(wrong.outcome == RewrapOutcome::WrongPreviousPin);
    CHECK_FALSE(wrong.key);
    CHECK(stored_wrapped_key(db) == wrapped_before);

    const Rewrap done = rewrap_vault(db, "135790", *changed.pending, kNow);
    CHECK(done.outcome == RewrapOutcome::Done);
    REQUIRE(done.key);
    CHECK(open_value(*done.key, sealed) == "Siti Aminah");
    // Now the new PIN opens it and the old one no longer does.
    VaultOpen with_new = open_vault(db, "246802", kFast, kNow);
    CHECK(with_new.outcome == VaultOutcome::Unlocked);
    REQUIRE(with_new.key);
    CHECK(open_value(*with_new.key, sealed) == "Siti Aminah");
    CHECK(open_vault(db, "135790", kFast, kNow).outcome == VaultOutcome::PinChanged);
}

TEST_CASE("a changed PIN with no member yet simply makes a new key", "[vault]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    REQUIRE(open_vault(db, "135790", kFast, kNow).outcome == VaultOutcome::Created);
    const VaultOpen changed = open_vault(db, "246802", kFast, kNow);
    CHECK(changed.outcome == VaultOutcome::Created);
    CHECK(changed.key);
    CHECK(open_vault(db, "246802", kFast, kNow).outcome == VaultOutcome::Unlocked);
}

TEST_CASE("an altered vault row is reported, not trusted", "[vault]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    REQUIRE(open_vault(db, "135790", kFast, kNow).key);
    SECTION("limits asking for far too much memory") {
        db.exec("UPDATE lending_vault SET kdf_memlimit = 1099511627776");
        const VaultOpen open = open_vault(db, "135790", kFast, kNow);
        CHECK(open.outcome == VaultOutcome::Damaged);
        CHECK_FALSE(open.key);
    }
    SECTION("a wrapped key with a flipped bit, when members exist") {
        VaultOpen opened = open_vault(db, "135790", kFast, kNow);
        REQUIRE(opened.key);
        add_sealed_member(db, *opened.key);
        auto wrapped = stored_wrapped_key(db);
        wrapped[30] ^= 1;
        auto s = db.prepare("UPDATE lending_vault SET wrapped_key = ?1");
        s.bind_blob(1, wrapped);
        s.step();
        const VaultOpen open = open_vault(db, "135790", kFast, kNow);
        CHECK(open.outcome == VaultOutcome::PinChanged);  // indistinguishable from another PIN
        CHECK_FALSE(open.key);
    }
    SECTION("the schema refuses malformed rows") {
        CHECK_THROWS_AS(db.exec("UPDATE lending_vault SET wrapped_key = x'00'"), storage::StorageError);
        CHECK_THROWS_AS(db.exec("UPDATE lending_vault SET kdf_salt = x'0011'"), storage::StorageError);
        CHECK_THROWS_AS(db.exec("INSERT INTO lending_vault (id, kdf_salt, kdf_opslimit, kdf_memlimit, wrapped_key, "
                                "created_at) VALUES (2, zeroblob(16), 1, 8192, zeroblob(72), 0)"),
                        storage::StorageError);
    }
}

TEST_CASE("production limits are libsodium's interactive ones", "[vault]") {
    const KdfLimits p = KdfLimits::interactive();
    const KdfLimits t = KdfLimits::minimum();
    CHECK(p.memlimit == 64u * 1024 * 1024);
    CHECK(p.opslimit >= 2);
    CHECK(t.memlimit < p.memlimit);
}
