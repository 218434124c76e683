// The kiosk believes the hub only on a signed answer: acknowledgements, status updates and
// manifests are checked field by field and by the pinned key. A captive portal's 200 with HTML,
// another batch's or kiosk's acknowledgement, a forged or tampered signature are all refused.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "sync/content_sync.hpp"
#include "sync/outbox_upload.hpp"
#include "sync/status_updates.hpp"

using namespace desa::sync;
using nlohmann::json;

namespace {

HubResponse answer(const std::string& body, const std::string& type = "application/json") {
    HubResponse r;
    r.status = 200;
    r.body = body;
    r.headers["content-type"] = type;
    return r;
}

Batch two_record_batch() {
    std::vector<OutgoingRecord> records = {
        {1, "11111111-2222-4333-8444-555555555555", "aspirations", 1764547200, R"({"a":1})"},
        {2, "66666666-7777-4888-9999-aaaaaaaaaaaa", "evaluations", 1764547201, R"({"b":2})"},
    };
    std::vector<OutgoingRecord> too_large;
    auto batches = make_batches(records, too_large);
    REQUIRE(batches.size() == 1);
    return batches[0];
}

json signed_ack(const Batch& batch, const std::string& kiosk, const SignKeyPair& key,
                const std::vector<std::string>& results) {
    std::vector<AckResult> list;
    json items = json::array();
    for (std::size_t i = 0; i < batch.records.size(); ++i) {
        list.push_back({batch.records[i].uuid, results[i]});
        items.push_back({{"uuid", batch.records[i].uuid}, {"result", results[i]}});
    }
    const std::string sha = sha256_hex(batch.body);
    return {{"kiosk_id", kiosk}, {"batch_sha256", sha}, {"results", items},
            {"signature", sign_text(ack_text(kiosk, sha, list), key.secret_key)}};
}

}  // namespace

TEST_CASE("acknowledgement: the genuine one passes, every forgery is refused", "[sync][ack]") {
    const auto province = make_sign_key_pair();
    const auto batch = two_record_batch();
    const json good = signed_ack(batch, "K-1", province, {"stored", "duplicate"});
    HubFailure failure;

    SECTION("genuine") {
        const auto results = verify_ack(answer(good.dump()), "K-1", batch, province.public_key, failure);
        REQUIRE(results);
        CHECK((*results)[0].result == "stored");
        CHECK((*results)[1].result == "duplicate");
    }
    SECTION("a captive portal's 200 with an HTML page") {
        const auto html = answer("<html><body>Login to FreeWifi</body></html>", "text/html");
        CHECK_FALSE(verify_ack(html, "K-1", batch, province.public_key, failure));
        CHECK(failure.kind == FailureKind::BadAnswer);
        CHECK(failure.detail.find("not JSON") != std::string::npos);
    }
    SECTION("empty and truncated bodies") {
        CHECK_FALSE(verify_ack(answer(""), "K-1", batch, province.public_key, failure));
        const std::string text = good.dump();
        CHECK_FALSE(verify_ack(answer(text.substr(0, text.size() / 2)), "K-1", batch, province.public_key, failure));
        CHECK_FALSE(verify_ack(answer("[]"), "K-1", batch, province.public_key, failure));
    }
    SECTION("another batch's hash") {
        json other = good;
        other["batch_sha256"] = sha256_hex("something else");
        CHECK_FALSE(verify_ack(answer(other.dump()), "K-1", batch, province.public_key, failure));
        CHECK(failure.detail.find("another batch") != std::string::npos);
        // Even signed correctly over that other hash, it is not this batch's acknowledgement.
        Batch altered = batch;
        altered.body += " ";
        CHECK_FALSE(verify_ack(answer(good.dump()), "K-1", altered, province.public_key, failure));
    }
    SECTION("another kiosk") {
        const json theirs = signed_ack(batch, "K-2", province, {"stored", "stored"});
        CHECK_FALSE(verify_ack(answer(theirs.dump()), "K-1", batch, province.public_key, failure));
        CHECK(failure.detail.find("another kiosk") != std::string::npos);
    }
    SECTION("a signature by another key, a tampered result, a garbled signature") {
        const auto impostor = make_sign_key_pair();
        const json forged = signed_ack(batch, "K-1", impostor, {"stored", "stored"});
        CHECK_FALSE(verify_ack(answer(forged.dump()), "K-1", batch, province.public_key, failure));
        CHECK(failure.detail.find("signature") != std::string::npos);
        json tampered = signed_ack(batch, "K-1", province, {"conflict", "stored"});
        tampered["results"][0]["result"] = "stored";
        CHECK_FALSE(verify_ack(answer(tampered.dump()), "K-1", batch, province.public_key, failure));
        json garbled = good;
        garbled["signature"] = "not base64 at all!";
        CHECK_FALSE(verify_ack(answer(garbled.dump()), "K-1", batch, province.public_key, failure));
    }
    SECTION("results that do not match the batch") {
        json fewer = good;
        fewer["results"].erase(1);
        CHECK_FALSE(verify_ack(answer(fewer.dump()), "K-1", batch, province.public_key, failure));
        json swapped = good;
        std::swap(swapped["results"][0], swapped["results"][1]);
        CHECK_FALSE(verify_ack(answer(swapped.dump()), "K-1", batch, province.public_key, failure));
        const json odd = signed_ack(batch, "K-1", province, {"stored", "accepted"});
        CHECK_FALSE(verify_ack(answer(odd.dump()), "K-1", batch, province.public_key, failure));
        json missing = good;
        missing.erase("signature");
        CHECK_FALSE(verify_ack(answer(missing.dump()), "K-1", batch, province.public_key, failure));
    }
}

