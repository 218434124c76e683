// The hub's slide pictures on the attract screen: the installed version's images in manifest order,
// drawn headless; a corrupt or oversized file skipped (the others still show); a new version
// replaces the textures; with pictures only, the loop sleeps until the next slide is due.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <stb_image.h>
#include <stb_image_write.h>

#include <fstream>

#include "app/headless.hpp"
#include "kiosk_fixture.hpp"
#include "media/attract_slides.hpp"
#include "sync/sync_store.hpp"
#include "ui/slide_show.hpp"

using namespace desa;
using namespace desa::kiosk;
namespace fs = std::filesystem;

namespace {

struct Rgb {
    std::uint8_t r, g, b;
};

void write_png(const fs::path& file, int w, int h, Rgb colour) {
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < pixels.size(); i += 3) {
        pixels[i] = colour.r;
        pixels[i + 1] = colour.g;
        pixels[i + 2] = colour.b;
    }
    REQUIRE(stbi_write_png(file.c_str(), w, h, 3, pixels.data(), w * 3) != 0);
}

void write_bytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary) << bytes;
}

// A PNG signature and IHDR announcing `side` x `side` pixels, and nothing else: a decoder that
// trusted it would allocate side^2 * 4 bytes.
std::string png_header_claiming(std::uint32_t side) {
    std::string s("\x89PNG\r\n\x1a\n", 8);
    s += std::string("\0\0\0\x0d", 4) + "IHDR";
    for (int i = 0; i < 2; ++i)
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((side >> shift) & 0xff);
    s += std::string("\x08\x02\x00\x00\x00", 5);
    s += std::string("\0\0\0\0", 4);  // CRC (not checked by the header probe)
    return s;
}

// Installs `files` (already written into content/slides/<version>/) as the channel's version,
// the way content_sync leaves it: the row and the stored manifest.
void install_slides(kiosk::KioskContext& ctx, std::int64_t version, const std::vector<std::string>& files) {
    const fs::path dir = ctx.data_dir / "content" / "slides" / std::to_string(version);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& name : files)
        list.push_back({{"name", name}, {"sha256", std::string(64, 'a')}, {"size", fs::file_size(dir / name)}});
    sync::set_installed_channel(ctx.db, {"slides", version, dir.string(), 0});
    sync::set_state(ctx.db, "manifest:slides",
                    nlohmann::json{{"channel", "slides"}, {"version", version}, {"created_at", 0}, {"files", list}}.dump());
}

fs::path slides_dir(kiosk::KioskContext& ctx, std::int64_t version) {
    const fs::path dir = ctx.data_dir / "content" / "slides" / std::to_string(version);
    fs::create_directories(dir);
    return dir;
}

// Fraction of the PNG's pixels that are exactly `colour`.
double share_of(const fs::path& png, Rgb colour) {
    int w = 0, h = 0, n = 0;
    stbi_uc* data = stbi_load(png.c_str(), &w, &h, &n, 3);
    REQUIRE(data != nullptr);
    std::size_t hits = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(w) * h; ++i)
        hits += data[i * 3] == colour.r && data[i * 3 + 1] == colour.g && data[i * 3 + 2] == colour.b;
    stbi_image_free(data);
    return static_cast<double>(hits) / (static_cast<double>(w) * h);
}

constexpr Rgb kMagenta{200, 30, 160};
constexpr Rgb kTeal{20, 160, 150};

}  // namespace

TEST_CASE("the attract screen shows the installed slide picture instead of the text slides", "[slides][screens]") {
    test::DemoKiosk kiosk;
    const fs::path dir = slides_dir(*kiosk.ctx, 3);
    write_png(dir / "panen-raya.png", 640, 360, kMagenta);
    const fs::path out = fs::current_path() / "screens";
    const auto before = render_screenshot(*kiosk.ctx, {"attract", {1280, 800}}, {}, out / "attract-no-slides.png");
    CHECK(share_of(out / "attract-no-slides.png", kMagenta) == 0.0);

    install_slides(*kiosk.ctx, 3, {"panen-raya.png"});
    for (const auto& [size, lang] : {std::pair{ScreenSize{1280, 800}, i18n::Language::Indonesian},
                                     std::pair{ScreenSize{800, 1280}, i18n::Language::English}}) {
        const fs::path png = out / ("attract-slide-" + std::to_string(size.width) + "x" + std::to_string(size.height) + ".png");
        const auto result = render_screenshot(*kiosk.ctx, {"attract", size, lang}, {}, png);
        INFO(png);
        CHECK(result.overflows.empty());
        CHECK(result.missing_texts.empty());
        // Scaled to the band's width (or height), aspect kept: a large part of the screen.
        CHECK(share_of(png, kMagenta) > 0.25);
    }
    (void)before;
}

