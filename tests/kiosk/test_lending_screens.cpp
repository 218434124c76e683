// The lending screens with real content (members, loans, refusals, a changed PIN) at the three
// sizes, in both languages, plain and accessible: nothing overflows or overlaps. And the desk's
// input paths: a USB scanner typing a card's QR text and a spine label with Enter, the camera's
// "Pindai" button reading a member card picture, and the key leaving memory with the librarian.
#include <catch2/catch.hpp>

#include <SDL.h>

#include <functional>

#include "../shared/barcode_png.hpp"
#include "app/kiosk_app.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_store.hpp"
#include "kiosk_fixture.hpp"
#include "lending/lending_desk.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

constexpr std::int64_t kDay = 86'400;
const std::int64_t kNow = ManualClock{}.unix_seconds();  // the app's wall clock in these tests

// The demo kiosk with members and loans. The vault is made with the demo librarian PIN at
// libsodium's minimum cost (stored with it), so signing in stays fast in tests.
struct LendingKiosk {
    test::DemoKiosk kiosk;
    std::string siti, budi;  // card codes

    LendingKiosk() {
        auto& db = kiosk.ctx->db;
        // The demo catalogue is loaded only for the embedded demo config, not one named explicitly.
        if (catalog::CatalogStore(db).count() == 0)
            REQUIRE(catalog::import_file(db, test::source_assets() / "demo/catalog.csv").ok());
        auto vault = lending::open_vault(db, "135790", lending::KdfLimits::minimum(), kNow);
        const lending::SecretKey* key = &*vault.key;
        siti = lending::register_member(db, key, {"Siti Aminah Zulkarnaen Harahap", "081234567890"}, kNow - 30 * kDay)
                   .member->card_code;
        budi = lending::register_member(db, key, {"Budi Santoso", ""}, kNow - 30 * kDay).member->card_code;
        lending::register_member(db, key, {"Ngô Thị Hương", ""}, kNow);
        const auto& rules = kiosk.ctx->config.library;
        REQUIRE(lending::check_out(db, rules, siti, "HJM-0001", kNow - 20 * kDay).loan);  // overdue by now
        REQUIRE(lending::check_out(db, rules, siti, "HJM-0003", kNow - 10 * kDay).loan);  // not yet due
        REQUIRE(lending::check_out(db, rules, budi, "HJM-0004", kNow - 25 * kDay).loan);  // overdue
    }
};

void settle(KioskApp& app) {
    for (int i = 0; i < 12 && app.needs_frame(); ++i) app.render_frame();
}

void sign_in(KioskApp& app, KioskContext& ctx) {
    auto& s = app.session();
    s.open(session::Screen::Library);
    s.sign_in_librarian();
    s.lending.unlock(ctx.db, "135790", lending::KdfLimits::minimum(), kNow);
    s.open(session::Screen::LibraryDesk);
}

// What a finger cannot use: text outside its box, two targets on top of each other.
std::vector<std::string> layout_problems(const FrameLog& log) {
    std::vector<std::string> out;
    for (const auto& o : log.overflows) out.push_back("overflow " + o.id + " '" + o.text + "'");
    for (std::size_t i = 0; i < log.targets.size(); ++i)
        for (std::size_t j = i + 1; j < log.targets.size(); ++j) {
            const auto &a = log.targets[i], &b = log.targets[j];
            if (a.container || b.container || !a.visible || !b.visible) continue;
            const float w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
            const float h = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
            if (w > 1 && h > 1) out.push_back(a.id + " overlaps " + b.id);
        }
    return out;
}

// A USB scanner is a keyboard: one key (one text event) per character, then Enter.
void type_like_a_scanner(KioskApp& app, const std::string& text) {
    for (char c : text) {
        SDL_Event input{};
        input.type = SDL_TEXTINPUT;
        input.text.text[0] = c;
        app.handle_event(input);
    }
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.keysym.sym = SDLK_RETURN;
    app.handle_event(enter);
    settle(app);
}

void tap(KioskApp& app, const std::string& id) {
    const TapTarget* t = app.frame_log().find_by_id(id);
    REQUIRE(t != nullptr);
    REQUIRE(t->visible);
    for (Uint32 type : {SDL_FINGERDOWN, SDL_FINGERUP}) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.x = (t->min.x + t->max.x) / 2 / static_cast<float>(app.display().width);
        e.tfinger.y = (t->min.y + t->max.y) / 2 / static_cast<float>(app.display().height);
        app.handle_event(e);
    }
    settle(app);
}

}  // namespace

