// Cataloguing driven through the real kiosk by touch, as a librarian would: sign in at the desk,
// scan a book's ISBN from a camera picture (a real PNG decoded by ZXing), type a title, save, find
// it in search at once, edit it from its record page and withdraw it; and the bad scans and bad
// input, each with its message.
#include <catch2/catch.hpp>

#include "../shared/barcode_png.hpp"
#include "../shared/test_support.hpp"
#include "app/headless.hpp"
#include "app/script_runner.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_store.hpp"
#include "catalog/search.hpp"
#include "kiosk_fixture.hpp"

using namespace desa;
using namespace desa::kiosk;

namespace {

// "Bumi" by Tere Liye (Gramedia, 2014): a real ISBN that the demo catalogue does not hold.
constexpr const char* kNewIsbn = "9786020332956";

// The demo kiosk and its village library, with a camera folder: the book's barcode is the first
// picture, a grocery EAN-13 the second (frames are taken in name order).
struct CameraKiosk {
    test::DemoKiosk kiosk;
    test::TempDir camera;
    CameraKiosk() {
        REQUIRE(catalog::import_file(kiosk.ctx->db, test::source_assets() / "demo/catalog.csv").ok());
        test::write_barcode_png(camera / "1-book.png", ZXing::BarcodeFormat::EAN13, kNewIsbn);
        test::write_barcode_png(camera / "2-grocery.png", ZXing::BarcodeFormat::EAN13, "4006381333931");
        kiosk.ctx->camera = scan::folder_camera(camera.path());
    }
};

ScriptResult run(KioskContext& ctx, std::string_view script) {
    const auto parse = parse_script(script);
    INFO(parse.errors.size() << " parse errors");
    REQUIRE(parse.errors.empty());
    return run_script(ctx, parse.steps, {});
}

constexpr const char* kSignIn = R"(
tap "Perpustakaan"
tap #library.librarian
expect screen librarian-pin
type "135790"
tap #librarian.pin.submit
expect screen library-desk
)";

}  // namespace

TEST_CASE("a librarian scans a new book, saves it, finds it, edits and withdraws it", "[cataloguing][flow]") {
    CameraKiosk k;
    const auto result = run(*k.kiosk.ctx, std::string(kSignIn) + R"(
tap #desk.task.new_record
expect screen catalog-edit
expect text "Buku baru"
expect text "Simpan data buku dulu"
tap #catalog_edit.scan
expect text "ISBN 9786020332956 belum ada di katalog"
expect text "9786020332956"
tap #catalog_edit.field.title
expect keyboard
type "Bumi"
tap #osk.done
expect no-keyboard
tap #catalog_edit.field.authors
type "Liye, Tere"
tap #osk.done
tap #catalog_edit.save
expect text "Tersimpan: \"Bumi\" sudah ada di katalog"
expect text "Ubah data buku"
expect text "Belum ada eksemplar"
# Resident search finds it at once, by its ISBN.
tap #nav.back
expect screen library-desk
tap #nav.back
expect screen library
tap #library.search
type "9786020332956"
tap #osk.done
expect text "1 judul ditemukan"
tap "Bumi"
expect screen library-record
expect text "Liye, Tere"
# The librarian edits it from its record page and withdraws it, with a confirmation first.
tap #record.edit
expect screen catalog-edit
expect text "Ubah data buku"
tap #catalog_edit.withdraw
expect text "Tarik \"Bumi\" dari koleksi?"
tap #catalog_edit.confirm.no
expect no-text "dari koleksi?"
tap #catalog_edit.withdraw
tap #catalog_edit.confirm.yes
expect text "\"Bumi\" ditarik dari koleksi."
expect text "Buku ini sudah ditarik dari koleksi"
tap #nav.back
expect screen library-record
tap #nav.back
expect screen library
expect text "Tidak ada buku yang cocok"
)");
    INFO(result.failure);
    REQUIRE(result.passed);

    // What the screens showed is what is stored.
    catalog::CatalogStore store(k.kiosk.ctx->db);
    const auto id = store.find_by_isbn(kNewIsbn);
    REQUIRE(id.has_value());
    const auto record = store.get(*id);
    CHECK(record->title == "Bumi");
    CHECK(record->authors == std::vector<std::string>{"Liye, Tere"});
    CHECK(record->language == "ind");
    CHECK(record->withdrawn);
}

