// The kiosk's side of lessons with a real `desa-hub serve`: a course the hub publishes arrives
// through the kiosk's own sync options (the lessons channel's apply hook imports it into
// <data>/lessons/, a newer version replaces it, a broken one is rejected and the course kept), and
// `desa-kiosk lessons progress CODE` fetches a learner's progress made at another kiosk, merges it
// and prints it; offline it prints the local progress with a warning.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "app/lesson_progress_command.hpp"
#include "app/sync_commands.hpp"
#include "kiosk_fixture.hpp"
#include "lessons/learner_card.hpp"
#include "lessons/lesson_library.hpp"
#include "lessons/package_zip.hpp"
#include "lessons/progress_store.hpp"
#include "shared/lesson_fixture.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/enrolment.hpp"
#include "sync/sync_engine.hpp"

using namespace desa;
using nlohmann::json;

#ifdef DESA_HUB_BINARY
#include "kiosk_hub.hpp"

namespace {

using desa::test::TestHub;

void enrol(TestHub& hub, storage::Database& db, const std::filesystem::path& dir) {
    const std::string code = hub.code()["code"];
    REQUIRE(sync::enrol(db, dir, {hub.process->url(), code, std::nullopt, "Balai", "18.01.04.2001", false}).identity);
}

std::optional<std::int64_t> installed_version(const kiosk::KioskContext& ctx, const std::string& course) {
    const auto shelf = lessons::load_courses(ctx.data_dir, ctx.assets_dir);
    const auto* c = shelf.find(course);
    if (!c || c->root.parent_path() != lessons::imported_lessons_dir(ctx.data_dir)) return std::nullopt;
    return c->version;
}

struct Printed {
    int rc = 0;
    std::string out, err;
};

Printed progress(kiosk::KioskContext& ctx, const std::string& code, bool as_json = true) {
    std::ostringstream out, err;
    sync::ClientOptions options;
    options.connect_timeout_s = 2;
    const int rc = kiosk::run_lesson_progress(ctx, {code, as_json}, out, err, options);
    return {rc, out.str(), err.str()};
}

}  // namespace

TEST_CASE("a course published at the hub is installed by the kiosk's sync, a broken version is not", "[lessons][sync]") {
    TestHub hub;
    test::DemoKiosk kiosk;
    enrol(hub, kiosk.ctx->db, kiosk.data_dir);
    desa::test::TempDir work;
    desa::test::write_fixture_package(work / "kursus-uji", 1);
    REQUIRE(hub.run({"content", "publish", "lessons", (work / "kursus-uji").string()}).exit_code == 0);

    const auto options = kiosk::kiosk_sync_options(*kiosk.ctx);
    const auto first = sync::run_cycle(kiosk.ctx->db, kiosk.data_dir, options);
    INFO(first.error);
    REQUIRE(first.ok);
    CHECK(installed_version(*kiosk.ctx, "kursus-uji") == 1);
    CHECK(std::filesystem::is_directory(lessons::imported_lessons_dir(kiosk.data_dir) / "kursus-uji"));

    // Version 2 of the course replaces version 1.
    desa::test::write_fixture_package(work / "kursus-uji", 2);
    REQUIRE(hub.run({"content", "publish", "lessons", (work / "kursus-uji").string()}).exit_code == 0);
    REQUIRE(sync::run_cycle(kiosk.ctx->db, kiosk.data_dir, options).ok);
    CHECK(installed_version(*kiosk.ctx, "kursus-uji") == 2);

    // A channel version whose zip does not validate (put there by hand): rejected, version 2 stays.
    desa::test::write_fixture_package(work / "rusak", 3);
    desa::test::write_file(work / "rusak" / "lessons/satu.json", "{ bukan json");
    desa::test::TempDir channel;
    REQUIRE(lessons::zip_package_dir(work / "rusak", channel / "kursus-uji.zip").empty());
    REQUIRE(hub.run({"content", "publish", "channel", "lessons", channel.path().string()}).exit_code == 0);
    const auto rejected = sync::run_cycle(kiosk.ctx->db, kiosk.data_dir, options);
    CHECK_FALSE(rejected.warnings.empty());
    CHECK(installed_version(*kiosk.ctx, "kursus-uji") == 2);
}

TEST_CASE("lessons progress: the hub's merged progress from another kiosk, and offline the local one", "[lessons][sync]") {
    TestHub hub;
    test::DemoKiosk here;
    const auto shelf = lessons::load_courses(here.data_dir, here.ctx->assets_dir);
    REQUIRE(shelf.find("literasi-digital"));
    const auto& course = *shelf.find("literasi-digital");
    const auto& first = course.lessons.at(0);
    std::vector<lessons::RoundAnswer> all_right;
    for (int i = 0; i < first.mastery.n; ++i) all_right.push_back({first.quiz.at(static_cast<std::size_t>(i)).id, true});

    // Not enrolled yet: the local progress, a warning, exit 0.
    const std::string learner = lessons::create_learner(here.ctx->db, 1'764'000'000);
    lessons::record_position(here.ctx->db, learner, course.id, course.lessons.at(1).id, 2, 1'764'000'000);
    const auto alone = progress(*here.ctx, learner);
    CHECK(alone.rc == 0);
    CHECK(alone.err.find("not_enrolled") != std::string::npos);
    CHECK(json::parse(alone.out)["progress"].size() == 1);

    // Another kiosk of the province: the same card masters the first lesson there and syncs.
    desa::test::TempDir other_dir;
    {
        auto other = storage::open_kiosk_database(other_dir.path());
        enrol(hub, other, other_dir.path());
        REQUIRE(lessons::remember_learner(other, learner, 1'764'000'100));
        lessons::record_round(other, learner, course, first, all_right, 1'764'000'100);
        sync::SyncOptions options;
        options.channels = {};
        REQUIRE(sync::run_cycle(other, other_dir.path(), options).ok);
    }
    enrol(hub, here.ctx->db, here.data_dir);
    REQUIRE(sync::run_cycle(here.ctx->db, here.data_dir, kiosk::kiosk_sync_options(*here.ctx)).ok);

    const auto fetched = progress(*here.ctx, lessons::learner_code_display(learner));
    INFO(fetched.err);
    CHECK(fetched.rc == 0);
    const auto j = json::parse(fetched.out);
    CHECK(j["hub"] == "ok");
    CHECK(j["merged"] == 1);
    CHECK(j["progress"].size() == 2);
    CHECK(lessons::lesson_progress(here.ctx->db, learner, course.id, first.id)->mastered);
    const auto text = progress(*here.ctx, learner, false);
    CHECK(text.out.find(first.id) != std::string::npos);
    CHECK(text.out.find("1/" + std::to_string(course.lessons.size())) != std::string::npos);

    // The hub gone: local progress (now with the merged lesson), a warning, still exit 0.
    hub.process->stop();
    const auto offline = progress(*here.ctx, learner);
    CHECK(offline.rc == 0);
    CHECK(offline.err.find("unreachable") != std::string::npos);
    CHECK(json::parse(offline.out)["progress"].size() == 2);

    CHECK(progress(*here.ctx, "BUKAN-KODE").rc == 2);

    // Wired under `lessons` as the command line parses it.
    CLI::App app;
    auto* lessons_cmd = app.add_subcommand("lessons");
    const auto run = kiosk::add_lesson_progress_command(*lessons_cmd);
    CHECK(run(*here.ctx) == -1);  // not chosen
    app.parse("lessons progress BUKAN-KODE --json", false);
    CHECK(run(*here.ctx) == 2);
}
#endif
