#include "model/content.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "security/sodium.hpp"

namespace desa::hub {
namespace fs = std::filesystem;
namespace {

std::string hex(const unsigned char* data, std::size_t size) {
    std::string out(size * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, size);
    out.pop_back();
    return out;
}

// Copies `source` into the store as files/<sha256>: hashed while copied into a temporary file in
// the same directory, fsynced, then renamed, so a stored file is always whole.
sync::ManifestFile store_file(const fs::path& store, const ContentSource& source) {
    std::ifstream in(source.file, std::ios::binary);
    if (!in) throw ContentError("cannot read " + source.file.string());
    security::ensure_sodium();
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::string tmp = (store / ".incoming-XXXXXX").string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) throw ContentError("cannot write into " + store.string());
    std::array<char, 1 << 16> buf{};
    std::int64_t size = 0;
    bool ok = true;
    while (ok && in) {
        in.read(buf.data(), buf.size());
        const auto n = in.gcount();
        if (n <= 0) break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buf.data()),
                                  static_cast<unsigned long long>(n));
        ok = ::write(fd, buf.data(), static_cast<std::size_t>(n)) == n;
        size += n;
    }
    ok = ok && !in.bad() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) {
        ::unlink(tmp.c_str());
        throw ContentError("cannot copy " + source.file.string() + " into the file store");
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    sync::ManifestFile f{source.name, hex(digest.data(), digest.size()), size};
    const fs::path target = store / f.sha256;
    std::error_code ec;
    if (fs::exists(target)) {
        fs::remove(tmp, ec);  // the same bytes are stored already
    } else {
        fs::rename(tmp, target, ec);
        if (ec) throw ContentError("cannot store " + target.string() + ": " + ec.message());
    }
    return f;
}

std::string manifest_body(const sync::Manifest& m, const sync::SignSecretKey& key) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : m.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
    return nlohmann::json{{"channel", m.channel},
                          {"version", m.version},
                          {"created_at", m.created_at},
                          {"files", files},
                          {"signature", sync::sign_text(sync::manifest_text(m), key)}}
        .dump();
}

fs::path ensure_store(const fs::path& data_dir) {
    const fs::path store = data_dir / "files";
    std::error_code ec;
    fs::create_directories(store, ec);
    if (ec) throw ContentError("cannot create " + store.string() + ": " + ec.message());
    return store;
}

bool same_files(const std::vector<sync::ManifestFile>& a, const std::vector<sync::ManifestFile>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.name == y.name && x.sha256 == y.sha256 && x.size == y.size;
    });
}

}  // namespace

fs::path files_dir(const fs::path& data_dir) { return data_dir / "files"; }

std::optional<fs::path> stored_file(const fs::path& data_dir, const std::string& sha256) {
    if (!sync::is_sha256_hex(sha256)) return std::nullopt;
    fs::path p = files_dir(data_dir) / sha256;
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    return p;
}

PublishResult publish_channel(SqlDb& db, const fs::path& data_dir, const sync::SignSecretKey& key,
                              const std::string& channel, const std::vector<ContentSource>& sources,
                              std::int64_t now) {
    if (!sync::is_channel_name(channel)) throw ContentError("bad channel name '" + channel + "'");
    if (sources.empty()) throw ContentError("nothing to publish");
    if (sources.size() > kMaxFilesPerManifest)
        throw ContentError("too many files (" + std::to_string(sources.size()) + ", at most " +
                           std::to_string(kMaxFilesPerManifest) + ")");
    std::set<std::string> names;
    for (const auto& s : sources) {
        if (!sync::is_safe_file_name(s.name))
            throw ContentError("file name '" + s.name + "' is not allowed (letters, digits, . _ - only)");
        if (!names.insert(s.name).second) throw ContentError("file name '" + s.name + "' appears twice");
    }
    const fs::path store = ensure_store(data_dir);
    sync::Manifest m{channel, 0, now, {}};
    for (const auto& s : sources) m.files.push_back(store_file(store, s));
    std::sort(m.files.begin(), m.files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });

    SqlTransaction tx(db);
    if (const auto current = current_manifest(db, channel)) {
        const auto old = parse_manifest_body(current->body);
        if (same_files(old.files, m.files)) return {old, true};
    }
    m.version = next_channel_version(db, channel, now);
    record_version(db, key, m);
    tx.commit();
    return {m, false};
}

