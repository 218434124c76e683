#pragma once
// Reading and validating a lesson package directory (docs/lesson-package.md). Every problem is
// collected, not just the first: an author fixing a package from a USB stick sees the whole list
// at once. A Course comes back only when there is no problem at all.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/lesson_model.hpp"

namespace desa::lessons {

inline constexpr std::string_view kPackageFormat = "desa-lesson-package/1";
inline constexpr std::size_t kMaxPackageFiles = 2000;
inline constexpr std::int64_t kMaxPackageBytes = 64LL << 20;
inline constexpr std::int64_t kMaxImageBytes = 1LL << 20;
inline constexpr int kMaxImageWidth = 1600, kMaxImageHeight = 1200;

enum class ProblemKind {
    NotAPackage,      // neither a directory nor a zip file
    UnsafePath,       // absolute, "..", backslash, drive letter, odd characters (zip-slip)
    Symlink,          // a symbolic link in the package
    TooManyFiles,
    TooLarge,         // the package over kMaxPackageBytes
    BadZip,           // a zip that cannot be read
    ManifestMissing,
    ManifestInvalid,  // manifest.json not in the format
    FileMissing,      // listed in the manifest (or referenced) but absent
    FileSize,
    FileHash,
    FileUnlisted,     // in the package but not in the manifest
    BadJson,
    MissingField,
    WrongType,
    UnknownQuestionType,
    UnknownTryKind,
    BadAnswer,        // names no option, wrong count, order not a permutation, ...
    BadCount,         // too few or too many steps, questions, options, lessons
    DuplicateId,
    BadId,
    BadMastery,
    ImageFormat,      // not PNG or JPEG
    ImageTooLarge,    // over the pixel or byte limit
    TextEmpty,
    TextTooLong,
    NotNewer,         // an import of a version not newer than the installed one
    InstallFailed,    // the disk refused (space, permissions)
};
std::string_view problem_kind_name(ProblemKind);  // "unsafe_path", ... (i18n: lessons.problem.<name>)

struct PackageProblem {
    ProblemKind kind;
    std::string file;    // package-relative path, "" for the package itself
    std::string detail;  // where in the file and what ("lessons[2].quiz[0].answer: 'x' is not an option")
};

struct PackageCheck {
    std::optional<Course> course;  // only when problems is empty
    std::vector<PackageProblem> problems;
    bool ok() const { return problems.empty(); }
};

// Checks a package directory completely: the tree (paths, links, counts, sizes), the manifest
// (every file listed with its size and SHA-256, nothing unlisted), then the course and lesson files
// and every image they reference.
// `decode_pictures` false (courses already installed, read at every start): pictures are checked by
// their header (format and size) but not decoded, which is most of the cost; hashes are still checked.
PackageCheck read_package_dir(const std::filesystem::path& dir, bool decode_pictures = true);

// Manifest writing for authors: lists every file under `dir` but manifest.json with its size and
// SHA-256 and writes dir/manifest.json (course id and version taken from course.json and
// `version`). Returns the problems that stop it (unsafe paths, no course.json).
std::vector<PackageProblem> write_manifest(const std::filesystem::path& dir, std::int64_t version);

// True for a package-relative path the format allows: "a/b.png", [A-Za-z0-9._-] per part, no empty,
// "." or ".." part, no leading '/', at most 200 characters.
bool is_safe_package_path(std::string_view path);

}  // namespace desa::lessons
