#pragma once
// Kiosk data directories enrolled with a real `desa-hub serve` for the lesson tests: each its own
// kiosk.db and key, made by the kiosk's real enrolment, syncing with the kiosk's real cycle (the
// finished lesson days written before the upload, as the kiosk app does), and the starter course
// as shipped in assets/lessons.
#include <string>
#include <vector>

#include "hub_setup.hpp"
#include "lessons/lesson_package.hpp"
#include "lessons/lesson_stats.hpp"
#include "lessons/progress_store.hpp"
#include "sync/enrolment.hpp"
#include "sync/sync_engine.hpp"

namespace desa::hub::test {

inline constexpr int kWib = 7 * 3600;

inline const lessons::Course& starter_course() {
    static const lessons::Course course = [] {
        auto check = lessons::read_package_dir(std::string(DESA_SOURCE_DIR) + "/assets/lessons/literasi-digital");
        REQUIRE(check.ok());
        return *check.course;
    }();
    return course;
}

// One quiz round of `lesson`'s n questions with the first `correct` of them right.
inline std::vector<lessons::RoundAnswer> quiz_round(const lessons::Lesson& lesson, int correct) {
    std::vector<lessons::RoundAnswer> answers;
    for (int i = 0; i < lesson.mastery.n; ++i) answers.push_back({lesson.quiz.at(static_cast<std::size_t>(i)).id, i < correct});
    return answers;
}

struct LessonKiosk {
    desa::test::TempDir dir;
    storage::Database db;
    sync::Identity identity;

    LessonKiosk(HubSetup& hub, const std::string& village) : db(open(dir)) {
        const auto outcome =
            sync::enrol(db, dir.path(), {hub.hub->url(), hub.enrol_code(village), std::nullopt, "Balai desa", "", false});
        REQUIRE(outcome.identity);
        identity = *outcome.identity;
    }

    sync::CycleReport sync_once() {
        sync::SyncOptions options;
        options.channels = {};
        options.before_upload.push_back([village = identity.village_code, kiosk = identity.kiosk_id](storage::Database& d,
                                                                                                      std::int64_t now) {
            lessons::write_finished_lesson_days(d, village, kiosk, now, kWib);
        });
        return sync::run_cycle(db, dir.path(), options);
    }

private:
    static storage::Database open(const desa::test::TempDir& d) {
        spdlog::set_level(spdlog::level::warn);  // the kiosk database's migration notes
        return storage::open_kiosk_database(d.path());
    }
};

}  // namespace desa::hub::test
