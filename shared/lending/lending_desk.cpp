#include "lending/lending_desk.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace desa::lending {
namespace {

constexpr std::size_t kReturnsKept = 20;
constexpr std::int64_t kOverdueFreshFor = 60;  // seconds

}  // namespace

void LendingDesk::unlock(storage::Database& db, std::string_view pin, KdfLimits limits, std::int64_t now) {
    VaultOpen open;
    try {
        open = open_vault(db, pin, limits, now);
    } catch (const std::exception& e) {
        // Out of memory for Argon2id, or the disk: lending still works by card code. The message
        // names no member (the vault never puts names in errors).
        spdlog::error("library member vault: {}", e.what());
    }
    key = std::move(open.key);
    pending = std::move(open.pending);
    switch (open.outcome) {
        case VaultOutcome::Created:
        case VaultOutcome::Unlocked: vault = VaultState::Open; break;
        case VaultOutcome::PinChanged: vault = VaultState::PinChanged; break;
        case VaultOutcome::Damaged: vault = VaultState::Damaged; break;
    }
    ++changes_;
}

void LendingDesk::rewrap_with_previous_pin(storage::Database& db, std::int64_t now) {
    if (vault != VaultState::PinChanged || !pending || previous_pin.empty()) return;
    Rewrap r = rewrap_vault(db, previous_pin.text, *pending, now);
    previous_pin.clear();
    rewrap_outcome = r.outcome;
    if (r.outcome == RewrapOutcome::Done) {
        key = std::move(r.key);
        pending.reset();
        vault = VaultState::Open;
        ++changes_;
        refresh(db);  // names become readable
    }
}

bool LendingDesk::register_member(storage::Database& db, std::int64_t now) {
    MemberResult r = lending::register_member(db, member_key(), {member_name.text, member_phone.text}, now);
    if (!r.member) {
        registration = std::move(r);  // what was typed stays for correcting
        return false;
    }
    ++changes_;
    registration.reset();
    registering = false;
    member_name.clear();
    member_phone.clear();
    show_member(db, r.member->id);
    return true;
}

void LendingDesk::start_registration() {
    registering = true;
    registration.reset();
}

void LendingDesk::cancel_registration() {
    registering = false;
    registration.reset();
    member_name.clear();
    member_phone.clear();
}

const std::vector<Member>& LendingDesk::found_members(storage::Database& db) {
    if (members_seen_ != changes_ || searched_ != member_search.text || searched_vault_ != vault) {
        found_ = search_members(db, member_key(), member_search.text);
        members_seen_ = changes_;
        searched_ = member_search.text;
        searched_vault_ = vault;
    }
    return found_;
}

void LendingDesk::show_member(storage::Database& db, std::int64_t member_id) {
    member = get_member(db, member_key(), member_id);
    member_loans = member ? loans_of(db, member_id) : std::vector<Loan>{};
}

void LendingDesk::set_member_blocked(storage::Database& db, bool blocked, std::int64_t now) {
    if (!member) return;
    lending::set_member_blocked(db, member->id, blocked, now);
    ++changes_;
    refresh(db);
}

bool LendingDesk::choose_borrower(storage::Database& db, std::string_view own_village_code) {
    const CardCheck card = read_card_entry(card_entry.text, own_village_code);
    if (!card.code) {
        card_lookup = CardLookup{card.problem, false};
        refused_entry = card_entry.text;
        return false;
    }
    auto found = find_member_by_card(db, member_key(), *card.code);
    if (!found) {
        card_lookup = CardLookup{std::nullopt, true};
        refused_entry = card_entry.text;
        return false;
    }
    lend_to(db, found->id);
    return true;
}

void LendingDesk::lend_to(storage::Database& db, std::int64_t member_id) {
    checkout_started = true;
    borrower = get_member(db, member_key(), member_id);
    borrower_loans = borrower ? loans_of(db, member_id) : std::vector<Loan>{};
    card_entry.clear();
    card_lookup.reset();
    copy_entry.clear();
    last_checkout.reset();
    last_scan.reset();
    lent_now = 0;
}

