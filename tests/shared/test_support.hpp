#pragma once
// Helpers shared by the core tests: a private temporary directory per test, whole-file byte I/O,
// environment overrides, and where the real assets are.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace desa::test {

// mkdtemp() under $TMPDIR; removed with everything in it when the test ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "desa-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
}

// Sets (or unsets, for nullopt) an environment variable for one scope and restores it after.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

// ctest sets $DESA_ASSETS_DIR; a test binary started by hand falls back to the source tree.
inline std::filesystem::path assets_dir() {
    if (const char* env = std::getenv("DESA_ASSETS_DIR"); env != nullptr && *env != '\0') return env;
    return DESA_SOURCE_ASSETS_DIR;
}

// A file of tests/data/catalog/, whole.
inline std::string catalog_fixture(const char* name) {
    return read_file(std::string(DESA_TEST_DATA_DIR) + "/catalog/" + name);
}

// Whether any entry of `list` contains `needle` (report lines, warnings).
inline bool any_contains(const std::vector<std::string>& list, std::string_view needle) {
    for (const auto& s : list)
        if (s.find(needle) != std::string::npos) return true;
    return false;
}

// Root ignores file permissions, so permission tests only mean something for other users.
inline bool running_as_root() { return ::geteuid() == 0; }

}  // namespace desa::test
