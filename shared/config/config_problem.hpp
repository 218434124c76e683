#pragma once
// A problem found in a configuration file, reported with its file and dotted key. Its own header
// so that sections parsed elsewhere (queue/queue_config) report like kiosk_config without
// including it (kiosk_config includes them).
#include <string>

namespace desa::config {

enum class ProblemKind {
    Syntax,         // TOML syntax error (detail: parser message, line)
    Missing,        // required key absent
    WrongType,      // detail: expected type
    OutOfRange,     // detail: allowed range
    UnknownValue,   // detail: the value and what is allowed
    UnknownKey,     // a key we do not know (likely a typo)
    UnknownVillage, // village code not in the region registry, or not a desa/kelurahan
    Inconsistent,   // e.g. warn_before >= reset_after, default language not in languages
    Unreadable,     // file cannot be read
};

struct ConfigProblem {
    std::string file;  // path as given
    std::string key;   // dotted key, e.g. "idle.reset_after_s"; empty for file-level problems
    ProblemKind kind;
    std::string detail;  // machine-independent detail (values, ranges), not translated
};

}  // namespace desa::config
