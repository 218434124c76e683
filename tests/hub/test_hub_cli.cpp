// The desa-hub command line, run as a real process: keys, regions, enrolment codes and QR, the
// serve command's refusals and TLS.
#include <sys/stat.h>

#include "hub_setup.hpp"
#include "scan/barcode_scan.hpp"
#include "server/hub_server.hpp"

#include <regex>

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777;
}

std::vector<std::string> with_dir(std::vector<std::string> args, const desa::test::TempDir& dir) {
    args.insert(args.end(), {"--data-dir", dir.path().string()});
    return args;
}

}  // namespace

TEST_CASE("keys init: 0600 secrets, public keys printed, never replaced", "[hub][cli]") {
    desa::test::TempDir dir;
    const auto r = run_hub(with_dir({"keys", "init", "--json"}, dir));
    REQUIRE(r.exit_code == 0);
    const auto keys = r.json();
    CHECK(mode_of(dir / "keys") == 0700);
    CHECK(mode_of(dir / "keys/province-sign.secret") == 0600);
    CHECK(mode_of(dir / "keys/province-seal.secret") == 0600);
    CHECK(mode_of(dir / "keys/province-sign.public") == 0644);
    const auto secret = desa::test::read_file(dir / "keys/province-sign.secret");
    const auto seal_secret = desa::test::read_file(dir / "keys/province-seal.secret");
    CHECK(r.out.find(secret.substr(0, 40)) == std::string::npos);
    CHECK(r.out.find(seal_secret.substr(0, 40)) == std::string::npos);
    CHECK(keys["sign_fingerprint"].get<std::string>().size() == 16);
    CHECK(keys["sign_public_key"] == run_hub(with_dir({"keys", "show", "--json"}, dir)).json()["sign_public_key"]);

    const auto again = run_hub(with_dir({"keys", "init"}, dir));
    CHECK(again.exit_code == 1);
    CHECK(again.err.find("never replaced") != std::string::npos);
    CHECK(desa::test::read_file(dir / "keys/province-sign.secret") == secret);

    // A secret readable by others is refused where it is used.
    ::chmod((dir / "keys/province-sign.secret").c_str(), 0644);
    desa::test::TempDir slides;
    desa::test::write_file(slides / "a.png", "x");
    const auto refused = run_hub(with_dir({"content", "publish", "slides", slides.path().string()}, dir));
    CHECK(refused.exit_code == 1);
    CHECK(refused.err.find("chmod 600") != std::string::npos);

    CHECK(run_hub({"keys", "show"}).exit_code == 2);  // never a relative ./keys
    desa::test::TempDir empty;
    const auto missing = run_hub(with_dir({"kiosk", "enroll", "--village", "18.01.04.2001"}, empty));
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("keys init") != std::string::npos);
}

TEST_CASE("regions import: counts, re-import, and a broken file changes nothing", "[hub][cli]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        desa::test::TempDir dir;
        auto args = [&](std::vector<std::string> a) {
            a.insert(a.end(), {"--data-dir", dir.path().string(), "--db", backend.url});
            return a;
        };
        auto r = run_hub(args({"regions", "import", lampung_csv(), "--json"}));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        auto counts = r.json();
        CHECK(counts["provinces"] == 1);
        CHECK(counts["regencies"] == 15);
        CHECK(counts["districts"] == 229);
        CHECK(counts["villages"] == 2651);
        CHECK(counts["added"] == 2896);
        counts = run_hub(args({"regions", "import", lampung_csv(), "--json"})).json();
        CHECK(counts["added"] == 0);
        CHECK(counts["updated"] == 2896);

        desa::test::write_file(dir / "bad.csv", "code,parent_code,level,name\n19,,provinsi,Babel\n19.01.01,19.01,kecamatan,X\n");
        r = run_hub(args({"regions", "import", (dir / "bad.csv").string()}));
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("bad.csv:3") != std::string::npos);
        CHECK(run_hub(args({"regions", "import", (dir / "missing.csv").string()})).exit_code == 2);
        CHECK(backend.open()->query("SELECT count(*) FROM regions", {}).at(0).int64(0) == 2896);
    }
}

