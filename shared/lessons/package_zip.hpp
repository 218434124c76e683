#pragma once
// Lesson packages zipped (a USB stick, the hub's lessons channel), read with Debian's libzip. Every
// entry name is checked before a byte is written (zip-slip: absolute paths, "..", backslashes,
// drive letters), links are refused, and the bytes written are counted as they are inflated, so a
// zip that lies about its sizes (a zip bomb) stops at the package limit.
#include <filesystem>
#include <vector>

#include "lessons/lesson_package.hpp"

namespace desa::lessons {

bool looks_like_zip(const std::filesystem::path& file);  // "PK\3\4" (or an empty zip's "PK\5\6")

// Unpacks `zip_file` into the empty directory `into`. Returns every problem found; on any problem
// the caller must throw `into` away (it may hold part of the package).
std::vector<PackageProblem> unpack_zip(const std::filesystem::path& zip_file, const std::filesystem::path& into);

// Zips a package directory (authors, the hub's `content publish lessons`): entries in name order
// with a fixed time, so the same package always gives the same bytes.
std::vector<PackageProblem> zip_package_dir(const std::filesystem::path& dir, const std::filesystem::path& zip_file);

}  // namespace desa::lessons
