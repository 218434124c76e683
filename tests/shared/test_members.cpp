// Library members: names and phones checked, sealed, found again; a locked vault still finds members
// by card code; and no name or phone is ever in the database file in clear.
#include <catch2/catch.hpp>

#include "lending/members.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::lending;

namespace {

constexpr std::int64_t kNow = 1'764'547'200;  // 2025-12-01

struct Desk {
    test::TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    SecretKey key = std::move(*open_vault(db, "135790", KdfLimits::minimum(), kNow).key);
};

}  // namespace

TEST_CASE("member names (people/person_name): letters, spaces and ' . - only, 2..80 characters, tidied", "[members]") {
    struct Good {
        const char* typed;
        const char* stored;
    };
    const Good good[] = {
        {"Siti Aminah", "Siti Aminah"},
        {"  Siti   Aminah  ", "Siti Aminah"},
        {"Muh. Rizal", "Muh. Rizal"},
        {"Dwi Ayu Nur'aini", "Dwi Ayu Nur'aini"},
        {"Nur’aini", "Nur'aini"},  // a typographic apostrophe becomes the plain one
        {"Siti-Rahma", "Siti-Rahma"},
        {"Yö", "Yö"},
        {"Ngô Thị Hương", "Ngô Thị Hương"},
        {"I\tKetut", "I Ketut"},
    };
    for (const auto& g : good) {
        INFO(g.typed);
        const NameCheck c = people::check_person_name(g.typed);
        REQUIRE(c.name);
        CHECK(*c.name == g.stored);
    }
    struct Bad {
        std::string typed;
        NameProblem problem;
    };
    const Bad bad[] = {
        {"", NameProblem::Empty},
        {"    ", NameProblem::Empty},
        {"A", NameProblem::TooShort},
        {"A.", NameProblem::TooShort},
        {"-- .", NameProblem::TooShort},
        {std::string(81, 'a'), NameProblem::TooLong},
        {"Budi 2", NameProblem::BadCharacter},
        {"Budi@desa", NameProblem::BadCharacter},
        {"Budi; DROP TABLE", NameProblem::BadCharacter},
        {"Budi\nSantoso", NameProblem::BadCharacter},
        {"Budi 🙂", NameProblem::BadCharacter},
        {"Budi \xff", NameProblem::BadCharacter},  // invalid UTF-8
        {"Budi × Ani", NameProblem::BadCharacter},
    };
    for (const auto& b : bad) {
        INFO("'" << b.typed << "' expected " << people::name_problem_name(b.problem));
        const NameCheck c = people::check_person_name(b.typed);
        CHECK_FALSE(c.name);
        CHECK(c.problem == b.problem);
    }
    CHECK(people::check_person_name(std::string(80, 'a')).name);
    CHECK(people::check_person_name(std::string(40, 'a') + " " + std::string(39, 'b')).name);
}

TEST_CASE("registering gives a card code, the member is found by it with name and phone", "[members]") {
    Desk d;
    const MemberResult r = register_member(d.db, &d.key, {"  Siti Aminah ", "0812-3456-7890"}, kNow);
    REQUIRE(r.member);
    CHECK_FALSE(r.problem);
    const Member& m = *r.member;
    CHECK(check_card_code(m.card_code).code == m.card_code);
    CHECK(m.name == "Siti Aminah");
    CHECK(m.phone == "+6281234567890");
    CHECK(m.has_phone);
    CHECK_FALSE(m.blocked);
    CHECK(m.registered_at == kNow);

    const auto found = find_member_by_card(d.db, &d.key, m.card_code);
    REQUIRE(found);
    CHECK(found->id == m.id);
    CHECK(found->name == "Siti Aminah");
    CHECK_FALSE(find_member_by_card(d.db, &d.key, new_card_code()));

    const MemberResult no_phone = register_member(d.db, &d.key, {"Budi Santoso", "  "}, kNow);
    REQUIRE(no_phone.member);
    CHECK_FALSE(no_phone.member->has_phone);
    CHECK_FALSE(no_phone.member->phone);
    CHECK(no_phone.member->card_code != m.card_code);
    CHECK(count_members(d.db) == 2);
}

