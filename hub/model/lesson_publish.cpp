#include "model/lesson_publish.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "lessons/lesson_library.hpp"
#include "lessons/package_zip.hpp"

namespace desa::hub {
namespace fs = std::filesystem;
namespace {

// A private scratch directory, removed with everything in it however the publish ends.
struct Scratch {
    fs::path dir;
    explicit Scratch(const fs::path& parent) {
        std::error_code ec;
        fs::create_directories(parent, ec);
        dir = parent / ("lessons-" + sync::random_nonce_hex().substr(0, 12));
        if (!fs::create_directory(dir, ec) || ec) throw ContentError("cannot create " + dir.string());
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
};

std::string read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ContentError("cannot read " + file.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The version of a course zip already in the store; 0 when it does not read as a package (a file
// put in the channel by hand): anything may replace it.
std::int64_t stored_package_version(const fs::path& data_dir, const std::string& sha256, const fs::path& scratch) {
    const auto file = stored_file(data_dir, sha256);
    if (!file) return 0;
    const auto check = lessons::validate_package(*file, scratch);
    return check.course ? check.course->version : 0;
}

}  // namespace

LessonPublishOutcome publish_lesson_package(SqlDb& db, const fs::path& data_dir, const sync::SignSecretKey& key,
                                            const fs::path& package, std::int64_t now) {
    LessonPublishOutcome out;
    Scratch scratch(data_dir / "tmp");
    const auto check = lessons::validate_package(package, scratch.dir / "check");
    if (!check.ok()) {
        out.problems = check.problems;
        return out;
    }
    out.course = check.course->id;
    out.version = check.course->version;
    const fs::path zip = scratch.dir / (out.course + ".zip");
    std::error_code ec;
    if (fs::is_directory(package, ec)) {
        out.problems = lessons::zip_package_dir(package, zip);  // same bytes for the same folder
        if (!out.problems.empty()) return out;
    } else if (!fs::copy_file(package, zip, ec) || ec) {
        throw ContentError("cannot copy " + package.string() + ": " + ec.message());
    }
    // What goes out is this copy, checked once more: a folder or stick changed meanwhile cannot
    // slip an unchecked package to the kiosks.
    const auto again = lessons::validate_package(zip, scratch.dir / "again");
    if (!again.ok() || again.course->id != out.course || again.course->version != out.version) {
        out.problems = again.problems;
        if (out.problems.empty()) out.refusal = "the package changed while it was being published; try again";
        return out;
    }
    const sync::ManifestFile file = store_bytes(data_dir, out.course + ".zip", read_bytes(zip));

    SqlTransaction tx(db);
    // The channel row is locked from here to commit: two publishers of different courses take
    // turns, and each builds on the other's version instead of dropping its course.
    const std::int64_t version = next_channel_version(db, kLessonsChannel, now);
    std::optional<sync::Manifest> previous;
    const auto rows = db.query("SELECT body FROM manifests WHERE channel = $1 AND version = $2",
                               {std::string(kLessonsChannel), version - 1});
    if (!rows.empty()) previous = parse_manifest_body(rows[0].text(0));
    std::vector<sync::ManifestFile> files = previous ? previous->files : std::vector<sync::ManifestFile>{};
    const auto same_name = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.name == file.name; });
    if (same_name != files.end()) {
        if (same_name->sha256 == file.sha256) {
            out.published = PublishResult{*previous, true};  // the version bump rolls back
            return out;
        }
        out.previous_version = stored_package_version(data_dir, same_name->sha256, scratch.dir / "previous");
        // A kiosk holding the published version would ignore an older or equal one (lessons::import_package).
        if (out.version <= out.previous_version) {
            out.refusal = "course " + out.course + " version " + std::to_string(out.version) +
                          " is not newer than the published version " + std::to_string(out.previous_version) +
                          ": raise \"version\" in manifest.json";
            return out;
        }
        files.erase(same_name);
    }
    files.push_back(file);
    sync::Manifest m{kLessonsChannel, version, now, std::move(files)};
    record_version(db, key, m);
    tx.commit();
    out.published = PublishResult{m, false};
    return out;
}

}  // namespace desa::hub