TEST_CASE("kiosk enroll: checks the village, prints JSON, and a QR code phones can read", "[hub][cli]") {
    desa::test::TempDir dir;
    REQUIRE(run_hub(with_dir({"keys", "init"}, dir)).exit_code == 0);
    const auto fingerprint = run_hub(with_dir({"keys", "show", "--json"}, dir)).json()["sign_fingerprint"];

    // No regions yet: any code of the desa shape, with a note saying so.
    auto r = run_hub(with_dir({"kiosk", "enroll", "--village", "1801042001", "--json"}, dir));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto j = r.json();
    CHECK(j["code"].get<std::string>().size() == 12);
    CHECK(j["village_code"] == "18.01.04.2001");
    CHECK(j["note"].get<std::string>().find("regions not imported") != std::string::npos);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    CHECK(std::llabs(j["expires_at"].get<std::int64_t>() - (now + 3600)) <= 5);

    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"--village", "18.01.04"}, {"--village", "18.01.04.20011"}, {"--village", "abc"},
          {"--village", "18.01.04.2001", "--valid-minutes", "0"}, {"--village", "18.01.04.2001", "--name", "a\tb"},
          {"--village", "18.01.04.2001", "--hub-url", "ftp://hub"},
          {"--village", "18.01.04.2001", "--qr-png", (dir / "x.png").string()}}) {
        std::vector<std::string> args{"kiosk", "enroll"};
        args.insert(args.end(), bad.begin(), bad.end());
        INFO(bad.back());
        CHECK(run_hub(with_dir(args, dir)).exit_code == 2);
    }

    REQUIRE(run_hub(with_dir({"regions", "import", lampung_csv()}, dir)).exit_code == 0);
    r = run_hub(with_dir({"kiosk", "enroll", "--village", "11.01.01.2001"}, dir));
    CHECK(r.exit_code == 1);  // Aceh: not among the imported regions
    CHECK(r.err.find("not in the imported regions") != std::string::npos);

    const auto png = (dir / "enrol.png").string();
    r = run_hub(with_dir({"kiosk", "enroll", "--village", "18.01.04.2001", "--valid-minutes", "15", "--hub-url",
                          "https://hub.lampung.example:8443", "--qr-png", png, "--json"},
                         dir));
    REQUIRE(r.exit_code == 0);
    j = r.json();
    CHECK_FALSE(j.contains("note"));
    CHECK(std::llabs(j["expires_at"].get<std::int64_t>() - (now + 900)) <= 5);
    const std::string expected = "DESA-ENROL:1:https://hub.lampung.example:8443:" + j["code"].get<std::string>() + ":" +
                                 fingerprint.get<std::string>();
    CHECK(j["qr_text"] == expected);
    std::string error;
    const auto image = desa::scan::load_image(png, error);
    REQUIRE(image);
    const auto codes = desa::scan::read_codes(*image);
    REQUIRE(codes.size() == 1);
    CHECK(codes[0].text == expected);

    // The text form: the code grouped as people read it, and the terminal QR.
    r = run_hub(with_dir({"kiosk", "enroll", "--village", "18.01.04.2001", "--hub-url", "http://10.0.0.2:8080"}, dir));
    REQUIRE(r.exit_code == 0);
    CHECK(std::regex_search(r.out, std::regex("enrolment code: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")));
    CHECK(r.out.find("\u2588") != std::string::npos);
}

TEST_CASE("serve: plain HTTP only on loopback, bad arguments refused, TLS when given a certificate", "[hub][cli]") {
    desa::test::TempDir dir;
    REQUIRE(run_hub(with_dir({"keys", "init"}, dir)).exit_code == 0);
    auto r = run_hub(with_dir({"serve", "--listen", "0.0.0.0:0"}, dir));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--allow-plain-http") != std::string::npos);
    for (const char* listen : {"nonsense", "127.0.0.1:99999", ":80", "127.0.0.1:"})
        CHECK(run_hub(with_dir({"serve", "--listen", listen}, dir)).exit_code == 2);
    CHECK(run_hub(with_dir({"serve", "--cert", "/x.pem"}, dir)).exit_code == 2);
    CHECK(run_hub(with_dir({"serve", "--db", "mysql://nope"}, dir)).exit_code == 1);
    CHECK(run_hub({"serve", "--help"}).out.find("TLS") != std::string::npos);

    desa::test::TempDir no_keys;
    CHECK(run_hub(with_dir({"serve"}, no_keys)).exit_code == 1);

    if (!tls_available() || std::system("command -v openssl >/dev/null 2>&1") != 0) {
        WARN("no TLS support or no openssl command: HTTPS not tested");
        return;
    }
    const auto cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
    const std::string make_cert = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
                                  "-subj /CN=127.0.0.1 -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
    REQUIRE(std::system(make_cert.c_str()) == 0);
    HubProcess hub(with_dir({"--cert", cert, "--key", key}, dir));
    httplib::SSLClient client("127.0.0.1", hub.port());
    client.enable_server_certificate_verification(false);
    const auto res = client.Get("/v1/aspirations/updates");
    REQUIRE(res);
    CHECK(res->status == 401);
    httplib::Client plain("127.0.0.1", hub.port());
    CHECK_FALSE(plain.Get("/v1/aspirations/updates"));  // plain HTTP to the TLS port gets nothing
    CHECK(hub.stop() == 0);
}

TEST_CASE("a --db or --data-dir flag wins over DESA_HUB_DB and DESA_HUB_DATA_DIR", "[hub][cli]") {
    desa::test::TempDir dir;
    const auto env_db = dir / "from-env.db", flag_db = dir / "from-flag.db";
    const auto env_data = dir / "env-data", flag_data = dir / "flag-data";
    ::setenv("DESA_HUB_DB", ("sqlite:" + env_db.string()).c_str(), 1);
    ::setenv("DESA_HUB_DATA_DIR", env_data.c_str(), 1);
    const auto keys = run_hub({"keys", "init", "--data-dir", flag_data.string()});
    const auto flagged = run_hub({"kiosk", "enroll", "--village", "18.01.01.2001", "--json", "--db",
                                  "sqlite:" + flag_db.string(), "--data-dir", flag_data.string()});
    const bool env_used_despite_flags = std::filesystem::exists(env_db) || std::filesystem::exists(env_data);
    // Without flags the environment is the default.
    const auto env_keys = run_hub({"keys", "init"});
    const auto from_env = run_hub({"kiosk", "enroll", "--village", "18.01.01.2001", "--json"});
    ::unsetenv("DESA_HUB_DB");
    ::unsetenv("DESA_HUB_DATA_DIR");
    REQUIRE(keys.exit_code == 0);
    REQUIRE(flagged.exit_code == 0);
    REQUIRE(env_keys.exit_code == 0);
    REQUIRE(from_env.exit_code == 0);
    CHECK_FALSE(env_used_despite_flags);
    CHECK(std::filesystem::exists(flag_db));
    CHECK(std::filesystem::is_directory(flag_data));
    CHECK(std::filesystem::exists(env_db));
    CHECK(std::filesystem::is_directory(env_data));
    CHECK_FALSE(std::filesystem::exists(flag_data / "hub.db"));
}
