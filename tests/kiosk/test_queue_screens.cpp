// The queue screens inside the real app, driven by UI scripts as a resident would tap: a ticket
// taken and printed (the printed QR is the screen's signed text), a printer out of paper or absent
// (shown, noted for the operator, the ticket still on screen), the idle reset, and appointment
// check-in from camera pictures ahead of walk-ins (used twice, forged, too early: refused).
#include <catch2/catch.hpp>

#include <sstream>

#include "../shared/barcode_png.hpp"
#include "../shared/escpos_decode.hpp"
#include "../shared/status_printer.hpp"
#include "../shared/test_support.hpp"
#include "app/queue_commands.hpp"
#include "app/script_runner.hpp"
#include "app/ticket_printer.hpp"
#include "kiosk_fixture.hpp"
#include "queue/kiosk_key.hpp"
#include "screens/queue_parts.hpp"
#include "sync/sync_store.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

constexpr std::int64_t kMonday0900Wib = 1'764'554'400;

void run(KioskContext& ctx, const std::string& script) {
    const auto parse = parse_script(script);
    REQUIRE(parse.errors.empty());
    const auto result = run_script(ctx, parse.steps, {});
    INFO(result.failure);
    REQUIRE(result.passed);
}

queue::Ticket ticket(KioskContext& ctx, std::string_view number) {
    ManualClock clock;
    clock.wall_seconds = kMonday0900Wib;
    queue::TicketQueue q(ctx.db, ctx.config.queue, clock);
    const auto t = q.find_number(q.today(), number);
    REQUIRE(t);
    return *t;
}

constexpr const char* kTakeUsaha = R"S(
clock 1764554400
tap #home.tile.queue
expect screen queue
expect text "Surat Keterangan Usaha"
expect text "Business certificate"
expect text "Buka sekarang"
tap #queue.service.usaha
expect text "D001"
)S";

}  // namespace

TEST_CASE("a ticket taken on screen is printed with its signed QR", "[queue_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    const auto spool = kiosk.data_dir / "tickets.bin";
    ctx.config.printer = spool.string();
    run(ctx, R"S(
clock 1764554400
tap #home.tile.queue
tap #queue.service.domisili
expect text "Apakah Anda berhak atas jalur prioritas?"
tap #queue.lane.priority
expect text "A001"
expect text "Jalur prioritas"
expect text "Anda berikutnya"
expect text "Tiket sudah dicetak"
)S");
    const auto t = ticket(ctx, "A001");
    CHECK(t.lane == queue::Lane::Priority);
    const auto keys = queue::load_ticket_keys(ctx.data_dir);
    const std::string qr = queue::ticket_qr_text(queue::ticket_qr_of(t, ctx.config.village_code), keys.signing);
    const auto d = test::decode_escpos(test::read_file(spool));
    CHECK(d.errors.empty());
    REQUIRE(d.qr_stored.size() == 1);
    CHECK(d.qr_stored[0] == qr);
    CHECK_FALSE(printer_trouble(ctx.db));

    // `desa-kiosk queue take --json` signs with the same key, in the same form.
    ManualClock clock;
    clock.wall_seconds = kMonday0900Wib;
    std::ostringstream out, err;
    REQUIRE(queue_take(ctx, clock, QueueArgs{true, false, "domisili"}, out, err) == 0);
    const auto cli = nlohmann::json::parse(out.str());
    CHECK(cli["number"] == "A002");
    CHECK(cli["qr"] == queue::ticket_qr_text(queue::ticket_qr_of(ticket(ctx, "A002"), ctx.config.village_code),
                                             keys.signing));
}

TEST_CASE("paper out: shown, noted for the operator, nothing sent, the ticket stays", "[queue_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    test::StatusPrinter printer(0x72);
    printer.then = 0x12;  // the staff load paper after the first refusal
    ctx.config.printer = printer.target();
    const auto parse = parse_script(std::string(kTakeUsaha) + R"S(
expect text "Kertas printer habis"
expect text "Tiket di layar tetap berlaku"
screenshot queue-ticket-paper-out
)S");
    REQUIRE(parse.errors.empty());
    auto result = run_script(ctx, parse.steps, {});
    INFO(result.failure);
    REQUIRE(result.passed);
    CHECK(printer.received().empty());  // nothing left in the printer's buffer to come out later
    auto trouble = printer_trouble(ctx.db);
    REQUIRE(trouble);
    CHECK(trouble->problem == "paper_out");
    CHECK(trouble->at >= kMonday0900Wib);
}

TEST_CASE("print again after paper is loaded: the same ticket, the operator's note cleared", "[queue_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    test::StatusPrinter printer(0x72);
    printer.then = 0x12;
    ctx.config.printer = printer.target();
    run(ctx, std::string(kTakeUsaha) + R"S(
expect text "Kertas printer habis"
tap #queue.ticket.print
expect text "Tiket sudah dicetak"
expect text "D001"
expect no-text "Kertas printer habis"
)S");
    const auto d = test::decode_escpos(printer.received(1));
    CHECK(d.errors.empty());
    REQUIRE(d.qr_stored.size() == 1);
    CHECK(d.qr_stored[0].find(":D001:usaha:") != std::string::npos);
    CHECK_FALSE(printer_trouble(ctx.db));
}

