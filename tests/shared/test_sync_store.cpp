// The kiosk's side of sync, without a hub: its stored identity and secret key file, the bounded
// temporary directory, the resume arithmetic of chunked downloads, the enrolment QR text, hub
// addresses, Retry-After, gzip, and a cycle against a hub that is not there.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "storage/kiosk_schema.hpp"
#include "sync/content_sync.hpp"
#include "sync/enrolment.hpp"
#include "sync/gzip_body.hpp"
#include "sync/outbox.hpp"
#include "sync/sync_engine.hpp"
#include "sync/sync_store.hpp"
#include "test_support.hpp"

using namespace desa;
using namespace desa::sync;

namespace {

Identity sample_identity() {
    return Identity{"K-7", "http://127.0.0.1:9", "18.01.04.2001", make_sign_key_pair().public_key,
                    "IrUaXr1kx6JgLQb24W8yXt76HbgfpvQ62P23bpxmHmc=", 1764547200};
}

}  // namespace

TEST_CASE("identity, state and channels are stored in kiosk.db", "[sync][store]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    CHECK_FALSE(load_identity(db));
    CHECK_FALSE(pinned_seal_key(db));
    const auto id = sample_identity();
    save_identity(db, id);
    const auto back = load_identity(db);
    REQUIRE(back);
    CHECK(back->kiosk_id == "K-7");
    CHECK(back->province_sign_key == id.province_sign_key);
    CHECK(pinned_seal_key(db) == id.province_seal_key);
    save_identity(db, Identity{"K-8", id.hub_url, id.village_code, id.province_sign_key, id.province_seal_key, 1});
    CHECK(load_identity(db)->kiosk_id == "K-8");  // one row only

    CHECK(get_state_int(db, kStateUpdatesAfter, -1) == -1);
    set_state_int(db, kStateUpdatesAfter, 42);
    CHECK(get_state_int(db, kStateUpdatesAfter) == 42);
    set_state(db, kStateUpdatesAfter, "not a number");
    CHECK(get_state_int(db, kStateUpdatesAfter, 7) == 7);
    clear_state(db, kStateUpdatesAfter);
    CHECK_FALSE(get_state(db, kStateUpdatesAfter));

    set_installed_channel(db, {"slides", 2, "/x/2", 10});
    set_installed_channel(db, {"slides", 3, "/x/3", 11});
    CHECK(installed_channel(db, "slides")->version == 3);
    CHECK(installed_channels(db).size() == 1);
    CHECK_FALSE(installed_channel(db, "catalog"));
}

TEST_CASE("the kiosk secret key file is 0600 and round-trips, a damaged one is refused", "[sync][store][privacy]") {
    test::TempDir dir;
    CHECK_FALSE(load_kiosk_secret(dir.path()));
    const auto keys = make_sign_key_pair();
    save_kiosk_secret(dir.path(), keys.secret_key);
    const auto file = dir.path() / "sync/kiosk.secret";
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.path() / "sync").c_str(), &st) == 0);
    CHECK((st.st_mode & 0077) == 0);
    const auto back = load_kiosk_secret(dir.path());
    REQUIRE(back);
    CHECK(back->bytes == keys.secret_key.bytes);
    save_kiosk_secret(dir.path(), make_sign_key_pair().secret_key);  // replaced, not appended
    CHECK(load_kiosk_secret(dir.path())->bytes != keys.secret_key.bytes);
    test::write_file(file, "garbage\n");
    CHECK_FALSE(load_kiosk_secret(dir.path()));
}

