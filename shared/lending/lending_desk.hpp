#pragma once
// What the librarian is doing at the lending desk: the member-data key opened at sign-in, the member
// form and search, the member being served at check-out, the returns of this visit. Part of the
// visit: KioskSession replaces it with LendingDesk{} on sign-out and wipe, which frees (and zeroes)
// the key. The screens draw this state and call these methods; every rule lives in loans.hpp and
// members.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/kiosk_config.hpp"
#include "lending/loans.hpp"
#include "lending/member_card.hpp"
#include "lending/member_vault.hpp"
#include "lending/members.hpp"
#include "scan/barcode_scan.hpp"
#include "scan/camera.hpp"
#include "session/text_field.hpp"
#include "storage/database.hpp"

namespace desa::lending {

enum class VaultState {
    Locked,      // not signed in with the PIN (names unreadable)
    Open,        // names readable
    PinChanged,  // the PIN changed since the key was wrapped: the previous PIN re-wraps it
    Damaged,     // the stored key cannot be used
};

// The card step of a check-out: what was wrong with the card typed or scanned.
struct CardLookup {
    std::optional<CardProblem> problem;  // the code itself
    bool unknown = false;                // a valid code, but no such member
};

enum class ScanOutcome {
    Read,        // the code is in the field
    NoCamera,
    NoPicture,   // no new picture from the camera
    NoCode,      // a picture without a readable code
    WrongKind,   // e.g. an ISBN or a member card where a copy label was wanted
};

struct ReturnEntry {
    std::string barcode;
    std::optional<CheckinResult> checkin;  // a return
    std::optional<RenewResult> renewal;    // or a renewal
};

struct LendingDesk {
    // Member-data key (member_vault.hpp), from sign-in to sign-out.
    VaultState vault = VaultState::Locked;
    std::optional<SecretKey> key;
    std::optional<PendingWrap> pending;
    session::TextField previous_pin{session::FieldKind::Pin, 12, {}};
    std::optional<RewrapOutcome> rewrap_outcome;

    // Members screen.
    session::TextField member_search{session::FieldKind::Text, 60, {}};
    bool registering = false;
    session::TextField member_name{session::FieldKind::Text, people::kNameMaxChars, {}};
    session::TextField member_phone{session::FieldKind::Digits, 20, {}};
    std::optional<MemberResult> registration;  // the last attempt that failed

    // The member on MemberDetail, and their open loans.
    std::optional<Member> member;
    std::vector<Loan> member_loans;

    // Check-out: step 1 the card, step 2 the copies.
    bool checkout_started = false;
    session::TextField card_entry{session::FieldKind::Text, 64, {}};
    std::optional<CardLookup> card_lookup;
    std::optional<Member> borrower;
    std::vector<Loan> borrower_loans;
    session::TextField copy_entry{session::FieldKind::Text, 40, {}};
    std::optional<CheckoutResult> last_checkout;
    int lent_now = 0;  // copies lent in this check-out

    // Returns and renewals of this visit, newest first.
    session::TextField return_entry{session::FieldKind::Text, 40, {}};
    std::vector<ReturnEntry> returns;

    std::optional<ScanOutcome> last_scan;
    // The text of the last entry refused (card, copy or return). Done/Enter again on the same text
    // closes the keyboard instead of repeating the refusal.
    std::string refused_entry;
    bool was_refused(const session::TextField& field) const { return !field.empty() && field.text == refused_entry; }

    // --- The key. `pin`: the librarian PIN just accepted.
    void unlock(storage::Database& db, std::string_view pin, KdfLimits limits, std::int64_t now);
    // Re-wraps with the PIN typed in previous_pin (cleared either way).
    void rewrap_with_previous_pin(storage::Database& db, std::int64_t now);
    const SecretKey* member_key() const { return key ? &*key : nullptr; }

    // --- Members.
    // Registers member_name/member_phone; on success clears the form and shows the new member.
    bool register_member(storage::Database& db, std::int64_t now);
    void start_registration();
    void cancel_registration();
    const std::vector<Member>& found_members(storage::Database& db);
    void show_member(storage::Database& db, std::int64_t member_id);
    void set_member_blocked(storage::Database& db, bool blocked, std::int64_t now);

    // --- Check-out.
    // The card in card_entry (a typed code or a scanned QR text); true when a member was found.
    bool choose_borrower(storage::Database& db, std::string_view own_village_code);
    void lend_to(storage::Database& db, std::int64_t member_id);  // "lend books" on MemberDetail
    void change_borrower();
    // Lends the copy in copy_entry to the borrower; the field is cleared when it worked.
    void check_out_copy(storage::Database& db, const config::LibraryConfig& rules, std::int64_t now);
    void finish_checkout();

    // --- Returns.
    void return_copy(storage::Database& db, std::int64_t now);
    void renew_copy(storage::Database& db, const config::LibraryConfig& rules, std::int64_t now);

    // --- Overdue loans at `now` (re-read after any change or a minute later).
    const std::vector<Loan>& overdue(storage::Database& db, std::int64_t now);

    // --- Camera: the next picture's code into `field`. `member_card`: want a member card (its code
    // goes in the field), else a copy label (any code but an ISBN or a member card).
    ScanOutcome scan_into(scan::Camera* camera, session::TextField& field, bool member_card);

    // Reloads the member and borrower (and their loans) after a change made elsewhere.
    void refresh(storage::Database& db);

private:
    // The outcome of a return or renewal: listed first; the field is cleared unless it was refused.
    void record_return(storage::Database& db, ReturnEntry entry, bool refused);

    int changes_ = 0;         // bumped by every write
    int members_seen_ = -1;   // changes_ when found_ was read
    std::string searched_;
    VaultState searched_vault_ = VaultState::Locked;
    std::vector<Member> found_;
    int overdue_seen_ = -1;
    std::int64_t overdue_at_ = 0;
    std::vector<Loan> overdue_;
};

}  // namespace desa::lending
