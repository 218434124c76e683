#include "lessons/package_zip.hpp"

#include <sys/stat.h>
#include <zip.h>

#include <array>
#include <fstream>
#include <memory>

#include "lessons/package_tree.hpp"

namespace desa::lessons {

namespace fs = std::filesystem;

namespace {

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool is_link_entry(zip_t* z, zip_uint64_t index) {
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(z, index, 0, &opsys, &attributes) != 0) return false;
    return opsys == ZIP_OPSYS_UNIX && ((attributes >> 16) & S_IFMT) == S_IFLNK;
}

}  // namespace

bool looks_like_zip(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, 4> magic{};
    if (!in.read(magic.data(), magic.size())) return false;
    return magic[0] == 'P' && magic[1] == 'K' && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

std::vector<PackageProblem> unpack_zip(const fs::path& zip_file, const fs::path& into) {
    std::vector<PackageProblem> problems;
    int error = 0;
    std::unique_ptr<zip_t, ZipCloser> z(zip_open(zip_file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, error);
        problems.push_back({ProblemKind::BadZip, "", zip_error_strerror(&ze)});
        zip_error_fini(&ze);
        return problems;
    }
    const zip_int64_t entries = zip_get_num_entries(z.get(), 0);
    if (entries > static_cast<zip_int64_t>(kMaxPackageFiles) * 2) {
        problems.push_back({ProblemKind::TooManyFiles, "", std::to_string(entries) + " entries"});
        return problems;
    }
    // Names first, all of them, so every unsafe one is reported and nothing is written for a bad zip.
    for (zip_int64_t i = 0; i < entries; ++i) {
        const char* raw = zip_get_name(z.get(), static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
        std::string name = raw ? raw : "";
        const bool directory = !name.empty() && name.back() == '/';
        const std::string path = directory ? name.substr(0, name.size() - 1) : name;
        if (!is_safe_package_path(path))
            problems.push_back({ProblemKind::UnsafePath, name.substr(0, 200), "a path that escapes the package"});
        else if (is_link_entry(z.get(), static_cast<zip_uint64_t>(i)))
            problems.push_back({ProblemKind::Symlink, name, "symbolic links are not allowed"});
    }
    if (!problems.empty()) return problems;

    std::int64_t written = 0;
    std::array<char, 64 * 1024> buffer{};
    for (zip_int64_t i = 0; i < entries; ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        const std::string name = zip_get_name(z.get(), index, ZIP_FL_ENC_RAW);
        const fs::path target = into / (name.back() == '/' ? name.substr(0, name.size() - 1) : name);
        std::error_code ec;
        if (name.back() == '/') {
            fs::create_directories(target, ec);
            continue;
        }
        fs::create_directories(target.parent_path(), ec);
        std::unique_ptr<zip_file_t, ZipFileCloser> in(zip_fopen_index(z.get(), index, 0));
        std::ofstream out(target, std::ios::binary | std::ios::trunc);
        if (!in || !out) {
            problems.push_back({ProblemKind::BadZip, name, in ? "cannot be written" : zip_strerror(z.get())});
            return problems;
        }
        for (;;) {
            const zip_int64_t got = zip_fread(in.get(), buffer.data(), buffer.size());
            if (got < 0) {
                problems.push_back({ProblemKind::BadZip, name, zip_file_strerror(in.get())});
                return problems;
            }
            if (got == 0) break;
            written += got;
            if (written > kMaxPackageBytes) {
                problems.push_back({ProblemKind::TooLarge, "", "more than " + std::to_string(kMaxPackageBytes) +
                                                                    " bytes when unpacked"});
                return problems;
            }
            out.write(buffer.data(), got);
        }
        if (!out.flush()) {
            problems.push_back({ProblemKind::InstallFailed, name, "cannot be written (disk full?)"});
            return problems;
        }
    }
    return problems;
}

std::vector<PackageProblem> zip_package_dir(const fs::path& dir, const fs::path& zip_file) {
    std::vector<PackageProblem> problems;
    const PackageTree tree = scan_package_tree(dir, problems);
    if (!problems.empty()) return problems;
    std::error_code ec;
    fs::remove(zip_file, ec);
    int error = 0;
    zip_t* z = zip_open(zip_file.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
    if (!z) {
        problems.push_back({ProblemKind::InstallFailed, zip_file.string(), "cannot create the zip"});
        return problems;
    }
    for (const auto& [path, bytes] : tree.files) {
        zip_source_t* source = zip_source_file(z, (dir / path).c_str(), 0, -1);
        const zip_int64_t index = source ? zip_file_add(z, path.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (source) zip_source_free(source);
            problems.push_back({ProblemKind::InstallFailed, path, zip_strerror(z)});
            continue;
        }
        zip_file_set_mtime(z, static_cast<zip_uint64_t>(index), 315532800, 0);  // 1980-01-01: reproducible
    }
    if (!problems.empty()) {
        zip_discard(z);
        return problems;
    }
    if (zip_close(z) != 0) {
        problems.push_back({ProblemKind::InstallFailed, zip_file.string(), zip_strerror(z)});
        zip_discard(z);
    }
    return problems;
}

}  // namespace desa::lessons
