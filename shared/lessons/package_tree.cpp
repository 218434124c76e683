#include "lessons/package_tree.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "sync/protocol.hpp"

namespace desa::lessons {

namespace fs = std::filesystem;
using nlohmann::json;

bool is_safe_package_path(std::string_view path) {
    if (path.empty() || path.size() > 200 || path.front() == '/') return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        for (char c : part) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                            c == '_' || c == '-';
            if (!ok) return false;
        }
        start = end + 1;
    }
    return true;
}

std::optional<std::string> read_small_file(const fs::path& file, std::int64_t max_bytes) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec || static_cast<std::int64_t>(size) > max_bytes) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

PackageTree scan_package_tree(const fs::path& dir, std::vector<PackageProblem>& problems) {
    PackageTree tree;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        problems.push_back({ProblemKind::NotAPackage, "", "not a directory or a zip file"});
        return tree;
    }
    std::int64_t total = 0;
    std::size_t count = 0;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    if (ec) {
        problems.push_back({ProblemKind::NotAPackage, "", "cannot read the directory: " + ec.message()});
        return tree;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            problems.push_back({ProblemKind::NotAPackage, "", "cannot read the directory: " + ec.message()});
            break;
        }
        const fs::path relative = it->path().lexically_relative(dir);
        const std::string name = relative.generic_string();
        const auto status = it->symlink_status(ec);
        if (fs::is_symlink(status)) {
            problems.push_back({ProblemKind::Symlink, name, "symbolic links are not allowed"});
            it.disable_recursion_pending();
            continue;
        }
        if (fs::is_directory(status)) {
            if (!is_safe_package_path(name)) {
                problems.push_back({ProblemKind::UnsafePath, name, "unsafe directory name"});
                it.disable_recursion_pending();
            }
            continue;
        }
        if (!fs::is_regular_file(status)) {
            problems.push_back({ProblemKind::UnsafePath, name, "not a regular file"});
            continue;
        }
        if (!is_safe_package_path(name)) {
            problems.push_back({ProblemKind::UnsafePath, name, "unsafe file name"});
            continue;
        }
        if (++count > kMaxPackageFiles) {
            problems.push_back({ProblemKind::TooManyFiles, "", "more than " + std::to_string(kMaxPackageFiles) + " files"});
            break;
        }
        const auto bytes = static_cast<std::int64_t>(it->file_size(ec));
        total += bytes;
        tree.files.emplace(name, bytes);
    }
    if (total > kMaxPackageBytes)
        problems.push_back({ProblemKind::TooLarge, "", std::to_string(total) + " bytes, at most " +
                                                           std::to_string(kMaxPackageBytes)});
    return tree;
}

std::optional<PackageManifest> check_manifest(const fs::path& dir, const PackageTree& tree,
                                              std::vector<PackageProblem>& problems) {
    const std::string file = "manifest.json";
    if (!tree.files.count(file)) {
        problems.push_back({ProblemKind::ManifestMissing, file, "the package has no manifest.json"});
        return std::nullopt;
    }
    const auto text = read_small_file(dir / file, 4 << 20);
    json doc = text ? json::parse(*text, nullptr, false) : json(json::value_t::discarded);
    if (doc.is_discarded() || !doc.is_object()) {
        problems.push_back({ProblemKind::BadJson, file, "not a JSON object"});
        return std::nullopt;
    }
    auto invalid = [&](const std::string& detail) { problems.push_back({ProblemKind::ManifestInvalid, file, detail}); };
    if (!doc.contains("format") || doc["format"] != std::string(kPackageFormat)) {
        invalid("format is not \"" + std::string(kPackageFormat) + "\"");
        return std::nullopt;
    }
    PackageManifest manifest;
    if (doc.contains("course") && doc["course"].is_string()) manifest.course = doc["course"].get<std::string>();
    else invalid("course: missing or not text");
    if (doc.contains("version") && doc["version"].is_number_integer() && doc["version"].get<std::int64_t>() > 0)
        manifest.version = doc["version"].get<std::int64_t>();
    else invalid("version: missing or not a whole number above 0");
    if (!doc.contains("files") || !doc["files"].is_array()) {
        invalid("files: missing or not a list");
        return std::nullopt;
    }
    std::set<std::string> listed;
    for (std::size_t i = 0; i < doc["files"].size(); ++i) {
        const json& entry = doc["files"][i];
        const std::string where = "files[" + std::to_string(i) + "]";
        if (!entry.is_object() || !entry.contains("path") || !entry["path"].is_string() || !entry.contains("bytes") ||
            !entry["bytes"].is_number_integer() || !entry.contains("sha256") || !entry["sha256"].is_string()) {
            invalid(where + ": needs path, bytes and sha256");
            continue;
        }
        PackageManifest::File f{entry["path"].get<std::string>(), entry["sha256"].get<std::string>(),
                                entry["bytes"].get<std::int64_t>()};
        if (!is_safe_package_path(f.path)) {
            problems.push_back({ProblemKind::UnsafePath, f.path.substr(0, 200), where + ": a path that escapes the package"});
            continue;
        }
        if (!sync::is_sha256_hex(f.sha256)) invalid(where + ": sha256 is not 64 lower-case hex digits");
        if (f.path == file || !listed.insert(f.path).second) {
            invalid(where + ": " + f.path + " listed twice or lists the manifest itself");
            continue;
        }
        auto on_disk = tree.files.find(f.path);
        if (on_disk == tree.files.end()) {
            problems.push_back({ProblemKind::FileMissing, f.path, "listed in the manifest but not in the package"});
        } else if (on_disk->second != f.bytes) {
            problems.push_back({ProblemKind::FileSize, f.path, std::to_string(on_disk->second) + " bytes, the manifest says " +
                                                                   std::to_string(f.bytes)});
        } else if (sync::is_sha256_hex(f.sha256)) {
            const auto content = read_small_file(dir / f.path, kMaxPackageBytes);
            if (!content || sync::sha256_hex(*content) != f.sha256)
                problems.push_back({ProblemKind::FileHash, f.path, "the content does not match the manifest's SHA-256"});
        }
        manifest.files.push_back(std::move(f));
    }
    for (const auto& [path, bytes] : tree.files)
        if (path != file && !listed.count(path))
            problems.push_back({ProblemKind::FileUnlisted, path, "in the package but not in the manifest"});
    return manifest;
}

}  // namespace desa::lessons
