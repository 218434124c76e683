// The hub's model functions on both backends, with explicit times: region codes, enrolment codes
// at their expiry, nonce memory, the status feed's numbering.
#include "hub_setup.hpp"
#include "model/aspiration_admin.hpp"
#include "model/kiosks.hpp"
#include "model/outbox_store.hpp"
#include "model/regions.hpp"
#include "server/gzip.hpp"

using namespace desa::hub;
using namespace desa::hub::test;

TEST_CASE("region codes: dotted or digits, every level, nothing else", "[hub][model]") {
    CHECK(normalize_region_code("18") == "18");
    CHECK(normalize_region_code("1801") == "18.01");
    CHECK(normalize_region_code("18.01.04") == "18.01.04");
    CHECK(normalize_region_code("1801042001") == "18.01.04.2001");
    CHECK(normalize_village_code("18.01.04.2001") == "18.01.04.2001");
    for (const char* bad : {"", "1", "180", "18.1", "18..01", "18.01.04.200", "18.01.04.20011", "18.01.04.2001.1",
                            "18-01", "1801042001x", "18.01.0a", "%", "18.01.04.2001 "})
        CHECK_FALSE(normalize_region_code(bad));
    CHECK_FALSE(normalize_village_code("18.01.04"));
}

TEST_CASE("enrolment codes at the edge of expiry, and one kiosk per key", "[hub][model]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        const std::int64_t t0 = 1'800'000'000;
        const auto code = create_enrol_code(*db, "18.01.04.2001", "", 600, t0);
        const auto key = desa::sync::encode_sign_public_key(desa::sync::make_sign_key_pair().public_key);
        CHECK(enrol_kiosk(*db, code.code, key, "", t0 + 600).error == "code_expired");
        const auto ok = enrol_kiosk(*db, desa::hub::display_enrol_code(code.code), key, "Kios", t0 + 599);
        REQUIRE(ok.kiosk);
        CHECK(ok.kiosk->name == "Kios");
        CHECK(ok.kiosk->village_code == "18.01.04.2001");
        CHECK(enrol_kiosk(*db, code.code, key, "", t0 + 1).error == "code_used");
        const auto second = create_enrol_code(*db, "18.01.04.2001", "Named by admin", 600, t0);
        CHECK(enrol_kiosk(*db, second.code, key, "", t0 + 1).error == "key_in_use");
        // key_in_use rolled back: the code is still good for a new key.
        const auto other = desa::sync::encode_sign_public_key(desa::sync::make_sign_key_pair().public_key);
        const auto named = enrol_kiosk(*db, second.code, other, "ignored", t0 + 2);
        REQUIRE(named.kiosk);
        CHECK(named.kiosk->name == "Named by admin");
        CHECK(list_kiosks(*db, std::string("18.01")).size() == 2);
        CHECK(list_kiosks(*db, std::string("18.02")).empty());
    }
}

TEST_CASE("nonces: remembered for the window, forgotten after it", "[hub][model]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        const std::int64_t t0 = 1'800'000'000;
        const std::string nonce(32, 'a');
        CHECK(remember_nonce(*db, "K1", nonce, t0));
        CHECK_FALSE(remember_nonce(*db, "K1", nonce, t0 + 10));
        CHECK(remember_nonce(*db, "K2", nonce, t0 + 10));  // per kiosk
        CHECK_FALSE(remember_nonce(*db, "K1", nonce, t0 + desa::sync::kNonceMemorySeconds));
        CHECK(remember_nonce(*db, "K1", nonce, t0 + desa::sync::kNonceMemorySeconds + 1));
        // Pruned eventually: the table does not grow without bound.
        for (int i = 0; i < 50; ++i) remember_nonce(*db, "K3", desa::sync::random_nonce_hex(), t0 + 2000);
        remember_nonce(*db, "K3", desa::sync::random_nonce_hex(), t0 + 4000);
        CHECK(db->query("SELECT count(*) FROM nonces", {}).at(0).int64(0) <= 2);
    }
}

TEST_CASE("status feed numbers only grow and each kiosk sees its own", "[hub][model]") {
    for (const auto& backend : test_backends()) {
        INFO(backend.label);
        auto db = backend.open_migrated();
        const auto records = kiosk_aspirations(desa::security::make_box_key_pair().public_key, 3);
        std::vector<IncomingRecord> in;
        for (const auto& r : records) in.push_back({r.uuid, r.channel, r.created_at, r.payload});
        store_records(*db, "KA", {in[0], in[1]}, 100);
        store_records(*db, "KB", {in[2]}, 100);
        const auto rows = list_aspirations(*db, {});
        REQUIRE(rows.size() == 3);
        std::int64_t last = 0;
        for (int round = 0; round < 3; ++round)
            for (const auto& row : rows) {
                const auto change = set_aspiration_status(*db, row.tracking_code, "forwarded", "", 200);
                REQUIRE(change.update);
                CHECK(change.update->seq > last);
                last = change.update->seq;
            }
        CHECK(updates_for_kiosk(*db, "KA", 0).size() == 6);
        CHECK(updates_for_kiosk(*db, "KB", 0).size() == 3);
        CHECK(updates_for_kiosk(*db, "KA", 0, 4).size() == 4);
        CHECK(updates_for_kiosk(*db, "KA", last).empty());
        CHECK(set_aspiration_status(*db, rows[0].tracking_code, "closed", std::string(5000, 'x'), 300).error == "bad_note");
        CHECK(set_aspiration_status(*db, rows[0].tracking_code, "closed", "bidi \u202e", 300).error == "bad_note");
    }
}

TEST_CASE("gzip: round trip, and bounded inflation", "[hub][model]") {
    const std::string text(100000, 'z');
    const auto packed = gzip_compress(text);
    CHECK(packed.size() < 1000);
    CHECK(gunzip_bounded(packed, text.size()).data == text);
    const auto capped = gunzip_bounded(packed, text.size() - 1);
    CHECK_FALSE(capped.data);
    CHECK(capped.problem == GunzipProblem::TooLarge);
    CHECK(gunzip_bounded("", 10).problem == GunzipProblem::Corrupt);
    CHECK(gunzip_bounded(gzip_compress(""), 10).data == "");
}
