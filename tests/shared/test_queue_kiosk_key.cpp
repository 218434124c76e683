// The kiosk's ticket-signing key: made once (0600) before enrolment, the enrolment key after it,
// and the earlier key still accepted; a damaged key file is refused, never silently replaced.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <thread>

#include "queue/kiosk_key.hpp"
#include "queue/ticket_qr.hpp"
#include "sync/sync_store.hpp"
#include "test_support.hpp"

using namespace desa::queue;
using desa::test::TempDir;

namespace {

std::string read_file(const std::filesystem::path& f) {
    std::ifstream in(f, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool same(const desa::sync::SignSecretKey& a, const desa::sync::SignSecretKey& b) { return a.bytes == b.bytes; }

std::string signed_ticket(const desa::sync::SignSecretKey& key) {
    return ticket_qr_text(TicketQr{"18.01.04.2001", LocalDate{2025, 12, 1}, "A001", "domisili", 1'764'556'200}, key);
}

}  // namespace

TEST_CASE("queue kiosk key: made once, private, and stable", "[queue][key]") {
    TempDir dir;
    const auto first = load_ticket_keys(dir.path());
    CHECK(first.source == TicketKeySource::OwnKey);
    const auto file = own_ticket_key_file(dir.path());
    REQUIRE(std::filesystem::exists(file));
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_file(file) == desa::sync::encode_sign_secret_key(first.signing) + "\n");
    REQUIRE(first.verifying.size() == 1);
    CHECK(first.verifying[0] == public_key_of(first.signing));

    const auto again = load_ticket_keys(dir.path());
    CHECK(same(again.signing, first.signing));

    // What it signs verifies with what it publishes.
    const auto check = verify_ticket_qr(signed_ticket(first.signing), first.verifying[0], LocalDate{2025, 12, 1},
                                        "18.01.04.2001");
    CHECK(check.verdict == QrVerdict::Valid);
}

TEST_CASE("queue kiosk key: processes starting at once share one key", "[queue][key]") {
    TempDir dir;
    std::vector<TicketKeys> keys(8);
    std::vector<std::thread> threads;
    for (auto& k : keys) threads.emplace_back([&k, &dir] { k = load_ticket_keys(dir.path()); });
    for (auto& t : threads) t.join();
    for (const auto& k : keys) CHECK(same(k.signing, keys[0].signing));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir / "queue")) ++files;
    CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("queue kiosk key: the enrolment key signs once there is one", "[queue][key]") {
    TempDir dir;
    const auto before = load_ticket_keys(dir.path());
    const auto morning_ticket = signed_ticket(before.signing);

    const auto enrolment = desa::sync::make_sign_key_pair();
    desa::sync::save_kiosk_secret(dir.path(), enrolment.secret_key);
    const auto after = load_ticket_keys(dir.path());
    CHECK(after.source == TicketKeySource::Enrolment);
    CHECK(same(after.signing, enrolment.secret_key));
    REQUIRE(after.verifying.size() == 2);
    CHECK(after.verifying[0] == enrolment.public_key);
    CHECK(after.verifying[1] == before.verifying[0]);
    // The morning's ticket is still genuine under the key that signed it.
    CHECK(verify_ticket_qr(morning_ticket, after.verifying[1], LocalDate{2025, 12, 1}, "18.01.04.2001").verdict ==
          QrVerdict::Valid);

    SECTION("an enrolled kiosk that never issued a ticket makes no key of its own") {
        TempDir fresh;
        desa::sync::save_kiosk_secret(fresh.path(), enrolment.secret_key);
        const auto k = load_ticket_keys(fresh.path());
        CHECK(k.verifying.size() == 1);
        CHECK(!std::filesystem::exists(own_ticket_key_file(fresh.path())));
    }
}

TEST_CASE("queue kiosk key: a damaged key file is refused without showing it", "[queue][key]") {
    TempDir dir;
    const std::string junk = "c2VjcmV0LWJ1dC10b28tc2hvcnQ=";
    for (const auto& file : {own_ticket_key_file(dir.path()), dir / "sync" / "kiosk.secret"}) {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file) << junk << "\n";
        try {
            load_ticket_keys(dir.path());
            FAIL("a damaged key was accepted");
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            CHECK(what.find(file.string()) != std::string::npos);
            CHECK(what.find(junk) == std::string::npos);
        }
        CHECK(read_file(file) == junk + "\n");  // left for the operator to look at
        std::filesystem::remove(file);
    }
}
