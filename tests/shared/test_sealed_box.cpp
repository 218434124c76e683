// Sealed boxes: what the kiosk seals opens with the province's secret key and nothing else.
#include <catch2/catch.hpp>

#include "security/sealed_box.hpp"
#include "test_support.hpp"

using namespace desa::security;

TEST_CASE("sealed text opens only with the province's key pair", "[security][seal]") {
    const BoxKeyPair province = make_box_key_pair();
    const BoxKeyPair stranger = make_box_key_pair();
    const std::string secret = R"({"name":"Siti Aminah","nik":"1801044505870003","phone":"+6281234567890"})";
    const auto sealed = seal(secret, province.public_key);
    CHECK(sealed.size() == secret.size() + 48);
    CHECK(std::string(sealed.begin(), sealed.end()).find("Siti") == std::string::npos);
    CHECK(open_sealed(sealed, province) == secret);
    CHECK_FALSE(open_sealed(sealed, stranger).has_value());
    auto altered = sealed;
    altered[60] ^= 1;
    CHECK_FALSE(open_sealed(altered, province).has_value());
    CHECK_FALSE(open_sealed({}, province).has_value());
    // A fresh ephemeral key each time: two seals of the same text do not link.
    CHECK(seal(secret, province.public_key) != sealed);
}

TEST_CASE("province keys are parsed strictly from base64", "[security][seal]") {
    const BoxKeyPair kp = make_box_key_pair();
    const std::string b64 = to_base64(kp.public_key.bytes);
    CHECK(b64.size() == 44);
    CHECK(parse_box_public_key(b64) == kp.public_key);
    for (const std::string& bad : {std::string(""), b64.substr(0, 43), b64 + "A", std::string(44, '*'),
                                  to_base64(kp.public_key.bytes.data(), 31), b64 + "\n"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(parse_box_public_key(bad).has_value());
    }
}

TEST_CASE("the demo kiosk's province key matches the test-only secret", "[security][seal]") {
    const auto secret = parse_box_secret_key(desa::test::read_file(std::filesystem::path(DESA_TEST_DATA_DIR) /
                                                                   "demo-province.secret")
                                                 .substr(0, 44));
    REQUIRE(secret);
    const std::string toml = desa::test::read_file(desa::test::assets_dir() / "demo/kiosk.toml");
    const auto at = toml.find("public_key = \"");
    REQUIRE(at != std::string::npos);
    const auto pub = parse_box_public_key(std::string_view(toml).substr(at + 14, 44));
    REQUIRE(pub);
    const auto sealed = seal("uji", *pub);
    CHECK(open_sealed(sealed, BoxKeyPair{*pub, *secret}) == "uji");
}
