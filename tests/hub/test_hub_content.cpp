// Through the real `desa-hub serve`: content channels published with the CLI, manifests with
// ETag/304, files by hash with Range, If-Range and 416.
#include "hub_setup.hpp"
#include "model/content.hpp"

using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

desa::sync::Manifest verified_manifest(const HubSetup& hub, const httplib::Result& res) {
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto body = json::parse(res->body);
    const auto m = parse_manifest_body(res->body);
    CHECK(desa::sync::verify_text(desa::sync::manifest_text(m), body["signature"].get<std::string>(), hub.keys.sign));
    CHECK(res->get_header_value("ETag") == "\"" + std::to_string(m.version) + "\"");
    return m;
}

std::string pattern_bytes(std::size_t n, unsigned seed) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + seed) % 251);
    return s;
}

}  // namespace

TEST_CASE("content: slides published, manifest answered 304 when unchanged, versions only grow", "[hub][api][content]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        CHECK(hub.get(kiosk, "/v1/channels/slides/manifest")->status == 404);

        desa::test::TempDir slides;
        desa::test::write_file(slides / "01-welcome.png", pattern_bytes(300 * 1024, 1));
        desa::test::write_file(slides / "02-posyandu.png", pattern_bytes(1000, 2));
        desa::test::write_file(slides / ".hidden", "skip me");
        auto published = run_hub(hub.args({"content", "publish", "slides", slides.path().string(), "--json"}));
        INFO(published.err);
        REQUIRE(published.exit_code == 0);
        CHECK(published.json()["version"] == 1);

        auto m = verified_manifest(hub, hub.get(kiosk, "/v1/channels/slides/manifest"));
        CHECK(m.channel == "slides");
        CHECK(m.version == 1);
        REQUIRE(m.files.size() == 2);
        CHECK(m.files[0].name == "01-welcome.png");
        CHECK(m.files[0].size == 300 * 1024);
        CHECK(m.files[0].sha256 == desa::sync::sha256_hex(pattern_bytes(300 * 1024, 1)));

        auto res = hub.get(kiosk, "/v1/channels/slides/manifest", {{"If-None-Match", "\"1\""}});
        REQUIRE(res);
        CHECK(res->status == 304);
        CHECK(res->body.empty());
        CHECK(res->has_header("X-Desa-Server-Time"));
        CHECK(hub.get(kiosk, "/v1/channels/slides/manifest", {{"If-None-Match", "W/\"0\", \"1\""}})->status == 304);
        CHECK(hub.get(kiosk, "/v1/channels/slides/manifest", {{"If-None-Match", "\"0\""}})->status == 200);

        // Publishing the same files again makes no new version; a changed file does.
        CHECK(run_hub(hub.args({"content", "publish", "slides", slides.path().string(), "--json"})).json()["unchanged"] ==
              true);
        desa::test::write_file(slides / "02-posyandu.png", pattern_bytes(2000, 3));
        CHECK(run_hub(hub.args({"content", "publish", "slides", slides.path().string(), "--json"})).json()["version"] ==
              2);
        res = hub.get(kiosk, "/v1/channels/slides/manifest", {{"If-None-Match", "\"1\""}});
        CHECK(verified_manifest(hub, res).version == 2);

        // Refusals: unsafe names, empty or missing directories, a file that is not a catalogue.
        desa::test::TempDir bad;
        desa::test::write_file(bad / "has space.png", "x");
        CHECK(run_hub(hub.args({"content", "publish", "slides", bad.path().string()})).exit_code == 2);
        desa::test::TempDir empty;
        CHECK(run_hub(hub.args({"content", "publish", "slides", empty.path().string()})).exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "slides", "/nonexistent/dir"})).exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (slides / "01-welcome.png").string()})).exit_code == 2);

        // A catalogue: the union files (model/union_publish.hpp, tested in test_hub_union_publish);
        // without --library it is the provincial library's (the hub knows one province, Lampung).
        desa::test::TempDir cat;
        desa::test::write_file(cat / "union.csv", "title,author,isbn\nLaskar Pelangi,Andrea Hirata,9789793062792\n");
        auto c = run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--json"}));
        INFO(c.err);
        REQUIRE(c.exit_code == 0);
        CHECK(c.json()["files"][0]["name"] == "libraries.csv");
        CHECK(c.json()["files"][1]["name"] == "snapshot-1.csv");
        CHECK(c.json()["libraries"][0]["library_id"] == "18");
        CHECK(c.json()["libraries"][0]["name"] == "Perpustakaan Provinsi Lampung");
        CHECK(verified_manifest(hub, hub.get(kiosk, "/v1/channels/catalog/manifest")).files.at(1).name == "snapshot-1.csv");
        // The same file again (the only library so far): no new version. A second library needs
        // its village and name or a known region; options are aligned with the files.
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--json"})).json()["unchanged"] ==
              true);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--library", "desa-x"}))
                  .exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--library", "bad id"}))
                  .exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--library", "desa-x",
                                "--village", "18.01.04.2007", "--library-name", "Line\nbreak"}))
                  .exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", (cat / "union.csv").string(), "--library", "18.01.04.2007",
                                "--library", "18"}))
                  .exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog", "--remove-library", "nope"})).exit_code == 2);
        CHECK(run_hub(hub.args({"content", "publish", "catalog"})).exit_code == 2);
        c = run_hub(hub.args({"content", "publish", "catalog", "--library", "1801042007", (cat / "union.csv").string(),
                              "--json"}));
        REQUIRE(c.exit_code == 0);
        CHECK(c.json()["version"] == 2);
        CHECK(c.json()["libraries"][0]["library_id"] == "18.01.04.2007");
        CHECK(c.json()["libraries"][0]["name"] == "Perpustakaan Desa Merak Batin");
        // A delta as large as the one-book snapshot: a new snapshot instead (libraries.csv, snapshot-2.csv).
        CHECK(c.json()["new_snapshot"] == true);
        CHECK(c.json()["files"].size() == 2);
        // A directory of the union catalogue's files: a new version that shares the unchanged
        // snapshot by hash, so a kiosk fetches only the delta.
        desa::test::TempDir union_dir;
        desa::test::write_file(union_dir / "libraries.csv", "library_id,name,village_code\n");
        desa::test::write_file(union_dir / "snapshot-1.csv", pattern_bytes(5000, 4));
        c = run_hub(hub.args({"content", "publish", "catalog", union_dir.path().string(), "--json"}));
        REQUIRE(c.exit_code == 0);
        desa::test::write_file(union_dir / "delta-3.csv", pattern_bytes(100, 5));
        c = run_hub(hub.args({"content", "publish", "catalog", union_dir.path().string(), "--json"}));
        REQUIRE(c.exit_code == 0);
        CHECK(c.json()["version"] == 4);
        const auto union_files = verified_manifest(hub, hub.get(kiosk, "/v1/channels/catalog/manifest")).files;
        REQUIRE(union_files.size() == 3);
        CHECK(union_files[0].name == "delta-3.csv");
        // Any channel from a directory; bad channel names refused.
        CHECK(run_hub(hub.args({"content", "publish", "channel", "lessons", slides.path().string()})).exit_code == 0);
        CHECK(run_hub(hub.args({"content", "publish", "channel", "Bad-Name", slides.path().string()})).exit_code == 2);
        const auto channels = run_hub(hub.args({"content", "list", "--json"})).json();
        CHECK(channels.size() == 3);

        // Unknown channel names and unsigned requests.
        CHECK(hub.get(kiosk, "/v1/channels/queue/manifest")->status == 404);
        CHECK(hub.get(kiosk, "/v1/channels/BAD/manifest")->status == 404);
        CHECK(hub.client->Get("/v1/channels/slides/manifest")->status == 401);
    }
}

