#include "print/printer_status.hpp"

#include <fcntl.h>
#include <linux/lp.h>
#include <netdb.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string>

namespace desa::print {
namespace {

using Clock = std::chrono::steady_clock;

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

int millis_left(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
}

// Waits for `events` on fd until the deadline; false on timeout or error.
bool wait_for(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, millis_left(deadline));
        if (r > 0) return (p.revents & events) != 0;
        if (r == 0 || errno != EINTR) return false;
    }
}

// A connected non-blocking socket, or -1.
int connect_within(const PrinterTarget& t, Clock::time_point deadline) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (::getaddrinfo(t.host.c_str(), std::to_string(t.port).c_str(), &hints, &found) != 0) return -1;
    int connected = -1;
    for (addrinfo* a = found; a != nullptr && connected < 0; a = a->ai_next) {
        Fd s{::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol)};
        if (s.fd < 0) continue;
        if (::connect(s.fd, a->ai_addr, a->ai_addrlen) != 0) {
            if (errno != EINPROGRESS || !wait_for(s.fd, POLLOUT, deadline)) continue;
            int error = 0;
            socklen_t len = sizeof error;
            if (::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &len) != 0 || error != 0) continue;
        }
        connected = s.fd;
        s.fd = -1;
    }
    ::freeaddrinfo(found);
    return connected;
}

PaperStatus network_status(const PrinterTarget& t, Clock::time_point deadline) {
    Fd s{connect_within(t, deadline)};
    if (s.fd < 0) return PaperStatus::Unknown;  // the job's own attempt reports why
    const std::string_view request(kPaperStatusRequest, sizeof kPaperStatusRequest);
    if (::send(s.fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
        return PaperStatus::Unknown;
    if (!wait_for(s.fd, POLLIN, deadline)) return PaperStatus::Unknown;
    std::uint8_t answer = 0;
    if (::recv(s.fd, &answer, 1, 0) != 1) return PaperStatus::Unknown;
    return read_paper_status_byte(answer).value_or(PaperStatus::Unknown);
}

PaperStatus device_status(const PrinterTarget& t) {
    // Non-blocking: a busy printer must not hold the kiosk here either.
    Fd f{::open(t.path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
    if (f.fd < 0) return PaperStatus::Unknown;
    int status = 0;
    if (::ioctl(f.fd, LPGETSTATUS, &status) != 0) return PaperStatus::Unknown;  // not a usblp printer
    return (status & LP_POUTPA) != 0 ? PaperStatus::Out : PaperStatus::Present;
}

}  // namespace

std::optional<PaperStatus> read_paper_status_byte(std::uint8_t answer) {
    if ((answer & 0x93) != 0x12) return std::nullopt;
    return (answer & 0x60) != 0 ? PaperStatus::Out : PaperStatus::Present;
}

PaperStatus paper_status(const PrinterTarget& target, std::chrono::milliseconds wait) {
    switch (target.kind) {
        case PrinterTarget::Kind::Network: return network_status(target, Clock::now() + wait);
        case PrinterTarget::Kind::Device: return device_status(target);
        case PrinterTarget::Kind::File: break;
    }
    return PaperStatus::Unknown;
}

PrintOutcome print_checking_paper(std::string_view text, std::string_view bytes, std::chrono::milliseconds timeout) {
    if (text.empty()) return {PrinterProblem::NotConfigured, {}};
    const auto target = parse_printer_target(text);
    if (!target) return {PrinterProblem::BadTarget, {}};
    const auto start = Clock::now();
    if (paper_status(*target, std::min(kStatusWait, timeout)) == PaperStatus::Out)
        return {PrinterProblem::PaperOut, "the printer reports no paper"};
    const auto spent = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    return send_to_printer(*target, bytes, std::max(std::chrono::milliseconds(1), timeout - spent));
}

}  // namespace desa::print
