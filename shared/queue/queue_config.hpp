#pragma once
// The [queue] table of kiosk.toml: the office's time zone and its services as [[queue.service]].
// Problems are reported per key in kiosk_config's style ("queue.service[1].prefix"), all at once.
//
//   [queue]
//   timezone = "WIB"                  # WIB (default), WITA or WIT
//   [[queue.service]]
//   id = "domisili"
//   name_id = "Surat Keterangan Domisili"
//   name_en = "Certificate of domicile"
//   prefix = "A"
//   counters = [1, 2]
//   daily_quota = 80                  # 1..999, default 999
//   priority_lane = true              # default false
//   [queue.service.hours]             # a day left out is closed
//   mon = "08:00-12:00,13:00-15:00"
//   fri = "08:00-11:00"
//   sat = "closed"
#include <optional>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/config_problem.hpp"
#include "queue/service.hpp"

namespace desa::queue {

struct QueueConfig {
    int utc_offset_s = kWibOffsetSeconds;
    std::vector<Service> services;
};

struct QueueConfigLoad {
    std::optional<QueueConfig> config;  // set only when problems is empty
    std::vector<config::ConfigProblem> problems;
};

// `queue` is the [queue] table of the parsed kiosk.toml; keys are reported under "queue.".
// Its keys other than timezone and service are reported as unknown.
QueueConfigLoad parse_queue_config(const toml::table& queue, std::string_view file_label);

}  // namespace desa::queue
