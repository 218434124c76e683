#include "sync/content_sync.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>

#include "core/paths.hpp"
#include "security/sodium.hpp"
#include "sync/sync_store.hpp"

namespace desa::sync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::int64_t kDiskReserveBytes = 32LL << 20;  // never fill the card to the last byte

std::string fetching_key(std::string_view channel) { return "fetching:" + std::string(channel); }
std::string manifest_key(std::string_view channel) { return "manifest:" + std::string(channel); }

std::optional<std::int64_t> parse_i64(std::string_view s) {
    std::int64_t v = 0;
    if (s.empty()) return std::nullopt;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::int64_t size_or_zero(const fs::path& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : static_cast<std::int64_t>(n);
}

bool file_matches(const fs::path& p, const ManifestFile& f) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec) || static_cast<std::int64_t>(fs::file_size(p, ec)) != f.size || ec) return false;
    return file_sha256_hex(p) == f.sha256;
}

void fsync_path(const fs::path& p, bool directory) {
    const int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

bool append_bytes(const fs::path& p, std::string_view bytes, bool truncate) {
    std::ofstream out(p, std::ios::binary | (truncate ? std::ios::trunc : std::ios::app));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

std::string manifest_json(const Manifest& m) {
    json files = json::array();
    for (const auto& f : m.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
    return json{{"channel", m.channel}, {"version", m.version}, {"created_at", m.created_at}, {"files", files}}.dump();
}

// sha -> a file of the version in use that should hold it (checked before it is reused).
std::map<std::string, fs::path> installed_files(storage::Database& db, const std::string& channel) {
    std::map<std::string, fs::path> out;
    const auto row = installed_channel(db, channel);
    const auto text = get_state(db, manifest_key(channel));
    if (!row || !text) return out;
    const json j = json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("files") || !j["files"].is_array()) return out;
    for (const auto& f : j["files"])
        if (f.is_object() && f.contains("sha256") && f["sha256"].is_string() && f.contains("name") &&
            f["name"].is_string() && is_safe_file_name(f["name"].get<std::string>()))
            out.emplace(f["sha256"].get<std::string>(), fs::path(row->dir) / f["name"].get<std::string>());
    return out;
}

}  // namespace

std::optional<InstalledContent> installed_content(storage::Database& db, std::string_view channel) {
    const auto row = installed_channel(db, channel);
    const auto text = get_state(db, manifest_key(channel));
    if (!row || !text) return std::nullopt;
    const json j = json::parse(*text, nullptr, false);
    if (!j.is_object() || !j.contains("files") || !j["files"].is_array()) return std::nullopt;
    InstalledContent out{{std::string(channel), row->version, 0, {}}, row->dir};
    for (const auto& f : j["files"]) {
        if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("sha256") ||
            !f["sha256"].is_string() || !f.contains("size") || !f["size"].is_number_integer())
            return std::nullopt;
        const auto name = f["name"].get<std::string>();
        if (!is_safe_file_name(name)) return std::nullopt;  // never a path outside the version's directory
        out.manifest.files.push_back({name, f["sha256"].get<std::string>(), f["size"].get<std::int64_t>()});
    }
    return out;
}

namespace {

// Downloads the missing part of `f` into `part`; bytes fetched are added to the report.
std::optional<HubFailure> download(SyncSession& s, const ManifestFile& f, const fs::path& part, std::int64_t chunk,
                                   ChannelReport& report) {
    if (f.size == 0) {
        append_bytes(part, {}, true);
        return std::nullopt;
    }
    if (size_or_zero(part) > f.size) fs::remove(part);
    while (const auto span = next_chunk(size_or_zero(part), f.size, chunk)) {
        HubRequest req;
        req.path = "/v1/files/" + f.sha256;
        req.range_first = span->first;
        req.range_last = span->last;
        req.if_range = f.sha256;
        req.max_body = static_cast<std::size_t>(chunk) + 1;
        const auto answer = s.client.send(req);
        if (!answer.ok()) return answer.failure;
        const auto& r = *answer.response;
        const auto expected = static_cast<std::size_t>(span->last - span->first + 1);
        if (r.status == 200 && span->first == 0 && static_cast<std::int64_t>(r.body.size()) == f.size) {
            if (!append_bytes(part, r.body, true)) return bad_answer("cannot write " + part.filename().string());
        } else if (r.status == 206) {
            const auto range = parse_content_range(r.header("content-range").value_or(""));
            if (!range || range->first != span->first || range->last != span->last || range->total != f.size ||
                r.body.size() != expected)
                return bad_answer("a file chunk is not the range asked for");
            if (!append_bytes(part, r.body, false)) return bad_answer("cannot write " + part.filename().string());
        } else {
            return bad_answer("a file answer with status " + std::to_string(r.status));
        }
        report.bytes_fetched += static_cast<std::int64_t>(r.body.size());
    }
    return std::nullopt;
}

}  // namespace

