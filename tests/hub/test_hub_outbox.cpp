// Through the real `desa-hub serve`: the outbox (stored / duplicate / conflict, the signed
// acknowledgement, bounds), then the administrator's answers flowing back as the status feed.
#include <atomic>
#include <thread>

#include "hub_setup.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

std::string error_of(const httplib::Result& res) { return json::parse(res->body).value("error", ""); }

// The kiosk's acceptance rule: the ack verifies with the pinned key and names this batch.
std::vector<desa::sync::AckResult> verified_ack(const HubSetup& hub, const TestKiosk& kiosk, const httplib::Result& res,
                                                const std::string& batch_text) {
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto ack = json::parse(res->body);
    CHECK(ack["kiosk_id"] == kiosk.id);
    CHECK(ack["batch_sha256"] == desa::sync::sha256_hex(batch_text));
    std::vector<desa::sync::AckResult> results;
    for (const auto& r : ack["results"]) results.push_back({r["uuid"], r["result"]});
    CHECK(desa::sync::verify_text(desa::sync::ack_text(kiosk.id, ack["batch_sha256"].get<std::string>(), results),
                                  ack["signature"].get<std::string>(), hub.keys.sign));
    return results;
}

}  // namespace

TEST_CASE("outbox: stored, then duplicate, then conflict, every ack verified", "[hub][api][outbox]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        auto records = kiosk_aspirations(hub.keys.seal, 3, desa::aspirations::Identity::Confidential);
        const std::string batch = batch_json(records);

        auto results = verified_ack(hub, kiosk, hub.post_outbox(kiosk, batch), batch);
        REQUIRE(results.size() == 3);
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(results[i].uuid == records[i].uuid);
            CHECK(results[i].result == "stored");
        }
        // A retry after a lost answer: acknowledged again, nothing stored twice.
        results = verified_ack(hub, kiosk, hub.post_outbox(kiosk, batch), batch);
        for (const auto& r : results) CHECK(r.result == "duplicate");
        CHECK(hub.db()->query("SELECT count(*) FROM records", {}).at(0).int64(0) == 3);

        // Same uuid, other content (and a new record in the same batch).
        auto changed = records;
        changed[1].payload = changed[1].payload.substr(0, changed[1].payload.size() - 1) + ",\"x\":1}";
        auto fresh = kiosk_aspirations(hub.keys.seal, 1);
        changed.push_back(fresh[0]);
        const std::string batch2 = batch_json(changed);
        results = verified_ack(hub, kiosk, hub.post_outbox(kiosk, batch2), batch2);
        REQUIRE(results.size() == 4);
        CHECK(results[0].result == "duplicate");
        CHECK(results[1].result == "conflict");
        CHECK(results[2].result == "duplicate");
        CHECK(results[3].result == "stored");
        auto db = hub.db();
        CHECK(db->query("SELECT count(*) FROM records", {}).at(0).int64(0) == 4);
        const auto conflicts = db->query("SELECT uuid, times_seen, payload FROM outbox_conflicts", {});
        REQUIRE(conflicts.size() == 1);
        CHECK(conflicts[0].text(0) == records[1].uuid);
        CHECK(conflicts[0].text(2) == changed[1].payload);
        // The kept version is the first one.
        CHECK(db->query("SELECT payload FROM records WHERE uuid = $1", {records[1].uuid}).at(0).text(0) ==
              records[1].payload);

        // The same uuid from another kiosk (a cloned SD card) is a conflict too, not a duplicate.
        auto clone = hub.enrol_kiosk();
        const std::string one = batch_json({records[0]});
        results = verified_ack(hub, clone, hub.post_outbox(clone, one), one);
        CHECK(results.at(0).result == "conflict");

        // The aspirations are listed with their index fields, filtered by region and status.
        const auto listed = run_hub(hub.args({"aspirations", "list", "--json"}));
        REQUIRE(listed.exit_code == 0);
        const auto list = listed.json();
        REQUIRE(list.size() == 4);
        for (const auto& a : list) {
            CHECK(a["type"] == "pengaduan");
            CHECK(a["category"] == "infrastruktur");
            CHECK(a["status"] == "sent");
            CHECK(a["village"] == "18.01.04.2001");
            CHECK(a["tracking_code"].get<std::string>().size() == 11);
        }
        CHECK(run_hub(hub.args({"aspirations", "list", "--json", "--region", "18.01"})).json().size() == 4);
        CHECK(run_hub(hub.args({"aspirations", "list", "--json", "--region", "1801042001"})).json().size() == 4);
        CHECK(run_hub(hub.args({"aspirations", "list", "--json", "--region", "18.02"})).json().empty());
        CHECK(run_hub(hub.args({"aspirations", "list", "--json", "--status", "closed"})).json().empty());
        CHECK(run_hub(hub.args({"aspirations", "list", "--region", "18.0"})).exit_code == 2);
        CHECK(run_hub(hub.args({"aspirations", "list", "--status", "lost"})).exit_code == 2);
    }
}

