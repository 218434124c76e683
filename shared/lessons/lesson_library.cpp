#include "lessons/lesson_library.hpp"

#include <spdlog/spdlog.h>
#include <sodium.h>

#include <algorithm>

#include "lessons/package_tree.hpp"
#include "lessons/package_zip.hpp"

namespace desa::lessons {

namespace fs = std::filesystem;

fs::path imported_lessons_dir(const fs::path& data_dir) { return data_dir / "lessons"; }
fs::path bundled_lessons_dir(const fs::path& assets_dir) { return assets_dir / "lessons"; }

namespace {

std::string random_suffix() {
    return std::to_string(randombytes_uniform(1'000'000'000));
}

// Puts the package at `source` into a fresh directory under `parent` (unpacked or copied).
fs::path stage(const fs::path& source, const fs::path& parent, std::vector<PackageProblem>& problems) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    const fs::path staging = parent / (".incoming-" + random_suffix());
    fs::create_directory(staging, ec);
    if (ec) {
        problems.push_back({ProblemKind::InstallFailed, "", "cannot create " + staging.string() + ": " + ec.message()});
        return staging;
    }
    if (fs::is_directory(source, ec)) {
        // The tree is checked on the source first so links and unsafe names are refused, not copied.
        scan_package_tree(source, problems);
        if (!problems.empty()) return staging;
        fs::copy(source, staging, fs::copy_options::recursive, ec);
        if (ec) problems.push_back({ProblemKind::InstallFailed, "", "cannot copy the package: " + ec.message()});
    } else if (fs::is_regular_file(source, ec) && looks_like_zip(source)) {
        problems = unpack_zip(source, staging);
    } else {
        problems.push_back({ProblemKind::NotAPackage, "", "not a directory or a zip file"});
    }
    return staging;
}

void remove_quietly(const fs::path& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
}

// A power cut between the two renames of a switch leaves .old-<course>-* without <course>: put it back.
void repair_interrupted_switches(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(dir, ec)) entries.push_back(entry.path());
    for (const auto& path : entries) {
        const std::string name = path.filename().string();
        if (name.rfind(".incoming-", 0) == 0) {
            remove_quietly(path);
        } else if (name.rfind(".old-", 0) == 0) {
            const std::string course = name.substr(5, name.rfind('-') - 5);
            if (!course.empty() && !fs::exists(dir / course)) fs::rename(path, dir / course, ec);
            else remove_quietly(path);
        }
    }
}

std::optional<Course> installed(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return std::nullopt;
    auto check = read_package_dir(dir, false);  // validated in full when it was imported
    return check.course;
}

}  // namespace

PackageCheck validate_package(const fs::path& source, const fs::path& scratch_parent) {
    std::error_code ec;
    if (fs::is_directory(source, ec)) return read_package_dir(source);
    PackageCheck check;
    const fs::path staging = stage(source, scratch_parent, check.problems);
    if (check.problems.empty()) check = read_package_dir(staging);
    remove_quietly(staging);
    if (check.course) check.course->root = source;
    return check;
}

ImportOutcome import_package(const fs::path& source, const fs::path& data_dir, const fs::path& assets_dir) {
    ImportOutcome outcome;
    const fs::path dir = imported_lessons_dir(data_dir);
    repair_interrupted_switches(dir);
    const fs::path staging = stage(source, dir, outcome.problems);
    if (!outcome.problems.empty()) {
        remove_quietly(staging);
        return outcome;
    }
    auto check = read_package_dir(staging);
    if (!check.ok()) {
        outcome.problems = std::move(check.problems);
        remove_quietly(staging);
        return outcome;
    }
    const Course& incoming = *check.course;
    std::int64_t best_installed = 0;
    for (const auto& existing : {installed(dir / incoming.id), installed(bundled_lessons_dir(assets_dir) / incoming.id)})
        if (existing) best_installed = std::max(best_installed, existing->version);
    outcome.previous_version = best_installed;
    if (incoming.version == best_installed) {
        outcome.already_installed = true;
        outcome.course = installed(dir / incoming.id);
        if (!outcome.course) outcome.course = installed(bundled_lessons_dir(assets_dir) / incoming.id);
        remove_quietly(staging);
        return outcome;
    }
    if (incoming.version < best_installed) {
        outcome.problems.push_back({ProblemKind::NotNewer, "manifest.json",
                                    "version " + std::to_string(incoming.version) + " is older than the installed " +
                                        std::to_string(best_installed)});
        remove_quietly(staging);
        return outcome;
    }
    const fs::path target = dir / incoming.id;
    const fs::path old = dir / (".old-" + incoming.id + "-" + random_suffix());
    std::error_code ec;
    if (fs::exists(target)) fs::rename(target, old, ec);
    if (!ec) fs::rename(staging, target, ec);
    if (ec) {
        if (!fs::exists(target) && fs::exists(old)) fs::rename(old, target, ec);
        outcome.problems.push_back({ProblemKind::InstallFailed, "", "cannot switch to the new version"});
        remove_quietly(staging);
        return outcome;
    }
    remove_quietly(old);
    outcome.course = installed(target);
    spdlog::info("lessons: installed course {} version {} (was {})", incoming.id, incoming.version, best_installed);
    return outcome;
}

namespace {
void find_below(const fs::path& dir, int depth, std::vector<fs::path>& out) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        if (entry.is_regular_file(ec) && entry.path().extension() == ".zip" && looks_like_zip(entry.path())) {
            out.push_back(entry.path());
        } else if (entry.is_directory(ec) && !entry.is_symlink(ec)) {
            if (fs::is_regular_file(entry.path() / "manifest.json", ec)) out.push_back(entry.path());
            else if (depth > 1) find_below(entry.path(), depth - 1, out);
        }
        if (out.size() >= 50) return;  // a stick full of zips: the first fifty are plenty to choose from
    }
}
}  // namespace