void LendingDesk::change_borrower() {
    borrower.reset();
    borrower_loans.clear();
    last_checkout.reset();
    last_scan.reset();
    copy_entry.clear();
    lent_now = 0;
}

void LendingDesk::check_out_copy(storage::Database& db, const config::LibraryConfig& rules, std::int64_t now) {
    if (!borrower || copy_entry.empty()) return;
    last_checkout = check_out(db, rules, borrower->card_code, copy_entry.text, now);
    last_scan.reset();
    if (last_checkout->loan) {
        copy_entry.clear();
        ++lent_now;
        ++changes_;
        refresh(db);
    } else {
        refused_entry = copy_entry.text;
    }
}

void LendingDesk::finish_checkout() {
    change_borrower();
    checkout_started = false;
    card_entry.clear();
    card_lookup.reset();
}

void LendingDesk::record_return(storage::Database& db, ReturnEntry entry, bool refused) {
    if (!refused) {
        return_entry.clear();
        ++changes_;
        refresh(db);
    } else {
        refused_entry = return_entry.text;  // kept in the field to be corrected, not retyped
    }
    returns.insert(returns.begin(), std::move(entry));
    if (returns.size() > kReturnsKept) returns.pop_back();
    last_scan.reset();
}

void LendingDesk::return_copy(storage::Database& db, std::int64_t now) {
    if (return_entry.empty()) return;
    ReturnEntry e{return_entry.text, check_in(db, return_entry.text, now), std::nullopt};
    const bool refused = e.checkin->problem.has_value();
    record_return(db, std::move(e), refused);
}

void LendingDesk::renew_copy(storage::Database& db, const config::LibraryConfig& rules, std::int64_t now) {
    if (return_entry.empty()) return;
    ReturnEntry e{return_entry.text, std::nullopt, renew(db, rules, return_entry.text, now)};
    const bool refused = e.renewal->problem.has_value();
    record_return(db, std::move(e), refused);
}

const std::vector<Loan>& LendingDesk::overdue(storage::Database& db, std::int64_t now) {
    if (overdue_seen_ != changes_ || now < overdue_at_ || now - overdue_at_ >= kOverdueFreshFor) {
        overdue_ = overdue_loans(db, now);
        overdue_seen_ = changes_;
        overdue_at_ = now;
    }
    return overdue_;
}

ScanOutcome LendingDesk::scan_into(scan::Camera* camera, session::TextField& field, bool member_card) {
    const auto outcome = [this](ScanOutcome o) {
        last_scan = o;
        return o;
    };
    if (camera == nullptr) return outcome(ScanOutcome::NoCamera);
    const auto frame = camera->next_frame();
    if (!frame) return outcome(ScanOutcome::NoPicture);
    const auto codes = scan::read_codes(*frame);
    if (codes.empty()) return outcome(ScanOutcome::NoCode);
    for (const auto& code : codes) {
        const bool card = code.kind == scan::CodeKind::Member;
        if (member_card && card) {
            // The whole QR text: read_card_entry then tells another village's card from a typo.
            field.clear();
            field.insert(code.text);
            return outcome(ScanOutcome::Read);
        }
        if (!member_card && !card && code.kind != scan::CodeKind::Isbn) {
            field.clear();
            field.insert(code.text);
            return outcome(ScanOutcome::Read);
        }
    }
    return outcome(ScanOutcome::WrongKind);
}

void LendingDesk::refresh(storage::Database& db) {
    if (member) show_member(db, member->id);
    if (borrower) {
        borrower = get_member(db, member_key(), borrower->id);
        borrower_loans = borrower ? loans_of(db, borrower->id) : std::vector<Loan>{};
    }
}

}  // namespace desa::lending
