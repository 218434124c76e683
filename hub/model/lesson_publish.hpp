#pragma once
// The `lessons` content channel (docs/sync-protocol.md "The lessons channel"): one file per course,
// "<course id>.zip", each a lesson package the kiosk imports exactly as it would from a USB stick
// (kiosk/app/sync_commands.cpp). Publishing one course makes a new version holding it beside the
// other courses' current zips. The package is checked with the kiosk's own validator first, and a
// version a kiosk would refuse or ignore (not newer than the course already published) is refused.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "db/sql_db.hpp"
#include "lessons/lesson_package.hpp"
#include "model/content.hpp"

namespace desa::hub {

inline constexpr const char* kLessonsChannel = "lessons";

struct LessonPublishOutcome {
    std::optional<PublishResult> published;       // when nothing was refused
    std::vector<lessons::PackageProblem> problems;  // the validator's, every one
    std::string refusal;                          // one line when refused for another reason
    std::string course;
    std::int64_t version = 0;            // of the package
    std::int64_t previous_version = 0;   // of the course as published before, 0 for a new course
    bool ok() const { return published.has_value(); }
};

// `package`: a package folder or zip. Scratch files go under <data_dir>/tmp and are removed.
LessonPublishOutcome publish_lesson_package(SqlDb& db, const std::filesystem::path& data_dir,
                                            const sync::SignSecretKey& key, const std::filesystem::path& package,
                                            std::int64_t now);

}  // namespace desa::hub
