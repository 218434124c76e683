// Lending rules: check-out, return and renewal against a real kiosk.db with a small catalogue, each
// refusal named, and the copy's status (what search and the record screen show) kept in step.
#include <catch2/catch.hpp>

#include <ctime>

#include "catalog/catalog_store.hpp"
#include "core/dates.hpp"
#include "lending/loans.hpp"
#include "lending/members.hpp"
#include "storage/kiosk_schema.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::lending;
using catalog::CopyStatus;

namespace {

constexpr std::int64_t kDay = 86'400;
// 2025-12-01 10:00 WIB (03:00 UTC).
constexpr std::int64_t kNow = 1'764'547'200 + 3 * 3600;

// Due dates are local days: pin the zone (Indonesia's western time, no daylight saving).
struct WibZone {
    test::ScopedEnv tz{"TZ", std::string("WIB-7")};
    WibZone() { tzset(); }
    ~WibZone() { tzset(); }  // runs before tz restores the variable; the next tzset() call picks it up
};

struct Library {
    WibZone zone;
    test::TempDir dir;
    storage::Database db = storage::open_kiosk_database(dir.path());
    SecretKey key = std::move(*open_vault(db, "135790", KdfLimits::minimum(), kNow).key);
    config::LibraryConfig rules{"", 14, 3, 1};
    std::int64_t withdrawn_record = 0;

    Library() {
        catalog::CatalogStore store(db);
        const auto add = [&](const char* title, std::vector<std::pair<const char*, CopyStatus>> copies,
                             std::optional<std::int64_t> due = std::nullopt) {
            catalog::Record r;
            r.title = title;
            for (const auto& [barcode, status] : copies) {
                catalog::Copy c;
                c.barcode = barcode;
                c.status = status;
                if (status == CopyStatus::OnLoan) c.due_unix = due;
                r.copies.push_back(c);
            }
            store.upsert(r);
            return r.id;
        };
        add("Laskar Pelangi", {{"LP-1", CopyStatus::Available}, {"LP-2", CopyStatus::Available}});
        add("Bumi Manusia", {{"BM-1", CopyStatus::Available}});
        add("Cerita Rakyat Lampung", {{"CR-1", CopyStatus::Available}, {"CR-2", CopyStatus::Available},
                                      {"CR-3", CopyStatus::Available}, {"CR-4", CopyStatus::Available}});
        add("Rindu", {{"R-1", CopyStatus::Lost}});
        add("Rumah Kaca", {{"RK-1", CopyStatus::Withdrawn}});
        add("Jejak Langkah", {{"JL-1", CopyStatus::OnLoan}}, kNow + 5 * kDay);  // lent before lending came here
        withdrawn_record = add("Buku Lama", {{"OB-1", CopyStatus::Available}});
        store.withdraw(withdrawn_record);
    }

    std::string member(const char* name) {
        return register_member(db, &key, {name, ""}, kNow).member->card_code;
    }
    CopyStatus status(const char* barcode) {
        auto s = db.prepare("SELECT status FROM catalog_copies WHERE barcode = ?1");
        s.bind(1, std::string_view(barcode));
        REQUIRE(s.step());
        return *catalog::copy_status_from_name(s.column_text(0));
    }
    std::optional<std::int64_t> due(const char* barcode) {
        auto s = db.prepare("SELECT due_unix FROM catalog_copies WHERE barcode = ?1");
        s.bind(1, std::string_view(barcode));
        REQUIRE(s.step());
        if (s.column_is_null(0)) return std::nullopt;
        return s.column_int64(0);
    }
    std::int64_t open_loans() {
        auto s = db.prepare("SELECT count(*) FROM lending_loans WHERE returned_at IS NULL");
        s.step();
        return s.column_int64(0);
    }
};

}  // namespace

