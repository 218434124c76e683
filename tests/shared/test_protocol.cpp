// The canonical texts and signatures both sides of sync share (docs/sync-protocol.md).
#include <catch2/catch.hpp>

#include "sync/protocol.hpp"

using namespace desa::sync;

TEST_CASE("protocol: a signature verifies only for the same text and key", "[sync][protocol]") {
    const auto province = make_sign_key_pair();
    const auto other = make_sign_key_pair();
    const std::string text = ack_text("k-1", sha256_hex("{}"), {{"u1", "stored"}, {"u2", "duplicate"}});
    const std::string sig = sign_text(text, province.secret_key);
    CHECK(verify_text(text, sig, province.public_key));
    CHECK_FALSE(verify_text(text + " ", sig, province.public_key));   // one byte more
    CHECK_FALSE(verify_text(text, sig, other.public_key));             // another key
    const std::string bad_sigs[] = {"", "bm90IGEgc2lnbmF0dXJl", "!!!", sig.substr(1), sig + "AA=="};
    for (const auto& bad : bad_sigs) CHECK_FALSE(verify_text(text, bad, province.public_key));
}

TEST_CASE("protocol: keys round-trip through base64 and malformed ones are refused", "[sync][protocol]") {
    const auto pair = make_sign_key_pair();
    CHECK(parse_sign_public_key(encode_sign_public_key(pair.public_key)) == pair.public_key);
    const auto secret = parse_sign_secret_key(encode_sign_secret_key(pair.secret_key));
    REQUIRE(secret);
    CHECK(verify_text("x", sign_text("x", *secret), pair.public_key));
    CHECK_FALSE(parse_sign_public_key(""));
    CHECK_FALSE(parse_sign_public_key("AAAA"));
    auto tampered = pair.secret_key;
    tampered.bytes[40] ^= 1;  // the public half no longer matches the seed
    CHECK_FALSE(parse_sign_secret_key(encode_sign_secret_key(tampered)));
    CHECK(key_fingerprint(pair.public_key.bytes).size() == 16);
}

TEST_CASE("protocol: canonical texts, as written in docs/sync-protocol.md", "[sync][protocol]") {
    const std::string empty_sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    CHECK(sha256_hex("") == empty_sha);
    CHECK(request_text("POST", "/v1/outbox", 1795830000, "00ff", "") ==
          "DESA-REQ-1\nPOST\n/v1/outbox\n1795830000\n00ff\n" + empty_sha);
    CHECK(ack_text("k", "h", {}) == "DESA-ACK-1\nk\nh");
    CHECK(ack_text("k", "h", {{"a", "stored"}, {"b", "conflict"}}) == "DESA-ACK-1\nk\nh\na stored\nb conflict");
    CHECK(updates_text("k", 7, {{8, "ABCD1234EFG", "answered", 100, ""}}) ==
          "DESA-UPD-1\nk\n7\n8 ABCD1234EFG answered 100 " + empty_sha);
    Manifest m{"slides", 3, 99, {{"a.png", std::string(64, 'a'), 12}}};
    CHECK(manifest_text(m) == "DESA-MAN-1\nslides\n3\n99\n" + std::string(64, 'a') + " 12 a.png");
    // The version is part of the signed text: an old manifest cannot pass for a new one.
    Manifest older = m;
    older.version = 2;
    CHECK(manifest_text(older) != manifest_text(m));
}

TEST_CASE("protocol: names from the wire that become paths or keys", "[sync][protocol]") {
    struct Case {
        const char* text;
        bool file, channel;
    };
    const Case cases[] = {
        {"slides", true, true},       {"catalog_2", true, true},  {"a.png", true, false},
        {"..", false, false},         {".", false, false},        {"", false, false},
        {"../etc/passwd", false, false}, {"a/b", false, false},   {"Slides", true, false},
        {"a b", false, false},        {"é.png", false, false},    {"x\n", false, false},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(is_safe_file_name(c.text) == c.file);
        CHECK(is_channel_name(c.text) == c.channel);
    }
    CHECK(is_sha256_hex(std::string(64, 'f')));
    CHECK_FALSE(is_sha256_hex(std::string(64, 'F')));
    CHECK_FALSE(is_sha256_hex(std::string(63, 'a')));
    CHECK(random_nonce_hex().size() == 32);
    CHECK(random_nonce_hex() != random_nonce_hex());
}
