#pragma once
// Loans: check out a copy to a member, take it back, renew it, and list what is out and overdue.
// Each operation is one transaction that writes the loan row and the copy's status together
// (through CatalogStore, so search availability and "on loan until" stay right). Times are wall
// clock unix seconds; a clock before 2024 (a Raspberry Pi without RTC boots in 1970) is refused
// rather than dating loans in 1970.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/kiosk_config.hpp"
#include "storage/database.hpp"

namespace desa::lending {

struct Loan {
    std::int64_t id = 0;
    std::int64_t member_id = 0;
    std::string card_code;
    std::int64_t copy_id = 0;
    std::string barcode;
    std::int64_t record_id = 0;
    std::string title;
    std::int64_t checked_out_at = 0;
    std::int64_t due_at = 0;
    int renewals = 0;
    std::optional<std::int64_t> returned_at;
};

// 2024-01-01 <= now < 2100-01-01.
bool clock_plausible(std::int64_t now);
// The end (23:59:59, local time) of the `loan_days`-th day after the day of `now`.
std::int64_t due_date(std::int64_t now, int loan_days);
// Whole days a loan due at `due_at` is late at `now` (0 when not late; 1 from the second after).
int days_late(std::int64_t due_at, std::int64_t now);

enum class CheckoutProblem {
    ClockNotPlausible,
    BadCardCode,       // not a valid card code (see member_card; the caller usually checks first)
    UnknownMember,
    MemberBlocked,
    UnknownCopy,       // no copy with this barcode
    CopyOnLoan,        // `due_at` says until when; `same_member` if this member has it already
    CopyLost,
    CopyWithdrawn,
    RecordWithdrawn,   // the whole title left the catalogue
    TooManyLoans,      // `count` loans already (max_loans)
    MemberHasOverdue,  // `count` overdue loans: returned first
};
struct CheckoutResult {
    std::optional<Loan> loan;
    std::optional<CheckoutProblem> problem;
    std::optional<std::int64_t> due_at;  // with CopyOnLoan, when known
    bool same_member = false;            // with CopyOnLoan
    int count = 0;                       // with TooManyLoans, MemberHasOverdue
    std::string title;                   // the copy's title, when the copy is known
};
CheckoutResult check_out(storage::Database& db, const config::LibraryConfig& rules, std::string_view card_code,
                         std::string_view barcode, std::int64_t now);

enum class CheckinProblem { ClockNotPlausible, UnknownCopy, NotOnLoan };
struct CheckinResult {
    std::optional<Loan> loan;  // the closed loan (returned_at set); nullopt for an untracked return
    std::optional<CheckinProblem> problem;
    int days_late = 0;
    // The copy was marked on loan without a loan recorded here (imported from another system): it
    // is back on the shelf now.
    bool untracked = false;
    std::string title;
};
CheckinResult check_in(storage::Database& db, std::string_view barcode, std::int64_t now);

enum class RenewProblem {
    ClockNotPlausible,
    UnknownCopy,
    NotOnLoan,      // includes a copy on loan without a loan recorded here
    MemberBlocked,
    RenewalLimit,   // max_renewals reached
    Overdue,        // `days_late`: returned first, then lent again
    NoLaterDate,    // renewing today would not move the due date
};
struct RenewResult {
    std::optional<Loan> loan;  // with the new due date
    std::optional<RenewProblem> problem;
    int days_late = 0;
    std::string title;
};
RenewResult renew(storage::Database& db, const config::LibraryConfig& rules, std::string_view barcode, std::int64_t now);

// A member's open loans, soonest due first.
std::vector<Loan> loans_of(storage::Database& db, std::int64_t member_id);
// Open loans past due at `now`, most overdue first.
std::vector<Loan> overdue_loans(storage::Database& db, std::int64_t now, std::size_t limit = 200);
// Where a copy barcode is: case-insensitive, spaces around ignored ("hjm-0001" finds "HJM-0001").
std::optional<std::int64_t> find_copy(storage::Database& db, std::string_view barcode);

std::string_view checkout_problem_name(CheckoutProblem);
std::string_view checkin_problem_name(CheckinProblem);
std::string_view renew_problem_name(RenewProblem);

}  // namespace desa::lending
