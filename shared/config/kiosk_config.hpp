#pragma once
// kiosk.toml: what one kiosk is (its village), what it offers, and how it behaves when idle.
// A bad file names the file, key and problem, and the kiosk refuses to start with it.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_problem.hpp"
#include "i18n/catalog.hpp"
#include "queue/console_config.hpp"
#include "queue/queue_config.hpp"
#include "regions/region_registry.hpp"
#include "voice/board_config.hpp"

namespace desa::config {

struct Slide {
    std::string title_id, title_en;  // Indonesian required, English optional (falls back)
    std::string body_id, body_en;
};

struct Modules {
    bool lessons = true, library = true, queue = true, aspirations = true;
};

// The library desk: lending rules and the librarian's PIN (no PIN: the desk is not offered).
struct LibraryConfig {
    std::string librarian_pin_hash;  // Argon2id string from `desa-kiosk hash-pin`, or empty
    int loan_days = 14;              // a loan is due this many days after check-out
    int max_loans = 3;               // books one member may have at once
    int max_renewals = 1;            // times one loan may be renewed
};

// The largest photo an aspiration may carry. Its outbox record (the photo sealed, in base64 inside
// the JSON payload: 4/3 of its size) must fit one outbox batch of 1 MiB (docs/sync-protocol.md),
// which the hub will not exceed even for a single record: a larger photo could never be sent.
inline constexpr int kMaxPhotoKb = 700;

// Aspirations: abuse limits. Personal data is sealed to KioskConfig::province_public_key.
struct AspirationsConfig {
    int max_per_minute = 3;     // submissions accepted per kiosk per minute
    int max_photo_kb = 400;     // a photo larger than this (after the camera's JPEG) is refused
};

// [sync]: how often an enrolled kiosk syncs with the hub (the worker adds ±20 % jitter).
struct SyncConfig {
    int interval_minutes = 15;
};

struct KioskConfig {
    std::string village_code;  // a desa/kelurahan code known to the region registry
    i18n::Language default_language = i18n::Language::Indonesian;
    std::vector<i18n::Language> languages{i18n::Language::Indonesian, i18n::Language::English};
    Modules modules;

    int idle_reset_after_s = 90;    // no touch for this long: wipe forms, back to home
    int idle_warn_before_s = 15;    // "are you still there?" shown this long before the reset
    int attract_after_s = 120;      // no touch for this long: attract screen
    int slide_seconds = 8;
    std::vector<Slide> slides;
    std::string running_text_id, running_text_en;

    std::string admin_pin_hash;     // Argon2id string from `desa-kiosk hash-pin`
    int admin_max_attempts = 5;
    int admin_lockout_s = 300;
    LibraryConfig library;
    // The province's X25519 public key (base64, 32 bytes): personal data is sealed to it before
    // it touches disk. Without one, only anonymous aspirations are offered.
    std::string province_public_key;
    AspirationsConfig aspirations;
    SyncConfig sync;
    // Thermal receipt printer (ESC/POS): a device such as /dev/usb/lp0, a file, or host:9100;
    // empty = no printer.
    std::string printer;
    // [camera] device: a V4L2 camera (/dev/videoN) for the scan buttons and the live preview;
    // empty = none (the kiosk offers typing). `--camera FOLDER` replaces it (tests, demos).
    std::string camera_device;
    // [queue]: the office's services residents take tickets for. Without the table: no services.
    queue::QueueConfig queue;
    // [console]: the counter console on the hall's LAN (kiosk/console). Without the table: off.
    queue::ConsoleConfig console;
    // [board]: the display board's voice and layout (`desa-kiosk --role display`).
    voice::BoardConfig board;
};

// "kiosk.toml: idle.reset_after_s: <translated problem> (<detail>)" in the requested language,
// using catalogue ids "config.problem.<kind>".
std::string describe(const ConfigProblem&, const i18n::Catalog&, i18n::Language);

struct ConfigLoad {
    std::optional<KioskConfig> config;  // set only when problems is empty
    std::vector<ConfigProblem> problems;
};

ConfigLoad parse_kiosk_config(std::string_view toml_text, std::string_view file_label,
                              const regions::RegionRegistry& regions);
ConfigLoad load_kiosk_config(const std::filesystem::path& file,
                             const regions::RegionRegistry& regions);

}  // namespace desa::config