std::vector<fs::path> find_packages(const std::vector<fs::path>& roots, int depth) {
    std::vector<fs::path> out;
    for (const auto& root : roots) find_below(root, depth, out);
    std::sort(out.begin(), out.end());
    return out;
}

const Course* CourseShelf::find(std::string_view course_id) const {
    for (const auto& course : courses)
        if (course.id == course_id) return &course;
    return nullptr;
}

CourseShelf load_courses(const fs::path& data_dir, const fs::path& assets_dir) {
    CourseShelf shelf;
    repair_interrupted_switches(imported_lessons_dir(data_dir));
    for (const fs::path& parent : {bundled_lessons_dir(assets_dir), imported_lessons_dir(data_dir)}) {
        std::error_code ec;
        if (!fs::is_directory(parent, ec)) continue;
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(parent, ec))
            if (entry.is_directory() && entry.path().filename().string().front() != '.') dirs.push_back(entry.path());
        std::sort(dirs.begin(), dirs.end());
        for (const auto& course_dir : dirs) {
            auto check = read_package_dir(course_dir, false);  // in full at import; at start, hashes and headers
            if (!check.ok()) {
                spdlog::warn("lessons: {} does not validate ({} problems); skipped", course_dir.string(),
                             check.problems.size());
                shelf.broken.emplace_back(course_dir, std::move(check.problems));
                continue;
            }
            auto it = std::find_if(shelf.courses.begin(), shelf.courses.end(),
                                   [&](const Course& c) { return c.id == check.course->id; });
            if (it == shelf.courses.end()) shelf.courses.push_back(std::move(*check.course));
            else if (it->version < check.course->version) *it = std::move(*check.course);
        }
    }
    std::sort(shelf.courses.begin(), shelf.courses.end(),
              [](const Course& a, const Course& b) { return a.title.id < b.title.id; });
    return shelf;
}

}  // namespace desa::lessons
