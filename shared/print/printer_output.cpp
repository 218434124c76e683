#include "print/printer_output.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace desa::print {
namespace {

using Clock = std::chrono::steady_clock;

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

PrintOutcome fail(PrinterProblem p, int error = 0) { return {p, error ? std::strerror(error) : std::string()}; }

int millis_left(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

// Waits until `fd` can take more bytes; false on timeout.
bool wait_writable(int fd, Clock::time_point deadline) {
    for (;;) {
        pollfd p{fd, POLLOUT, 0};
        const int r = ::poll(&p, 1, millis_left(deadline));
        if (r > 0) return true;
        if (r == 0) return false;
        if (errno != EINTR) return true;  // let the write report the error
    }
}

PrintOutcome write_all(int fd, std::string_view bytes, Clock::time_point deadline, bool socket) {
    while (!bytes.empty()) {
        // MSG_NOSIGNAL: a printer that hangs up must not kill the kiosk with SIGPIPE.
        const ssize_t n = socket ? ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL)
                                 : ::write(fd, bytes.data(), bytes.size());
        if (n > 0) {
            bytes.remove_prefix(static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0 || errno == EAGAIN || errno == EWOULDBLOCK) {
            if (Clock::now() >= deadline || !wait_writable(fd, deadline)) return fail(PrinterProblem::Timeout);
            continue;
        }
        const int e = errno;
        if (e == ENODEV || e == ENXIO || e == EIO) return fail(PrinterProblem::Missing, e);
        if (e == EPIPE || e == ECONNRESET) return fail(PrinterProblem::Unreachable, e);
        return fail(PrinterProblem::WriteFailed, e);
    }
    return {};
}

PrintOutcome open_problem(int e) {
    switch (e) {
        case ENOENT: case ENODEV: case ENXIO: case ENOTDIR: return fail(PrinterProblem::Missing, e);
        case EACCES: case EPERM: case EROFS: case EISDIR: return fail(PrinterProblem::NotWritable, e);
        case EBUSY: case EAGAIN: return fail(PrinterProblem::Timeout, e);
        default: return fail(PrinterProblem::WriteFailed, e);
    }
}

PrintOutcome to_path(const PrinterTarget& t, std::string_view bytes, Clock::time_point deadline) {
    const bool device = t.kind == PrinterTarget::Kind::Device;
    // A device is never created (a missing /dev/usb/lp0 means an unplugged printer); non-blocking so
    // a printer that stops taking bytes (no paper) times out instead of hanging the kiosk.
    const int flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | (device ? O_NONBLOCK : (O_CREAT | O_APPEND));
    Fd f{::open(t.path.c_str(), flags, 0600)};
    if (f.fd < 0) return open_problem(errno);
    if (auto out = write_all(f.fd, bytes, deadline, false); !out.ok()) return out;
    // On disk before "printed" is reported; a character device may not support fsync.
    if (::fsync(f.fd) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP)
        return fail(PrinterProblem::WriteFailed, errno);
    const int fd = f.fd;
    f.fd = -1;
    if (::close(fd) != 0 && errno != EINTR) return fail(PrinterProblem::WriteFailed, errno);
    return {};
}

// Connects within the deadline; the socket fd or a problem.
PrintOutcome connect_to(const PrinterTarget& t, Clock::time_point deadline, Fd& out) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    const std::string port = std::to_string(t.port);
    if (const int r = ::getaddrinfo(t.host.c_str(), port.c_str(), &hints, &found); r != 0)
        return {PrinterProblem::Unreachable, ::gai_strerror(r)};
    PrintOutcome last = fail(PrinterProblem::Unreachable);
    for (addrinfo* a = found; a != nullptr; a = a->ai_next) {
        Fd s{::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol)};
        if (s.fd < 0) {
            last = fail(PrinterProblem::WriteFailed, errno);
            continue;
        }
        if (::connect(s.fd, a->ai_addr, a->ai_addrlen) != 0) {
            if (errno != EINPROGRESS) {
                last = fail(PrinterProblem::Unreachable, errno);
                continue;
            }
            if (!wait_writable(s.fd, deadline)) {
                last = fail(PrinterProblem::Timeout);
                break;  // the time is spent
            }
            int error = 0;
            socklen_t len = sizeof error;
            ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &len);
            if (error != 0) {
                last = fail(error == ETIMEDOUT ? PrinterProblem::Timeout : PrinterProblem::Unreachable, error);
                continue;
            }
        }
        out.fd = s.fd;
        s.fd = -1;
        ::freeaddrinfo(found);
        return {};
    }
    ::freeaddrinfo(found);
    return last;
}

PrintOutcome to_network(const PrinterTarget& t, std::string_view bytes, Clock::time_point deadline) {
    Fd s;
    if (auto connected = connect_to(t, deadline, s); !connected.ok()) return connected;
    if (auto out = write_all(s.fd, bytes, deadline, true); !out.ok()) return out;
    ::shutdown(s.fd, SHUT_WR);  // the printer sees the end of the job
    return {};
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<PrinterTarget> parse_printer_target(std::string_view text) {
    if (text.empty()) return std::nullopt;
    PrinterTarget t;
    if (text.find('/') != std::string_view::npos) {
        t.kind = text.starts_with("/dev/") ? PrinterTarget::Kind::Device : PrinterTarget::Kind::File;
        t.path = std::string(text);
        return t;
    }
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        t.path = std::string(text);  // a file name in the working directory
        return t;
    }
    std::string_view host = text.substr(0, colon);
    const std::string_view port = text.substr(colon + 1);
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']') return std::nullopt;
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string_view::npos) {
        return std::nullopt;  // an IPv6 address needs brackets
    }
    int number = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (!all_digits(port) || ec != std::errc{} || end != port.data() + port.size() || number < 1 || number > 65535)
        return std::nullopt;
    t.kind = PrinterTarget::Kind::Network;
    t.host = std::string(host);
    t.port = number;
    return t;
}

std::string_view printer_problem_name(PrinterProblem p) {
    switch (p) {
        case PrinterProblem::NotConfigured: return "not_configured";
        case PrinterProblem::BadTarget: return "bad_target";
        case PrinterProblem::Missing: return "missing";
        case PrinterProblem::NotWritable: return "not_writable";
        case PrinterProblem::Unreachable: return "unreachable";
        case PrinterProblem::Timeout: return "timeout";
        case PrinterProblem::WriteFailed: return "write_failed";
        case PrinterProblem::PaperOut: return "paper_out";
    }
    return "write_failed";
}

PrintOutcome send_to_printer(const PrinterTarget& target, std::string_view bytes, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    if (target.kind == PrinterTarget::Kind::Network) return to_network(target, bytes, deadline);
    return to_path(target, bytes, deadline);
}

PrintOutcome send_to_printer(std::string_view text, std::string_view bytes, std::chrono::milliseconds timeout) {
    if (text.empty()) return fail(PrinterProblem::NotConfigured);
    const auto target = parse_printer_target(text);
    if (!target) return fail(PrinterProblem::BadTarget);
    return send_to_printer(*target, bytes, timeout);
}

}  // namespace desa::print
