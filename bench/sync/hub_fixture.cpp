#include "hub_fixture.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "db/sql_db.hpp"

namespace desa::bench_sync {
namespace {

// fork + exec with stdout on a pipe (returned) and stderr appended to `log`.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log, int& out_fd) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (err >= 0) dup2(err, STDERR_FILENO);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    out_fd = fds[0];
    return pid;
}

// Reads stdout lines until one matches "listening on 127.0.0.1:PORT" (30 s at most).
int wait_for_port(int fd, const std::string& what, const fs::path& log) {
    static const std::regex listening(R"(listening on 127\.0\.0\.1:(\d+))");
    std::string seen;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) continue;
        char buffer[512];
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n <= 0) break;
        seen.append(buffer, static_cast<std::size_t>(n));
        std::smatch m;
        if (std::regex_search(seen, m, listening)) return std::stoi(m[1].str());
    }
    throw std::runtime_error(what + " did not start (see " + log.string() + ")");
}

void stop_child(pid_t& pid, int& fd) {
    if (pid > 0) {
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
    }
    if (fd >= 0) {
        close(fd);
        fd = -1;
    }
}

// postgresql://user@host:port/postgres -> the same URL naming database `name`.
std::string with_database(const std::string& url, const std::string& name) {
    const auto slash = url.rfind('/');
    if (slash == std::string::npos || slash < url.find("://") + 3) return url + "/" + name;
    return url.substr(0, slash + 1) + name;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const fs::path& log) {
    int fd = -1;
    const pid_t pid = spawn(argv, log, fd);
    CommandResult r;
    char buffer[65536];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) r.out.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR) break;
    }
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string hub_cli(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url,
                    std::vector<std::string> args) {
    std::vector<std::string> argv{env.hub_bin.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--data-dir", data_dir.string(), "--db", db_url});
    const auto r = run_command(argv, env.log);
    if (r.exit_code != 0) {
        std::string shown;
        for (const auto& a : args) shown += a + " ";
        throw std::runtime_error("desa-hub " + shown + "failed with " + std::to_string(r.exit_code) + " (see " +
                                 env.log.string() + ")");
    }
    return r.out;
}

std::string fresh_db_url(const BenchEnv& env, const fs::path& data_dir, const std::string& name) {
    if (env.pg_admin_url.empty()) {
        fs::create_directories(data_dir);
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(data_dir / ("hub.db" + std::string(suffix)));
        return "sqlite:" + (data_dir / "hub.db").string();
    }
    auto admin = hub::open_sql_db(env.pg_admin_url);
    admin->execute("DROP DATABASE IF EXISTS " + name);
    admin->execute("CREATE DATABASE " + name);
    return with_database(env.pg_admin_url, name);
}

std::int64_t db_size_bytes(const std::string& db_url) {
    if (db_url.starts_with("sqlite:")) {
        const std::string path = db_url.substr(7);
        std::int64_t total = 0;
        for (const char* suffix : {"", "-wal"}) {
            std::error_code ec;
            const auto n = fs::file_size(path + suffix, ec);
            if (!ec) total += static_cast<std::int64_t>(n);
        }
        return total;
    }
    auto db = hub::open_sql_db(db_url);
    const auto rows = db->query("SELECT pg_database_size(current_database())");
    return rows.empty() ? 0 : rows[0].int64(0);
}

std::string backend_name(const std::string& db_url) {
    return db_url.starts_with("sqlite:") ? "sqlite" : "postgresql";
}

void init_hub_data(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url,
                   const std::optional<fs::path>& regions_csv) {
    fs::create_directories(data_dir);
    fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace);
    hub_cli(env, data_dir, db_url, {"keys", "init"});
    if (regions_csv) hub_cli(env, data_dir, db_url, {"regions", "import", regions_csv->string()});
}

HubProcess::HubProcess(const BenchEnv& env, const fs::path& data_dir, const std::string& db_url, int threads) {
    pid_ = spawn({env.hub_bin.string(), "serve", "--data-dir", data_dir.string(), "--db", db_url, "--listen",
                  "127.0.0.1:0", "--threads", std::to_string(threads)},
                 env.log, out_fd_);
    try {
        port_ = wait_for_port(out_fd_, "desa-hub serve", env.log);
    } catch (...) {
        stop_child(pid_, out_fd_);
        throw;
    }
    url_ = "http://127.0.0.1:" + std::to_string(port_);
}

HubProcess::~HubProcess() { stop_child(pid_, out_fd_); }

double HubProcess::cpu_seconds() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close_paren = text.rfind(')');  // the command name may hold spaces
    if (close_paren == std::string::npos) return 0;
    std::istringstream fields(text.substr(close_paren + 2));
    std::string f;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {  // fields 14 and 15: utime, stime in ticks
        if (i == 14) utime = std::stod(f);
        if (i == 15) stime = std::stod(f);
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

FaultProxy::FaultProxy(const BenchEnv& env, int upstream_port, const fs::path& plan, const fs::path& log) {
    pid_ = spawn({"/usr/bin/python3", env.proxy_script.string(), "--upstream", "127.0.0.1:" + std::to_string(upstream_port),
                  "--plan", plan.string(), "--log", log.string()},
                 env.log, out_fd_);
    try {
        url_ = "http://127.0.0.1:" + std::to_string(wait_for_port(out_fd_, "fault_proxy.py", env.log));
    } catch (...) {
        stop_child(pid_, out_fd_);
        throw;
    }
}

FaultProxy::~FaultProxy() { stop_child(pid_, out_fd_); }

std::string enrol_code(const BenchEnv& env, const fs::path& hub_data, const std::string& db_url,
                       const std::string& village) {
    const auto out = hub_cli(env, hub_data, db_url, {"kiosk", "enroll", "--village", village, "--json"});
    const auto j = nlohmann::json::parse(out, nullptr, false);
    if (!j.is_object() || !j.contains("code") || !j["code"].is_string())
        throw std::runtime_error("desa-hub kiosk enroll --json printed no code");
    return j["code"].get<std::string>();
}

double process_cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

std::string human_bytes(std::int64_t bytes) {
    char text[32];
    const double b = static_cast<double>(bytes);
    if (bytes < 10'000) std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
    else if (bytes < 10'000'000) std::snprintf(text, sizeof text, "%.1f kB", b / 1e3);
    else std::snprintf(text, sizeof text, "%.1f MB", b / 1e6);
    return text;
}

}  // namespace desa::bench_sync