TEST_CASE("batches: at most 200 records and 1 MiB, an oversized record is set aside", "[sync][ack]") {
    std::vector<OutgoingRecord> records;
    for (int i = 0; i < 450; ++i) records.push_back({i + 1, "u" + std::to_string(i), "heartbeat", 0, "{}"});
    std::vector<OutgoingRecord> too_large;
    auto batches = make_batches(records, too_large);
    REQUIRE(batches.size() == 3);
    CHECK(batches[0].records.size() == 200);
    CHECK(batches[2].records.size() == 50);
    CHECK(json::parse(batches[1].body)["records"].size() == 200);

    records.clear();
    const std::string big(300 * 1024, 'x');
    for (int i = 0; i < 7; ++i) records.push_back({i + 1, "u" + std::to_string(i), "aspirations", 0, "\"" + big + "\""});
    records.insert(records.begin() + 3, {99, "huge", "aspirations", 0, "\"" + std::string(1100 * 1024, 'y') + "\""});
    batches = make_batches(records, too_large);
    REQUIRE(too_large.size() == 1);
    CHECK(too_large[0].uuid == "huge");
    std::size_t total = 0;
    for (const auto& b : batches) {
        CHECK(b.body.size() <= kBatchMaxBytes);
        CHECK(json::parse(b.body)["records"].size() == b.records.size());
        total += b.records.size();
    }
    CHECK(total == 7);
    CHECK(batches.size() == 3);  // 3 records of 300 KiB fit in 1 MiB, a 4th does not
}

