// Admin PIN: Argon2id hashing, the new-PIN rules, and a lock-out that survives restarts and
// clocks that jump.
#include <catch2/catch.hpp>
#include <cstring>
#include <sodium.h>

#include "security/admin_pin.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using desa::ManualClock;
using desa::security::StaffPinGuard;
using desa::security::StaffRole;
using desa::security::LockoutPolicy;
using desa::security::PinRule;
using desa::security::PinVerdict;
using desa::storage::Database;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPin = "483920";

// Real Argon2id strings, but with libsodium's minimum cost, so the lock-out tests (dozens of
// verifications) stay fast. verify_pin_hash() honours the parameters stored in the string.
std::string cheap_hash(const char* pin) {
    REQUIRE(sodium_init() >= 0);
    char out[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(out, pin, std::strlen(pin), crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN) == 0);
    return out;
}

const std::string& pin_hash() {
    static const std::string h = cheap_hash(kPin);
    return h;
}

struct Kiosk {
    desa::test::TempDir dir;
    ManualClock clock;
    Database db = desa::storage::open_kiosk_database(dir.path());
    LockoutPolicy policy{5, 300};

    StaffPinGuard guard(StaffRole role = StaffRole::Admin) {
        return StaffPinGuard(db, clock, role, pin_hash(), policy);
    }

    void lock_out(StaffPinGuard& g) {
        for (int i = 0; i < policy.max_attempts; ++i) g.check("000111");
        REQUIRE(g.locked_seconds_left().has_value());
    }

    std::int64_t stored(const char* column, const char* role = "admin") {
        auto s = db.prepare(std::string("SELECT ") + column + " FROM staff_pin_state WHERE role = ?1");
        s.bind(1, std::string_view(role));
        REQUIRE(s.step());
        return s.column_int64(0);
    }
};

}  // namespace

TEST_CASE("hash_pin makes an interactive-cost Argon2id hash that verifies", "[security]") {
    const std::string h = desa::security::hash_pin(kPin);
    CHECK(desa::security::looks_like_argon2id_hash(h));
    CHECK_THAT(h, Catch::StartsWith("$argon2id$v=19$m=65536,t=2,p=1$"));
    CHECK_THAT(h, !Catch::Contains(kPin));
    CHECK(desa::security::verify_pin_hash(h, kPin));
    CHECK_FALSE(desa::security::verify_pin_hash(h, "483921"));
    CHECK_FALSE(desa::security::verify_pin_hash(h, ""));
    CHECK(desa::security::hash_pin(kPin) != h);  // salted
}

TEST_CASE("malformed hashes never verify", "[security]") {
    const std::string good = pin_hash();
    const std::vector<std::string> bad{
        "", kPin, "$argon2id$", good.substr(0, good.size() - 10) + "!!!!!!!!!!",
        "$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo", std::string(200, 'a'),
    };
    for (const auto& h : bad) CHECK_FALSE(desa::security::verify_pin_hash(h, kPin));
}

