// Ticket and appointment QR payloads: genuine ones verify, forged, altered, expired, early and
// foreign ones are told apart, and a ticket's text survives a real QR code (ZXing writes it, the
// kiosk's scan pipeline reads it back from a PNG).
#include <catch2/catch.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include "barcode_png.hpp"
#include "queue/ticket_qr.hpp"
#include "scan/barcode_scan.hpp"
#include "test_support.hpp"

using namespace desa::queue;
using desa::sync::make_sign_key_pair;
using desa::sync::SignKeyPair;

namespace {

const std::string kVillage = "18.01.04.2001";
const LocalDate kToday{2025, 12, 1};

const SignKeyPair& kiosk_key() {
    static const SignKeyPair k = make_sign_key_pair();
    return k;
}
const SignKeyPair& province_key() {
    static const SignKeyPair k = make_sign_key_pair();
    return k;
}

TicketQr sample_ticket() {
    return TicketQr{kVillage, kToday, "A012", "domisili", 1'764'556'200};
}

std::string last_field(const std::string& text) {
    return text.substr(text.rfind(':') + 1);
}

// The text with its colon-separated field `index` replaced (the signature left as it was).
std::string with_field(const std::string& text, std::size_t index, const std::string& value) {
    std::vector<std::string> f;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = text.find(':', start);
        f.push_back(text.substr(start, colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    f[index] = value;
    std::string out;
    for (std::size_t i = 0; i < f.size(); ++i) out += (i ? ":" : "") + f[i];
    return out;
}

}  // namespace

TEST_CASE("queue ticket QR: a genuine ticket verifies with its fields", "[queue][qr]") {
    const std::string text = ticket_qr_text(sample_ticket(), kiosk_key().secret_key);
    INFO(text);
    CHECK(text.starts_with("DESA-ANTRI:1:18.01.04.2001:20251201:A012:domisili:1764556200:"));
    CHECK(text.size() < 170);
    const auto check = verify_ticket_qr(text, kiosk_key().public_key, kToday, kVillage);
    CHECK(check.verdict == QrVerdict::Valid);
    REQUIRE(check.ticket);
    CHECK(check.ticket->number == "A012");
    CHECK(check.ticket->service_id == "domisili");
    CHECK(check.ticket->day == kToday);
    CHECK(check.ticket->issued_at == 1'764'556'200);
    CHECK(check.ticket->village_code == kVillage);
}

TEST_CASE("queue ticket QR: forged, altered, expired, foreign and unknown texts", "[queue][qr]") {
    const std::string good = ticket_qr_text(sample_ticket(), kiosk_key().secret_key);
    TicketQr yesterday = sample_ticket();
    yesterday.day = LocalDate{2025, 11, 30};
    TicketQr elsewhere = sample_ticket();
    elsewhere.village_code = "18.01.04.2002";
    struct Case {
        const char* name;
        std::string text;
        QrVerdict verdict;
        LocalDate today = kToday;
    };
    const std::string sig = last_field(good);
    const std::vector<Case> cases{
        {"genuine", good, QrVerdict::Valid},
        {"signed by another kiosk", ticket_qr_text(sample_ticket(), make_sign_key_pair().secret_key),
         QrVerdict::Forged},
        {"number altered", with_field(good, 4, "A002"), QrVerdict::Forged},
        {"date altered to today", with_field(ticket_qr_text(yesterday, kiosk_key().secret_key), 3, "20251201"),
         QrVerdict::Forged},
        {"service altered", with_field(good, 5, "sktm"), QrVerdict::Forged},
        {"village altered", with_field(good, 2, "18.01.04.2002"), QrVerdict::Forged},
        {"issue time altered", with_field(good, 6, "1764556201"), QrVerdict::Forged},
        {"signature of another ticket",
         with_field(good, 7, last_field(ticket_qr_text(yesterday, kiosk_key().secret_key))), QrVerdict::Forged},
        {"signature missing", good.substr(0, good.rfind(':')), QrVerdict::Forged},
        {"signature empty", good.substr(0, good.rfind(':') + 1), QrVerdict::Forged},
        {"signature cut short", good.substr(0, good.size() - 1), QrVerdict::Forged},
        {"signature in standard base64", with_field(good, 7, sig + "=="), QrVerdict::Forged},
        {"a field added", with_field(good, 6, "1764556200:0"), QrVerdict::Forged},
        {"number in lower case", with_field(good, 4, "a012"), QrVerdict::Forged},
        {"not a date", with_field(good, 3, "20251301"), QrVerdict::Forged},
        {"issued with a sign", with_field(good, 6, "+1764556200"), QrVerdict::Forged},
        {"huge", good + std::string(10'000, 'A'), QrVerdict::Forged},
        {"prefix only", "DESA-ANTRI:", QrVerdict::Forged},
        {"yesterday's ticket", ticket_qr_text(yesterday, kiosk_key().secret_key), QrVerdict::Expired},
        {"today's ticket tomorrow", good, QrVerdict::Expired, LocalDate{2025, 12, 2}},
        {"another village's genuine ticket", ticket_qr_text(elsewhere, kiosk_key().secret_key),
         QrVerdict::OtherVillage},
        {"a later format version", with_field(good, 1, "2"), QrVerdict::Unknown},
        {"a garbled version", with_field(good, 1, "x"), QrVerdict::Forged},
        {"version 0", with_field(good, 1, "0"), QrVerdict::Forged},
        {"empty", "", QrVerdict::Unknown},
        {"a web address", "https://desa.example/antri/A012", QrVerdict::Unknown},
        {"a library card", "DESA-PERPUS:18.01.04.2001:K7MQ9XD4P", QrVerdict::Unknown},
        {"lower-case prefix", "desa-antri" + good.substr(10), QrVerdict::Unknown},
        {"an appointment", appointment_qr_text({kVillage, "J-1", "domisili", 1, 2}, kiosk_key().secret_key),
         QrVerdict::Unknown},
    };
    for (const Case& c : cases) {
        INFO(c.name << ": " << c.text.substr(0, 200));
        const auto check = verify_ticket_qr(c.text, kiosk_key().public_key, c.today, kVillage);
        CHECK(verdict_name(check.verdict) == verdict_name(c.verdict));
        const bool parsed =
            c.verdict == QrVerdict::Valid || c.verdict == QrVerdict::Expired || c.verdict == QrVerdict::OtherVillage;
        CHECK(check.ticket.has_value() == parsed);
    }
}

TEST_CASE("queue ticket QR: changing any single character never leaves a valid ticket", "[queue][qr]") {
    const std::string good = ticket_qr_text(sample_ticket(), kiosk_key().secret_key);
    int forged = 0;
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (char replacement : {'0', '9', 'A', 'z', '-', '_', ':'}) {
            if (good[i] == replacement) continue;
            std::string altered = good;
            altered[i] = replacement;
            const auto check = verify_ticket_qr(altered, kiosk_key().public_key, kToday, kVillage);
            INFO(altered);
            CHECK(check.verdict != QrVerdict::Valid);
            forged += check.verdict == QrVerdict::Forged;
        }
    }
    CHECK(forged > static_cast<int>(good.size()) * 5);
}

TEST_CASE("queue appointment QR: valid only within its window, signed by the province", "[queue][qr]") {
    const std::int64_t from = 1'764'558'000, until = from + 30 * 60;  // 10:00-10:30 WIB
    const AppointmentQr appt{kVillage, "JNJ-2025-000123", "domisili", from, until};
    const std::string good = appointment_qr_text(appt, province_key().secret_key);
    INFO(good);
    CHECK(good.starts_with("DESA-JANJI:1:18.01.04.2001:JNJ-2025-000123:domisili:"));
    struct Case {
        const char* name;
        std::string text;
        std::int64_t now;
        QrVerdict verdict;
    };
    AppointmentQr other_village = appt;
    other_village.village_code = "18.01.04.2002";
    const std::vector<Case> cases{
        {"a second early", good, from - 1, QrVerdict::TooEarly},
        {"an hour early", good, from - 3600, QrVerdict::TooEarly},
        {"at the start", good, from, QrVerdict::Valid},
        {"at the last second", good, until - 1, QrVerdict::Valid},
        {"at the end", good, until, QrVerdict::Expired},
        {"the next day", good, from + 86400, QrVerdict::Expired},
        {"a clock in 1970", good, 100, QrVerdict::TooEarly},
        {"signed by a kiosk", appointment_qr_text(appt, kiosk_key().secret_key), from, QrVerdict::Forged},
        {"window widened", with_field(good, 6, std::to_string(until + 3600)), until + 60, QrVerdict::Forged},
        {"window moved", with_field(good, 5, std::to_string(from - 3600)), from - 60, QrVerdict::Forged},
        {"service altered", with_field(good, 4, "sktm"), from, QrVerdict::Forged},
        {"id altered", with_field(good, 3, "JNJ-2025-000124"), from, QrVerdict::Forged},
        {"empty window", appointment_qr_text({kVillage, "J-1", "domisili", from, from}, province_key().secret_key),
         from, QrVerdict::Forged},
        {"bad id", appointment_qr_text({kVillage, "J 1", "domisili", from, until}, province_key().secret_key), from,
         QrVerdict::Forged},
        {"another village", appointment_qr_text(other_village, province_key().secret_key), from,
         QrVerdict::OtherVillage},
        {"a ticket", ticket_qr_text(sample_ticket(), province_key().secret_key), from, QrVerdict::Unknown},
        {"garbage", "DESA-JANJI:1:::::", from, QrVerdict::Forged},
        {"not ours", "WIFI:S:balai-desa;T:WPA;P:rahasia;;", from, QrVerdict::Unknown},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const auto check = verify_appointment_qr(c.text, province_key().public_key, c.now, kVillage);
        CHECK(verdict_name(check.verdict) == verdict_name(c.verdict));
        if (c.verdict == QrVerdict::Valid) {
            REQUIRE(check.appointment);
            CHECK(check.appointment->appointment_id == "JNJ-2025-000123");
            CHECK(check.appointment->valid_until == until);
        }
    }
}

TEST_CASE("queue ticket QR: small enough for a phone, read back through ZXing from a picture", "[queue][qr]") {
    const std::string text = ticket_qr_text(sample_ticket(), kiosk_key().secret_key);
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    const ZXing::BitMatrix m = writer.encode(text, 0, 0);
    INFO("QR modules: " << m.width() << " for " << text.size() << " characters");
    CHECK(m.width() <= 57);  // version 10 or smaller: big modules on a 58 mm slip and a phone screen

    desa::test::TempDir dir;
    const auto png = dir / "ticket.png";
    desa::test::write_barcode_png(png, ZXing::BarcodeFormat::QRCode, text);
    std::string error;
    const auto image = desa::scan::load_image(png, error);
    REQUIRE(image);
    const auto codes = desa::scan::read_codes(*image);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].format == "QRCode");
    CHECK(codes[0].text == text);
    CHECK(verify_ticket_qr(codes[0].text, kiosk_key().public_key, kToday, kVillage).verdict == QrVerdict::Valid);
}
