#pragma once
// Down: content channels (docs/sync-protocol.md "Down: content channels"). A signed manifest,
// fetched conditionally (an unchanged channel costs one 304); only the files the kiosk lacks are
// downloaded, in Range chunks of at most 256 KiB into <data>/sync/tmp/<sha256>.part so an
// interruption costs at most one chunk; each file is checked by size and SHA-256, moved under
// <data>/content/<channel>/<version>/, and one transaction switches the channel to the new version.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "sync/hub_client.hpp"
#include "sync/protocol.hpp"
#include "sync/sync_session.hpp"

namespace desa::sync {

inline constexpr std::int64_t kChunkBytes = 256 * 1024;
inline constexpr std::size_t kMaxManifestFiles = 100'000;
inline constexpr std::int64_t kMaxContentFileBytes = 2LL << 30;

// Called once every file of a new version is on disk and verified, before the switch, with the
// cycle's own database connection (the worker thread has its own). An error keeps the current
// version in use (the files stay for the next attempt). The `catalog` channel's hook
// (catalog::apply_union_catalog) is wired by the kiosk; `slides` only needs installing.
using ChannelApplyHook = std::function<std::optional<std::string>(
    storage::Database& db, const Manifest& manifest, const std::filesystem::path& dir)>;

// The manifest of `channel`, well-formed (safe unique names, sha256, sizes) and signed by the
// pinned key. nullopt + BadAnswer otherwise.
std::optional<Manifest> verify_manifest(const HubResponse& response, std::string_view channel,
                                        const SignPublicKey& province_key, HubFailure& failure);

struct ByteSpan {
    std::int64_t first = 0, last = 0;  // inclusive, as in a Range header
};
// The next Range to ask for when `have` bytes of a `size`-byte file are on disk; nullopt when
// complete (or when `have` exceeds `size`: the part is wrong and must be dropped).
std::optional<ByteSpan> next_chunk(std::int64_t have, std::int64_t size, std::int64_t chunk = kChunkBytes);
struct ContentRange {
    std::int64_t first = 0, last = 0, total = 0;
};
std::optional<ContentRange> parse_content_range(std::string_view header);  // "bytes 0-99/1000"

// SHA-256 of a file, streamed; nullopt when unreadable.
std::optional<std::string> file_sha256_hex(const std::filesystem::path& file);

// Removes from <data>/sync/tmp everything but `<sha>.part` files whose sha is in `keep`; creates
// the directory when missing. Returns how many entries were removed.
int clean_sync_tmp(const std::filesystem::path& data_dir, const std::set<std::string>& keep);
// The shas of every manifest a channel was fetching when the kiosk stopped (kept in sync_state).
std::set<std::string> shas_being_fetched(storage::Database& db);

struct ChannelReport {
    std::string channel;
    bool unchanged = false;  // 304, or nothing published yet
    bool installed = false;  // a new version is now in use
    std::int64_t version = 0;
    int files_fetched = 0;
    int files_reused = 0;  // already on disk in the current version or a finished part
    std::int64_t bytes_fetched = 0;
    std::optional<HubFailure> failure;  // the network said no: retry later
    std::string rejected;               // a manifest or file refused, or a local problem (one line)
};

// The manifest of the version of `channel` in use, as installed (files in manifest order), and its
// directory; nullopt when none is installed or the stored manifest is unreadable.
struct InstalledContent {
    Manifest manifest;
    std::filesystem::path dir;
};
std::optional<InstalledContent> installed_content(storage::Database& db, std::string_view channel);

ChannelReport sync_channel(SyncSession& session, const std::string& channel, const ChannelApplyHook& hook = {},
                           std::int64_t chunk_bytes = kChunkBytes);

}  // namespace desa::sync
