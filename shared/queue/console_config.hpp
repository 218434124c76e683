#pragma once
// The [console] table of kiosk.toml: the counter console, a web page the kiosk serves on the hall's
// LAN for the staff at each counter. Without the table the console is off.
//
//   [console]
//   listen = "192.168.1.10:8080"    # the kiosk's LAN address and a port
//   allow_all_interfaces = false    # true allows 0.0.0.0 and addresses outside private ranges
//   max_attempts = 5                # wrong PINs in a row before a counter is locked (3..10)
//   lockout_s = 300                 # how long it stays locked (30..86400)
//   [[console.counter]]
//   number = 1                      # a counter (loket) that serves a [[queue.service]]
//   pin_hash = "$argon2id$v=19$..." # from `desa-kiosk hash-pin`
//
// By default the console is kept to the LAN: it binds to one private (RFC 1918), loopback or
// link-local IPv4 address, never 0.0.0.0, and answers only clients from such addresses.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_problem.hpp"
#include "queue/queue_config.hpp"

namespace desa::queue {

struct CounterLogin {
    int counter = 0;        // 1..99
    std::string pin_hash;   // Argon2id
};

struct ListenAddress {
    std::string host;  // dotted IPv4
    int port = 0;      // 0 = any free port (tests, `console --listen 127.0.0.1:0`)
};

struct ConsoleConfig {
    bool enabled = false;  // [console] present
    ListenAddress listen;
    bool allow_all_interfaces = false;
    int max_attempts = 5;
    int lockout_s = 300;
    std::vector<CounterLogin> counters;
};

struct ConsoleConfigLoad {
    std::optional<ConsoleConfig> config;  // set only when problems is empty
    std::vector<config::ConfigProblem> problems;
};

// `console` is the [console] table; counters are checked against the services of `queue`.
ConsoleConfigLoad parse_console_config(const toml::table& console, const QueueConfig& queue,
                                       std::string_view file_label);

// "192.168.1.10:8080" -> host and port (0..65535); nullopt unless a dotted IPv4 address and a port.
std::optional<ListenAddress> parse_listen_address(std::string_view text);
// 10/8, 172.16/12, 192.168/16, 127/8 and 169.254/16: addresses that stay inside the hall's LAN.
bool is_lan_address(std::string_view ipv4);
// Why `address` may not be used ("" when it may): 0.0.0.0 or a non-LAN address without
// allow_all_interfaces.
std::string listen_refusal(const ListenAddress& address, bool allow_all_interfaces);

}  // namespace desa::queue
