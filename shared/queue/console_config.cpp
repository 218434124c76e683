#include "queue/console_config.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "config/toml_type_name.hpp"
#include "security/admin_pin.hpp"

namespace desa::queue {

namespace {

using config::ConfigProblem;
using config::ProblemKind;

struct Problems {
    std::string file;
    std::vector<ConfigProblem>& list;

    void add(std::string key, ProblemKind kind, std::string detail = {}) {
        list.push_back(ConfigProblem{file, std::move(key), kind, std::move(detail)});
    }
    void wrong_type(std::string key, std::string_view expected, const toml::node& got) {
        add(std::move(key), ProblemKind::WrongType,
            "expected " + std::string(expected) + ", got " + config::toml_type_name(got.type()));
    }
    void reject_unknown(const toml::table& t, const std::string& prefix,
                        std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : t)
            if (std::find(known.begin(), known.end(), key.str()) == known.end())
                add(prefix + "." + std::string(key.str()), ProblemKind::UnknownKey);
    }
    std::optional<std::int64_t> integer(const toml::table& t, const std::string& key, std::string_view name,
                                        std::int64_t min, std::int64_t max) {
        const toml::node* node = t.get(name);
        if (node == nullptr) return std::nullopt;
        const auto* i = node->as_integer();
        if (i == nullptr) {
            wrong_type(key, "integer", *node);
            return std::nullopt;
        }
        if (i->get() < min || i->get() > max) {
            add(key, ProblemKind::OutOfRange,
                "allowed " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(i->get()));
            return std::nullopt;
        }
        return i->get();
    }
};

std::optional<std::array<int, 4>> ipv4_octets(std::string_view text) {
    std::array<int, 4> octets{};
    std::size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
        if (i > 0) {
            if (pos >= text.size() || text[pos] != '.') return std::nullopt;
            ++pos;
        }
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        // 1..3 digits, no leading zero (inet_aton would read 010 as octal).
        if (pos == start || pos - start > 3 || (pos - start > 1 && text[start] == '0')) return std::nullopt;
        int value = 0;
        std::from_chars(text.data() + start, text.data() + pos, value);
        if (value > 255) return std::nullopt;
        octets[static_cast<std::size_t>(i)] = value;
    }
    if (pos != text.size()) return std::nullopt;
    return octets;
}

void read_counters(Problems& p, const toml::table& console, const QueueConfig& queue, ConsoleConfig& cfg) {
    const toml::node* node = console.get("counter");
    if (node == nullptr) {
        p.add("console.counter", ProblemKind::Missing, "at least one [[console.counter]] with number and pin_hash");
        return;
    }
    const toml::array* list = node->as_array();
    if (list == nullptr || !list->is_array_of_tables() || list->empty()) {
        p.wrong_type("console.counter", "array of tables ([[console.counter]])", *node);
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string prefix = "console.counter[" + std::to_string(i) + "]";
        const toml::table& t = *list->get(i)->as_table();
        p.reject_unknown(t, prefix, {"number", "pin_hash"});
        CounterLogin login;
        if (t.get("number") == nullptr) p.add(prefix + ".number", ProblemKind::Missing);
        if (auto n = p.integer(t, prefix + ".number", "number", 1, 99)) {
            login.counter = static_cast<int>(*n);
            const bool served = std::any_of(queue.services.begin(), queue.services.end(),
                                            [&](const Service& s) { return serves(s, login.counter); });
            const bool twice = std::any_of(cfg.counters.begin(), cfg.counters.end(),
                                           [&](const CounterLogin& c) { return c.counter == login.counter; });
            if (!served) {
                p.add(prefix + ".number", ProblemKind::Inconsistent,
                      "no [[queue.service]] is served at counter " + std::to_string(login.counter));
                login.counter = 0;
            } else if (twice) {
                p.add(prefix + ".number", ProblemKind::Inconsistent,
                      "counter " + std::to_string(login.counter) + " is listed twice");
                login.counter = 0;
            }
        }
        // The hash never appears in a problem's detail: problems are shown on screen and logged.
        const toml::node* hash = t.get("pin_hash");
        if (hash == nullptr) {
            p.add(prefix + ".pin_hash", ProblemKind::Missing);
        } else if (hash->as_string() == nullptr) {
            p.wrong_type(prefix + ".pin_hash", "string", *hash);
        } else if (!security::looks_like_argon2id_hash(hash->as_string()->get())) {
            p.add(prefix + ".pin_hash", ProblemKind::UnknownValue,
                  "expected an Argon2id hash ($argon2id$v=19$...) made by `desa-kiosk hash-pin`");
        } else {
            login.pin_hash = hash->as_string()->get();
        }
        if (login.counter != 0 && !login.pin_hash.empty()) cfg.counters.push_back(std::move(login));
    }
}

}  // namespace

