#pragma once
// Everything the kiosk loads once at start: where its files are, its validated configuration, the
// region registry, the UI text catalogues and its database. Loading fails with one clear,
// translated message rather than starting half-configured.
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "config/kiosk_config.hpp"
#include "i18n/catalog.hpp"
#include "lessons/lesson_library.hpp"
#include "regions/region_registry.hpp"
#include "scan/barcode_scan.hpp"
#include "scan/camera.hpp"
#include "platform/v4l2_camera.hpp"
#include "storage/database.hpp"

namespace desa::kiosk {

// The options every command accepts.
struct GlobalOptions {
    std::optional<std::filesystem::path> config_file;
    std::optional<std::filesystem::path> data_dir;
    std::optional<std::filesystem::path> assets_dir;
    std::optional<std::filesystem::path> camera_folder;  // --camera: where camera pictures arrive
};

class StartupError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct KioskContext {
    std::filesystem::path assets_dir;
    std::filesystem::path data_dir;
    std::filesystem::path config_file;
    bool demo_config = false;  // no config given or found: the embedded demo village
    config::KioskConfig config;
    regions::RegionRegistry regions;
    i18n::Catalog catalog;
    storage::Database db;
    int schema_version = 0;     // of kiosk.db after migrations, for diagnostics
    std::string village_name;   // "Hajimena"
    bool kelurahan = false;     // an urban kelurahan (code DDDD starting with 1), not a desa
    std::string district_name;  // kecamatan "Natar"
    std::string regency_name;   // "Kabupaten Lampung Selatan" (the data includes the prefix)
    // The camera the scan buttons read (tickets, ISBNs, member cards, receipts): a folder the
    // camera's pictures arrive in (--camera), or the live V4L2 camera the app opens from
    // [camera] device. Without one the kiosk offers typing the code (or a USB scanner).
    std::optional<scan::Camera> camera;
    CameraFault camera_fault = CameraFault::None;  // why [camera] device could not be opened
    std::optional<regions::RegionRegistry> nik_districts;  // see aspiration_service.hpp
    // kiosk.toml's [queue] as written; config.queue is what the office runs (the hub's services
    // when installed, queue/hub_services.hpp).
    queue::QueueConfig configured_queue;
    // The courses this kiosk teaches (bundled + imported), reloaded after an import or a sync that
    // installed a new lessons version.
    lessons::CourseShelf courses;
    std::int64_t lessons_version = 0;  // the installed `lessons` channel version they were read at
    // Where a USB stick with lesson packages appears (DESA_USB_ROOTS, ':'-separated, overrides).
    std::vector<std::filesystem::path> usb_roots{"/media", "/run/media", "/mnt"};
};

// Reads the courses again (after an import); with `if_channel_changed`, only when a sync installed
// another version of the lessons channel since the last read.
void reload_courses(KioskContext& ctx, bool if_channel_changed = false);

// Recomputes config.queue from configured_queue and <data>/queue-services.toml (after a sync
// installed a new version). Call between frames: screens hold no Service pointers across frames.
void refresh_queue_config(KioskContext& ctx, std::int64_t now);

// Config search when --config is absent: $XDG_CONFIG_HOME/desa-kiosk/kiosk.toml,
// /etc/desa-kiosk/kiosk.toml, then the demo config in <assets>/demo/kiosk.toml.
// Throws StartupError whose text lists every problem (in `lang`).
std::unique_ptr<KioskContext> load_kiosk_context(const GlobalOptions& options,
                                                 i18n::Language lang = i18n::Language::Indonesian);

}  // namespace desa::kiosk