TEST_CASE("lending screens with content fit at every size, language and text size", "[lending][screens]") {
    using session::Screen;
    struct State {
        const char* name;
        std::function<void(KioskApp&, LendingKiosk&)> set_up;
    };
    const std::vector<State> states{
        {"members-list", [](KioskApp& app, LendingKiosk&) { app.session().open(Screen::Members); }},
        {"members-search-none",
         [](KioskApp& app, LendingKiosk&) {
             app.session().open(Screen::Members);
             app.session().lending.member_search.insert("tidak ada yang begini");
         }},
        {"members-form-problem",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             auto& desk = app.session().lending;
             app.session().open(Screen::Members);
             desk.start_registration();
             desk.member_name.insert("Siti Aminah Zulkarnaen Harahap binti Abdullah");
             desk.member_phone.insert("0812");
             desk.register_member(ctx.db, kNow);
             app.session().focus(&desk.member_phone);
         }},
        {"members-pin-changed",
         [](KioskApp& app, LendingKiosk&) {
             app.session().lending.vault = lending::VaultState::PinChanged;
             app.session().lending.key.reset();
             app.session().open(Screen::Members);
         }},
        {"member-detail",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             app.session().lending.show_member(ctx.db, lending::find_member_by_card(ctx.db, nullptr, k.siti)->id);
             app.session().open(Screen::MemberDetail);
         }},
        {"member-detail-blocked-locked",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             auto& desk = app.session().lending;
             desk.show_member(ctx.db, lending::find_member_by_card(ctx.db, nullptr, k.budi)->id);
             desk.set_member_blocked(ctx.db, true, kNow);
             desk.key.reset();
             desk.vault = lending::VaultState::Locked;
             desk.refresh(ctx.db);
             app.session().open(Screen::MemberDetail);
         }},
        {"checkout-card-problem",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             auto& desk = app.session().lending;
             app.session().open(Screen::LendingCheckout);
             desk.checkout_started = true;
             desk.card_entry.insert("K7M-Q9X-D4");
             desk.choose_borrower(ctx.db, ctx.config.village_code);
         }},
        {"checkout-refused",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             auto& desk = app.session().lending;
             desk.lend_to(ctx.db, lending::find_member_by_card(ctx.db, nullptr, k.budi)->id);
             app.session().open(Screen::LendingCheckout);
             desk.copy_entry.insert("HJM-0003");
             desk.check_out_copy(ctx.db, ctx.config.library, kNow);  // Siti has it: "until when"
             app.session().focus(&desk.copy_entry);
         }},
        {"return-results",
         [](KioskApp& app, LendingKiosk& k) {
             KioskContext& ctx = *k.kiosk.ctx;
             auto& desk = app.session().lending;
             app.session().open(Screen::LendingReturn);
             for (const char* code : {"HJM-0003", "HJM-0004", "HJM-0004", "TIDAK-ADA"}) {
                 desk.return_entry.clear();
                 desk.return_entry.insert(code);
                 desk.return_copy(ctx.db, kNow);
             }
         }},
        {"overdue-list", [](KioskApp& app, LendingKiosk&) { app.session().open(Screen::Overdue); }},
    };
    const std::pair<int, int> sizes[] = {{1280, 800}, {1920, 1080}, {800, 1280}};
    int rendered = 0;
    for (const auto& state : states) {
        // One kiosk per state: the refusals and returns a state makes repeat harmlessly at each size.
        LendingKiosk k;
        for (const auto& [w, h] : sizes) {
            for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English}) {
                for (const bool accessible : {false, true}) {
                    ManualClock clock;
                    auto display = open_headless(w, h);
                    KioskApp app(*k.kiosk.ctx, *display, clock, {});
                    app.session().set_language(lang);
                    app.session().accessibility = {accessible, accessible};
                    sign_in(app, *k.kiosk.ctx);
                    state.set_up(app, k);
                    settle(app);
                    INFO(state.name << " " << w << "x" << h << " " << i18n::language_code(lang)
                                    << (accessible ? " a11y" : ""));
                    for (const auto& p : layout_problems(app.frame_log())) FAIL_CHECK(p);
                    ++rendered;
                }
            }
        }
    }
    CHECK(rendered == static_cast<int>(states.size()) * 12);
}

