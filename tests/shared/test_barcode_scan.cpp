// Barcodes through the real pipeline: ZXing writes a code, stb writes it as a PNG file, the scan
// pipeline loads the PNG and decodes it again.
#include <catch2/catch.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <stb_image_write.h>

#include "scan/barcode_scan.hpp"
#include "test_support.hpp"

using namespace desa;

namespace {

// Renders a code `scale` pixels per module with a white quiet zone, as a printed label would be.
void write_code_png(const std::filesystem::path& file, ZXing::BarcodeFormat format, const std::string& text) {
    ZXing::MultiFormatWriter writer(format);
    writer.setMargin(10);
    const bool linear = format != ZXing::BarcodeFormat::QRCode;
    const ZXing::BitMatrix m = writer.encode(text, linear ? 0 : 0, linear ? 60 : 0);
    const int scale = 3;
    const int w = m.width() * scale, h = std::max(m.height(), linear ? 60 : 0) * scale;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h, 255);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (m.get(x / scale, std::min(y / scale, m.height() - 1))) px[static_cast<std::size_t>(y) * w + x] = 0;
    REQUIRE(stbi_write_png(file.c_str(), w, h, 1, px.data(), w) != 0);
}

}  // namespace

TEST_CASE("codes in PNG files are decoded and classified", "[scan]") {
    test::TempDir dir;
    struct Case {
        ZXing::BarcodeFormat format;
        std::string text;
        std::string format_name;
        scan::CodeKind kind;
        scan::Verdict verdict;
        std::string value;
    };
    const Case cases[] = {
        {ZXing::BarcodeFormat::EAN13, "9780439023481", "EAN-13", scan::CodeKind::Isbn, scan::Verdict::Valid,
         "9780439023481"},
        {ZXing::BarcodeFormat::EAN13, "9786020332956", "EAN-13", scan::CodeKind::Isbn, scan::Verdict::Valid,
         "9786020332956"},
        // A grocery EAN-13 is not a book.
        {ZXing::BarcodeFormat::EAN13, "4006381333931", "EAN-13", scan::CodeKind::Unknown, scan::Verdict::Invalid, ""},
        {ZXing::BarcodeFormat::QRCode, "Perpustakaan Desa Hajimena", "QRCode", scan::CodeKind::Unknown,
         scan::Verdict::Invalid, ""},
        {ZXing::BarcodeFormat::Code128, "B-000123", "Code128", scan::CodeKind::Unknown, scan::Verdict::Invalid, ""},
    };
    int n = 0;
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.text) {
            const auto file = dir / ("code" + std::to_string(n++) + ".png");
            write_code_png(file, c.format, c.text);
            std::string error;
            const auto image = scan::load_image(file, error);
            REQUIRE(image.has_value());
            const auto codes = scan::read_codes(*image);
            REQUIRE(codes.size() == 1);
            CHECK(codes[0].format == c.format_name);
            CHECK(codes[0].text == c.text);
            CHECK(codes[0].kind == c.kind);
            CHECK(codes[0].verdict == c.verdict);
            CHECK(codes[0].value == c.value);
        }
    }
}

TEST_CASE("an ISBN EAN-13 with a wrong check digit is refused", "[scan]") {
    // ZXing itself rejects a bad EAN check digit; classify() must too when text comes from elsewhere.
    const auto code = scan::classify("EAN-13", "9780439023482");
    CHECK(code.kind == scan::CodeKind::Isbn);
    CHECK(code.verdict == scan::Verdict::Invalid);
}

TEST_CASE("blank, unreadable and empty images give no code and a reason", "[scan]") {
    test::TempDir dir;
    std::vector<std::uint8_t> white(200 * 100, 255);
    REQUIRE(stbi_write_png((dir / "blank.png").c_str(), 200, 100, 1, white.data(), 200) != 0);
    std::string error;
    const auto blank = scan::load_image(dir / "blank.png", error);
    REQUIRE(blank);
    CHECK(scan::read_codes(*blank).empty());

    test::write_file(dir / "broken.png", "\x89PNG\r\n\x1a\n this is not really a png");
    CHECK_FALSE(scan::load_image(dir / "broken.png", error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(scan::load_image(dir / "missing.png", error));
    CHECK(scan::read_codes(scan::GreyImage{}).empty());
    CHECK(scan::read_codes(scan::GreyImage{10, 10, {}}).empty());  // size says 100 pixels, none given
}

TEST_CASE("a folder of images works as a camera, in name order, skipping unreadable files", "[scan]") {
    test::TempDir dir;
    write_code_png(dir / "b.png", ZXing::BarcodeFormat::EAN13, "9780439023481");
    test::write_file(dir / "c.png", "garbage");
    write_code_png(dir / "a.png", ZXing::BarcodeFormat::QRCode, "first");
    scan::FolderCamera camera(dir.path());
    auto first = camera.next_frame();
    REQUIRE(first);
    CHECK(scan::read_codes(*first).at(0).text == "first");
    auto second = camera.next_frame();
    REQUIRE(second);
    CHECK(scan::read_codes(*second).at(0).text == "9780439023481");
    CHECK_FALSE(camera.next_frame());
    // A picture arriving later is the next frame; the ones already taken do not come back.
    write_code_png(dir / "0-late.png", ZXing::BarcodeFormat::QRCode, "late");
    auto late = camera.next_frame();
    REQUIRE(late);
    CHECK(scan::read_codes(*late).at(0).text == "late");
    CHECK_FALSE(camera.next_frame());
}