TEST_CASE("outbox: malformed, oversized and tampered batches are refused and store nothing", "[hub][api][outbox]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        const auto records = kiosk_aspirations(hub.keys.seal, 1);

        auto post_raw = [&](const std::string& body, const char* encoding) {
            auto h = kiosk.sign("POST", "/v1/outbox", body);
            if (encoding) h.emplace("Content-Encoding", encoding);
            return hub.client->Post("/v1/outbox", h, body, "application/json");
        };
        // A gzip bomb: 64 MiB of zeros in a small body.
        auto res = post_raw(gzip_compress(std::string(64 * 1024 * 1024, ' ')), "gzip");
        REQUIRE(res);
        CHECK(res->status == 413);
        // Corrupt and truncated gzip.
        const std::string good = gzip_compress(batch_json(records));
        CHECK(post_raw("definitely not gzip", "gzip")->status == 400);
        CHECK(post_raw(good.substr(0, good.size() / 2), "gzip")->status == 400);
        CHECK(post_raw(good + "trailing", "gzip")->status == 400);
        CHECK(post_raw(good, "br")->status == 415);
        // Not the batch format.
        for (const std::string& body :
             {std::string("[]"), std::string("{\"records\": 5}"),
              std::string("{\"records\": [{\"uuid\": \"x\", \"channel\": \"aspirations\", \"created_at\": 1, "
                          "\"payload\": \"{}\"}]}"),
              json{{"records", {{{"uuid", records[0].uuid}, {"channel", "Bad Channel"}, {"created_at", 1},
                                 {"payload", "{}"}}}}}
                  .dump(),
              json{{"records", {{{"uuid", records[0].uuid}, {"channel", "aspirations"}, {"created_at", -1},
                                 {"payload", "{}"}}}}}
                  .dump(),
              json{{"records", {{{"uuid", records[0].uuid}, {"channel", "aspirations"}, {"created_at", 1},
                                 {"payload", {{"an", "object"}}}}}}}
                  .dump(),
              json{{"records", {{{"uuid", records[0].uuid}, {"channel", "aspirations"}, {"created_at", 1},
                                 {"payload", "{not json"}}}}}
                  .dump()}) {
            res = post_raw(gzip_compress(body), "gzip");
            REQUIRE(res);
            CHECK(res->status == 400);
            CHECK(error_of(res) == "bad_batch");
        }
        // More than 200 records.
        json many = json::array();
        for (int i = 0; i < 201; ++i)
            many.push_back({{"uuid", desa::sync::new_uuid()}, {"channel", "heartbeat"}, {"created_at", i}, {"payload", "{}"}});
        CHECK(post_raw(gzip_compress(json{{"records", many}}.dump()), "gzip")->status == 400);
        // Over 1 MiB uncompressed.
        json big = json::array({{{"uuid", desa::sync::new_uuid()}, {"channel", "heartbeat"}, {"created_at", 1},
                                 {"payload", json{{"pad", std::string(1100 * 1024, 'x')}}.dump()}}});
        CHECK(post_raw(gzip_compress(json{{"records", big}}.dump()), "gzip")->status == 413);
        // Over the raw request limit, refused by length before it is read.
        CHECK(post_raw(std::string(3 * 1024 * 1024, 'x'), nullptr)->status == 413);
        // Signed for one body, sent with another: the signature covers the bytes as sent.
        auto h = kiosk.sign("POST", "/v1/outbox", good);
        h.emplace("Content-Encoding", "gzip");
        const std::string other = gzip_compress(batch_json(kiosk_aspirations(hub.keys.seal, 1)));
        res = hub.client->Post("/v1/outbox", h, other, "application/json");
        REQUIRE(res);
        CHECK(res->status == 401);
        CHECK(error_of(res) == "bad_signature");

        CHECK(hub.db()->query("SELECT count(*) FROM records", {}).at(0).int64(0) == 0);
        // An uncompressed batch is accepted as well (the protocol's gzip is for the wire's sake).
        res = post_raw(batch_json(records), nullptr);
        REQUIRE(res);
        CHECK(res->status == 200);
    }
}

