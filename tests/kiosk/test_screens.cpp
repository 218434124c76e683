// Every screen, in both languages, at the three supported sizes, with and without large text and
// high contrast: rendered headless, it must draw something, keep every text inside its box, and
// show no raw message id. The PNGs stay in the build tree for a person to look at.
#include <catch2/catch.hpp>

#include "app/headless.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

TEST_CASE("every screen renders in both languages at 1280x800, 1920x1080 and 800x1280", "[screens]") {
    test::DemoKiosk kiosk;
    test::load_demo_library(*kiosk.ctx);  // the library states show books, not the empty notice
    const std::filesystem::path out = std::filesystem::current_path() / "screens";
    const ScreenSize sizes[] = {{1280, 800}, {1920, 1080}, {800, 1280}};
    const std::pair<i18n::Language, const char*> languages[] = {{i18n::Language::Indonesian, "id"},
                                                                {i18n::Language::English, "en"}};
    int rendered = 0;
    for (const auto& name : screenshot_names()) {
        for (const auto& size : sizes) {
            for (const auto& [lang, code] : languages) {
                for (const bool accessible : {false, true}) {
                    const std::string label = name + "-" + std::to_string(size.width) + "x" +
                                              std::to_string(size.height) + "-" + code + (accessible ? "-a11y" : "");
                    ScreenshotRequest request{name, size, lang, accessible, accessible};
                    const auto result = render_screenshot(*kiosk.ctx, request, {}, out / (label + ".png"));
                    INFO(label);
                    CHECK(result.coverage > 0.02);
                    for (const auto& o : result.overflows)
                        FAIL_CHECK("text overflows its box: " << o.id << " '" << o.text << "' needs " << o.needed.x
                                                              << "x" << o.needed.y << ", has " << o.available.x
                                                              << "x" << o.available.y);
                    for (const auto& m : result.missing_texts) FAIL_CHECK("untranslated id on screen: " << m);
                    ++rendered;
                }
            }
        }
    }
    REQUIRE(rendered == static_cast<int>(screenshot_names().size()) * 3 * 2 * 2);
}

TEST_CASE("the overflow check catches text that does not fit", "[screens]") {
    // The same machinery must be able to fail: a very narrow portrait screen cannot fit the tiles.
    test::DemoKiosk kiosk;
    const auto result = render_screenshot(*kiosk.ctx, {"home", {200, 900}, i18n::Language::English, true, false}, {},
                                          std::nullopt);
    REQUIRE_FALSE(result.overflows.empty());
}

TEST_CASE("unknown screen names and sizes are refused", "[screens]") {
    test::DemoKiosk kiosk;
    REQUIRE_THROWS_AS(render_screenshot(*kiosk.ctx, {"nope", {1280, 800}}, {}, std::nullopt), std::invalid_argument);
    for (const char* bad : {"", "1280", "x800", "1280x", "12x800", "1280x800x2", "-1280x800", "99999x800", "axb"})
        REQUIRE_FALSE(parse_size(bad));
    REQUIRE(parse_size("800x1280")->height == 1280);
}
