// `desa-hub content publish lessons PATH`: a bad package refused with every problem named and
// nothing published; a good folder or zip published as <course>.zip beside the other courses, one
// version at a time; the same bytes again change nothing; a version not newer is refused.
#include "hub_setup.hpp"
#include "lessons/package_zip.hpp"
#include "model/content.hpp"
#include "shared/lesson_fixture.hpp"

using namespace desa;
using namespace desa::hub;
using namespace desa::hub::test;
using nlohmann::json;

namespace {

std::vector<std::string> channel_files(HubSetup& hub) {
    const auto m = current_manifest(*hub.db(), "lessons");
    std::vector<std::string> names;
    if (m)
        for (const auto& f : parse_manifest_body(m->body).files) names.push_back(f.name);
    return names;
}

}  // namespace

TEST_CASE("publish lessons: refused with its problems, then published beside the other courses", "[hub][lessons][content]") {
    for (auto& backend : test_backends()) {
        INFO(backend.label);
        HubSetup hub(std::move(backend));
        desa::test::TempDir work;

        // Broken: an answer that names no option, a picture gone, a stray file; all named.
        const auto bad = work / "rusak";
        desa::test::write_fixture_package(bad);
        auto lesson = json::parse(desa::test::read_file(bad / "lessons/satu.json"));
        lesson["quiz"][0]["answer"] = "z";
        desa::test::write_json(bad / "lessons/satu.json", lesson);
        std::filesystem::remove(bad / "images/a.png");
        desa::test::write_file(bad / "catatan.txt", "lupa dihapus");
        const auto refused = run_hub(hub.args({"content", "publish", "lessons", bad.string()}));
        CHECK(refused.exit_code == 2);
        CHECK(refused.err.find("file_hash") != std::string::npos);     // satu.json changed after the manifest
        CHECK(refused.err.find("file_missing") != std::string::npos);  // images/a.png
        CHECK(refused.err.find("file_unlisted") != std::string::npos); // catatan.txt
        CHECK(refused.err.find("nothing published") != std::string::npos);
        CHECK(channel_files(hub).empty());

        // A good folder: version 1 of the channel with kursus-uji.zip.
        const auto good = work / "kursus-uji";
        desa::test::write_fixture_package(good, 1);
        const auto first = run_hub(hub.args({"content", "publish", "lessons", good.string(), "--json"}));
        REQUIRE(first.exit_code == 0);
        CHECK(first.json()["version"] == 1);
        CHECK(first.json()["course"] == "kursus-uji");
        CHECK(channel_files(hub) == std::vector<std::string>{"kursus-uji.zip"});
        // The same folder again: the same bytes, no new version.
        const auto same = run_hub(hub.args({"content", "publish", "lessons", good.string(), "--json"}));
        REQUIRE(same.exit_code == 0);
        CHECK(same.json()["unchanged"] == true);
        CHECK(same.json()["version"] == 1);

        // The starter course as a zip: version 2 holds both courses.
        const auto zip = work / "literasi.zip";
        REQUIRE(lessons::zip_package_dir(std::string(DESA_SOURCE_DIR) + "/assets/lessons/literasi-digital", zip).empty());
        const auto second = run_hub(hub.args({"content", "publish", "lessons", zip.string(), "--json"}));
        REQUIRE(second.exit_code == 0);
        CHECK(second.json()["version"] == 2);
        CHECK(channel_files(hub) == std::vector<std::string>{"kursus-uji.zip", "literasi-digital.zip"});

        // kursus-uji changed without a new version: refused; with version 2: replaces only its zip.
        auto course_json = json::parse(desa::test::read_file(good / "course.json"));
        course_json["summary"]["id"] = "Ringkasan yang diperbaiki";
        desa::test::write_json(good / "course.json", course_json);
        lessons::write_manifest(good, 1);
        const auto not_newer = run_hub(hub.args({"content", "publish", "lessons", good.string()}));
        CHECK(not_newer.exit_code == 2);
        CHECK(not_newer.err.find("not newer") != std::string::npos);
        lessons::write_manifest(good, 2);
        const auto third = run_hub(hub.args({"content", "publish", "lessons", good.string(), "--json"}));
        REQUIRE(third.exit_code == 0);
        CHECK(third.json()["version"] == 3);
        CHECK(third.json()["previous_course_version"] == 1);
        CHECK(channel_files(hub) == std::vector<std::string>{"kursus-uji.zip", "literasi-digital.zip"});

        CHECK(run_hub(hub.args({"content", "publish", "lessons", (work / "tidak-ada").string()})).exit_code == 2);
        // Scratch files are gone.
        std::error_code ec;
        CHECK((!std::filesystem::exists(hub.data / "tmp") || std::filesystem::is_empty(hub.data / "tmp", ec)));
    }
}