TEST_CASE("status updates: signed, ascending, above the cursor", "[sync][updates]") {
    const auto province = make_sign_key_pair();
    const std::vector<StatusUpdate> updates = {{4, "7KQMA9XD4B2", "verified", 1764547300, ""},
                                               {5, "7KQMA9XD4B2", "answered", 1764547400, "Jalan diperbaiki bulan depan."}};
    const auto make = [&](std::int64_t after, const std::vector<StatusUpdate>& list, const SignKeyPair& key) {
        json items = json::array();
        for (const auto& u : list)
            items.push_back({{"seq", u.seq}, {"tracking_code", u.tracking_code}, {"status", u.status}, {"at", u.at}, {"note", u.note}});
        return json{{"updates", items}, {"signature", sign_text(updates_text("K-1", after, list), key.secret_key)}};
    };
    HubFailure failure;
    const auto ok = verify_updates(answer(make(3, updates, province).dump()), "K-1", 3, province.public_key, failure);
    REQUIRE(ok);
    CHECK(ok->size() == 2);
    CHECK((*ok)[1].note == "Jalan diperbaiki bulan depan.");
    // Signed for another cursor (a replayed older answer), for another kiosk, by another key.
    CHECK_FALSE(verify_updates(answer(make(2, updates, province).dump()), "K-1", 3, province.public_key, failure));
    CHECK_FALSE(verify_updates(answer(make(3, updates, province).dump()), "K-2", 3, province.public_key, failure));
    CHECK_FALSE(verify_updates(answer(make(3, updates, make_sign_key_pair()).dump()), "K-1", 3, province.public_key, failure));
    // Not above the cursor, not ascending, a code with a space that would shift the signed text.
    CHECK_FALSE(verify_updates(answer(make(4, updates, province).dump()), "K-1", 4, province.public_key, failure));
    CHECK_FALSE(verify_updates(answer(make(3, {updates[1], updates[0]}, province).dump()), "K-1", 3, province.public_key, failure));
    auto spaced = updates;
    spaced[0].tracking_code = "7KQM A9XD4B2";
    CHECK_FALSE(verify_updates(answer(make(3, spaced, province).dump()), "K-1", 3, province.public_key, failure));
    CHECK_FALSE(verify_updates(answer("<html>portal</html>", "text/html"), "K-1", 3, province.public_key, failure));
    CHECK(failure.kind == FailureKind::BadAnswer);
    // An empty list is a valid answer when signed.
    CHECK(verify_updates(answer(make(9, {}, province).dump()), "K-1", 9, province.public_key, failure));
}

TEST_CASE("manifests: signed, for this channel, safe names, no repeats", "[sync][manifest]") {
    const auto province = make_sign_key_pair();
    const auto make = [&](Manifest m, const SignKeyPair& key) {
        json files = json::array();
        for (const auto& f : m.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
        return json{{"channel", m.channel}, {"version", m.version}, {"created_at", m.created_at}, {"files", files},
                    {"signature", sign_text(manifest_text(m), key.secret_key)}};
    };
    const Manifest good{"slides", 3, 1764547200, {{"01.png", sha256_hex("a"), 1}, {"02.png", sha256_hex("b"), 1}}};
    HubFailure failure;
    const auto m = verify_manifest(answer(make(good, province).dump()), "slides", province.public_key, failure);
    REQUIRE(m);
    CHECK(m->version == 3);
    CHECK(m->files.size() == 2);
    CHECK_FALSE(verify_manifest(answer(make(good, province).dump()), "catalog", province.public_key, failure));
    CHECK_FALSE(verify_manifest(answer(make(good, make_sign_key_pair()).dump()), "slides", province.public_key, failure));
    json tampered = make(good, province);
    tampered["files"][0]["size"] = 2;
    CHECK_FALSE(verify_manifest(answer(tampered.dump()), "slides", province.public_key, failure));
    for (const std::string bad_name : {"../evil", "..", "a/b", ""}) {
        Manifest bad = good;
        bad.files[0].name = bad_name;
        INFO(bad_name);
        CHECK_FALSE(verify_manifest(answer(make(bad, province).dump()), "slides", province.public_key, failure));
    }
    Manifest twice = good;
    twice.files[1].name = twice.files[0].name;
    CHECK_FALSE(verify_manifest(answer(make(twice, province).dump()), "slides", province.public_key, failure));
    Manifest upper = good;
    upper.files[0].sha256 = "ABC";
    CHECK_FALSE(verify_manifest(answer(make(upper, province).dump()), "slides", province.public_key, failure));
    CHECK_FALSE(verify_manifest(answer("<!DOCTYPE html><title>Hotspot</title>", "text/html"), "slides", province.public_key, failure));
}
