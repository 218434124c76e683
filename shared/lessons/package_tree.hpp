#pragma once
// The file level of a lesson package: what is on disk (paths, links, sizes) and what the manifest
// promises (sizes and SHA-256). Used by lesson_package.cpp before it reads any course file.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lessons/lesson_package.hpp"

namespace desa::lessons {

struct PackageTree {
    std::map<std::string, std::int64_t> files;  // package-relative path -> bytes (regular files only)
};

// Walks `dir` without following links; unsafe names, links and other odd entries become problems.
PackageTree scan_package_tree(const std::filesystem::path& dir, std::vector<PackageProblem>& problems);

struct PackageManifest {
    std::string course;
    std::int64_t version = 0;
    struct File {
        std::string path, sha256;
        std::int64_t bytes = 0;
    };
    std::vector<File> files;
};

// Reads manifest.json and checks it against the tree: every listed file present with its size and
// hash, nothing unlisted. nullopt when the manifest itself is missing or unreadable.
std::optional<PackageManifest> check_manifest(const std::filesystem::path& dir, const PackageTree& tree,
                                              std::vector<PackageProblem>& problems);

std::optional<std::string> read_small_file(const std::filesystem::path& file, std::int64_t max_bytes);

}  // namespace desa::lessons