TEST_CASE("bad member input is refused with the specific problem and nothing is stored", "[members]") {
    Desk d;
    struct Case {
        const char* name;
        const char* phone;
        MemberProblem problem;
        std::optional<NameProblem> name_problem;
        std::optional<people::PhoneProblem> phone_problem;
    };
    const Case cases[] = {
        {"", "", MemberProblem::BadName, NameProblem::Empty, std::nullopt},
        {"S", "081234567890", MemberProblem::BadName, NameProblem::TooShort, std::nullopt},
        {"Siti 99", "", MemberProblem::BadName, NameProblem::BadCharacter, std::nullopt},
        {"Siti Aminah", "0812", MemberProblem::BadPhone, std::nullopt, people::PhoneProblem::TooShort},
        {"Siti Aminah", "+1 202 555 0143", MemberProblem::BadPhone, std::nullopt, people::PhoneProblem::NotIndonesian},
        {"Siti Aminah", "0812-abc", MemberProblem::BadPhone, std::nullopt, people::PhoneProblem::NotDigits},
        {"Siti Aminah", "081234567890123", MemberProblem::BadPhone, std::nullopt, people::PhoneProblem::TooLong},
    };
    for (const auto& c : cases) {
        INFO(c.name << " / " << c.phone);
        const MemberResult r = register_member(d.db, &d.key, {c.name, c.phone}, kNow);
        CHECK_FALSE(r.member);
        CHECK(r.problem == c.problem);
        CHECK(r.name_problem == c.name_problem);
        CHECK(r.phone_problem == c.phone_problem);
    }
    // Without the key nothing can be sealed, so nothing is registered.
    const MemberResult locked = register_member(d.db, nullptr, {"Siti Aminah", ""}, kNow);
    CHECK(locked.problem == MemberProblem::VaultLocked);
    CHECK(count_members(d.db) == 0);
}

