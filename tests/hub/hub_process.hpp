#pragma once
// The real desa-hub binary for tests: one-shot commands (exit code, stdout, stderr) and a
// `desa-hub serve` process on 127.0.0.1 with a free port, stopped with SIGTERM at the end. And a
// minimal kiosk side of the protocol (signing with shared/sync/protocol.hpp) to talk to it.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "shared/test_support.hpp"
#include "sync/protocol.hpp"

namespace desa::hub::test {

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
    nlohmann::json json() const { return nlohmann::json::parse(out); }
};

inline pid_t spawn(const std::vector<std::string>& args, int out_fd, int err_fd) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(DESA_HUB_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        ::execv(DESA_HUB_BINARY, argv.data());
        ::_exit(127);
    }
    return pid;
}

// Runs `desa-hub ARGS...` to completion.
inline CommandResult run_hub(const std::vector<std::string>& args) {
    desa::test::TempDir tmp;
    const auto out_path = tmp / "out", err_path = tmp / "err";
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const pid_t pid = spawn(args, out_fd, err_fd);
    ::close(out_fd);
    ::close(err_fd);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = desa::test::read_file(out_path);
    r.err = desa::test::read_file(err_path);
    return r;
}

// `desa-hub serve --listen 127.0.0.1:0 ARGS...`; the constructor returns once the port is known.
// `listen` names a port instead (a hub restarted where its kiosks know it).
class HubProcess {
public:
    explicit HubProcess(const std::vector<std::string>& args, const std::string& listen = "127.0.0.1:0") {
        int pipe_fds[2];
        if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
        err_path_ = log_dir_ / "serve.err";
        const int err_fd = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        std::vector<std::string> full{"serve", "--listen", listen};
        full.insert(full.end(), args.begin(), args.end());
        pid_ = spawn(full, pipe_fds[1], err_fd);
        ::close(pipe_fds[1]);
        ::close(err_fd);
        std::string line;
        char c;
        while (::read(pipe_fds[0], &c, 1) == 1 && c != '\n') line += c;
        ::close(pipe_fds[0]);
        const std::string prefix = "listening on 127.0.0.1:";
        if (!line.starts_with(prefix)) {
            stop();
            throw std::runtime_error("desa-hub serve did not start: '" + line + "' " + stderr_text());
        }
        port_ = std::stoi(line.substr(prefix.size()));
    }
    ~HubProcess() { stop(); }
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string stderr_text() const {
        try {
            return desa::test::read_file(err_path_);
        } catch (...) {
            return {};
        }
    }
    // SIGTERM and wait; the exit code (0 for a clean stop).
    int stop() {
        if (pid_ <= 0) return exit_code_;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

private:
    desa::test::TempDir log_dir_;
    std::filesystem::path err_path_;
    pid_t pid_ = -1;
    int port_ = 0;
    int exit_code_ = -1;
};

// The kiosk's half of the protocol, just enough to exercise the hub.
struct TestKiosk {
    sync::SignKeyPair key = sync::make_sign_key_pair();
    std::string id;
    std::int64_t clock_offset = 0;  // added to the real time in X-Desa-Time

    httplib::Headers sign(const std::string& method, const std::string& target, const std::string& body,
                          const std::string& nonce = sync::random_nonce_hex()) const {
        const std::int64_t t = static_cast<std::int64_t>(std::time(nullptr)) + clock_offset;
        return {{"X-Desa-Kiosk", id},
                {"X-Desa-Time", std::to_string(t)},
                {"X-Desa-Nonce", nonce},
                {"X-Desa-Signature", sync::sign_text(sync::request_text(method, target, t, nonce, body), key.secret_key)}};
    }
};

}  // namespace desa::hub::test
