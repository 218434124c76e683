#pragma once
// Where the kiosk keeps its files. One data directory holds every database; assets (translations,
// region codes, demo content) are read-only and found next to the binary or in the source tree.
#include <filesystem>
#include <optional>

namespace desa {

// --data-dir wins; then $STATE_DIRECTORY (systemd's StateDirectory=, i.e. /var/lib/desa-kiosk for
// the service); then $XDG_DATA_HOME/desa-kiosk; then ~/.local/share/desa-kiosk.
std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& from_flag);

// --assets-dir wins; then $DESA_ASSETS_DIR; then <exe>/../share/desa-kiosk when it exists; then the
// source tree's assets/ (an uninstalled build).
std::filesystem::path resolve_assets_dir(const std::optional<std::filesystem::path>& from_flag);

// Creates the directory (and parents) with mode 0700 if missing; throws std::runtime_error with the
// path and the OS reason if it cannot.
void ensure_private_dir(const std::filesystem::path& dir);

}  // namespace desa
