#pragma once
// Content channels (docs/sync-protocol.md, "Down: content channels"): files stored once by
// SHA-256 under <data-dir>/files/, and per channel a manifest signed by the province key whose
// version only grows. The `catalog` channel's union files are made by model/union_publish.hpp.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "db/sql_db.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {

inline constexpr std::size_t kMaxFilesPerManifest = 1000;

class ContentError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ContentSource {
    std::string name;  // as the kiosk will store it; sync::is_safe_file_name
    std::filesystem::path file;
};

struct PublishResult {
    sync::Manifest manifest;
    bool unchanged = false;  // the same files as the current version: no new version made
};

// Copies the files into the store (hashing them on the way), then makes and signs the next
// version in one transaction. ContentError for unreadable files, unsafe or repeated names.
PublishResult publish_channel(SqlDb& db, const std::filesystem::path& data_dir, const sync::SignSecretKey& key,
                              const std::string& channel, const std::vector<ContentSource>& sources,
                              std::int64_t now);

// The pieces of publish_channel, for publishers that make their files from the channel's state
// (model/union_publish.hpp). store_bytes: `bytes` stored once by hash (fsynced, renamed into
// place). next_channel_version: inside a transaction, the channel's next version, its row locked
// until commit. record_version: signs and stores `m` (files sorted by name here).
sync::ManifestFile store_bytes(const std::filesystem::path& data_dir, const std::string& name, std::string_view bytes);
std::int64_t next_channel_version(SqlDb& db, const std::string& channel, std::int64_t now);
void record_version(SqlDb& db, const sync::SignSecretKey& key, sync::Manifest& m);

// The files of `publish slides DIR` (and of any channel published from a directory): every
// regular, non-hidden file at the top of DIR, by name.
std::vector<ContentSource> directory_sources(const std::filesystem::path& dir);

struct StoredManifest {
    std::int64_t version = 0;
    std::string body;  // the signed JSON answer, exactly as served
};
std::optional<StoredManifest> current_manifest(SqlDb& db, const std::string& channel);
sync::Manifest parse_manifest_body(const std::string& body);  // for CLI output and tests

std::filesystem::path files_dir(const std::filesystem::path& data_dir);
// The stored file for a hash, when it exists (the hash already checked by the caller).
std::optional<std::filesystem::path> stored_file(const std::filesystem::path& data_dir, const std::string& sha256);

}  // namespace desa::hub
