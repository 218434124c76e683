// The union catalogue on the library screens, in the real app loop on the demo village's library
// (its union catalogue, assets/demo/union, is what the hub's `catalog` channel would bring): a record
// also held elsewhere says where, a search lists titles only other libraries hold after this
// library's own, and a title held nowhere else shows none of it.
#include <catch2/catch.hpp>

#include "app/kiosk_app.hpp"
#include "catalog/union_catalog.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

// The session was changed directly (no input event asks for a frame): draw a few.
void settle(KioskApp& app) {
    for (int frames = 0; frames < 3; ++frames) app.render_frame();
}

// Opens the first local hit of `query` on the record screen.
void open_record(KioskApp& app, KioskContext& ctx, const std::string& query) {
    auto& session = app.session();
    session.open(session::Screen::Library);
    const auto hits = session.library.results(ctx.db, query).hits;
    REQUIRE_FALSE(hits.empty());
    session.library.open(ctx.db, hits.front().record_id);
    session.open(session::Screen::LibraryRecord);
    settle(app);
}

}  // namespace

TEST_CASE("the record screen says which other libraries hold the book", "[union_screens]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    auto display = open_headless(1280, 800);
    test::load_demo_library(*kiosk.ctx);
    KioskApp app{*kiosk.ctx, *display, clock, {}};
    settle(app);
    REQUIRE(catalog::union_catalog_state(kiosk.ctx->db));

    open_record(app, *kiosk.ctx, "laskar pelangi");
    const auto& log = app.frame_log();
    CHECK(log.shows_text("Juga ada di:"));
    CHECK(log.shows_text("Perpustakaan Desa Merak Batin: 1 dari 2 eksemplar tersedia"));
    CHECK(log.shows_text("Perpustakaan Provinsi Lampung: 3 dari 5 eksemplar tersedia"));
    // The own village's library is in the hub's files too, but it is this catalogue.
    CHECK_FALSE(log.shows_text("Perpustakaan Desa Hajimena"));
    CHECK(log.overflows.empty());

    app.session().set_language(i18n::Language::English);
    settle(app);
    CHECK(app.frame_log().shows_text("Also at:"));
    CHECK(app.frame_log().shows_text("Perpustakaan Provinsi Lampung: 3 of 5 on the shelf"));

    // A book no other library holds shows no such section.
    app.session().set_language(i18n::Language::Indonesian);
    open_record(app, *kiosk.ctx, "ronggeng");
    CHECK(app.frame_log().shows_text("Ronggeng Dukuh Paruk"));
    CHECK_FALSE(app.frame_log().shows_text("Juga ada di:"));
}

TEST_CASE("search lists titles only other libraries hold after this library's own", "[union_screens]") {
    test::DemoKiosk kiosk;
    ManualClock clock;
    auto display = open_headless(1280, 800);
    test::load_demo_library(*kiosk.ctx);
    KioskApp app{*kiosk.ctx, *display, clock, {}};
    settle(app);
    auto& session = app.session();
    session.open(session::Screen::Library);
    session.forms.library_search.insert("hirata");
    settle(app);
    const auto& log = app.frame_log();
    CHECK(log.shows_text("1 judul ditemukan"));
    CHECK(log.shows_text("Laskar Pelangi"));
    CHECK(log.shows_text("Di perpustakaan lain"));
    CHECK(log.shows_text("Sang Pemimpi"));
    CHECK(log.shows_text("Tersedia di Perpustakaan Desa Merak Batin (1 eksemplar)"));
    CHECK(log.shows_text("dan 1 perpustakaan lain"));
    CHECK(log.shows_text("Ada di Perpustakaan Provinsi Lampung, sedang dipinjam"));  // Edensor
    // Only this library's own titles are tap targets: another library's has no record here.
    CHECK(log.find_by_label("Laskar Pelangi") != nullptr);
    CHECK(log.find_by_label("Sang Pemimpi") == nullptr);

    // Nothing here, something elsewhere: said so instead of "no book matches".
    session.forms.library_search.clear();
    session.forms.library_search.insert("sang pemimpi");
    settle(app);
    CHECK(app.frame_log().shows_text("tidak ada di perpustakaan ini, tetapi ada di perpustakaan lain"));
    CHECK_FALSE(app.frame_log().shows_text("Tidak ada buku yang cocok"));
    CHECK_FALSE(app.frame_log().shows_text("judul ditemukan"));
}