TEST_CASE("a corrupt, truncated or oversized slide is skipped and the others still show", "[slides]") {
    test::DemoKiosk kiosk;
    const fs::path dir = slides_dir(*kiosk.ctx, 5);
    write_bytes(dir / "1-rusak.png", "this is not a picture at all");
    write_png(dir / "2-ok.png", 320, 180, kTeal);
    write_bytes(dir / "3-bom.png", png_header_claiming(60000));   // stb refuses it itself
    write_bytes(dir / "4-besar.png", png_header_claiming(5000));  // over our 4096 side limit
    write_png(dir / "5-lebar.png", 1200, 10, kMagenta);           // over the test's 1000 side limit
    write_bytes(dir / "6-kosong.jpg", "");
    write_png(dir / "7-ok.png", 200, 200, kMagenta);
    install_slides(*kiosk.ctx, 5, {"1-rusak.png", "2-ok.png", "3-bom.png", "4-besar.png", "5-lebar.png", "6-kosong.jpg", "7-ok.png"});

    const auto loaded = media::load_installed_slides(kiosk.ctx->db, {1000, 64LL << 20, 1 << 20});
    CHECK(loaded.version == 5);
    REQUIRE(loaded.images.size() == 2);  // manifest order kept
    CHECK(loaded.images[0].width == 320);
    CHECK(loaded.images[1].width == 200);
    CHECK(loaded.skipped.size() == 5);

    // The byte budget: only the first picture fits in 320*180*4 bytes.
    const auto budget = media::load_installed_slides(kiosk.ctx->db, {}, 320 * 180 * 4);
    CHECK(budget.images.size() == 1);

    auto display = open_headless(320, 200);
    SlideShow show(display->renderer, {1000, 64LL << 20, 1 << 20});
    show.refresh(kiosk.ctx->db, Millis{0});
    CHECK(show.version() == 5);
    CHECK(show.slides().size() == 2);
    CHECK(show.skipped() == 5);

    // A new version replaces the textures (the old ones are freed first); without a sync the
    // installed version is looked at again only after kRecheck.
    const fs::path next = slides_dir(*kiosk.ctx, 6);
    write_png(next / "baru.png", 64, 64, kTeal);
    install_slides(*kiosk.ctx, 6, {"baru.png"});
    show.refresh(kiosk.ctx->db, Millis{1000});
    CHECK(show.version() == 5);
    show.refresh(kiosk.ctx->db, SlideShow::kRecheck + Millis{1});
    CHECK(show.version() == 6);
    REQUIRE(show.slides().size() == 1);
    CHECK(show.slides()[0].width() == 64);
    CHECK(show.skipped() == 0);
}

TEST_CASE("with pictures and no running text the attract screen sleeps until the next slide", "[slides][loop]") {
    test::DemoKiosk kiosk;
    kiosk.ctx->config.running_text_id.clear();
    kiosk.ctx->config.running_text_en.clear();
    kiosk.ctx->config.slide_seconds = 8;
    const fs::path dir = slides_dir(*kiosk.ctx, 2);
    write_png(dir / "a.png", 64, 36, kMagenta);
    write_png(dir / "b.png", 64, 36, kTeal);
    install_slides(*kiosk.ctx, 2, {"a.png", "b.png"});

    ManualClock clock;
    clock.now = Millis{1000};
    auto display = open_headless(1280, 800);
    KioskApp app(*kiosk.ctx, *display, clock, {});
    app.session().open(session::Screen::Attract);
    for (int i = 0; i < 10 && app.needs_frame(); ++i) app.render_frame();
    REQUIRE_FALSE(app.needs_frame());
    // The next slide is due at 8 s: the loop may sleep 7 s (not 50 ms frames).
    REQUIRE(app.sleep_budget() == Millis{7000});
    const fs::path out = fs::current_path() / "screens";
    save_png(*display, out / "attract-slide-a.png");
    CHECK(share_of(out / "attract-slide-a.png", kMagenta) > 0.25);

    clock.now = Millis{8000};
    REQUIRE(app.needs_frame());
    for (int i = 0; i < 10 && app.needs_frame(); ++i) app.render_frame();
    REQUIRE(app.sleep_budget() == Millis{8000});
    save_png(*display, out / "attract-slide-b.png");
    CHECK(share_of(out / "attract-slide-b.png", kTeal) > 0.25);
    CHECK(share_of(out / "attract-slide-b.png", kMagenta) == 0.0);
}
