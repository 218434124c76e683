#include "lending/loans.hpp"

#include <algorithm>
#include <ctime>

#include "catalog/catalog_store.hpp"
#include "lending/member_card.hpp"

namespace desa::lending {
namespace {

using catalog::CopyStatus;

constexpr std::int64_t kEarliestPlausible = 1'704'067'200;  // 2024-01-01T00:00:00Z
constexpr std::int64_t kLatestPlausible = 4'102'444'800;    // 2100-01-01T00:00:00Z

constexpr std::string_view kLoanSelect =
    "SELECT l.id, l.member_id, m.card_code, l.copy_id, coalesce(c.barcode, ''), c.record_id, r.title, "
    "l.checked_out_at, l.due_at, l.renewals, l.returned_at FROM lending_loans l "
    "JOIN lending_members m ON m.id = l.member_id JOIN catalog_copies c ON c.id = l.copy_id "
    "JOIN catalog_records r ON r.id = c.record_id ";

Loan read_loan(const storage::Statement& s) {
    Loan l;
    l.id = s.column_int64(0);
    l.member_id = s.column_int64(1);
    l.card_code = s.column_text(2);
    l.copy_id = s.column_int64(3);
    l.barcode = s.column_text(4);
    l.record_id = s.column_int64(5);
    l.title = s.column_text(6);
    l.checked_out_at = s.column_int64(7);
    l.due_at = s.column_int64(8);
    l.renewals = static_cast<int>(s.column_int64(9));
    if (!s.column_is_null(10)) l.returned_at = s.column_int64(10);
    return l;
}

std::optional<Loan> loan_by_id(storage::Database& db, std::int64_t id) {
    auto s = db.prepare(std::string(kLoanSelect) + "WHERE l.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_loan(s);
}

std::optional<Loan> open_loan_of_copy(storage::Database& db, std::int64_t copy_id) {
    auto s = db.prepare(std::string(kLoanSelect) + "WHERE l.copy_id = ?1 AND l.returned_at IS NULL");
    s.bind(1, copy_id);
    if (!s.step()) return std::nullopt;
    return read_loan(s);
}

struct CopyFacts {
    std::int64_t id = 0;
    CopyStatus status = CopyStatus::Available;
    std::optional<std::int64_t> due_unix;
    std::string title;
    bool record_withdrawn = false;
};

std::optional<CopyFacts> copy_facts(storage::Database& db, std::string_view barcode) {
    const auto id = find_copy(db, barcode);
    if (!id) return std::nullopt;
    auto s = db.prepare("SELECT c.status, c.due_unix, r.title, r.withdrawn FROM catalog_copies c "
                        "JOIN catalog_records r ON r.id = c.record_id WHERE c.id = ?1");
    s.bind(1, *id);
    if (!s.step()) return std::nullopt;
    CopyFacts f;
    f.id = *id;
    f.status = catalog::copy_status_from_name(s.column_text(0)).value_or(CopyStatus::Available);
    if (!s.column_is_null(1)) f.due_unix = s.column_int64(1);
    f.title = s.column_text(2);
    f.record_withdrawn = s.column_int64(3) != 0;
    return f;
}

std::int64_t scalar(storage::Statement& s) {
    s.step();
    return s.column_int64(0);
}

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool clock_plausible(std::int64_t now) { return now >= kEarliestPlausible && now < kLatestPlausible; }

std::int64_t due_date(std::int64_t now, int loan_days) {
    const std::time_t t = static_cast<std::time_t>(now);
    std::tm local{};
    localtime_r(&t, &local);
    local.tm_mday += loan_days;  // mktime carries into months and years
    local.tm_hour = 23;
    local.tm_min = 59;
    local.tm_sec = 59;
    local.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&local));
}

int days_late(std::int64_t due_at, std::int64_t now) {
    if (now <= due_at) return 0;
    return static_cast<int>((now - due_at + 86'399) / 86'400);
}

std::optional<std::int64_t> find_copy(storage::Database& db, std::string_view barcode) {
    barcode = trim(barcode);
    if (barcode.empty()) return std::nullopt;
    // Exact, then upper case (labels are printed in capitals; the on-screen keyboard types lower
    // case), then any case: the first two use the unique index.
    for (const std::string& code : {std::string(barcode), upper_ascii(barcode)}) {
        auto s = db.prepare("SELECT id FROM catalog_copies WHERE barcode = ?1");
        s.bind(1, code);
        if (s.step()) return s.column_int64(0);
    }
    auto s = db.prepare("SELECT id FROM catalog_copies WHERE barcode = ?1 COLLATE NOCASE ORDER BY id LIMIT 1");
    s.bind(1, barcode);
    if (s.step()) return s.column_int64(0);
    return std::nullopt;
}

CheckoutResult check_out(storage::Database& db, const config::LibraryConfig& rules, std::string_view card_code,
                         std::string_view barcode, std::int64_t now) {
    CheckoutResult r;
    const auto fail = [&r](CheckoutProblem p) {
        r.problem = p;
        return r;
    };
    if (!clock_plausible(now)) return fail(CheckoutProblem::ClockNotPlausible);
    const CardCheck card = check_card_code(card_code);
    if (!card.code) return fail(CheckoutProblem::BadCardCode);

    storage::Transaction tx(db);
    auto member = db.prepare("SELECT id, blocked FROM lending_members WHERE card_code = ?1");
    member.bind(1, *card.code);
    if (!member.step()) return fail(CheckoutProblem::UnknownMember);
    const std::int64_t member_id = member.column_int64(0);
    if (member.column_int64(1) != 0) return fail(CheckoutProblem::MemberBlocked);

    const auto copy = copy_facts(db, barcode);
    if (!copy) return fail(CheckoutProblem::UnknownCopy);
    r.title = copy->title;
    if (copy->record_withdrawn) return fail(CheckoutProblem::RecordWithdrawn);
    if (copy->status == CopyStatus::Withdrawn) return fail(CheckoutProblem::CopyWithdrawn);
    if (copy->status == CopyStatus::Lost) return fail(CheckoutProblem::CopyLost);
    if (const auto open = open_loan_of_copy(db, copy->id)) {
        r.due_at = open->due_at;
        r.same_member = open->member_id == member_id;
        return fail(CheckoutProblem::CopyOnLoan);
    }
    if (copy->status == CopyStatus::OnLoan) {  // lent before lending was recorded here
        r.due_at = copy->due_unix;
        return fail(CheckoutProblem::CopyOnLoan);
    }

    auto open = db.prepare("SELECT count(*), count(*) FILTER (WHERE due_at < ?2) FROM lending_loans "
                           "WHERE member_id = ?1 AND returned_at IS NULL");
    open.bind(1, member_id).bind(2, now);
    open.step();
    const int open_count = static_cast<int>(open.column_int64(0));
    const int overdue_count = static_cast<int>(open.column_int64(1));
    if (overdue_count > 0) {
        r.count = overdue_count;
        return fail(CheckoutProblem::MemberHasOverdue);
    }
    if (open_count >= rules.max_loans) {
        r.count = open_count;
        return fail(CheckoutProblem::TooManyLoans);
    }

    const std::int64_t due = due_date(now, rules.loan_days);
    auto insert = db.prepare("INSERT INTO lending_loans (member_id, copy_id, checked_out_at, due_at) "
                             "VALUES (?1, ?2, ?3, ?4) RETURNING id");
    insert.bind(1, member_id).bind(2, copy->id).bind(3, now).bind(4, due);
    const std::int64_t loan_id = scalar(insert);
    insert.reset();
    catalog::CatalogStore(db).set_copy_status(copy->id, CopyStatus::OnLoan, due);
    r.loan = loan_by_id(db, loan_id);
    tx.commit();
    return r;
}

CheckinResult check_in(storage::Database& db, std::string_view barcode, std::int64_t now) {
    CheckinResult r;
    if (!clock_plausible(now)) {
        r.problem = CheckinProblem::ClockNotPlausible;
        return r;
    }
    storage::Transaction tx(db);
    const auto copy = copy_facts(db, barcode);
    if (!copy) {
        r.problem = CheckinProblem::UnknownCopy;
        return r;
    }
    r.title = copy->title;
    // A lost copy that comes back is found; a withdrawn one stays withdrawn.
    const CopyStatus shelf = copy->status == CopyStatus::Withdrawn ? CopyStatus::Withdrawn : CopyStatus::Available;
    if (auto loan = open_loan_of_copy(db, copy->id)) {
        // A clock set back since the check-out must not make the return earlier than the loan.
        const std::int64_t returned = std::max(now, loan->checked_out_at);
        auto close = db.prepare("UPDATE lending_loans SET returned_at = ?2 WHERE id = ?1");
        close.bind(1, loan->id).bind(2, returned);
        close.step();
        catalog::CatalogStore(db).set_copy_status(copy->id, shelf, std::nullopt);
        loan->returned_at = returned;
        r.days_late = days_late(loan->due_at, now);
        r.loan = std::move(loan);
        tx.commit();
        return r;
    }
    if (copy->status == CopyStatus::OnLoan) {
        catalog::CatalogStore(db).set_copy_status(copy->id, CopyStatus::Available, std::nullopt);
        r.untracked = true;
        if (copy->due_unix) r.days_late = days_late(*copy->due_unix, now);
        tx.commit();
        return r;
    }
    r.problem = CheckinProblem::NotOnLoan;
    return r;
}

RenewResult renew(storage::Database& db, const config::LibraryConfig& rules, std::string_view barcode, std::int64_t now) {
    RenewResult r;
    const auto fail = [&r](RenewProblem p) {
        r.problem = p;
        return r;
    };
    if (!clock_plausible(now)) return fail(RenewProblem::ClockNotPlausible);
    storage::Transaction tx(db);
    const auto copy = copy_facts(db, barcode);
    if (!copy) return fail(RenewProblem::UnknownCopy);
    r.title = copy->title;
    auto loan = open_loan_of_copy(db, copy->id);
    if (!loan) return fail(RenewProblem::NotOnLoan);
    auto blocked = db.prepare("SELECT blocked FROM lending_members WHERE id = ?1");
    blocked.bind(1, loan->member_id);
    if (scalar(blocked) != 0) return fail(RenewProblem::MemberBlocked);
    if (loan->renewals >= rules.max_renewals) return fail(RenewProblem::RenewalLimit);
    if (now > loan->due_at) {
        r.days_late = days_late(loan->due_at, now);
        return fail(RenewProblem::Overdue);
    }
    const std::int64_t due = due_date(now, rules.loan_days);
    if (due <= loan->due_at) return fail(RenewProblem::NoLaterDate);
    auto update = db.prepare("UPDATE lending_loans SET due_at = ?2, renewals = renewals + 1 WHERE id = ?1");
    update.bind(1, loan->id).bind(2, due);
    update.step();
    // Dated for the daily lending statistics (lending_stats.hpp); the loan row keeps only a count.
    db.prepare("INSERT INTO lending_renewals (loan_id, renewed_at) VALUES (?1, ?2)").bind(1, loan->id).bind(2, now).step();
    catalog::CatalogStore(db).set_copy_status(copy->id, CopyStatus::OnLoan, due);
    r.loan = loan_by_id(db, loan->id);
    tx.commit();
    return r;
}

std::vector<Loan> loans_of(storage::Database& db, std::int64_t member_id) {
    std::vector<Loan> out;
    auto s = db.prepare(std::string(kLoanSelect) + "WHERE l.member_id = ?1 AND l.returned_at IS NULL ORDER BY l.due_at, l.id");
    s.bind(1, member_id);
    while (s.step()) out.push_back(read_loan(s));
    return out;
}

std::vector<Loan> overdue_loans(storage::Database& db, std::int64_t now, std::size_t limit) {
    std::vector<Loan> out;
    auto s = db.prepare(std::string(kLoanSelect) +
                        "WHERE l.returned_at IS NULL AND l.due_at < ?1 ORDER BY l.due_at, l.id LIMIT ?2");
    s.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
    while (s.step()) out.push_back(read_loan(s));
    return out;
}

std::string_view checkout_problem_name(CheckoutProblem p) {
    switch (p) {
        case CheckoutProblem::ClockNotPlausible: return "clock_not_plausible";
        case CheckoutProblem::BadCardCode: return "bad_card_code";
        case CheckoutProblem::UnknownMember: return "unknown_member";
        case CheckoutProblem::MemberBlocked: return "member_blocked";
        case CheckoutProblem::UnknownCopy: return "unknown_copy";
        case CheckoutProblem::CopyOnLoan: return "copy_on_loan";
        case CheckoutProblem::CopyLost: return "copy_lost";
        case CheckoutProblem::CopyWithdrawn: return "copy_withdrawn";
        case CheckoutProblem::RecordWithdrawn: return "record_withdrawn";
        case CheckoutProblem::TooManyLoans: return "too_many_loans";
        case CheckoutProblem::MemberHasOverdue: return "member_has_overdue";
    }
    return "unknown_copy";
}

std::string_view checkin_problem_name(CheckinProblem p) {
    switch (p) {
        case CheckinProblem::ClockNotPlausible: return "clock_not_plausible";
        case CheckinProblem::UnknownCopy: return "unknown_copy";
        case CheckinProblem::NotOnLoan: return "not_on_loan";
    }
    return "unknown_copy";
}

std::string_view renew_problem_name(RenewProblem p) {
    switch (p) {
        case RenewProblem::ClockNotPlausible: return "clock_not_plausible";
        case RenewProblem::UnknownCopy: return "unknown_copy";
        case RenewProblem::NotOnLoan: return "not_on_loan";
        case RenewProblem::MemberBlocked: return "member_blocked";
        case RenewProblem::RenewalLimit: return "renewal_limit";
        case RenewProblem::Overdue: return "overdue";
        case RenewProblem::NoLaterDate: return "no_later_date";
    }
    return "not_on_loan";
}

}  // namespace desa::lending