std::optional<Manifest> verify_manifest(const HubResponse& response, std::string_view channel,
                                        const SignPublicKey& province_key, HubFailure& failure) {
    const auto body = json_object(response, failure);
    if (!body) return std::nullopt;
    const auto& j = *body;
    if (!j.contains("channel") || !j["channel"].is_string() || !j.contains("version") ||
        !j["version"].is_number_integer() || !j.contains("created_at") || !j["created_at"].is_number_integer() ||
        !j.contains("files") || !j["files"].is_array() || !j.contains("signature") || !j["signature"].is_string()) {
        failure = bad_answer("the manifest lacks a field");
        return std::nullopt;
    }
    Manifest m{j["channel"].get<std::string>(), j["version"].get<std::int64_t>(), j["created_at"].get<std::int64_t>(), {}};
    if (m.channel != channel || m.version <= 0 || j["files"].size() > kMaxManifestFiles) {
        failure = bad_answer("the manifest is for another channel or malformed");
        return std::nullopt;
    }
    std::set<std::string> names;
    for (const auto& f : j["files"]) {
        if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("sha256") ||
            !f["sha256"].is_string() || !f.contains("size") || !f["size"].is_number_integer()) {
            failure = bad_answer("a manifest file entry is malformed");
            return std::nullopt;
        }
        ManifestFile file{f["name"].get<std::string>(), f["sha256"].get<std::string>(), f["size"].get<std::int64_t>()};
        if (!is_safe_file_name(file.name) || !is_sha256_hex(file.sha256) || file.size < 0 ||
            file.size > kMaxContentFileBytes || !names.insert(file.name).second) {
            failure = bad_answer("a manifest file entry is unsafe or repeated");
            return std::nullopt;
        }
        m.files.push_back(std::move(file));
    }
    if (!verify_text(manifest_text(m), j["signature"].get<std::string>(), province_key)) {
        failure = bad_answer("the manifest's signature does not verify");
        return std::nullopt;
    }
    return m;
}

std::optional<ByteSpan> next_chunk(std::int64_t have, std::int64_t size, std::int64_t chunk) {
    if (have < 0 || have >= size || chunk <= 0) return std::nullopt;
    return ByteSpan{have, std::min(size, have + chunk) - 1};
}

std::optional<ContentRange> parse_content_range(std::string_view h) {
    if (!h.starts_with("bytes ")) return std::nullopt;
    h.remove_prefix(6);
    const auto dash = h.find('-'), slash = h.find('/');
    if (dash == std::string_view::npos || slash == std::string_view::npos || dash > slash) return std::nullopt;
    const auto first = parse_i64(h.substr(0, dash)), last = parse_i64(h.substr(dash + 1, slash - dash - 1)),
               total = parse_i64(h.substr(slash + 1));
    if (!first || !last || !total || *first < 0 || *last < *first || *last >= *total) return std::nullopt;
    return ContentRange{*first, *last, *total};
}

std::optional<std::string> file_sha256_hex(const fs::path& file) {
    security::ensure_sodium();
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buffer(64 * 1024);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = in.gcount();
        if (n > 0) crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(buffer.data()), static_cast<unsigned long long>(n));
    }
    if (in.bad()) return std::nullopt;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

int clean_sync_tmp(const fs::path& data_dir, const std::set<std::string>& keep) {
    const fs::path tmp = sync_tmp_dir(data_dir);
    ensure_private_dir(tmp);
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(tmp, ec)) {
        const std::string name = entry.path().filename().string();
        const bool part = name.size() == 64 + 5 && name.ends_with(".part") && entry.is_regular_file(ec);
        if (part && keep.contains(name.substr(0, 64))) continue;
        std::error_code rm;
        fs::remove_all(entry.path(), rm);
        if (!rm) ++removed;
    }
    return removed;
}

std::set<std::string> shas_being_fetched(storage::Database& db) {
    std::set<std::string> out;
    auto s = db.prepare("SELECT value FROM sync_state WHERE key LIKE 'fetching:%'");
    while (s.step()) {
        const json list = json::parse(s.column_text(0), nullptr, false);
        if (!list.is_array()) continue;
        for (const auto& sha : list)
            if (sha.is_string() && is_sha256_hex(sha.get<std::string>())) out.insert(sha.get<std::string>());
    }
    return out;
}

