#include "core/paths.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <pwd.h>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace desa {

namespace fs = std::filesystem;

namespace {

// An environment variable that is set and non-empty; an empty value counts as unset, as in the
// XDG base directory spec.
std::optional<fs::path> env_path(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return fs::path(value);
}

fs::path home_dir() {
    if (auto home = env_path("HOME")) return *home;
    // A systemd service or a bare `env -i` may run without $HOME; the passwd entry still knows it.
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr &&
                                                    *pw->pw_dir != '\0') {
        return fs::path(pw->pw_dir);
    }
    throw std::runtime_error(
        "cannot find a data directory: none of --data-dir, $STATE_DIRECTORY, $XDG_DATA_HOME or "
        "$HOME is set");
}

}  // namespace

fs::path resolve_data_dir(const std::optional<fs::path>& from_flag) {
    if (from_flag && !from_flag->empty()) return *from_flag;
    if (auto state = env_path("STATE_DIRECTORY")) {
        // systemd joins several StateDirectory= entries with ':'; the first one is ours.
        std::string first = state->string();
        if (auto colon = first.find(':'); colon != std::string::npos) first.resize(colon);
        if (!first.empty()) return fs::path(first);
    }
    // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
    if (auto xdg = env_path("XDG_DATA_HOME"); xdg && xdg->is_absolute()) return *xdg / "desa-kiosk";
    return home_dir() / ".local" / "share" / "desa-kiosk";
}

fs::path resolve_assets_dir(const std::optional<fs::path>& from_flag) {
    if (from_flag && !from_flag->empty()) return *from_flag;
    if (auto env = env_path("DESA_ASSETS_DIR")) return *env;
    // An installed kiosk lives in <prefix>/bin with its assets in <prefix>/share/desa-kiosk.
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = (exe.parent_path() / ".." / "share" / "desa-kiosk").lexically_normal();
        if (fs::is_directory(installed, ec)) return installed;
    }
    return fs::path(DESA_SOURCE_ASSETS_DIR);
}

void ensure_private_dir(const fs::path& dir) {
    if (dir.empty()) throw std::runtime_error("cannot create data directory: empty path");
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return;

    // Walk up to the first existing ancestor, then create each missing level ourselves so every
    // directory we make (not only the last) is private from the first moment it exists.
    std::vector<fs::path> missing;
    for (fs::path p = dir.lexically_normal(); !p.empty(); p = p.parent_path()) {
        if (fs::exists(fs::symlink_status(p, ec))) break;
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
            throw std::runtime_error("cannot create data directory " + it->string() + ": " +
                                     std::strerror(errno));
        }
    }
    if (!fs::is_directory(dir, ec)) {
        throw std::runtime_error("cannot use " + dir.string() + " as data directory: " +
                                 (ec ? ec.message() : std::string("it exists but is not a directory")));
    }
}

}  // namespace desa
