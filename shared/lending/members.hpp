#pragma once
// Library members: register, find by card code, list and search by name, edit, block. Names and
// phones are sealed with the desk's member-data key (member_vault.hpp); without the key (vault
// locked) members are still found by card code and their names read as locked. Searching decrypts
// in memory: a village library has hundreds or a few thousand members, not millions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lending/member_card.hpp"
#include "lending/member_vault.hpp"
#include "people/person_name.hpp"
#include "people/phone_number.hpp"
#include "storage/database.hpp"

namespace desa::lending {

// Names are checked by people/person_name (letters, spaces and ' . - only, 2..80 characters).
using people::NameCheck;
using people::NameProblem;

struct Member {
    std::int64_t id = 0;
    std::string card_code;             // canonical, see member_card.hpp
    std::optional<std::string> name;   // nullopt while the vault is locked
    std::optional<std::string> phone;  // "+62..."; nullopt when none was given or while locked
    bool has_phone = false;            // known even while locked
    bool blocked = false;
    std::int64_t registered_at = 0;
};

struct MemberInput {
    std::string_view name;
    std::string_view phone;  // empty: no phone
};

enum class MemberProblem { VaultLocked, BadName, BadPhone, UnknownMember };
struct MemberResult {
    std::optional<Member> member;
    std::optional<MemberProblem> problem;
    std::optional<NameProblem> name_problem;           // with BadName
    std::optional<people::PhoneProblem> phone_problem; // with BadPhone
};

// `key`: the unlocked member-data key, or nullptr (then registering and editing say VaultLocked).
// A new member gets a fresh card code.
MemberResult register_member(storage::Database& db, const SecretKey* key, MemberInput input, std::int64_t now);
MemberResult update_member(storage::Database& db, const SecretKey* key, std::int64_t member_id, MemberInput input,
                           std::int64_t now);
// False for an unknown id.
bool set_member_blocked(storage::Database& db, std::int64_t member_id, bool blocked, std::int64_t now);

std::optional<Member> get_member(storage::Database& db, const SecretKey* key, std::int64_t member_id);
// `code`: canonical (check_card_code).
std::optional<Member> find_member_by_card(storage::Database& db, const SecretKey* key, std::string_view code);

// Members whose name contains every word of `query` (folded: case and accents ignored), or whose
// card code starts with it; all members for an empty query. Sorted by name when unlocked, newest
// first when locked (names cannot be read, card codes still match).
std::vector<Member> search_members(storage::Database& db, const SecretKey* key, std::string_view query,
                                   std::size_t limit = 50);
std::int64_t count_members(storage::Database& db);

std::string_view member_problem_name(MemberProblem);

}  // namespace desa::lending