ChannelReport sync_channel(SyncSession& s, const std::string& channel, const ChannelApplyHook& hook,
                           std::int64_t chunk) {
    ChannelReport report;
    report.channel = channel;
    const auto current = installed_channel(s.db, channel);
    // Content removed from disk behind the kiosk's back is fetched again, even at the same version.
    std::error_code ec;
    const bool intact = current && fs::is_directory(current->dir, ec);
    HubRequest req;
    req.path = "/v1/channels/" + channel + "/manifest";
    if (intact) req.if_none_match = std::to_string(current->version);
    req.max_body = 16u << 20;
    const auto answer = s.client.send(req);
    if (!answer.ok()) {
        const auto& f = *answer.failure;
        if (f.kind == FailureKind::HttpStatus && f.http_status == 404 && f.error_code == "unknown_channel")
            report.unchanged = true;  // nothing published on this channel yet
        else
            report.failure = f;
        return report;
    }
    if (answer.response->status == 304) {
        report.unchanged = true;
        report.version = current ? current->version : 0;
        return report;
    }
    HubFailure bad;
    const auto manifest = verify_manifest(*answer.response, channel, s.identity.province_sign_key, bad);
    if (!manifest) {
        report.failure = bad;
        return report;
    }
    report.version = manifest->version;
    if (current && (manifest->version < current->version || (intact && manifest->version == current->version))) {
        report.rejected = channel + ": version " + std::to_string(manifest->version) + " is not newer than " +
                          std::to_string(current->version);
        return report;
    }

    // Remember what is being fetched (so its parts survive the next start-up cleaning), then drop
    // every part no channel is fetching: the temporary directory stays bounded.
    json shas = json::array();
    for (const auto& f : manifest->files) shas.push_back(f.sha256);
    set_state(s.db, fetching_key(channel), shas.dump());
    clean_sync_tmp(s.data_dir, shas_being_fetched(s.db));

    const fs::path tmp = sync_tmp_dir(s.data_dir);
    const fs::path target = content_dir(s.data_dir) / channel / std::to_string(manifest->version);
    ensure_private_dir(target);
    const auto reusable = installed_files(s.db, channel);

    std::int64_t needed = 0;
    for (const auto& f : manifest->files)
        if (!fs::exists(target / f.name)) needed += f.size - size_or_zero(tmp / (f.sha256 + ".part"));
    const auto space = fs::space(s.data_dir, ec);
    if (!ec && static_cast<std::int64_t>(space.available) < needed + kDiskReserveBytes) {
        report.rejected = channel + ": not enough disk space for version " + std::to_string(manifest->version);
        return report;
    }

    std::map<std::string, fs::path> placed;  // sha -> a verified file already in `target`
    for (const auto& f : manifest->files) {
        const fs::path dest = target / f.name;
        if (file_matches(dest, f)) {
            placed.emplace(f.sha256, dest);
            ++report.files_reused;
            continue;
        }
        const fs::path part = tmp / (f.sha256 + ".part");
        // A file the kiosk already holds (under another name, or in the version in use) is
        // copied, not downloaded; a copy that does not verify is dropped and fetched instead.
        std::vector<fs::path> sources;
        if (const auto it = placed.find(f.sha256); it != placed.end()) sources.push_back(it->second);
        if (const auto it = reusable.find(f.sha256); it != reusable.end()) sources.push_back(it->second);
        bool reused = false;
        for (const auto& source : sources) {
            if (reused || size_or_zero(part) == f.size) break;
            std::error_code copy_ec;
            fs::copy_file(source, part, fs::copy_options::overwrite_existing, copy_ec);
            reused = !copy_ec && file_matches(part, f);
            if (!reused) fs::remove(part, copy_ec);
        }
        if (!reused && size_or_zero(part) != f.size) {
            if (auto failure = download(s, f, part, chunk, report)) {
                report.failure = failure;
                return report;
            }
            ++report.files_fetched;
        } else {
            ++report.files_reused;
        }
        if (size_or_zero(part) != f.size || file_sha256_hex(part) != f.sha256) {
            fs::remove(part, ec);
            report.failure = bad_answer(channel + ": file " + f.name + " does not match its size and SHA-256");
            return report;
        }
        fsync_path(part, false);
        fs::rename(part, dest);
        placed.emplace(f.sha256, dest);
    }
    fsync_path(target, true);
    if (hook) {
        if (auto error = hook(s.db, *manifest, target)) {
            report.rejected = channel + ": version " + std::to_string(manifest->version) + " not applied: " + *error;
            return report;
        }
    }

    storage::Transaction tx(s.db);
    set_installed_channel(s.db, {channel, manifest->version, target.string(), s.now()});
    set_state(s.db, manifest_key(channel), manifest_json(*manifest));
    clear_state(s.db, fetching_key(channel));
    tx.commit();
    report.installed = true;
    // Old and half-fetched versions go only after the switch: until then they are in use.
    for (const auto& entry : fs::directory_iterator(target.parent_path(), ec))
        if (entry.path() != target) fs::remove_all(entry.path(), ec);
    spdlog::info("content {} version {} installed ({} file(s) fetched, {} reused, {} bytes)", channel,
                 manifest->version, report.files_fetched, report.files_reused, report.bytes_fetched);
    return report;
}

}  // namespace desa::sync