TEST_CASE("what looks like an Argon2id hash", "[security]") {
    const std::vector<std::pair<std::string, bool>> rows{
        {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$W5xJp9yF0/VYR0nqUhb8hRcBtLrNM+iE5mXs8yM8m2s", true},
        {pin_hash(), true},
        {"$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$W5xJp9yF0", false},
        {"$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$W5xJp9yF0", false},
        {"$argon2id$v=19$m=65536,t=2$c29tZXNhbHQ$W5xJp9yF0", false},
        {"$argon2id$v=19$m=,t=2,p=1$c29tZXNhbHQ$W5xJp9yF0", false},
        {"$argon2id$v=19$m=65536,t=2,p=1$$W5xJp9yF0", false},
        {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$", false},
        {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$W5xJp9yF0 ", false},
        {"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$W5xJ=p9yF0", false},
        {"$2b$12$KIXQJ8bN9vFq0pQ4nVJmEu7x6T5bYh0Qz1rjY3a2b1c0d9e8f7g6h", false},
        {"483920", false},
        {"", false},
    };
    for (const auto& [text, expected] : rows) {
        DYNAMIC_SECTION("'" << text << "'") { CHECK(desa::security::looks_like_argon2id_hash(text) == expected); }
    }
}

TEST_CASE("rules for a new admin PIN", "[security]") {
    const std::vector<std::pair<const char*, PinRule>> rows{
        {"483920", PinRule::Ok},
        {"20251207", PinRule::Ok},
        {"908172635401", PinRule::Ok},
        {"112233", PinRule::Ok},  // pairs, not a repeated block
        {"", PinRule::TooShort},
        {"48392", PinRule::TooShort},
        {"9081726354012", PinRule::TooLong},
        {"48392a", PinRule::NotDigits},
        {"4839 20", PinRule::NotDigits},
        {"\xD9\xA4\xD9\xA8\xD9\xA3\xD9\xA9\xD9\xA2\xD9\xA0", PinRule::NotDigits},  // Arabic-Indic digits
        {"000000", PinRule::Trivial},
        {"999999999999", PinRule::Trivial},
        {"123456", PinRule::Trivial},
        {"654321", PinRule::Trivial},
        {"789012", PinRule::Trivial},  // wraps around like the keypad row
        {"1234567890", PinRule::Trivial},
        {"098765", PinRule::Trivial},
        {"121212", PinRule::Trivial},
        {"123123", PinRule::Trivial},
        {"45674567", PinRule::Trivial},
    };
    for (const auto& [pin, expected] : rows) {
        DYNAMIC_SECTION("'" << pin << "'") { CHECK(desa::security::check_new_pin(pin) == expected); }
    }
}

TEST_CASE("wrong PINs count down to a lock-out", "[security]") {
    Kiosk k;
    StaffPinGuard g = k.guard();
    for (int left = 4; left >= 1; --left) {
        const auto r = g.check("111000");
        CHECK(r.verdict == PinVerdict::Rejected);
        CHECK(r.attempts_left == left);
    }
    CHECK(k.stored("failed_attempts") == 4);
    CHECK_FALSE(g.locked_seconds_left().has_value());

    const auto fifth = g.check("111000");
    CHECK(fifth.verdict == PinVerdict::LockedOut);
    CHECK(fifth.locked_seconds == 300);

    // During the lock-out even the right PIN is not accepted.
    k.clock.advance(100s);
    const auto during = g.check(kPin);
    CHECK(during.verdict == PinVerdict::LockedOut);
    CHECK(during.locked_seconds == 200);
    CHECK(g.locked_seconds_left() == std::optional<std::int64_t>(200));

    k.clock.advance(200s);
    CHECK_FALSE(g.locked_seconds_left().has_value());
    CHECK(g.check(kPin).verdict == PinVerdict::Accepted);
    CHECK(k.stored("failed_attempts") == 0);
    CHECK(k.stored("locked_until") == 0);
}

TEST_CASE("an expired lock-out gives a fresh round of attempts", "[security]") {
    Kiosk k;
    StaffPinGuard g = k.guard();
    k.lock_out(g);
    k.clock.advance(300s);
    const auto r = g.check("111000");
    CHECK(r.verdict == PinVerdict::Rejected);
    CHECK(r.attempts_left == 4);
}

TEST_CASE("the right PIN resets the count of wrong ones", "[security]") {
    Kiosk k;
    StaffPinGuard g = k.guard();
    for (int i = 0; i < 4; ++i) g.check("111000");
    const auto ok = g.check(kPin);
    CHECK(ok.verdict == PinVerdict::Accepted);
    for (int i = 0; i < 4; ++i) CHECK(g.check("111000").verdict == PinVerdict::Rejected);
    CHECK(g.check("111000").verdict == PinVerdict::LockedOut);
}

TEST_CASE("a lock-out survives a restart of the kiosk", "[security]") {
    Kiosk k;
    {
        StaffPinGuard g = k.guard();
        for (int i = 0; i < 3; ++i) g.check("111000");
    }
    // Pulling the plug between attempts does not give new ones.
    k.db = desa::storage::open_kiosk_database(k.dir.path());
    {
        StaffPinGuard g = k.guard();
        CHECK(g.check("111000").attempts_left == 1);
        CHECK(g.check("111000").verdict == PinVerdict::LockedOut);
    }
    k.clock.advance(60s);
    k.db = desa::storage::open_kiosk_database(k.dir.path());
    StaffPinGuard g = k.guard();
    CHECK(g.locked_seconds_left() == std::optional<std::int64_t>(240));
    CHECK(g.check(kPin).verdict == PinVerdict::LockedOut);
}

TEST_CASE("a wall clock that jumps restarts the lock from now, never lengthens it", "[security]") {
    struct Row {
        const char* name;
        std::int64_t jump_s;      // applied to the wall clock after the lock starts
        std::int64_t expected_left;
    };
    const std::vector<Row> rows{
        {"no jump", 0, 300},
        {"forward 100 s", 100, 200},
        {"back 1 s", -1, 300},
        {"back to 1970 (Pi without RTC)", -1'764'547'000, 300},
    };
    for (const Row& row : rows) {
        DYNAMIC_SECTION(row.name) {
            Kiosk k;
            StaffPinGuard g = k.guard();
            k.lock_out(g);
            k.clock.wall_seconds += row.jump_s;
            CHECK(g.locked_seconds_left() == std::optional<std::int64_t>(row.expected_left));
            // The restarted lock is stored, so it counts down from here and ends on time.
            CHECK(k.stored("locked_until") == k.clock.unix_seconds() + row.expected_left);
            k.clock.advance(std::chrono::seconds(row.expected_left - 1));
            CHECK(g.check(kPin).verdict == PinVerdict::LockedOut);
            k.clock.advance(1s);
            CHECK(g.check(kPin).verdict == PinVerdict::Accepted);
        }
    }
}

TEST_CASE("policy and hash can differ per kiosk", "[security]") {
    Kiosk k;
    k.policy = LockoutPolicy{3, 30};
    StaffPinGuard g = k.guard();
    CHECK(g.check("111000").attempts_left == 2);
    CHECK(g.check("111000").attempts_left == 1);
    const auto locked = g.check("111000");
    CHECK(locked.verdict == PinVerdict::LockedOut);
    CHECK(locked.locked_seconds == 30);
    k.clock.advance(30s);

    g.replace_hash(cheap_hash("907214"));
    CHECK(g.check(kPin).verdict == PinVerdict::Rejected);
    CHECK(g.check("907214").verdict == PinVerdict::Accepted);
}

TEST_CASE("the admin and the librarian are locked out separately", "[security]") {
    Kiosk k;
    StaffPinGuard admin = k.guard(StaffRole::Admin);
    StaffPinGuard librarian = k.guard(StaffRole::Librarian);
    k.lock_out(librarian);
    CHECK(librarian.check(kPin).verdict == PinVerdict::LockedOut);
    CHECK_FALSE(admin.locked_seconds_left().has_value());
    CHECK(admin.check(kPin).verdict == PinVerdict::Accepted);
    CHECK(k.stored("failed_attempts", "librarian") == 5);
    CHECK(k.stored("failed_attempts", "admin") == 0);
}
