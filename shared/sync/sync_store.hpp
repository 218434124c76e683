#pragma once
// What the kiosk remembers about the hub (migration 6): the enrolment with the pinned province
// keys, small state values, the content version in use per channel, and the kiosk's own secret
// key in <data>/sync/kiosk.secret (0600, never in the database, never logged).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "sync/protocol.hpp"

namespace desa::sync {

struct Identity {
    std::string kiosk_id;
    std::string hub_url;  // normalized, see normalize_hub_url
    std::string village_code;
    SignPublicKey province_sign_key;
    std::string province_seal_key;  // base64 X25519 (security::parse_box_public_key)
    std::int64_t enrolled_at = 0;
};

std::optional<Identity> load_identity(storage::Database& db);
void save_identity(storage::Database& db, const Identity& identity);  // replaces the one row
// The pinned province sealing key when enrolled: it takes precedence over the config's
// [province] public_key for sealing residents' personal data.
std::optional<std::string> pinned_seal_key(storage::Database& db);

// State keys in sync_state.
inline constexpr std::string_view kStateUpdatesAfter = "updates_after";  // highest status seq applied
inline constexpr std::string_view kStateClockOffset = "clock_offset";    // hub − local, seconds
inline constexpr std::string_view kStateLastError = "last_error";        // one line, no personal data
inline constexpr std::string_view kStateLastErrorAt = "last_error_at";
inline constexpr std::string_view kStateLastAttemptAt = "last_attempt_at";
inline constexpr std::string_view kStateLastConflicts = "last_conflicts";  // outbox uuids, comma separated
// The province's signature vouching for this kiosk's key (lessons/certificate.hpp), base64: from the
// enrolment answer, or fetched by the sync cycle for a kiosk enrolled before hubs gave one.
inline constexpr std::string_view kStateKioskEndorsement = "kiosk_endorsement";
// "last_success:<channel>" with channel one of outbox, aspirations, slides, catalog, ...
std::string last_success_key(std::string_view channel);

std::optional<std::string> get_state(storage::Database& db, std::string_view key);
std::int64_t get_state_int(storage::Database& db, std::string_view key, std::int64_t fallback = 0);
void set_state(storage::Database& db, std::string_view key, std::string_view value);
void set_state_int(storage::Database& db, std::string_view key, std::int64_t value);
void clear_state(storage::Database& db, std::string_view key);
// The stored endorsement (kStateKioskEndorsement); nullopt before the hub gave one.
std::optional<std::string> kiosk_endorsement(storage::Database& db);

struct InstalledChannel {
    std::string channel;
    std::int64_t version = 0;
    std::string dir;  // absolute path of <data>/content/<channel>/<version>
    std::int64_t installed_at = 0;
};
std::optional<InstalledChannel> installed_channel(storage::Database& db, std::string_view channel);
std::vector<InstalledChannel> installed_channels(storage::Database& db);
void set_installed_channel(storage::Database& db, const InstalledChannel& row);

// <data>/sync, <data>/sync/tmp, <data>/content.
std::filesystem::path sync_dir(const std::filesystem::path& data_dir);
std::filesystem::path sync_tmp_dir(const std::filesystem::path& data_dir);
std::filesystem::path content_dir(const std::filesystem::path& data_dir);

// Written to a temporary file (0600) and renamed over the old one, so a power cut leaves either key.
void save_kiosk_secret(const std::filesystem::path& data_dir, const SignSecretKey& key);
// nullopt when missing or not a valid key.
std::optional<SignSecretKey> load_kiosk_secret(const std::filesystem::path& data_dir);

}  // namespace desa::sync