TEST_CASE("bad scans and bad input each get their message and lose nothing typed", "[cataloguing][flow]") {
    CameraKiosk k;
    // The book's picture is taken first (a start from it is the test above); the grocery code is
    // what the camera has left.
    scan::Camera& camera = *k.kiosk.ctx->camera;
    REQUIRE(camera.next_frame().has_value());
    const auto result = run(*k.kiosk.ctx, std::string(kSignIn) + R"(
tap #desk.task.new_record
tap #catalog_edit.scan
expect text "Barcode 4006381333931 bukan ISBN buku"
tap #catalog_edit.scan
expect text "Kamera belum mengirim gambar"
# A USB scanner (or typing) in the ISBN field ends with Enter: an ISBN-10 starts a record as ISBN-13.
tap #catalog_edit.field.isbns
type "0439023483"
key enter
expect text "ISBN 9780439023481 belum ada di katalog"
# Saving without a title: the problem is shown at the top and next to the field.
tap #catalog_edit.save
expect text "Belum tersimpan"
expect text "Judul wajib diisi."
tap #catalog_edit.field.title
type "Kumpulan Cerpen"
tap #osk.done
tap #catalog_edit.field.isbns
key backspace
type "4"
tap #osk.done
tap #catalog_edit.save
expect text "angka terakhir (angka periksa) salah, seharusnya 1"
expect text "Kumpulan Cerpen"
tap #catalog_edit.field.isbns
key backspace
type "1"
tap #osk.done
tap #catalog_edit.save
expect text "Tersimpan: \"Kumpulan Cerpen\""
# A copy, at the foot of the form: its barcode must not be another book's (HJM-0001 is Laskar
# Pelangi's). Enter adds it, as a USB scanner reading the spine label would.
drag #catalog_edit.form -400
drag #catalog_edit.form -400
drag #catalog_edit.form -400
drag #catalog_edit.form -400
drag #catalog_edit.form -400
drag #catalog_edit.form -400
tap #catalog_edit.field.copy_barcode
type "HJM-0001"
key enter
expect text "sudah dipakai eksemplar buku lain: \"Laskar Pelangi\""
key backspace
key backspace
key backspace
key backspace
type "9001"
key enter
expect text "HJM-9001  ·  lokasi belum diisi  ·  ada di rak"
expect no-text "sudah dipakai"
tap #osk.done
expect text "Eksemplar HJM-9001 ditambahkan"
)");
    INFO(result.failure);
    REQUIRE(result.passed);
}

TEST_CASE("the editor with a camera and on a record with copies fits every size and language", "[cataloguing][screens]") {
    // The every-screen test runs without a catalogue or camera; here the scan button, withdraw
    // button and the copies section are on screen too.
    CameraKiosk k;
    const ScreenSize sizes[] = {{1280, 800}, {1920, 1080}, {800, 1280}};
    int rendered = 0;
    for (const char* name : {"catalog-edit", "catalog-edit-record", "catalog-edit-problems"})
        for (const auto& size : sizes)
            for (const auto lang : {i18n::Language::Indonesian, i18n::Language::English})
                for (const bool accessible : {false, true}) {
                    const auto result = render_screenshot(*k.kiosk.ctx, {name, size, lang, accessible, accessible}, {},
                                                          std::nullopt);
                    INFO(name << " " << size.width << "x" << size.height << " " << i18n::language_code(lang)
                              << (accessible ? " a11y" : ""));
                    CHECK(result.coverage > 0.02);
                    for (const auto& o : result.overflows) FAIL_CHECK("overflow: " << o.id << " '" << o.text << "'");
                    for (const auto& m : result.missing_texts) FAIL_CHECK("untranslated id on screen: " << m);
                    ++rendered;
                }
    CHECK(rendered == 36);
}
