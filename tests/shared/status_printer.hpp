#pragma once
// A thermal printer on the loopback for the print tests: it answers the paper status request
// (DLE EOT 4, print/printer_status.hpp) with a chosen byte, or never, and keeps every other byte.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "print/printer_status.hpp"

namespace desa::test {

// A network printer on the loopback that answers the paper status request (DLE EOT 4) with
// `status` (or never, with nullopt) and keeps every other byte it receives, per connection.
struct StatusPrinter {
    int listener = -1;
    int port = 0;
    std::atomic<int> status;  // the answer byte, or -1: never answers
    std::atomic<int> then{-2};  // when set (not -2), `status` becomes this after one answer (paper loaded)
    std::mutex lock;
    std::string job;  // the bytes after any status request
    int status_requests = 0;
    std::atomic<bool> stop{false};
    std::thread thread;

    explicit StatusPrinter(std::optional<std::uint8_t> answer) : status(answer ? *answer : -1) {
        listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listener, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener, 4) != 0)
            throw std::runtime_error("fake printer: cannot listen");
        socklen_t len = sizeof a;
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        thread = std::thread([this] {
            while (!stop) {
                const int c = ::accept(listener, nullptr, nullptr);
                if (c < 0) return;
                std::string got;
                char buf[4096];
                for (ssize_t n; (n = ::read(c, buf, sizeof buf)) > 0;) {
                    got.append(buf, static_cast<std::size_t>(n));
                    if (got.starts_with(std::string_view(print::kPaperStatusRequest, 3))) {
                        got.erase(0, 3);
                        std::lock_guard g(lock);
                        ++status_requests;
                        if (status >= 0) {
                            const char answer = static_cast<char>(status.load());
                            (void)::write(c, &answer, 1);
                            if (then != -2) status = then.load();
                        }
                    }
                }
                ::close(c);
                std::lock_guard g(lock);
                job += got;
            }
        });
    }
    ~StatusPrinter() {
        stop = true;
        ::shutdown(listener, SHUT_RDWR);
        ::close(listener);
        thread.join();
    }
    std::string target() const { return "127.0.0.1:" + std::to_string(port); }
    // What arrived, once `expected` bytes did (or after two seconds).
    std::string received(std::size_t expected = 0) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2000);
        for (;;) {
            {
                std::lock_guard g(lock);
                if ((expected > 0 && job.size() >= expected) || std::chrono::steady_clock::now() > until) return job;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(expected > 0 ? 5 : 100));
            if (expected == 0) {
                std::lock_guard g(lock);
                return job;
            }
        }
    }
};

}  // namespace desa::test
