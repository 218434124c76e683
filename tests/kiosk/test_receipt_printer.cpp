// The kiosk's receipt printing as the receipt screen calls it: the slip in the resident's language
// reaches the configured printer (a file here, decoded like a printer would), and every failure
// comes back as a translated sentence for the screen, quickly.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <iterator>

#include "../shared/escpos_decode.hpp"
#include "app/receipt_printer.hpp"
#include "aspirations/follow_up.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

aspirations::Receipt receipt() {
    return {"7KQMA9XD4B2", "1b4e28ba-2fa1-41d2-883f-0016d3cca427", 1'795'830'000, aspirations::Kind::Aspiration,
            aspirations::Category::Education, aspirations::Identity::Anonymous, "Perpustakaan buka Sabtu"};
}

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("print_aspiration_receipt writes the slip to the configured printer", "[receipt_printer]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    const auto spool = kiosk.data_dir / "printer.bin";
    ctx.config.printer = spool.string();
    REQUIRE(printer_configured(ctx));
    CHECK_FALSE(print_aspiration_receipt(ctx, receipt(), i18n::Language::English));
    const auto d = test::decode_escpos(read_all(spool));
    CHECK(d.errors.empty());
    REQUIRE(d.qr_stored.size() == 1);
    CHECK(d.qr_stored[0] == aspirations::receipt_qr_text(ctx.config.village_code, "7KQMA9XD4B2"));
    bool english = false, village = false;
    for (const auto& l : d.lines) {
        english = english || l.find("Tracking code") != std::string::npos;
        village = village || l.find(ctx.village_name) != std::string::npos;
    }
    CHECK(english);
    CHECK(village);
    CHECK(read_all(spool) == aspiration_receipt_bytes(ctx, receipt(), i18n::Language::English));
}

TEST_CASE("print_aspiration_receipt explains each failure in the resident's language", "[receipt_printer]") {
    test::DemoKiosk kiosk;
    auto& ctx = *kiosk.ctx;
    struct Case {
        std::string printer;
        const char* id;
    };
    const std::vector<Case> cases{
        {"", "print.problem.not_configured"},
        {"printer:0", "print.problem.bad_target"},
        {"/dev/usb/lp-desa-test-absent", "print.problem.missing"},
        {(kiosk.data_dir / "no-such-folder/receipts.bin").string(), "print.problem.missing"},
        {kiosk.data_dir.string() + "/", "print.problem.not_writable"},
        {"192.0.2.1:9100", nullptr},  // timeout or unreachable, depending on the network
    };
    for (const auto& c : cases) {
        INFO(c.printer);
        ctx.config.printer = c.printer;
        for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto error = print_aspiration_receipt(ctx, receipt(), lang, std::chrono::milliseconds(300));
            CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
            REQUIRE(error);
            if (c.id) CHECK(*error == ctx.catalog.tr(lang, c.id));
            CHECK(error->find("print.problem") == std::string::npos);  // a sentence, not an id
        }
    }
    CHECK(*print_aspiration_receipt(ctx, receipt(), i18n::Language::Indonesian, std::chrono::milliseconds(300)) !=
          *print_aspiration_receipt(ctx, receipt(), i18n::Language::English, std::chrono::milliseconds(300)));
}
