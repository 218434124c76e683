#pragma once
// A service of the village office that residents queue for (surat domisili, pengantar KTP/KK,
// SKTM, ...): which counters serve it, when it is open, how many tickets a day it takes, and
// whether the priority lane (lansia, disabilitas, ibu hamil) applies.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "queue/local_time.hpp"

namespace desa::queue {

struct TimeRange {
    int from_minute = 0;   // minutes after local midnight, inclusive
    int until_minute = 0;  // exclusive; 1440 for "24:00"
};

struct Service {
    std::string id;                               // [a-z0-9_-], 1..32: stable, used in QR payloads and statistics
    std::string name_id;                          // Indonesian name (required)
    std::string name_en;                          // English name; empty falls back to name_id
    char prefix = 'A';                            // ticket numbers "A001".."A999"; unique among services
    std::vector<int> counters;                    // loket numbers 1..99 that serve this service
    std::array<std::vector<TimeRange>, 7> hours;  // Monday first; empty = closed that day
    int daily_quota = 999;                        // tickets a day, at most 999 (three digits)
    bool priority_lane = false;
    // Removed by the hub (queue/hub_services.hpp) while tickets of today still wait for it: those
    // stay callable at its counters, but it takes no new tickets and is not offered to residents.
    bool withdrawn = false;
};

inline constexpr int kMaxTicketsPerDay = 999;

bool is_open(const Service&, Weekday, int minute_of_day);
bool serves(const Service&, int counter);
bool valid_service_id(std::string_view id);
const Service* find_service(const std::vector<Service>&, std::string_view id);

// "08:00-12:00,13:00-15:30" -> ranges; nullopt unless every range is HH:MM-HH:MM with from < until,
// in order and not overlapping. "closed" -> empty list.
std::optional<std::vector<TimeRange>> parse_opening_hours(std::string_view text);
std::string format_opening_hours(const std::vector<TimeRange>&);  // "closed" for none

}  // namespace desa::queue