TEST_CASE("status feed: set-status and answer reach only the kiosk that sent the aspiration", "[hub][api][updates]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        auto other = hub.enrol_kiosk("18.01.04.2002");
        const auto records = kiosk_aspirations(hub.keys.seal, 2, desa::aspirations::Identity::Named);
        REQUIRE(hub.post_outbox(kiosk, batch_json(records))->status == 200);
        const auto list = run_hub(hub.args({"aspirations", "list", "--json"})).json();
        REQUIRE(list.size() == 2);
        const std::string code = list[0]["tracking_code"];
        const std::string shown = list[0]["display_code"];

        auto set = run_hub(hub.args({"aspirations", "set-status", shown, "verified", "--note", "Sudah dicek petugas"}));
        INFO(set.err);
        REQUIRE(set.exit_code == 0);
        REQUIRE(run_hub(hub.args({"aspirations", "answer", code, "Perbaikan jalan dijadwalkan Desember."})).exit_code == 0);
        CHECK(run_hub(hub.args({"aspirations", "set-status", code, "received"})).exit_code == 2);
        CHECK(run_hub(hub.args({"aspirations", "set-status", code, "bogus"})).exit_code == 2);
        CHECK(run_hub(hub.args({"aspirations", "set-status", "23456789ABC", "closed"})).exit_code == 1);
        CHECK(run_hub(hub.args({"aspirations", "answer", code, ""})).exit_code == 2);

        auto feed = [&](const TestKiosk& k, std::int64_t after) {
            const std::string target = "/v1/aspirations/updates?after=" + std::to_string(after);
            const auto res = hub.get(k, target);
            REQUIRE(res);
            REQUIRE(res->status == 200);
            const auto body = json::parse(res->body);
            std::vector<desa::sync::StatusUpdate> updates;
            for (const auto& u : body["updates"])
                updates.push_back({u["seq"], u["tracking_code"], u["status"], u["at"], u["note"]});
            CHECK(desa::sync::verify_text(desa::sync::updates_text(k.id, after, updates),
                                          body["signature"].get<std::string>(), hub.keys.sign));
            return updates;
        };
        const auto all = feed(kiosk, 0);
        REQUIRE(all.size() == 2);
        CHECK(all[0].tracking_code == code);
        CHECK(all[0].status == "verified");
        CHECK(all[0].note == "Sudah dicek petugas");
        CHECK(all[1].status == "answered");
        CHECK(all[1].note == "Perbaikan jalan dijadwalkan Desember.");
        CHECK(all[1].seq > all[0].seq);
        const auto rest = feed(kiosk, all[0].seq);
        REQUIRE(rest.size() == 1);
        CHECK(rest[0].seq == all[1].seq);
        CHECK(feed(kiosk, all[1].seq).empty());
        CHECK(feed(other, 0).empty());
        CHECK(hub.get(kiosk, "/v1/aspirations/updates?after=-1")->status == 400);
        CHECK(hub.get(kiosk, "/v1/aspirations/updates?after=x")->status == 400);

        // show: the current status and history; sealed fields only with --decrypt.
        auto shown_json = run_hub(hub.args({"aspirations", "show", code, "--json"})).json();
        CHECK(shown_json["status"] == "answered");
        CHECK(shown_json["updates"].size() == 2);
        CHECK(shown_json["sealed_identity"] == true);
        CHECK_FALSE(shown_json.contains("resident"));
        desa::test::TempDir out;
        const auto photo = (out / "photo.png").string();
        const auto decrypted = run_hub(hub.args({"aspirations", "show", code, "--json", "--decrypt", "--photo", photo}));
        REQUIRE(decrypted.exit_code == 0);
        const auto d = decrypted.json();
        CHECK(d["resident"]["name"] == "Siti Aminah");
        CHECK(d["resident"]["nik"] == "1801044501900001");
        CHECK(d["photo_bytes"] == 7);
        CHECK(desa::test::read_file(photo).size() == 7);
        CHECK(hub.hub->stderr_text().find("Siti") == std::string::npos);  // never in the log
        // Without the seal secret in the data directory, --decrypt refuses.
        std::filesystem::rename(hub.data / "keys/province-seal.secret", out / "moved.secret");
        CHECK(run_hub(hub.args({"aspirations", "show", code, "--decrypt"})).exit_code == 1);
        CHECK(run_hub(hub.args({"aspirations", "show", code})).exit_code == 0);
        CHECK(run_hub(hub.args({"aspirations", "show", "23456789ABC"})).exit_code == 1);
    }
}