TEST_CASE("a loan is due at the end of the 14th day, in local time", "[loans]") {
    WibZone zone;
    struct Case {
        std::int64_t now;
        int days;
        const char* due_day;
    };
    const Case cases[] = {
        {kNow, 14, "15-12-2025"},
        {1'764'547'200 - 3600, 14, "15-12-2025"},  // 06:00 WIB on 1 December: the same local day
        {1'764'547'200 - 8 * 3600, 14, "14-12-2025"},  // 23:00 WIB on 30 November
        {kNow, 1, "02-12-2025"},
        {kNow + 30 * kDay, 14, "14-01-2026"},  // across the year end
        {1'706'659'200, 30, "01-03-2024"},     // 31-01-2024 07:00 WIB + 30 days, a leap year
    };
    for (const auto& c : cases) {
        INFO(c.now << " + " << c.days);
        const std::int64_t due = due_date(c.now, c.days);
        CHECK(format_day(due) == c.due_day);
        CHECK(format_day(due + 1) != c.due_day);  // the last second of that day
    }
    CHECK(days_late(kNow, kNow) == 0);
    CHECK(days_late(kNow, kNow - 1000) == 0);
    CHECK(days_late(kNow, kNow + 1) == 1);
    CHECK(days_late(kNow, kNow + kDay) == 1);
    CHECK(days_late(kNow, kNow + kDay + 1) == 2);
    CHECK(days_late(kNow, kNow + 10 * kDay) == 10);
}

TEST_CASE("the kiosk clock must be plausible to lend", "[loans]") {
    CHECK_FALSE(clock_plausible(0));                    // a Raspberry Pi without RTC
    CHECK_FALSE(clock_plausible(86'400 * 365));
    CHECK_FALSE(clock_plausible(1'704'067'199));        // 2023-12-31 23:59:59 UTC
    CHECK(clock_plausible(1'704'067'200));
    CHECK(clock_plausible(kNow));
    CHECK_FALSE(clock_plausible(4'102'444'800));        // 2100
    Library lib;
    const std::string card = lib.member("Siti Aminah");
    CHECK(check_out(lib.db, lib.rules, card, "LP-1", 3600).problem == CheckoutProblem::ClockNotPlausible);
    CHECK(lib.status("LP-1") == CopyStatus::Available);
    REQUIRE(check_out(lib.db, lib.rules, card, "LP-1", kNow).loan);
    CHECK(check_in(lib.db, "LP-1", 3600).problem == CheckinProblem::ClockNotPlausible);
    CHECK(renew(lib.db, lib.rules, "LP-1", 3600).problem == RenewProblem::ClockNotPlausible);
    CHECK(lib.status("LP-1") == CopyStatus::OnLoan);
}

TEST_CASE("checking out writes the loan and the copy's status together", "[loans]") {
    Library lib;
    const std::string card = lib.member("Siti Aminah");
    const CheckoutResult r = check_out(lib.db, lib.rules, group_card_code(card), "lp-1", kNow);  // as typed
    REQUIRE(r.loan);
    CHECK_FALSE(r.problem);
    const Loan& loan = *r.loan;
    CHECK(loan.barcode == "LP-1");
    CHECK(loan.title == "Laskar Pelangi");
    CHECK(loan.card_code == card);
    CHECK(loan.checked_out_at == kNow);
    CHECK(format_day(loan.due_at) == "15-12-2025");
    CHECK(loan.renewals == 0);
    CHECK_FALSE(loan.returned_at);
    // Search and the record screen read the copy: on loan until the due date.
    CHECK(lib.status("LP-1") == CopyStatus::OnLoan);
    CHECK(lib.due("LP-1") == loan.due_at);
    auto facets = lib.db.prepare("SELECT available, on_loan FROM catalog_facets f JOIN catalog_copies c "
                                 "ON c.record_id = f.record_id WHERE c.barcode = 'LP-1'");
    REQUIRE(facets.step());
    CHECK(facets.column_int64(0) == 1);
    CHECK(facets.column_int64(1) == 1);
    const auto loans = loans_of(lib.db, loan.member_id);
    REQUIRE(loans.size() == 1);
    CHECK(loans[0].id == loan.id);
}

TEST_CASE("check-outs are refused for each broken rule, and nothing changes", "[loans]") {
    Library lib;
    const std::string siti = lib.member("Siti Aminah");
    const std::string budi = lib.member("Budi Santoso");
    const std::string blocked = lib.member("Ani Lestari");
    set_member_blocked(lib.db, find_member_by_card(lib.db, nullptr, blocked)->id, true, kNow);
    REQUIRE(check_out(lib.db, lib.rules, budi, "BM-1", kNow).loan);
    std::string typo = siti;
    typo[2] = typo[2] == 'A' ? 'B' : 'A';

    struct Case {
        const char* what;
        std::string card;
        std::string barcode;
        CheckoutProblem problem;
    };
    const Case cases[] = {
        {"a typo in the card code", typo, "LP-1", CheckoutProblem::BadCardCode},
        {"no card", "", "LP-1", CheckoutProblem::BadCardCode},
        {"a card of nobody", new_card_code(), "LP-1", CheckoutProblem::UnknownMember},
        {"a blocked member", blocked, "LP-1", CheckoutProblem::MemberBlocked},
        {"no such copy", siti, "XX-9", CheckoutProblem::UnknownCopy},
        {"an empty barcode", siti, "  ", CheckoutProblem::UnknownCopy},
        {"a quote in the barcode", siti, "LP-1' OR '1'='1", CheckoutProblem::UnknownCopy},
        {"lent to another member", siti, "BM-1", CheckoutProblem::CopyOnLoan},
        {"lent before lending was recorded here", siti, "JL-1", CheckoutProblem::CopyOnLoan},
        {"a lost copy", siti, "R-1", CheckoutProblem::CopyLost},
        {"a withdrawn copy", siti, "RK-1", CheckoutProblem::CopyWithdrawn},
        {"a withdrawn title", siti, "OB-1", CheckoutProblem::RecordWithdrawn},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        const CheckoutResult r = check_out(lib.db, lib.rules, c.card, c.barcode, kNow);
        CHECK_FALSE(r.loan);
        REQUIRE(r.problem);
        CHECK(*r.problem == c.problem);
    }
    CHECK(lib.open_loans() == 1);
    CHECK(lib.status("LP-1") == CopyStatus::Available);

    const CheckoutResult other = check_out(lib.db, lib.rules, siti, "BM-1", kNow);
    CHECK_FALSE(other.same_member);
    CHECK(format_day(*other.due_at) == "15-12-2025");  // says until when
    CHECK(other.title == "Bumi Manusia");
    const CheckoutResult again = check_out(lib.db, lib.rules, budi, "BM-1", kNow);
    CHECK(again.same_member);  // scanned twice
    CHECK(check_out(lib.db, lib.rules, siti, "JL-1", kNow).due_at == kNow + 5 * kDay);
}

TEST_CASE("a member may have max_loans books, and none while one is overdue", "[loans]") {
    Library lib;
    const std::string siti = lib.member("Siti Aminah");
    for (const char* b : {"CR-1", "CR-2", "CR-3"}) REQUIRE(check_out(lib.db, lib.rules, siti, b, kNow).loan);
    const CheckoutResult fourth = check_out(lib.db, lib.rules, siti, "CR-4", kNow);
    CHECK(fourth.problem == CheckoutProblem::TooManyLoans);
    CHECK(fourth.count == 3);
    REQUIRE(check_in(lib.db, "CR-3", kNow + kDay).loan);
    REQUIRE(check_out(lib.db, lib.rules, siti, "CR-4", kNow + kDay).loan);

    // Sixteen days later the first loans are overdue: no more until they come back.
    const std::int64_t later = kNow + 16 * kDay;
    REQUIRE(check_in(lib.db, "CR-4", later).loan);  // one back, two still out and late
    const CheckoutResult late = check_out(lib.db, lib.rules, siti, "LP-1", later);
    CHECK(late.problem == CheckoutProblem::MemberHasOverdue);
    CHECK(late.count == 2);
    REQUIRE(check_in(lib.db, "CR-1", later).loan);
    REQUIRE(check_in(lib.db, "CR-2", later).loan);
    CHECK(check_out(lib.db, lib.rules, siti, "LP-1", later).loan);
}

TEST_CASE("returns close the loan, count the days late and put the copy back", "[loans]") {
    Library lib;
    const std::string siti = lib.member("Siti Aminah");
    const Loan out = *check_out(lib.db, lib.rules, siti, "LP-1", kNow).loan;
    REQUIRE(check_out(lib.db, lib.rules, siti, "LP-2", kNow).loan);

    const CheckinResult on_time = check_in(lib.db, "LP-1", out.due_at);
    REQUIRE(on_time.loan);
    CHECK(on_time.days_late == 0);
    CHECK(on_time.loan->returned_at == out.due_at);
    CHECK(on_time.title == "Laskar Pelangi");
    CHECK(lib.status("LP-1") == CopyStatus::Available);
    CHECK_FALSE(lib.due("LP-1"));

    const CheckinResult late = check_in(lib.db, " lp-2 ", out.due_at + 3 * kDay - 60);
    REQUIRE(late.loan);
    CHECK(late.days_late == 3);

    struct Case {
        const char* barcode;
        CheckinProblem problem;
    };
    const Case cases[] = {{"LP-1", CheckinProblem::NotOnLoan},   // returned twice
                          {"BM-1", CheckinProblem::NotOnLoan},   // never lent
                          {"RK-1", CheckinProblem::NotOnLoan},
                          {"XX-9", CheckinProblem::UnknownCopy},
                          {"", CheckinProblem::UnknownCopy}};
    for (const auto& c : cases) {
        INFO(c.barcode);
        CHECK(check_in(lib.db, c.barcode, kNow).problem == c.problem);
    }
    // A copy lent before lending was recorded here comes back too.
    const CheckinResult imported = check_in(lib.db, "JL-1", kNow + 7 * kDay);
    CHECK(imported.untracked);
    CHECK_FALSE(imported.loan);
    CHECK_FALSE(imported.problem);
    CHECK(imported.days_late == 2);
    CHECK(lib.status("JL-1") == CopyStatus::Available);
    CHECK(lib.open_loans() == 0);
}

TEST_CASE("a return earlier than the check-out (clock set back) is recorded at the check-out time", "[loans]") {
    Library lib;
    const Loan out = *check_out(lib.db, lib.rules, lib.member("Siti Aminah"), "LP-1", kNow).loan;
    const CheckinResult back = check_in(lib.db, "LP-1", kNow - 3600);
    REQUIRE(back.loan);
    CHECK(back.loan->returned_at == out.checked_out_at);
    CHECK(back.days_late == 0);
}

TEST_CASE("renewals move the due date once, never for a late or blocked loan", "[loans]") {
    Library lib;
    const std::string siti = lib.member("Siti Aminah");
    const Loan out = *check_out(lib.db, lib.rules, siti, "LP-1", kNow).loan;
    CHECK(renew(lib.db, lib.rules, "LP-1", kNow).problem == RenewProblem::NoLaterDate);  // same day

    const RenewResult renewed = renew(lib.db, lib.rules, "lp-1", kNow + 10 * kDay);
    REQUIRE(renewed.loan);
    CHECK(format_day(renewed.loan->due_at) == "25-12-2025");
    CHECK(renewed.loan->renewals == 1);
    CHECK(lib.due("LP-1") == renewed.loan->due_at);
    CHECK(renew(lib.db, lib.rules, "LP-1", kNow + 12 * kDay).problem == RenewProblem::RenewalLimit);

    REQUIRE(check_out(lib.db, lib.rules, siti, "LP-2", kNow).loan);
    const RenewResult late = renew(lib.db, lib.rules, "LP-2", out.due_at + 2 * kDay);
    CHECK(late.problem == RenewProblem::Overdue);
    CHECK(late.days_late == 2);

    config::LibraryConfig none = lib.rules;
    none.max_renewals = 0;
    CHECK(renew(lib.db, none, "LP-2", kNow + kDay).problem == RenewProblem::RenewalLimit);
    CHECK(renew(lib.db, lib.rules, "CR-1", kNow).problem == RenewProblem::NotOnLoan);
    CHECK(renew(lib.db, lib.rules, "JL-1", kNow).problem == RenewProblem::NotOnLoan);
    CHECK(renew(lib.db, lib.rules, "XX-9", kNow).problem == RenewProblem::UnknownCopy);

    REQUIRE(check_out(lib.db, lib.rules, siti, "BM-1", kNow).loan);
    set_member_blocked(lib.db, find_member_by_card(lib.db, nullptr, siti)->id, true, kNow);
    CHECK(renew(lib.db, lib.rules, "BM-1", kNow + kDay).problem == RenewProblem::MemberBlocked);
}

TEST_CASE("the overdue list puts the most overdue first", "[loans]") {
    Library lib;
    const std::string siti = lib.member("Siti Aminah");
    const std::string budi = lib.member("Budi Santoso");
    REQUIRE(check_out(lib.db, lib.rules, siti, "CR-1", kNow + 2 * kDay).loan);
    REQUIRE(check_out(lib.db, lib.rules, budi, "CR-2", kNow).loan);
    REQUIRE(check_out(lib.db, lib.rules, siti, "CR-3", kNow + 8 * kDay).loan);
    CHECK(overdue_loans(lib.db, kNow + 10 * kDay).empty());
    const auto late = overdue_loans(lib.db, kNow + 19 * kDay);
    REQUIRE(late.size() == 2);
    CHECK(late[0].barcode == "CR-2");
    CHECK(late[0].card_code == budi);
    CHECK(days_late(late[0].due_at, kNow + 19 * kDay) == 5);
    CHECK(late[1].barcode == "CR-1");
    CHECK(days_late(late[1].due_at, kNow + 19 * kDay) == 3);
    CHECK(overdue_loans(lib.db, kNow + 19 * kDay, 1).size() == 1);
    const auto siti_loans = loans_of(lib.db, find_member_by_card(lib.db, nullptr, siti)->id);
    REQUIRE(siti_loans.size() == 2);
    CHECK(siti_loans[0].barcode == "CR-1");  // soonest due first
}

TEST_CASE("the schema keeps one open loan per copy, and a failed write leaves nothing half done", "[loans]") {
    Library lib;
    const Loan out = *check_out(lib.db, lib.rules, lib.member("Siti Aminah"), "LP-1", kNow).loan;
    const std::string copy = std::to_string(out.copy_id), member = std::to_string(out.member_id);
    CHECK_THROWS_AS(lib.db.exec("INSERT INTO lending_loans (member_id, copy_id, checked_out_at, due_at) VALUES (" +
                                member + ", " + copy + ", 1, 2)"),
                    storage::StorageError);
    CHECK_THROWS_AS(lib.db.exec("UPDATE lending_loans SET due_at = checked_out_at"), storage::StorageError);
    CHECK_THROWS_AS(lib.db.exec("UPDATE lending_loans SET renewals = -1"), storage::StorageError);
    CHECK_THROWS_AS(lib.db.exec("INSERT INTO lending_loans (member_id, copy_id, checked_out_at, due_at) VALUES "
                                "(999, (SELECT id FROM catalog_copies WHERE barcode = 'LP-2'), 1, 2)"),
                    storage::StorageError);

    // The copy's status cannot be written: the loan row must not stay behind either.
    lib.db.exec("CREATE TRIGGER no_status BEFORE UPDATE OF status ON catalog_copies "
                "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    CHECK_THROWS_AS(check_out(lib.db, lib.rules, out.card_code, "LP-2", kNow), storage::StorageError);
    CHECK(lib.open_loans() == 1);
    CHECK_THROWS_AS(check_in(lib.db, "LP-1", kNow), storage::StorageError);
    CHECK(lib.open_loans() == 1);
    lib.db.exec("DROP TRIGGER no_status");
    CHECK(check_in(lib.db, "LP-1", kNow).loan);
    CHECK(lib.open_loans() == 0);
}