TEST_CASE("members are searched by name words (case and accents ignored) or card code", "[members]") {
    Desk d;
    const char* names[] = {"Siti Aminah", "Siti Rahma", "Budi Santoso", "Ngô Thị Hương", "Ahmad Siregar"};
    std::vector<Member> members;
    for (const char* n : names) members.push_back(*register_member(d.db, &d.key, {n, ""}, kNow).member);

    const auto names_of = [](const std::vector<Member>& found) {
        std::vector<std::string> out;
        for (const auto& m : found) out.push_back(m.name.value_or("?"));
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(names_of(search_members(d.db, &d.key, "")) ==
          V{"Ahmad Siregar", "Budi Santoso", "Ngô Thị Hương", "Siti Aminah", "Siti Rahma"});
    CHECK(names_of(search_members(d.db, &d.key, "siti")) == V{"Siti Aminah", "Siti Rahma"});
    CHECK(names_of(search_members(d.db, &d.key, "SITI ami")) == V{"Siti Aminah"});
    CHECK(names_of(search_members(d.db, &d.key, "huong")) == V{"Ngô Thị Hương"});
    CHECK(names_of(search_members(d.db, &d.key, "sire")) == V{"Ahmad Siregar"});
    CHECK(search_members(d.db, &d.key, "zzz").empty());
    CHECK(search_members(d.db, &d.key, "\"'*%").empty());  // punctuation is nothing to search for
    const std::string code = members[2].card_code;
    std::string lower;  // "k7m-q9x-d4p" as typed on the on-screen keyboard
    for (char c : group_card_code(code)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    CHECK(names_of(search_members(d.db, &d.key, lower)) == V{"Budi Santoso"});
    CHECK(search_members(d.db, &d.key, "", 2).size() == 2);
    // The start of a code finds it too (a fixed code, so no name can happen to match the letters).
    d.db.exec("UPDATE lending_members SET card_code = 'WWWXXXYYY' WHERE id = " + std::to_string(members[4].id));
    CHECK(names_of(search_members(d.db, &d.key, "www-x")) == V{"Ahmad Siregar"});
}

TEST_CASE("while the vault is locked members are found by card code and their names read as locked", "[members]") {
    Desk d;
    const Member m = *register_member(d.db, &d.key, {"Siti Aminah", "081234567890"}, kNow).member;
    const auto found = find_member_by_card(d.db, nullptr, m.card_code);
    REQUIRE(found);
    CHECK_FALSE(found->name);
    CHECK_FALSE(found->phone);
    CHECK(found->has_phone);
    CHECK(search_members(d.db, nullptr, "siti").empty());  // names cannot be searched
    REQUIRE(search_members(d.db, nullptr, m.card_code).size() == 1);
    CHECK(search_members(d.db, nullptr, "").size() == 1);
    // Another key (another kiosk's) reads nothing either.
    const SecretKey other = SecretKey::random();
    CHECK_FALSE(get_member(d.db, &other, m.id)->name);
}

TEST_CASE("members are edited and blocked", "[members]") {
    Desk d;
    const Member m = *register_member(d.db, &d.key, {"Siti Aminah", "081234567890"}, kNow).member;
    const MemberResult edited = update_member(d.db, &d.key, m.id, {"Siti Aminah Lubis", ""}, kNow + 10);
    REQUIRE(edited.member);
    CHECK(edited.member->name == "Siti Aminah Lubis");
    CHECK_FALSE(edited.member->has_phone);
    CHECK(edited.member->card_code == m.card_code);  // the card stays valid
    CHECK(update_member(d.db, &d.key, m.id, {"X", ""}, kNow).name_problem == NameProblem::TooShort);
    CHECK(get_member(d.db, &d.key, m.id)->name == "Siti Aminah Lubis");  // a refused edit changes nothing
    CHECK(update_member(d.db, &d.key, 9999, {"Siti", ""}, kNow).problem == MemberProblem::UnknownMember);
    CHECK(update_member(d.db, nullptr, m.id, {"Siti", ""}, kNow).problem == MemberProblem::VaultLocked);

    CHECK(set_member_blocked(d.db, m.id, true, kNow));
    CHECK(get_member(d.db, &d.key, m.id)->blocked);
    CHECK(set_member_blocked(d.db, m.id, false, kNow));
    CHECK_FALSE(get_member(d.db, &d.key, m.id)->blocked);
    CHECK_FALSE(set_member_blocked(d.db, 9999, true, kNow));
}

TEST_CASE("no member name or phone is ever in the database files in clear", "[members][privacy]") {
    test::TempDir dir;
    const std::string names[] = {"Siti Aminah Zulkarnaen", "Budi Santoso Wirawan", "Ngô Thị Hương"};
    const std::string phones[] = {"081234567890", "0721 765432", "+62 813 1111 2222"};
    const std::string stored_phones[] = {"+6281234567890", "+62721765432", "+6281311112222", "81234567890",
                                         "721765432", "81311112222"};
    {
        auto db = storage::open_kiosk_database(dir.path());
        VaultOpen v = open_vault(db, "135790", KdfLimits::minimum(), kNow);
        for (int i = 0; i < 3; ++i) REQUIRE(register_member(db, &*v.key, {names[i], phones[i]}, kNow).member);
        REQUIRE(update_member(db, &*v.key, 1, {names[0], phones[1]}, kNow).member);
        // Raw SQL cannot put a plain name in either.
        CHECK_THROWS_AS(db.exec("INSERT INTO lending_members (card_code, name_sealed, registered_at, updated_at) "
                                "VALUES ('23456789A', 'Siti Aminah Zulkarnaen plain text here ok', 0, 0)"),
                        storage::StorageError);
        // Read the files while the database is open (the -wal file holds the recent pages) ...
        std::string bytes = test::read_file(dir / "kiosk.db");
        if (std::filesystem::exists(dir / "kiosk.db-wal")) bytes += test::read_file(dir / "kiosk.db-wal");
        for (const auto& secret : names) CHECK(bytes.find(secret) == std::string::npos);
        for (const auto& secret : {"Siti", "Aminah", "Budi", "Santoso", "Hương"}) CHECK(bytes.find(secret) == std::string::npos);
        for (const auto& secret : stored_phones) CHECK(bytes.find(secret) == std::string::npos);
        for (const auto& secret : phones) CHECK(bytes.find(secret) == std::string::npos);
        CHECK(bytes.size() > 4096);  // the files were really read
    }
    // ... and after a checkpoint folded the log into the main file.
    const std::string after = test::read_file(dir / "kiosk.db");
    for (const auto& secret : names) CHECK(after.find(secret) == std::string::npos);
    for (const auto& secret : stored_phones) CHECK(after.find(secret) == std::string::npos);
}