TEST_CASE("outbox: many kiosks at once, retries racing each other, exactly one copy of each record",
          "[hub][api][outbox][concurrency]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        constexpr int kKiosks = 6;
        std::vector<TestKiosk> kiosks;
        std::vector<std::string> batches;
        for (int i = 0; i < kKiosks; ++i) {
            kiosks.push_back(hub.enrol_kiosk());
            auto records = kiosk_aspirations(hub.keys.seal, 20);
            // Overlapping halves sent in different orders: the same rows locked from both ends.
            std::reverse(records.begin() + 10, records.end());
            batches.push_back(batch_json(records));
        }
        std::atomic<int> ok{0}, failed{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kKiosks * 2; ++t)
            threads.emplace_back([&, t] {
                const int k = t % kKiosks;  // two threads per kiosk: a retry racing the first attempt
                httplib::Client client("127.0.0.1", hub.hub->port());
                const std::string body = gzip_compress(batches[k]);
                auto h = kiosks[k].sign("POST", "/v1/outbox", body);
                h.emplace("Content-Encoding", "gzip");
                const auto res = client.Post("/v1/outbox", h, body, "application/json");
                if (!res || res->status != 200) {
                    ++failed;
                    return;
                }
                for (const auto& r : json::parse(res->body)["results"])
                    if (r["result"] != "stored" && r["result"] != "duplicate") ++failed;
                ++ok;
            });
        for (auto& t : threads) t.join();
        CHECK(failed == 0);
        CHECK(ok == kKiosks * 2);
        auto db = hub.db();
        CHECK(db->query("SELECT count(*) FROM records", {}).at(0).int64(0) == kKiosks * 20);
        CHECK(db->query("SELECT count(*) FROM aspirations", {}).at(0).int64(0) == kKiosks * 20);
        CHECK(db->query("SELECT count(*) FROM outbox_conflicts", {}).at(0).int64(0) == 0);
    }
}