std::int64_t next_channel_version(SqlDb& db, const std::string& channel, std::int64_t now) {
    // Upsert with RETURNING: the channel row is locked until commit, so two publishers take turns.
    return db
        .query("INSERT INTO channels (name, version, updated_at) VALUES ($1, 1, $2) "
               "ON CONFLICT (name) DO UPDATE SET version = channels.version + 1, updated_at = $2 "
               "RETURNING version",
               {channel, now})
        .at(0)
        .int64(0);
}

void record_version(SqlDb& db, const sync::SignSecretKey& key, sync::Manifest& m) {
    if (m.files.size() > kMaxFilesPerManifest) throw ContentError("too many files in one version");
    std::sort(m.files.begin(), m.files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& f : m.files) {
        db.execute("INSERT INTO files (sha256, size, stored_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING",
                   {f.sha256, f.size, m.created_at});
        db.execute("INSERT INTO manifest_files (channel, version, name, sha256, size) VALUES ($1, $2, $3, $4, $5)",
                   {m.channel, m.version, f.name, f.sha256, f.size});
    }
    db.execute("INSERT INTO manifests (channel, version, created_at, body) VALUES ($1, $2, $3, $4)",
               {m.channel, m.version, m.created_at, manifest_body(m, key)});
}

sync::ManifestFile store_bytes(const fs::path& data_dir, const std::string& name, std::string_view bytes) {
    if (!sync::is_safe_file_name(name)) throw ContentError("file name '" + name + "' is not allowed");
    const fs::path store = ensure_store(data_dir);
    sync::ManifestFile f{name, sync::sha256_hex(bytes), static_cast<std::int64_t>(bytes.size())};
    const fs::path target = store / f.sha256;
    std::error_code ec;
    if (fs::exists(target, ec)) return f;  // the same bytes are stored already
    std::string tmp = (store / ".incoming-XXXXXX").string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) throw ContentError("cannot write into " + store.string());
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (ok) fs::rename(tmp, target, ec);
    if (!ok || ec) {
        ::unlink(tmp.c_str());
        throw ContentError("cannot store " + name + " in " + store.string() + " (disk full?)");
    }
    return f;
}

std::vector<ContentSource> directory_sources(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw ContentError(dir.string() + " is not a directory");
    std::vector<ContentSource> out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(".") || !entry.is_regular_file()) continue;
        out.push_back({name, entry.path()});
    }
    if (ec) throw ContentError("cannot list " + dir.string() + ": " + ec.message());
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    if (out.empty()) throw ContentError(dir.string() + " has no files to publish");
    return out;
}

std::optional<StoredManifest> current_manifest(SqlDb& db, const std::string& channel) {
    const auto rows = db.query("SELECT m.version, m.body FROM channels c JOIN manifests m "
                               "ON m.channel = c.name AND m.version = c.version WHERE c.name = $1",
                               {channel});
    if (rows.empty()) return std::nullopt;
    return StoredManifest{rows[0].int64(0), rows[0].text(1)};
}

sync::Manifest parse_manifest_body(const std::string& body) {
    const auto j = nlohmann::json::parse(body);
    sync::Manifest m{j.at("channel").get<std::string>(), j.at("version").get<std::int64_t>(),
                     j.at("created_at").get<std::int64_t>(), {}};
    for (const auto& f : j.at("files"))
        m.files.push_back({f.at("name").get<std::string>(), f.at("sha256").get<std::string>(),
                           f.at("size").get<std::int64_t>()});
    return m;
}

}  // namespace desa::hub
