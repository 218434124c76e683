// The aspiration form on a kiosk without a province key, driven by touch: nothing personal can be
// sealed, so only anonim is offered (with the reason) and no photo step even with a camera; the
// anonymous submission still goes through. "Cetak" on the receipt with a printer configured (a file
// as the device) and with a broken one. And the form's screenshot states are all listed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "../shared/test_support.hpp"
#include "app/aspiration_screenshots.hpp"
#include "app/headless.hpp"
#include "app/script_runner.hpp"
#include "aspirations/aspiration_store.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

ScriptResult run(KioskContext& ctx, std::string_view script) {
    const auto parse = parse_script(script);
    REQUIRE(parse.errors.empty());
    return run_script(ctx, parse.steps, {});
}

// An anonymous complaint from the home screen to its receipt.
constexpr const char* kToReceipt = R"(
tap #home.tile.aspirations
tap #aspiration.type.pengaduan
tap #aspiration.category.lainnya
tap #aspiration.title
type "Sampah menumpuk"
key enter
type "Sampah di pinggir pasar belum diangkut."
tap #osk.done
tap #osk.done
tap #osk.done
tap #osk.done
tap #aspiration.identity.anonim
drag #aspiration.area -900
tap #aspiration.send
expect text "Kode pelacakan"
)";

}  // namespace

TEST_CASE("aspiration receipt: Cetak prints the slip, or says why it could not", "[aspirations][screens]") {
    test::DemoKiosk kiosk;
    test::TempDir out;
    SECTION("a printer that works") {
        kiosk.ctx->config.printer = (out / "printer.bin").string();
        const auto result = run(*kiosk.ctx, std::string(kToReceipt) + "tap #aspiration.receipt.print\n"
                                                                       "expect text \"Struk sudah dicetak\"\n");
        INFO(result.failure);
        REQUIRE(result.passed);
        const auto all = aspirations::list(kiosk.ctx->db);
        REQUIRE(all.size() == 1);
        const std::string slip = test::read_file(out / "printer.bin");
        CHECK(slip.find(aspirations::display_tracking_code(all[0].tracking_code)) != std::string::npos);
    }
    SECTION("a printer that is not there: the reason, and the receipt stays") {
        kiosk.ctx->config.printer = (out / "no-such-dir" / "printer.bin").string();
        const auto result = run(*kiosk.ctx, std::string(kToReceipt) + "tap #aspiration.receipt.print\n"
                                                                       "expect no-text \"Struk sudah dicetak\"\n"
                                                                       "expect visible \"Printer tidak terhubung\"\n"
                                                                       "expect text \"Kode pelacakan\"\n");
        INFO(result.failure);
        REQUIRE(result.passed);
    }
    SECTION("no printer: no Cetak button") {
        kiosk.ctx->config.printer.clear();
        const auto result = run(*kiosk.ctx, std::string(kToReceipt) + "expect no-text \"Cetak\"\n");
        INFO(result.failure);
        REQUIRE(result.passed);
    }
}

TEST_CASE("aspiration form without a province key: anonim only, no photo, and it says why", "[aspirations][screens]") {
    test::DemoKiosk kiosk;
    test::TempDir camera;
    test::write_file(camera / "1.png", std::string("\x89PNG\r\n\x1a\n", 8) + "picture");
    kiosk.ctx->camera = scan::folder_camera(camera.path());
    kiosk.ctx->config.province_public_key.clear();
    const auto result = run(*kiosk.ctx, R"(
tap #home.tile.aspirations
expect text "Langkah 1 dari 5"
tap #aspiration.type.pengaduan
tap #aspiration.category.lainnya
tap #aspiration.title
type "Sampah menumpuk"
key enter
type "Sampah di pinggir pasar belum diangkut."
tap #osk.done
tap #osk.done
tap #osk.done
tap #osk.done
expect text "Bagaimana Anda ingin mengirim?"
expect no-text "Tambahkan foto"
expect text "hanya kiriman anonim tanpa foto"
expect text "Anonim"
expect no-text "Rahasia"
expect no-text "Dengan nama"
tap #aspiration.identity.anonim
expect text "Periksa sebelum mengirim"
expect no-text "Foto"
drag #aspiration.area -900
tap #aspiration.send
expect text "Kode pelacakan"
)");
    INFO(result.failure);
    REQUIRE(result.passed);
    const auto all = aspirations::list(kiosk.ctx->db);
    REQUIRE(all.size() == 1);
    CHECK(all[0].identity == aspirations::Identity::Anonymous);
    CHECK_FALSE(all[0].has_photo);
}

TEST_CASE("every step of the aspiration form has a screenshot state", "[aspirations][screens]") {
    const auto names = screenshot_names();
    for (const auto& step : aspiration_screenshot_names()) {
        INFO(step);
        CHECK(std::find(names.begin(), names.end(), step) != names.end());
    }
    CHECK(aspiration_screenshot_names().size() == 8);
    test::DemoKiosk kiosk;
    // The states write nothing: the receipt is shown without submitting.
    render_screenshot(*kiosk.ctx, {"aspirations-receipt", {1280, 800}}, {}, std::nullopt);
    CHECK(aspirations::list(kiosk.ctx->db).empty());
}