TEST_CASE("an absent printer never costs the ticket, the idle reset goes home and forgets it", "[queue_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    ctx.config.printer = "/dev/usb/lp-desa-test-absent";
    run(ctx, std::string(kTakeUsaha) + R"S(
expect text "Printer tidak terhubung atau mati"
screenshot queue-ticket-absent-printer
advance 91s
expect screen home
tap #home.tile.queue
expect no-text "D001"
expect text "Pilih layanan"
)S");
    CHECK(printer_trouble(ctx.db)->problem == "missing");
    CHECK(ticket(ctx, "D001").state == queue::TicketState::Waiting);  // still in the queue
}

TEST_CASE("closed services are explained, not silently refused", "[queue_screens]") {
    test::DemoKiosk kiosk;
    run(*kiosk.ctx, R"S(
tap #home.tile.queue
expect text "Sedang tutup"
tap #queue.service.domisili
expect text "Layanan Surat Keterangan Domisili sedang tutup. Jam buka hari ini: 08:00–15:00."
expect screen queue
)S");
}

TEST_CASE("appointments from camera pictures: checked in ahead of walk-ins, once, within the window",
          "[queue_screens]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    const auto province = sync::make_sign_key_pair();
    sync::save_identity(ctx.db, {"kiosk-1", "https://hub.example", ctx.config.village_code, province.public_key,
                                 ctx.config.province_public_key, kMonday0900Wib - 86400});
    test::TempDir camera;
    ctx.camera = scan::folder_camera(camera.path());
    const auto appointment = [&](const char* id, std::int64_t from, std::int64_t until,
                                 const sync::SignSecretKey& key) {
        return queue::appointment_qr_text({ctx.config.village_code, id, "pengantar-ktp-kk", from, until}, key);
    };
    const std::string booked = appointment("JNJ-42", kMonday0900Wib - 600, kMonday0900Wib + 1800, province.secret_key);
    test::write_barcode_png(camera / "01.png", ZXing::BarcodeFormat::QRCode, booked);
    test::write_barcode_png(camera / "02.png", ZXing::BarcodeFormat::QRCode, booked);
    test::write_barcode_png(camera / "03.png", ZXing::BarcodeFormat::QRCode,
                            appointment("JNJ-43", kMonday0900Wib - 600, kMonday0900Wib + 1800,
                                        sync::make_sign_key_pair().secret_key));
    test::write_barcode_png(camera / "04.png", ZXing::BarcodeFormat::QRCode,
                            appointment("JNJ-44", kMonday0900Wib + 3600, kMonday0900Wib + 5400, province.secret_key));
    {  // two residents already waiting
        ManualClock clock;
        clock.wall_seconds = kMonday0900Wib - 60;
        queue::TicketQueue q(ctx.db, ctx.config.queue, clock);
        REQUIRE(q.take("pengantar-ktp-kk").ticket);
        REQUIRE(q.take("pengantar-ktp-kk", queue::Lane::Priority).ticket);
    }
    run(ctx, R"S(
clock 1764554400
tap #home.tile.queue
tap #queue.check.open
expect screen queue-check
expect text "Punya janji temu?"
tap #queue.check.scan
expect screen queue
expect text "B003"
expect text "Janji temu Anda tercatat"
expect text "Anda berikutnya"
tap #queue.ticket.check
expect screen queue-check
expect text "Tiket B003"
tap #queue.check.scan
expect text "sudah dipakai"
tap #queue.check.scan
expect text "tidak sah"
tap #queue.check.scan
expect text "belum dimulai"
expect text "01-12-2025 10:00"
tap #queue.check.scan
expect text "Kamera belum menangkap gambar"
)S");
    ManualClock clock;
    clock.wall_seconds = kMonday0900Wib;
    queue::TicketQueue q(ctx.db, ctx.config.queue, clock);
    CHECK(q.tickets_of_day(q.today()).size() == 3);  // one check-in only
    const auto next = q.call_next(1);
    REQUIRE(next.ticket);
    CHECK(next.ticket->number == "B003");
    CHECK(next.ticket->appointment_id == "JNJ-42");
}

TEST_CASE("the evaluation preselects a service that fits the queue's", "[queue_screens]") {
    test::DemoKiosk kiosk;
    const auto& services = kiosk.ctx->config.queue.services;
    const auto of = [&](const char* id) { return evaluation_service_for(*queue::find_service(services, id)); };
    CHECK(of("domisili") == aspirations::Service::Letters);
    CHECK(of("pengantar-ktp-kk") == aspirations::Service::Population);
    CHECK(of("sktm") == aspirations::Service::Letters);
    CHECK(of("usaha") == aspirations::Service::Letters);
    CHECK(of("konsultasi") == aspirations::Service::Other);
    queue::Service posyandu;
    posyandu.id = "posyandu";
    posyandu.name_id = "Posyandu Balita";
    CHECK(evaluation_service_for(posyandu) == aspirations::Service::Health);
}
