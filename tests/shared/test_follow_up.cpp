// Tracking a submission: the receipt's QR text, every way a typed code can be wrong (as a table),
// the timeline as the kiosk knows it (received, sent on the hub's acknowledgement, then the hub's
// statuses), and scanning a receipt's QR code from a camera picture.
#include <catch2/catch.hpp>

#include <ctime>

#include "scan/camera.hpp"
#include "aspirations/follow_up.hpp"
#include "barcode_png.hpp"
#include "core/readable_code.hpp"
#include "scan/barcode_scan.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "test_support.hpp"

using namespace desa::aspirations;

namespace {

constexpr std::int64_t kNow = 1'795'830'000;  // 2026-11-28
constexpr const char* kVillage = "18.01.04.2001";

struct Kiosk {
    desa::test::TempDir dir;
    desa::storage::Database db = desa::storage::open_kiosk_database(dir.path());

    Receipt submit_one(const std::string& title = "Jalan dusun rusak", std::int64_t at = kNow) {
        Accepted a{Kind::Complaint, Category::Infrastructure, title,
                   "Jalan di Dusun II berlubang sejak musim hujan, mohon diperbaiki.", "", "", "", std::nullopt, {},
                   Identity::Anonymous, "", "", ""};
        const auto r = submit(db, a, SubmitRules{kVillage, std::nullopt, 100}, at);
        REQUIRE(r.receipt);
        return *r.receipt;
    }
};

std::string swap_neighbours(std::string code) {
    for (std::size_t i = 0; i + 1 < code.size(); ++i)
        if (code[i] != code[i + 1]) {
            std::swap(code[i], code[i + 1]);
            return code;
        }
    return code;
}

std::string change_one(std::string code, std::size_t at) {
    code[at] = code[at] == 'A' ? 'B' : 'A';
    return code;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

TEST_CASE("receipt QR text: written by receipt_qr_text, read back by parse_receipt_qr", "[follow_up]") {
    const std::string code = desa::readable_code::make(kTrackingRandomChars);
    const std::string text = receipt_qr_text(kVillage, code);
    REQUIRE(text == "DESA-ASPIRASI:18.01.04.2001:" + code);
    const auto back = parse_receipt_qr(text);
    REQUIRE(back.is_receipt);
    REQUIRE(back.receipt);
    CHECK(back.receipt->village_code == kVillage);
    CHECK(back.receipt->tracking_code == code);

    struct Case {
        std::string text;
        bool is_receipt;
    };
    // Everything that starts like a receipt but is not one exactly is damaged, not "almost right".
    const std::vector<Case> damaged{
        {"DESA-ASPIRASI:", true},
        {"DESA-ASPIRASI:18.01.04.2001", true},
        {"DESA-ASPIRASI:18.01.04.2001:", true},
        {"DESA-ASPIRASI:18.1.4.2001:" + code, true},
        {"DESA-ASPIRASI:18.01.04.2001:" + lower(code), true},
        {"DESA-ASPIRASI:18.01.04.2001:" + display_tracking_code(code), true},
        {"DESA-ASPIRASI:18.01.04.2001:" + change_one(code, 3), true},
        {"DESA-ASPIRASI:18.01.04.2001:" + code + "X", true},
        {"DESA-PERPUS:18.01.04.2001:K7MQ9XD4P", false},
        {"desa-aspirasi:18.01.04.2001:" + code, false},
        {code, false},
        {"", false},
    };
    for (const auto& c : damaged) {
        INFO(c.text);
        const auto p = parse_receipt_qr(c.text);
        CHECK(p.is_receipt == c.is_receipt);
        CHECK_FALSE(p.receipt);
    }
}

TEST_CASE("tracking lookup: a table of what residents type", "[follow_up]") {
    Kiosk k;
    const Receipt r = k.submit_one();
    const std::string code = r.tracking_code;            // "7KQMA9XD4B2"
    const std::string shown = display_tracking_code(code);  // "7KQM-A9XD-4B2"
    std::string unknown;
    do unknown = desa::readable_code::make(kTrackingRandomChars);
    while (unknown == code);

    struct Case {
        std::string typed;
        std::optional<LookupProblem> expected;  // nullopt: found
    };
    const std::vector<Case> cases{
        {code, std::nullopt},
        {shown, std::nullopt},
        {lower(code), std::nullopt},
        {lower(shown), std::nullopt},
        {"  " + code.substr(0, 4) + " " + code.substr(4, 4) + "\t" + code.substr(8) + " ", std::nullopt},
        {shown + "\n", std::nullopt},  // a USB scanner's Enter
        {receipt_qr_text(kVillage, code), std::nullopt},
        {"", LookupProblem::Empty},
        {"   ", LookupProblem::Empty},
        {"- -", LookupProblem::Empty},
        {shown.substr(0, shown.size() - 1), LookupProblem::WrongLength},
        {shown + "7", LookupProblem::WrongLength},
        {code + code, LookupProblem::WrongLength},
        {change_one(code, 0).replace(2, 1, "O"), LookupProblem::BadCharacter},
        {code.substr(0, 5) + "0" + code.substr(6), LookupProblem::BadCharacter},
        {code.substr(0, 5) + "1" + code.substr(6), LookupProblem::BadCharacter},
        {code.substr(0, 5) + "l" + code.substr(6), LookupProblem::BadCharacter},
        {code + ".", LookupProblem::BadCharacter},
        {"'; DROP TABLE aspirations; --", LookupProblem::BadCharacter},
        {change_one(code, 0), LookupProblem::Typo},
        {change_one(code, 5), LookupProblem::Typo},
        {change_one(code, 10), LookupProblem::Typo},
        {swap_neighbours(code), LookupProblem::Typo},
        {lower(change_one(code, 7)), LookupProblem::Typo},
        {unknown, LookupProblem::Unknown},
        {display_tracking_code(unknown), LookupProblem::Unknown},
        {receipt_qr_text(kVillage, unknown), LookupProblem::Unknown},
        {receipt_qr_text("18.71.01.1001", code), LookupProblem::OtherVillage},
        {"DESA-ASPIRASI:18.01.04.2001:" + change_one(code, 2), LookupProblem::DamagedQr},
        {"DESA-ASPIRASI:garbage", LookupProblem::DamagedQr},
    };
    for (const auto& c : cases) {
        INFO("typed: '" << c.typed << "'");
        TrackingLookup t;
        t.code.insert(c.typed);
        const std::string before = t.code.text;
        t.look_up(k.db, kVillage);
        CHECK(t.code.text == before);  // what was typed stays, right or wrong
        if (c.expected) {
            REQUIRE(t.problem);
            CHECK(lookup_problem_name(*t.problem) == lookup_problem_name(*c.expected));
            CHECK_FALSE(t.found);
        } else {
            CHECK_FALSE(t.problem);
            REQUIRE(t.found);
            CHECK(t.found->tracking_code == code);
            CHECK(t.found->title == "Jalan dusun rusak");
        }
    }
    TrackingLookup other;
    other.code.insert(receipt_qr_text("18.71.01.1001", code));
    other.look_up(k.db, kVillage);
    CHECK(other.other_village_code == "18.71.01.1001");
}

TEST_CASE("a new lookup replaces the last one's result, and the visit resets by assignment", "[follow_up]") {
    Kiosk k;
    const Receipt r = k.submit_one();
    TrackingLookup t;
    t.code.insert(r.tracking_code);
    t.look_up(k.db, kVillage);
    REQUIRE(t.found);
    t.code.backspace();
    t.look_up(k.db, kVillage);
    CHECK_FALSE(t.found);  // the previous submission is not left on screen under a wrong code
    CHECK(t.problem == LookupProblem::WrongLength);
    t = TrackingLookup{};
    CHECK(t.code.empty());
    CHECK_FALSE(t.problem);
    CHECK_FALSE(t.found);
}

TEST_CASE("timeline: received, sent once the outbox record is acknowledged, then the hub's statuses", "[follow_up]") {
    Kiosk k;
    const Receipt r = k.submit_one();
    const auto statuses = [&] {
        std::vector<std::string> out;
        const auto s = track_with_outbox(k.db, r.tracking_code);
        REQUIRE(s);
        for (const auto& step : s->timeline)
            out.push_back(std::string(status_name(step.status)) + "@" + std::to_string(step.at - kNow) +
                          (step.answer.empty() ? "" : ":" + step.answer));
        return out;
    };
    CHECK(statuses() == std::vector<std::string>{"received@0"});

    desa::sync::mark_sent(k.db, r.uuid, kNow + 120);
    CHECK(statuses() == std::vector<std::string>{"received@0", "sent@120"});

    // The hub's statuses, arriving out of order; the answer comes with "answered".
    record_status(k.db, r.tracking_code, Status::Answered, kNow + 5000, "Dijadwalkan bulan Maret.");
    record_status(k.db, r.tracking_code, Status::Verified, kNow + 3000);
    CHECK(statuses() == std::vector<std::string>{"received@0", "sent@120", "verified@3000",
                                                 "answered@5000:Dijadwalkan bulan Maret."});
    // The hub's own "sent" wins over the outbox's acknowledgement time: one "sent", never two.
    record_status(k.db, r.tracking_code, Status::Sent, kNow + 100);
    CHECK(statuses() == std::vector<std::string>{"received@0", "sent@100", "verified@3000",
                                                 "answered@5000:Dijadwalkan bulan Maret."});
    CHECK_FALSE(track_with_outbox(k.db, desa::readable_code::make(kTrackingRandomChars)));
}

TEST_CASE("scanning a receipt's QR code from a camera picture looks the submission up", "[follow_up]") {
    Kiosk k;
    const Receipt r = k.submit_one();
    desa::test::TempDir camera_dir;
    auto camera = desa::scan::folder_camera(camera_dir.path());
    TrackingLookup t;

    CHECK(t.scan(nullptr, k.db, kVillage) == ScanResult::NoCamera);
    CHECK(t.scan(&camera, k.db, kVillage) == ScanResult::NoPicture);
    desa::test::write_blank_png(camera_dir / "1-blank.png");
    CHECK(t.scan(&camera, k.db, kVillage) == ScanResult::NoCode);
    desa::test::write_barcode_png(camera_dir / "2-card.png", ZXing::BarcodeFormat::QRCode,
                                  "DESA-PERPUS:18.01.04.2001:K7MQ9XD4P");
    CHECK(t.scan(&camera, k.db, kVillage) == ScanResult::NotReceipt);
    CHECK(t.code.empty());

    desa::test::write_barcode_png(camera_dir / "3-receipt.png", ZXing::BarcodeFormat::QRCode,
                                  receipt_qr_text(kVillage, r.tracking_code));
    REQUIRE(t.scan(&camera, k.db, kVillage) == ScanResult::Read);
    REQUIRE(t.found);
    CHECK(t.found->tracking_code == r.tracking_code);
    CHECK(t.code.text == display_tracking_code(r.tracking_code));  // as printed under the QR

    desa::test::write_barcode_png(camera_dir / "4-elsewhere.png", ZXing::BarcodeFormat::QRCode,
                                  receipt_qr_text("18.71.01.1001", r.tracking_code));
    REQUIRE(t.scan(&camera, k.db, kVillage) == ScanResult::Read);
    CHECK_FALSE(t.found);
    CHECK(t.problem == LookupProblem::OtherVillage);
}

TEST_CASE("format_day_time shows day, month, year, hours and minutes", "[follow_up]") {
    std::string noon, epoch;
    {
        desa::test::ScopedEnv tz("TZ", "UTC");
        tzset();
        noon = format_day_time(1'764'547'200 + 13 * 3600 + 5 * 60);
        epoch = format_day_time(0);
    }
    tzset();  // back to the machine's zone for the other tests
    CHECK(noon == "01-12-2025 13:05");
    CHECK(epoch == "01-01-1970 00:00");
}