TEST_CASE("content: files by hash, whole or from an offset (206), If-Range and 416", "[hub][api][content]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        auto kiosk = hub.enrol_kiosk();
        desa::test::TempDir slides;
        const std::string bytes = pattern_bytes(700 * 1024 + 17, 9);
        desa::test::write_file(slides / "big.png", bytes);
        REQUIRE(run_hub(hub.args({"content", "publish", "slides", slides.path().string()})).exit_code == 0);
        const std::string sha = desa::sync::sha256_hex(bytes);
        const std::string target = "/v1/files/" + sha;
        const std::string etag = "\"" + sha + "\"";

        auto res = hub.get(kiosk, target);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->body == bytes);
        CHECK(res->get_header_value("ETag") == etag);
        CHECK(res->get_header_value("Accept-Ranges") == "bytes");

        // Resuming: bytes=N- from what the kiosk already has, in chunks of 256 KiB.
        std::string assembled = bytes.substr(0, 100000);
        while (assembled.size() < bytes.size()) {
            const std::size_t from = assembled.size();
            const std::size_t to = std::min(bytes.size(), from + 256 * 1024) - 1;
            res = hub.get(kiosk, target,
                          {{"Range", "bytes=" + std::to_string(from) + "-" + std::to_string(to)}, {"If-Range", etag}});
            REQUIRE(res);
            REQUIRE(res->status == 206);
            CHECK(res->get_header_value("Content-Range") ==
                  "bytes " + std::to_string(from) + "-" + std::to_string(to) + "/" + std::to_string(bytes.size()));
            CHECK(res->body.size() == to - from + 1);
            assembled += res->body;
        }
        CHECK(assembled == bytes);

        res = hub.get(kiosk, target, {{"Range", "bytes=700000-"}});
        REQUIRE(res);
        CHECK(res->status == 206);
        CHECK(res->body == bytes.substr(700000));
        res = hub.get(kiosk, target, {{"Range", "bytes=-10"}});
        CHECK(res->status == 206);
        CHECK(res->body == bytes.substr(bytes.size() - 10));
        // A part of another version (If-Range names other content): the whole file, 200.
        res = hub.get(kiosk, target, {{"Range", "bytes=100-"}, {"If-Range", "\"" + std::string(64, 'a') + "\""}});
        CHECK(res->status == 200);
        CHECK(res->body == bytes);
        // Past the end.
        res = hub.get(kiosk, target, {{"Range", "bytes=" + std::to_string(bytes.size()) + "-"}});
        REQUIRE(res);
        CHECK(res->status == 416);
        CHECK(res->get_header_value("Content-Range") == "bytes */" + std::to_string(bytes.size()));
        // Several ranges: served whole.
        CHECK(hub.get(kiosk, target, {{"Range", "bytes=0-1,5-6"}})->status == 200);

        CHECK(hub.get(kiosk, "/v1/files/" + std::string(64, 'a'))->status == 404);
        CHECK(hub.get(kiosk, "/v1/files/" + std::string(64, 'A'))->status == 404);
        CHECK(hub.get(kiosk, "/v1/files/../keys/province-sign.secret")->status == 404);
        CHECK(hub.client->Get(target.c_str())->status == 401);
    }
}