TEST_CASE("tmp cleaning keeps only parts of manifests being fetched", "[sync][tmp]") {
    test::TempDir dir;
    const auto tmp = sync_tmp_dir(dir.path());
    CHECK(clean_sync_tmp(dir.path(), {}) == 0);  // creates it
    REQUIRE(std::filesystem::is_directory(tmp));
    const std::string a = sha256_hex("a"), b = sha256_hex("b"), c = sha256_hex("c");
    test::write_file(tmp / (a + ".part"), "12345");
    test::write_file(tmp / (b + ".part"), "1");
    test::write_file(tmp / (c + ".part"), "1");
    test::write_file(tmp / "stray.txt", "left by an old version");
    test::write_file(tmp / (a + ".partial"), "x");
    std::filesystem::create_directory(tmp / (b + ".part.d"));
    CHECK(clean_sync_tmp(dir.path(), {a, b}) == 4);
    CHECK(std::filesystem::exists(tmp / (a + ".part")));
    CHECK(std::filesystem::exists(tmp / (b + ".part")));
    CHECK_FALSE(std::filesystem::exists(tmp / (c + ".part")));
    CHECK_FALSE(std::filesystem::exists(tmp / "stray.txt"));

    // What is being fetched survives a restart in sync_state.
    auto db = storage::open_kiosk_database(dir.path());
    set_state(db, "fetching:slides", nlohmann::json::array({a, "not a sha"}).dump());
    set_state(db, "fetching:catalog", "{broken");
    CHECK(shas_being_fetched(db) == std::set<std::string>{a});
}

TEST_CASE("resume arithmetic: chunks of at most 256 KiB from the part's size", "[sync][resume]") {
    constexpr std::int64_t K = 1024;
    struct Row {
        std::int64_t have, size;
        std::optional<std::pair<std::int64_t, std::int64_t>> expected;
    };
    const Row rows[] = {
        {0, 1, std::pair{0, 0}},
        {0, 256 * K, std::pair{0, 256 * K - 1}},
        {0, 256 * K + 1, std::pair{0, 256 * K - 1}},
        {256 * K, 256 * K + 1, std::pair{256 * K, 256 * K}},
        {100, 1000 * K, std::pair{100, 100 + 256 * K - 1}},  // resumes mid-chunk: nothing re-sent
        {1000 * K - 1, 1000 * K, std::pair{1000 * K - 1, 1000 * K - 1}},
        {1000 * K, 1000 * K, std::nullopt},                  // complete
        {1000 * K + 5, 1000 * K, std::nullopt},              // longer than the file: the part is wrong
        {0, 0, std::nullopt},                                // an empty file needs no request
        {-1, 10, std::nullopt},
    };
    for (const auto& r : rows) {
        INFO(r.have << " of " << r.size);
        const auto span = next_chunk(r.have, r.size);
        REQUIRE(span.has_value() == r.expected.has_value());
        if (span) {
            CHECK(span->first == r.expected->first);
            CHECK(span->last == r.expected->second);
        }
    }
    // Resuming a 1 MiB file after 300 KiB arrived costs 3 more requests, none re-sending a byte.
    std::int64_t have = 300 * K, requests = 0, bytes = 0;
    while (const auto s = next_chunk(have, 1024 * K)) {
        ++requests;
        bytes += s->last - s->first + 1;
        have = s->last + 1;
    }
    CHECK(requests == 3);
    CHECK(bytes == 724 * K);

    const auto cr = parse_content_range("bytes 100-199/1000");
    REQUIRE(cr);
    CHECK((cr->first == 100 && cr->last == 199 && cr->total == 1000));
    for (const char* bad : {"", "bytes */1000", "bytes 5-4/10", "bytes 0-10/10", "items 0-1/2", "bytes 0-1", "bytes a-b/c"})
        CHECK_FALSE(parse_content_range(bad));
}

