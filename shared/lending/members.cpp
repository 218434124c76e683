#include "lending/members.hpp"

#include <algorithm>

#include "catalog/text_fold.hpp"

namespace desa::lending {
namespace {

std::vector<unsigned char> blob(const storage::Statement& s, int col) {
    const std::string bytes = s.column_text(col);  // a BLOB's bytes, unchanged
    return {bytes.begin(), bytes.end()};
}

constexpr std::string_view kMemberColumns =
    "id, card_code, name_sealed, phone_sealed, blocked, registered_at FROM lending_members";

Member read_member(const storage::Statement& s, const SecretKey* key) {
    Member m;
    m.id = s.column_int64(0);
    m.card_code = s.column_text(1);
    m.has_phone = !s.column_is_null(3);
    m.blocked = s.column_int64(4) != 0;
    m.registered_at = s.column_int64(5);
    if (key != nullptr) {
        m.name = open_value(*key, blob(s, 2));
        if (m.has_phone) m.phone = open_value(*key, blob(s, 3));
    }
    return m;
}

// Checks both fields; on success fills the sealed forms.
MemberResult check_input(const SecretKey* key, MemberInput input, std::vector<unsigned char>& name_sealed,
                         std::optional<std::vector<unsigned char>>& phone_sealed) {
    MemberResult r;
    if (key == nullptr) {
        r.problem = MemberProblem::VaultLocked;
        return r;
    }
    const NameCheck name = people::check_person_name(input.name);
    if (!name.name) {
        r.problem = MemberProblem::BadName;
        r.name_problem = name.problem;
        return r;
    }
    std::optional<std::string> phone;
    if (input.phone.find_first_not_of(" \t") != std::string_view::npos) {
        const people::PhoneCheck p = people::check_phone(input.phone);
        if (!p.number) {
            r.problem = MemberProblem::BadPhone;
            r.phone_problem = p.problem;
            return r;
        }
        phone = p.number->e164;
    }
    name_sealed = seal_value(*key, *name.name);
    if (phone) phone_sealed = seal_value(*key, *phone);
    return r;
}

void bind_phone(storage::Statement& s, int index, const std::optional<std::vector<unsigned char>>& sealed) {
    if (sealed) {
        s.bind_blob(index, *sealed);
    } else {
        s.bind_null(index);
    }
}

bool card_code_taken(storage::Database& db, std::string_view code) {
    auto s = db.prepare("SELECT 1 FROM lending_members WHERE card_code = ?1");
    s.bind(1, code);
    return s.step();
}

}  // namespace

std::string_view member_problem_name(MemberProblem p) {
    switch (p) {
        case MemberProblem::VaultLocked: return "vault_locked";
        case MemberProblem::BadName: return "bad_name";
        case MemberProblem::BadPhone: return "bad_phone";
        case MemberProblem::UnknownMember: return "unknown_member";
    }
    return "unknown_member";
}

MemberResult register_member(storage::Database& db, const SecretKey* key, MemberInput input, std::int64_t now) {
    std::vector<unsigned char> name_sealed;
    std::optional<std::vector<unsigned char>> phone_sealed;
    MemberResult r = check_input(key, input, name_sealed, phone_sealed);
    if (r.problem) return r;
    storage::Transaction tx(db);
    std::string code = new_card_code();
    // 31^8 codes: a clash is rare, but the database decides, not the odds.
    for (int tries = 0; card_code_taken(db, code) && tries < 20; ++tries) code = new_card_code();
    auto s = db.prepare("INSERT INTO lending_members (card_code, name_sealed, phone_sealed, registered_at, updated_at) "
                        "VALUES (?1, ?2, ?3, ?4, ?4)");
    s.bind(1, code).bind_blob(2, name_sealed).bind(4, now);
    bind_phone(s, 3, phone_sealed);
    s.step();
    auto last = db.prepare("SELECT last_insert_rowid()");
    last.step();
    const std::int64_t id = last.column_int64(0);
    tx.commit();
    r.member = get_member(db, key, id);
    return r;
}

MemberResult update_member(storage::Database& db, const SecretKey* key, std::int64_t member_id, MemberInput input,
                           std::int64_t now) {
    std::vector<unsigned char> name_sealed;
    std::optional<std::vector<unsigned char>> phone_sealed;
    MemberResult r = check_input(key, input, name_sealed, phone_sealed);
    if (r.problem) return r;
    auto s = db.prepare("UPDATE lending_members SET name_sealed = ?2, phone_sealed = ?3, updated_at = ?4 WHERE id = ?1");
    s.bind(1, member_id).bind_blob(2, name_sealed).bind(4, now);
    bind_phone(s, 3, phone_sealed);
    s.step();
    r.member = get_member(db, key, member_id);
    if (!r.member) r.problem = MemberProblem::UnknownMember;
    return r;
}

bool set_member_blocked(storage::Database& db, std::int64_t member_id, bool blocked, std::int64_t now) {
    auto s = db.prepare("UPDATE lending_members SET blocked = ?2, updated_at = ?3 WHERE id = ?1 RETURNING id");
    s.bind(1, member_id).bind(2, blocked ? 1 : 0).bind(3, now);
    const bool found = s.step();
    while (s.step()) {
    }
    return found;
}

std::optional<Member> get_member(storage::Database& db, const SecretKey* key, std::int64_t member_id) {
    auto s = db.prepare("SELECT " + std::string(kMemberColumns) + " WHERE id = ?1");
    s.bind(1, member_id);
    if (!s.step()) return std::nullopt;
    return read_member(s, key);
}

std::optional<Member> find_member_by_card(storage::Database& db, const SecretKey* key, std::string_view code) {
    auto s = db.prepare("SELECT " + std::string(kMemberColumns) + " WHERE card_code = ?1");
    s.bind(1, code);
    if (!s.step()) return std::nullopt;
    return read_member(s, key);
}

std::vector<Member> search_members(storage::Database& db, const SecretKey* key, std::string_view query,
                                   std::size_t limit) {
    const std::vector<std::string> words = catalog::fold_words(query, 8);
    // The query as a card code prefix: upper case, no dashes or spaces.
    std::string code_prefix;
    for (char c : query)
        if (c != ' ' && c != '-') code_prefix.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);

    struct Found {
        Member member;
        std::string folded;
    };
    std::vector<Found> found;
    auto s = db.prepare("SELECT " + std::string(kMemberColumns) + " ORDER BY id DESC");
    while (s.step()) {
        Member m = read_member(s, key);
        std::string folded = m.name ? catalog::fold_text(*m.name) : std::string();
        const bool by_code = !code_prefix.empty() && m.card_code.starts_with(code_prefix);
        const bool by_name = m.name && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
                                 return folded.find(w) != std::string::npos;
                             });
        if (query.find_first_not_of(" ") == std::string_view::npos || by_code || (by_name && !words.empty()))
            found.push_back({std::move(m), std::move(folded)});
    }
    if (key != nullptr)
        std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.folded < b.folded; });
    std::vector<Member> out;
    for (std::size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(std::move(found[i].member));
    return out;
}

std::int64_t count_members(storage::Database& db) {
    auto s = db.prepare("SELECT count(*) FROM lending_members");
    s.step();
    return s.column_int64(0);
}

}  // namespace desa::lending
