// The operator's queue screen inside the real app, reached as staff reach it (the hidden gesture,
// the admin PIN, "Statistik antrian"), over real tickets in kiosk.db: waiting now, today's and
// the week's figures, and the ticket printer's fault with what to do; in English too.
#include <catch2/catch.hpp>

#include "app/script_runner.hpp"
#include "kiosk_fixture.hpp"
#include "queue/ticket_queue.hpp"
#include "sync/sync_store.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

constexpr std::int64_t kMonday0900Wib = 1'764'554'400;

void run(KioskContext& ctx, const std::string& script) {
    const auto parse = parse_script(script);
    REQUIRE(parse.errors.empty());
    ScriptOptions options;
    options.screenshots_dir = std::filesystem::current_path() / "screens";  // as test_screens: for a person to look at
    std::filesystem::create_directories(*options.screenshots_dir);
    const auto result = run_script(ctx, parse.steps, options);
    INFO(result.failure);
    REQUIRE(result.passed);
}

// Friday: two domisili residents served in 10 minutes each; Monday 09:00: one served in 4 minutes,
// two waiting.
void office_week(KioskContext& ctx) {
    ManualClock clock;
    queue::TicketQueue q(ctx.db, ctx.config.queue, clock);
    auto serve = [&](std::int64_t at, std::int64_t service_s) {
        clock.wall_seconds = at;
        const auto t = q.take("domisili");
        REQUIRE(t.ticket);
        clock.wall_seconds = at + 300;
        REQUIRE(q.call_next(1).ticket);
        REQUIRE(q.start_serving(t.ticket->id, 1).ticket);
        clock.wall_seconds = at + 300 + service_s;
        REQUIRE(q.finish(t.ticket->id, 1).ticket);
    };
    serve(kMonday0900Wib - 3 * 86400, 600);
    serve(kMonday0900Wib - 3 * 86400 + 60, 600);
    serve(kMonday0900Wib - 3600, 240);
    clock.wall_seconds = kMonday0900Wib;
    REQUIRE(q.take("domisili").ticket);
    REQUIRE(q.take("domisili").ticket);
}

constexpr const char* kToOps = R"S(
clock 1764554400
tap #header.village
tap #header.village
tap #header.village
tap #header.village
tap #header.village
expect screen admin-pin
type "246810"
tap "Masuk"
expect screen admin-settings
)S";

}  // namespace

TEST_CASE("queue operator screen: real figures and the printer out of paper", "[queue_ops_screen]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    office_week(ctx);
    ctx.config.printer = (kiosk.data_dir / "tickets.bin").string();
    sync::set_state(ctx.db, "printer_problem", "paper_out");
    sync::set_state(ctx.db, "printer_problem_at", std::to_string(kMonday0900Wib - 600));
    run(ctx, std::string(kToOps) + R"S(
expect text "Printer tiket: kertas habis"
tap #admin.queue_ops
expect screen queue-ops
expect text "Statistik Antrian"
expect visible "Kertas printer tiket habis. Pasang gulungan kertas baru."
expect text "A · Surat Keterangan Domisili"
expect text "Menunggu sekarang: 2"
expect text "7 hari terakhir"
expect text "Rata-rata lama layanan"
expect text "4 menit"
expect text "8 menit"
expect text "09:00–10:00"
screenshot queue-ops-real
tap "English"
expect text "Queue Statistics"
expect text "Waiting now: 2"
expect text "The ticket printer is out of paper. Put in a new roll."
)S");
}

TEST_CASE("queue operator screen: a printer that printed, and none configured", "[queue_ops_screen]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    run(ctx, std::string(kToOps) + R"S(
expect text "Printer tiket: tidak dipasang"
tap #admin.queue_ops
expect text "Printer tiket: tidak dipasang. Warga mencatat nomor dari layar."
expect text "Menunggu sekarang: 0"
)S");
    test::DemoKiosk printed;
    printed.ctx->config.printer = (printed.data_dir / "tickets.bin").string();
    run(*printed.ctx, std::string(kToOps) + R"S(
tap #admin.queue_ops
expect text "Printer tiket: baik. Tiket terakhir tercetak."
)S");
}