TEST_CASE("enrolment QR text, hub addresses and Retry-After", "[sync][enrol]") {
    const auto t = parse_enrol_qr("DESA-ENROL:1:http://10.0.0.5:8080:ABCD-EFGH-JKMN:0123456789ABCDEF\n");
    REQUIRE(t);
    CHECK(t->hub_url == "http://10.0.0.5:8080");
    CHECK(t->code == "ABCD-EFGH-JKMN");
    CHECK(t->fingerprint == "0123456789abcdef");
    CHECK(parse_enrol_qr("DESA-ENROL:1:https://hub.example.id:CODE:0123456789abcdef")->hub_url == "https://hub.example.id");
    for (const char* bad : {"", "DESA-ENROL:2:http://h:C:0123456789abcdef", "DESA-ENROL:1:http://h:C:0123",
                            "DESA-ENROL:1:ftp://h:C:0123456789abcdef", "DESA-ENROL:1::0123456789abcdef",
                            "DESA-ENROL:1:http://h::0123456789abcdef", "http://h CODE"})
        CHECK_FALSE(parse_enrol_qr(bad));

    CHECK(normalize_hub_url("HTTP://Hub.Example.ID:8080/") == "http://hub.example.id:8080");
    CHECK(normalize_hub_url("https://[::1]:443") == "https://[::1]:443");
    CHECK(normalize_hub_url("http://127.0.0.1") == "http://127.0.0.1");
    for (const char* bad : {"", "hub:8080", "http://", "http://h:0", "http://h:70000", "http://h:08",
                            "http://h/path", "http://user@h", "http://h:80?x", "file:///etc/passwd", "http://h h"})
        CHECK_FALSE(normalize_hub_url(bad));

    CHECK(parse_retry_after("120", 0) == 120);
    CHECK(parse_retry_after(" 0 ", 0) == 0);
    CHECK(parse_retry_after("Thu, 01 Jan 1970 00:02:00 GMT", 60) == 60);
    CHECK(parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", 60) == 0);
    CHECK_FALSE(parse_retry_after("soon", 0));
    CHECK_FALSE(parse_retry_after("", 0));
    CHECK_FALSE(parse_retry_after("99999999999999999999", 0));
}

TEST_CASE("gzip bodies round-trip, truncated or oversized ones are refused", "[sync][gzip]") {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += R"({"uuid":"x","channel":"aspirations"},)";
    const auto packed = gzip_compress(text);
    CHECK(packed.size() < text.size() / 10);
    CHECK(gzip_decompress(packed, text.size()) == text);
    CHECK_FALSE(gzip_decompress(packed, text.size() - 1));
    CHECK_FALSE(gzip_decompress(packed.substr(0, packed.size() / 2), text.size()));
    CHECK_FALSE(gzip_decompress("<html>", 1000));
    CHECK(gzip_decompress(gzip_compress(""), 10) == "");
}

TEST_CASE("a cycle without enrolment or without a hub reports and keeps the outbox", "[sync][cycle]") {
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    {
        storage::Transaction tx(db);
        append(db, OutboxRecord{new_uuid(), "heartbeat", 1764547200, "{}", std::nullopt});
        tx.commit();
    }
    auto report = run_cycle(db, dir.path());
    CHECK_FALSE(report.ok);
    CHECK(report.not_enrolled);
    CHECK(sync_status_json(db)["enrolled"] == false);

    // Enrolled with a hub on a port nobody listens on: a network failure, recorded for status.
    const auto keys = make_sign_key_pair();
    save_kiosk_secret(dir.path(), keys.secret_key);
    save_identity(db, sample_identity());
    SyncOptions options;
    options.client.connect_timeout_s = 2;
    report = run_cycle(db, dir.path(), options);
    CHECK_FALSE(report.ok);
    CHECK(report.error.starts_with("outbox: network"));
    const auto status = sync_status_json(db);
    CHECK(status["enrolled"] == true);
    CHECK(status["kiosk_id"] == "K-7");
    CHECK(status["pending_outbox"] == 1);
    CHECK(status["last_error"].get<std::string>().starts_with("outbox: network"));
    CHECK(status["last_success"].empty());
    CHECK(count_pending(db) == 1);
    // --hub that is not a hub address is refused before any request.
    options.hub_override = "ftp://x";
    CHECK(run_cycle(db, dir.path(), options).error.find("--hub") != std::string::npos);
}
