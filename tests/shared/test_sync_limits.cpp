// What the sync UI and worker rely on: the last error sorted into words an administrator can act
// on (for every kind of failure the engine writes), the [sync] schedule key, and the photo limit
// that keeps every aspiration within one outbox batch, so no record waits for ever.
#include <catch2/catch.hpp>

#include "aspirations/aspiration_store.hpp"
#include "config/kiosk_config.hpp"
#include "security/sealed_box.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/outbox.hpp"
#include "sync/outbox_upload.hpp"
#include "sync/sync_error.hpp"
#include "test_support.hpp"

using namespace desa;
using sync::ErrorReason;

namespace {

sync::HubFailure http(long status, std::string code = {}, std::optional<std::int64_t> retry = std::nullopt) {
    return {sync::FailureKind::HttpStatus, status, retry, std::move(code), "detail"};
}

const regions::RegionRegistry& registry() {
    static const auto r = regions::RegionRegistry::parse_csv(
        "code,parent_code,level,name\n18,,provinsi,Lampung\n18.01,18,kabupaten_kota,Kabupaten Lampung Selatan\n"
        "18.01.04,18.01,kecamatan,Natar\n18.01.04.2001,18.01.04,desa_kelurahan,Hajimena\n",
        "test-regions.csv");
    return r;
}

config::ConfigLoad parse(const std::string& extra) {
    const std::string text =
        "[village]\ncode = \"18.01.04.2001\"\n[security]\nadmin_pin_hash = "
        "\"$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$W5xJp9yF0/VYR0nqUhb8hRcBtLrNMRiE5mXs8yM8m2s\"\n" +
        extra;
    return config::parse_kiosk_config(text, "kiosk.toml", registry());
}

}  // namespace

TEST_CASE("the engine's last error is sorted by step and reason", "[sync][error]") {
    // Built with the engine's own describe(), so a change of its wording breaks this test first.
    const auto line = [](std::string step, const sync::HubFailure& f) { return step + ": " + sync::describe(f); };
    const std::vector<std::tuple<std::string, std::string, ErrorReason>> table{
        {line("outbox", {sync::FailureKind::Network, 0, {}, {}, "Couldn't connect to server"}), "outbox", ErrorReason::Unreachable},
        {line("aspirations", http(503, {}, 20)), "aspirations", ErrorReason::HubBusy},
        {line("outbox", http(429)), "outbox", ErrorReason::HubBusy},
        {line("catalog", http(408)), "catalog", ErrorReason::HubBusy},
        {line("outbox", http(401, "revoked")), "outbox", ErrorReason::Revoked},
        {line("outbox", http(401, "unknown_kiosk")), "outbox", ErrorReason::UnknownKiosk},
        {line("outbox", http(401, "bad_signature")), "outbox", ErrorReason::Refused},
        {line("slides", http(404, "not_found")), "slides", ErrorReason::Refused},
        {line("outbox", sync::bad_answer("not JSON (a captive portal?)")), "outbox", ErrorReason::BadAnswer},
        {"slides: version 3 is not newer than 4", "slides", ErrorReason::ContentRejected},
        {"catalog: version 9 not applied: libraries.csv is missing", "catalog", ErrorReason::ContentRejected},
        {"catalog: not enough disk space for version 9", "catalog", ErrorReason::DiskFull},
        {"2 outbox record(s) in conflict at the hub, kept pending: 1b4e28ba, ...", "outbox", ErrorReason::Conflict},
        {"1 outbox record(s) larger than a batch, kept pending", "outbox", ErrorReason::TooLarge},
        {"local error: database is locked", "", ErrorReason::Local},
        {"--hub is not http(s)://host[:port]", "", ErrorReason::Other},
        {"", "", ErrorReason::Other},
        {"Outbox: network: x", "", ErrorReason::Other},  // not a step the engine writes
        {"outbox: http", "outbox", ErrorReason::Other},
        {"outbox: http abc", "outbox", ErrorReason::Other},
    };
    for (const auto& [text, step, reason] : table) {
        INFO(text);
        const auto c = sync::classify_sync_error(text);
        CHECK(c.step == step);
        CHECK(c.reason == reason);
        CHECK_FALSE(sync::error_reason_name(c.reason).empty());
    }
}

TEST_CASE("[sync] interval_minutes is read and bounded", "[sync][config]") {
    auto load = parse("");
    REQUIRE(load.config);
    CHECK(load.config->sync.interval_minutes == 15);
    load = parse("[sync]\ninterval_minutes = 5\n");
    REQUIRE(load.config);
    CHECK(load.config->sync.interval_minutes == 5);
    for (const char* bad : {"0", "-3", "1441", "\"15\"", "1.5"}) {
        INFO(bad);
        load = parse(std::string("[sync]\ninterval_minutes = ") + bad + "\n");
        CHECK_FALSE(load.config);
        REQUIRE(load.problems.size() == 1);
        CHECK(load.problems[0].key == "sync.interval_minutes");
    }
    load = parse("[sync]\ninterval = 5\n");
    CHECK_FALSE(load.config);
}

TEST_CASE("max_photo_kb stops where an aspiration would no longer fit one outbox batch", "[sync][config]") {
    auto load = parse("[aspirations]\nmax_photo_kb = " + std::to_string(config::kMaxPhotoKb) + "\n");
    REQUIRE(load.config);
    CHECK(load.config->aspirations.max_photo_kb == config::kMaxPhotoKb);
    load = parse("[aspirations]\nmax_photo_kb = " + std::to_string(config::kMaxPhotoKb + 1) + "\n");
    REQUIRE_FALSE(load.config);
    CHECK(load.problems.at(0).key == "aspirations.max_photo_kb");
    CHECK_FALSE(parse("[aspirations]\nmax_photo_kb = 5000\n").config);  // the old limit: never sendable

    // The worst case the form allows: the largest photo, every text at its longest and made of
    // quotes (escaped twice on the way: in the payload, then in the batch), a confidential identity.
    test::TempDir dir;
    auto db = storage::open_kiosk_database(dir.path());
    const auto province = security::make_box_key_pair();
    std::vector<std::uint8_t> photo(static_cast<std::size_t>(config::kMaxPhotoKb) * 1024, 0x22);
    photo[0] = 0xFF, photo[1] = 0xD8, photo[2] = 0xFF;
    aspirations::Limits limits;
    aspirations::Accepted a{aspirations::Kind::Complaint, aspirations::Category::Infrastructure,
                            std::string(limits.title_max, '"'), std::string(limits.text_max, '"'),
                            std::string(limits.place_max, '"'), "\"\"\"", "\"\"\"", 5, photo,
                            aspirations::Identity::Named, std::string(100, '"'), "1801044501900001", "+6281234567890"};
    REQUIRE(aspirations::submit(db, a, {"18.01.04.2001", province.public_key, 10}, 1'700'000'000).receipt);
    const auto rows = sync::pending(db, "aspirations", 10);
    REQUIRE(rows.size() == 1);
    std::vector<sync::OutgoingRecord> records{{1, rows[0].uuid, rows[0].channel, rows[0].created_at, rows[0].payload}};
    std::vector<sync::OutgoingRecord> too_large;
    const auto batches = sync::make_batches(records, too_large);
    CHECK(too_large.empty());
    REQUIRE(batches.size() == 1);
    CHECK(batches[0].body.size() <= sync::kBatchMaxBytes);
    WARN("worst-case aspiration record with a " << config::kMaxPhotoKb << " KiB photo: " << batches[0].body.size()
                                                << " of " << sync::kBatchMaxBytes << " bytes");
}