std::optional<ListenAddress> parse_listen_address(std::string_view text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view host = text.substr(0, colon), port = text.substr(colon + 1);
    if (!ipv4_octets(host) || port.empty() || port.size() > 5) return std::nullopt;
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value < 0 || value > 65535) return std::nullopt;
    return ListenAddress{std::string(host), value};
}

bool is_lan_address(std::string_view ipv4) {
    const auto o = ipv4_octets(ipv4);
    if (!o) return false;
    const auto [a, b, c, d] = *o;
    (void)c;
    (void)d;
    return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || a == 127 ||
           (a == 169 && b == 254);
}

std::string listen_refusal(const ListenAddress& address, bool allow_all_interfaces) {
    if (allow_all_interfaces) return {};
    if (address.host == "0.0.0.0")
        return "0.0.0.0 would expose the console on every network of the kiosk; give its LAN address "
               "(e.g. 192.168.1.10) or set allow_all_interfaces = true";
    if (!is_lan_address(address.host))
        return address.host + " is not a LAN address (10/8, 172.16/12, 192.168/16, 127/8, 169.254/16); "
                              "set allow_all_interfaces = true to use it anyway";
    return {};
}

ConsoleConfigLoad parse_console_config(const toml::table& console, const QueueConfig& queue,
                                       std::string_view file_label) {
    ConsoleConfigLoad result;
    Problems p{std::string(file_label), result.problems};
    ConsoleConfig cfg;
    cfg.enabled = true;
    p.reject_unknown(console, "console", {"listen", "allow_all_interfaces", "max_attempts", "lockout_s", "counter"});

    if (const toml::node* n = console.get("allow_all_interfaces")) {
        if (const auto* b = n->as_boolean())
            cfg.allow_all_interfaces = b->get();
        else
            p.wrong_type("console.allow_all_interfaces", "boolean", *n);
    }
    const toml::node* listen = console.get("listen");
    if (listen == nullptr) {
        p.add("console.listen", ProblemKind::Missing, "the kiosk's LAN address and port, e.g. \"192.168.1.10:8080\"");
    } else if (listen->as_string() == nullptr) {
        p.wrong_type("console.listen", "string", *listen);
    } else if (auto address = parse_listen_address(listen->as_string()->get()); !address || address->port == 0) {
        p.add("console.listen", ProblemKind::UnknownValue,
              "\"" + listen->as_string()->get() + "\"; expected IPv4:port with port 1-65535, e.g. \"192.168.1.10:8080\"");
    } else if (const std::string why = listen_refusal(*address, cfg.allow_all_interfaces); !why.empty()) {
        p.add("console.listen", ProblemKind::Inconsistent, why);
    } else {
        cfg.listen = *address;
    }
    if (auto v = p.integer(console, "console.max_attempts", "max_attempts", 3, 10)) cfg.max_attempts = static_cast<int>(*v);
    if (auto v = p.integer(console, "console.lockout_s", "lockout_s", 30, 86400)) cfg.lockout_s = static_cast<int>(*v);
    read_counters(p, console, queue, cfg);

    if (result.problems.empty()) result.config = std::move(cfg);
    return result;
}

}  // namespace desa::queue
