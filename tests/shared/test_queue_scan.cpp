// Scanned queue codes judged with the kiosk's keys: valid, forged (one character changed),
// expired, and an appointment left "unknown" by a kiosk without the province key.
#include <catch2/catch.hpp>

#include "queue/queue_scan.hpp"
#include "queue/ticket_qr.hpp"

using namespace desa::queue;

TEST_CASE("queue scan: ticket and appointment verdicts", "[queue][scan]") {
    const auto kiosk = desa::sync::make_sign_key_pair();
    const auto province = desa::sync::make_sign_key_pair();
    const std::int64_t now = 1'764'554'400;  // Monday 2025-12-01 09:00 WIB
    const std::string text =
        ticket_qr_text(TicketQr{"18.01.04.2001", LocalDate{2025, 12, 1}, "A001", "domisili", now}, kiosk.secret_key);
    QueueCodeKeys keys{{desa::sync::make_sign_key_pair().public_key, kiosk.public_key}, std::nullopt, "18.01.04.2001",
                       kWibOffsetSeconds};

    auto code = desa::scan::classify("QRCode", text);
    CHECK(code.kind == desa::scan::CodeKind::Ticket);
    CHECK(code.verdict == desa::scan::Verdict::Unknown);
    judge_queue_code(code, keys, now);
    CHECK(code.verdict == desa::scan::Verdict::Valid);
    CHECK(code.value == "A001");

    std::string altered = text;
    altered[altered.find("A001") + 3] = '2';
    auto forged = desa::scan::classify("QRCode", altered);
    judge_queue_code(forged, keys, now);
    CHECK(forged.verdict == desa::scan::Verdict::Forged);

    auto tomorrow = desa::scan::classify("QRCode", text);
    judge_queue_code(tomorrow, keys, now + 86400);
    CHECK(tomorrow.verdict == desa::scan::Verdict::Expired);

    auto no_keys = desa::scan::classify("QRCode", text);
    judge_queue_code(no_keys, QueueCodeKeys{}, now);
    CHECK(no_keys.verdict == desa::scan::Verdict::Unknown);

    const std::string appointment =
        appointment_qr_text(AppointmentQr{"18.01.04.2001", "JNJ-42", "sktm", now - 600, now + 3000}, province.secret_key);
    auto a = desa::scan::classify("QRCode", appointment);
    CHECK(a.kind == desa::scan::CodeKind::Appointment);
    judge_queue_code(a, keys, now);
    CHECK(a.verdict == desa::scan::Verdict::Unknown);  // not enrolled: no province key
    keys.province_key = province.public_key;
    judge_queue_code(a, keys, now);
    CHECK(a.verdict == desa::scan::Verdict::Valid);
    CHECK(a.value == "JNJ-42");
}
