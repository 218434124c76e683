#pragma once
// The office's services as the hub publishes them (docs/sync-protocol.md, "The queue services
// channel"): per village a channel queue_services_<village digits> whose one file
// queue-services.toml has the shape of kiosk.toml's [queue] services:
//
//   [[queue.service]]
//   id = "domisili"
//   ...                     # exactly the keys of queue_config.hpp; no timezone (the kiosk's own)
//
// The kiosk installs a valid file as <data>/queue-services.toml and then uses those services
// instead of kiosk.toml's. Tickets already issued keep their numbers (numbering continues per
// prefix and day), and a service the hub removed while tickets of today still wait for it stays
// callable at its counters ("withdrawn"), only taking no new tickets.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_problem.hpp"
#include "queue/queue_config.hpp"
#include "storage/database.hpp"

namespace desa::queue {

inline constexpr std::string_view kHubServicesFile = "queue-services.toml";
inline constexpr std::string_view kHubServicesPrevious = "queue-services.previous.toml";
inline constexpr std::size_t kMaxHubServicesBytes = 64 * 1024;

// "18.01.04.2001" -> "queue_services_1801042001" (sync::is_channel_name).
std::string hub_services_channel(std::string_view village_code);

struct HubServicesLoad {
    std::optional<std::vector<Service>> services;  // set only when problems is empty
    std::vector<config::ConfigProblem> problems;
};

// The file's text, checked with the kiosk's own [queue] parser; problems name the key
// ("queue.service[1].prefix"). A timezone or any other top-level table is refused.
HubServicesLoad parse_hub_services(std::string_view toml_text, std::string_view file_label);
HubServicesLoad read_hub_services(const std::filesystem::path& file);

// "queue.service[0].prefix: unknown_value (\"a\"; expected one letter A-Z)" for logs and the hub CLI.
std::string problem_line(const config::ConfigProblem&);

// The channel's apply step: validates <version dir>/queue-services.toml and puts it in place as
// <data>/queue-services.toml (the one in use before kept as queue-services.previous.toml), written
// whole (fsync, rename). nullopt on success, else the reason; the old file then stays in use.
std::optional<std::string> install_hub_services(const std::filesystem::path& data_dir,
                                                const std::filesystem::path& version_dir);

// The services the office runs now: the hub's when <data>/queue-services.toml is valid, kiosk.toml's
// otherwise, plus, withdrawn, every service with tickets of today still waiting, called or
// serving that the list lacks (its definition from the previous hub file or kiosk.toml; unknown:
// callable at every counter).
QueueConfig effective_queue_config(const QueueConfig& configured, const std::filesystem::path& data_dir,
                                   storage::Database& db, std::int64_t now);

}  // namespace desa::queue
