#include "core/private_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace desa {

namespace {

std::runtime_error os_error(const char* what, const std::filesystem::path& file) {
    return std::runtime_error(std::string(what) + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

void write_new_private_file(const std::filesystem::path& file, std::string_view text) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw os_error("cannot create", file);
    try {
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw os_error("cannot write", file);
            done += static_cast<std::size_t>(n);
        }
        if (::fsync(fd) != 0) throw os_error("cannot sync", file);
    } catch (...) {
        ::close(fd);
        ::unlink(file.c_str());
        throw;
    }
    ::close(fd);
}

void sync_directory(const std::filesystem::path& dir) {
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace desa
