#pragma once
// The courses a kiosk can teach: the starter course shipped in assets (assets/lessons/<course>/) and
// the ones imported into <data>/lessons/<course>/ (a USB stick in staff mode, `desa-kiosk lessons
// import`, the hub's lessons channel). An import copies or unpacks into <data>/lessons/.incoming-*,
// validates the copy (not the stick, which may change or vanish), and only then switches by rename;
// a bad package never replaces a good one, and a power cut mid-switch is repaired at the next start.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lessons/lesson_package.hpp"

namespace desa::lessons {

std::filesystem::path imported_lessons_dir(const std::filesystem::path& data_dir);  // <data>/lessons
std::filesystem::path bundled_lessons_dir(const std::filesystem::path& assets_dir);  // <assets>/lessons

// Validates a folder or a zip without installing it (unpacks a zip under `scratch_parent`, removed after).
PackageCheck validate_package(const std::filesystem::path& source, const std::filesystem::path& scratch_parent);

struct ImportOutcome {
    std::optional<Course> course;  // the installed course (also when it was already installed)
    std::vector<PackageProblem> problems;
    bool already_installed = false;     // same course, same version: nothing changed
    std::int64_t previous_version = 0;  // 0 when the course is new to this kiosk
    bool ok() const { return problems.empty(); }
};

// Installs a package (folder or zip). Refused with NotNewer when the installed (or bundled) copy of
// the course has a higher version.
ImportOutcome import_package(const std::filesystem::path& source, const std::filesystem::path& data_dir,
                             const std::filesystem::path& assets_dir);

struct CourseShelf {
    std::vector<Course> courses;  // sorted by title, the newest version of each course id
    // Installed packages that no longer validate (a damaged disk): named, skipped, never crashing.
    std::vector<std::pair<std::filesystem::path, std::vector<PackageProblem>>> broken;
    const Course* find(std::string_view course_id) const;
};

// Lesson packages on a USB stick: zips and folders with a manifest.json up to `depth` levels below
// each root (/media/<user>/<stick>/...), sorted; unreadable places are skipped.
std::vector<std::filesystem::path> find_packages(const std::vector<std::filesystem::path>& roots, int depth = 3);

// Reads every bundled and imported course (repairing an interrupted switch first).
CourseShelf load_courses(const std::filesystem::path& data_dir, const std::filesystem::path& assets_dir);

}  // namespace desa::lessons