TEST_CASE("a USB scanner lends by the card's QR text and the spine label, each ended by Enter", "[lending]") {
    LendingKiosk k;
    KioskContext& ctx = *k.kiosk.ctx;
    ManualClock clock;
    auto display = open_headless(1280, 800);
    KioskApp app(ctx, *display, clock, {});
    sign_in(app, ctx);
    app.session().open(session::Screen::LendingCheckout);
    settle(app);
    auto& desk = app.session().lending;
    REQUIRE(app.session().focused() == &desk.card_entry);  // ready for the scanner without a tap

    type_like_a_scanner(app, lending::member_card_payload("18.71.01.1001", k.budi));  // another village
    CHECK_FALSE(desk.borrower);
    CHECK(app.frame_log().shows_text("Ini kartu perpustakaan desa lain."));
    desk.card_entry.clear();
    type_like_a_scanner(app, lending::member_card_payload(ctx.config.village_code, k.budi));
    REQUIRE(desk.borrower);
    CHECK(desk.borrower->name == "Budi Santoso");
    CHECK(app.frame_log().shows_text("Budi Santoso"));
    REQUIRE(app.session().focused() == &desk.copy_entry);

    // Budi's loan is overdue: refused with the reason; once it is back, the next scan lends.
    type_like_a_scanner(app, "HJM-0008");
    CHECK(app.frame_log().shows_text("1 pinjaman yang terlambat"));
    CHECK(desk.copy_entry.text == "HJM-0008");  // kept for another try
    // Enter on the same refused text closes the keyboard rather than repeat the refusal ...
    type_like_a_scanner(app, "");
    CHECK(app.session().focused() == nullptr);
    // ... and once the overdue book is back, the Lend button lends the copy still in the field.
    REQUIRE(lending::check_in(ctx.db, "HJM-0004", kNow).loan);
    tap(app, "checkout.copy.submit");
    REQUIRE(desk.last_checkout);
    REQUIRE(desk.last_checkout->loan);
    CHECK(desk.copy_entry.empty());
    CHECK(app.frame_log().shows_text("Dipinjamkan: Negeri 5 Menara"));
    tap(app, "checkout.copy");
    type_like_a_scanner(app, "hjm-0009");  // the next book, lower case as the keyboard types
    REQUIRE(desk.last_checkout->loan);
    CHECK(desk.last_checkout->loan->barcode == "HJM-0009");
    CHECK(desk.borrower_loans.size() == 2);
}

TEST_CASE("the Pindai button reads a member card from the camera's picture", "[lending]") {
    LendingKiosk k;
    KioskContext& ctx = *k.kiosk.ctx;
    const auto pictures = k.kiosk.data_dir / "camera";
    std::filesystem::create_directories(pictures);
    ctx.camera = scan::folder_camera(pictures);
    ManualClock clock;
    auto display = open_headless(1280, 800);
    KioskApp app(ctx, *display, clock, {});
    sign_in(app, ctx);
    app.session().open(session::Screen::LendingCheckout);
    settle(app);
    auto& desk = app.session().lending;

    tap(app, "checkout.card.scan");  // nothing in front of the camera yet
    CHECK(desk.last_scan == lending::ScanOutcome::NoPicture);
    test::write_barcode_png(pictures / "1.png", ZXing::BarcodeFormat::EAN13, "9780439023481");
    tap(app, "checkout.card.scan");  // a book's ISBN is not a card
    CHECK(desk.last_scan == lending::ScanOutcome::WrongKind);
    CHECK_FALSE(desk.borrower);
    test::write_barcode_png(pictures / "2.png", ZXing::BarcodeFormat::QRCode,
                            lending::member_card_payload(ctx.config.village_code, k.siti));
    tap(app, "checkout.card.scan");
    REQUIRE(desk.borrower);
    CHECK(desk.borrower->card_code == k.siti);
    CHECK(app.frame_log().shows_text("Siti Aminah Zulkarnaen Harahap"));
}

TEST_CASE("the member-data key opens at librarian sign-in and is gone with the desk", "[lending]") {
    LendingKiosk k;
    KioskContext& ctx = *k.kiosk.ctx;
    ManualClock clock;
    auto display = open_headless(1280, 800);
    KioskApp app(ctx, *display, clock, {});
    settle(app);
    // Through the real PIN screen: the PIN accepted also unlocks the names.
    tap(app, "home.tile.library");
    tap(app, "library.librarian");
    for (char c : std::string("135790")) tap(app, std::string("osk.key.") + c);
    tap(app, "librarian.pin.submit");
    REQUIRE(app.session().screen() == session::Screen::LibraryDesk);
    CHECK(app.session().lending.vault == lending::VaultState::Open);
    REQUIRE(app.session().lending.key);
    CHECK(app.session().forms.librarian_pin.empty());
    tap(app, "desk.task.members");
    CHECK(app.frame_log().shows_text("Budi Santoso"));

    // Walking away: the idle wipe signs out and frees the key.
    clock.advance(Millis{91'000});
    app.update();
    settle(app);
    CHECK_FALSE(app.session().signed_in_librarian());
    CHECK_FALSE(app.session().lending.key);
    CHECK(app.session().lending.vault == lending::VaultState::Locked);
}
