#include "sync/sync_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/paths.hpp"
#include "core/private_file.hpp"

namespace desa::sync {
namespace fs = std::filesystem;

std::optional<Identity> load_identity(storage::Database& db) {
    auto s = db.prepare(
        "SELECT kiosk_id, hub_url, village_code, province_sign_key, province_seal_key, enrolled_at "
        "FROM sync_identity WHERE id = 1");
    if (!s.step()) return std::nullopt;
    const auto sign = parse_sign_public_key(s.column_text(3));
    if (!sign) throw storage::StorageError("sync_identity: the pinned province sign key is unreadable");
    return Identity{s.column_text(0), s.column_text(1), s.column_text(2), *sign, s.column_text(4), s.column_int64(5)};
}

void save_identity(storage::Database& db, const Identity& id) {
    db.prepare(
          "INSERT OR REPLACE INTO sync_identity (id, kiosk_id, hub_url, village_code, province_sign_key, "
          "province_seal_key, enrolled_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, id.kiosk_id)
        .bind(2, id.hub_url)
        .bind(3, id.village_code)
        .bind(4, encode_sign_public_key(id.province_sign_key))
        .bind(5, id.province_seal_key)
        .bind(6, id.enrolled_at)
        .step();
}

std::optional<std::string> pinned_seal_key(storage::Database& db) {
    auto s = db.prepare("SELECT province_seal_key FROM sync_identity WHERE id = 1");
    if (!s.step()) return std::nullopt;
    return s.column_text(0);
}

std::string last_success_key(std::string_view channel) { return "last_success:" + std::string(channel); }

std::optional<std::string> get_state(storage::Database& db, std::string_view key) {
    auto s = db.prepare("SELECT value FROM sync_state WHERE key = ?1");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return s.column_text(0);
}

std::int64_t get_state_int(storage::Database& db, std::string_view key, std::int64_t fallback) {
    const auto text = get_state(db, key);
    if (!text) return fallback;
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc() || end != text->data() + text->size()) return fallback;
    return v;
}

void set_state(storage::Database& db, std::string_view key, std::string_view value) {
    db.prepare("INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2")
        .bind(1, key)
        .bind(2, value)
        .step();
}

void set_state_int(storage::Database& db, std::string_view key, std::int64_t value) {
    set_state(db, key, std::to_string(value));
}

void clear_state(storage::Database& db, std::string_view key) {
    db.prepare("DELETE FROM sync_state WHERE key = ?1").bind(1, key).step();
}

std::optional<std::string> kiosk_endorsement(storage::Database& db) {
    auto value = get_state(db, kStateKioskEndorsement);
    if (value && value->empty()) return std::nullopt;
    return value;
}

std::optional<InstalledChannel> installed_channel(storage::Database& db, std::string_view channel) {
    auto s = db.prepare("SELECT channel, version, dir, installed_at FROM content_channels WHERE channel = ?1");
    s.bind(1, channel);
    if (!s.step()) return std::nullopt;
    return InstalledChannel{s.column_text(0), s.column_int64(1), s.column_text(2), s.column_int64(3)};
}

std::vector<InstalledChannel> installed_channels(storage::Database& db) {
    auto s = db.prepare("SELECT channel, version, dir, installed_at FROM content_channels ORDER BY channel");
    std::vector<InstalledChannel> out;
    while (s.step()) out.push_back({s.column_text(0), s.column_int64(1), s.column_text(2), s.column_int64(3)});
    return out;
}

void set_installed_channel(storage::Database& db, const InstalledChannel& row) {
    db.prepare(
          "INSERT INTO content_channels (channel, version, dir, installed_at) VALUES (?1, ?2, ?3, ?4) "
          "ON CONFLICT (channel) DO UPDATE SET version = ?2, dir = ?3, installed_at = ?4")
        .bind(1, row.channel)
        .bind(2, row.version)
        .bind(3, row.dir)
        .bind(4, row.installed_at)
        .step();
}

fs::path sync_dir(const fs::path& data_dir) { return data_dir / "sync"; }
fs::path sync_tmp_dir(const fs::path& data_dir) { return data_dir / "sync" / "tmp"; }
fs::path content_dir(const fs::path& data_dir) { return data_dir / "content"; }

void save_kiosk_secret(const fs::path& data_dir, const SignSecretKey& key) {
    const fs::path dir = sync_dir(data_dir);
    ensure_private_dir(dir);
    const fs::path file = dir / "kiosk.secret";
    const fs::path tmp = dir / "kiosk.secret.new";
    ::unlink(tmp.c_str());
    write_new_private_file(tmp, encode_sign_secret_key(key) + "\n");
    if (::rename(tmp.c_str(), file.c_str()) != 0)
        throw std::runtime_error("cannot replace " + file.string() + ": " + std::strerror(errno));
    // The rename itself must survive a power cut too.
    sync_directory(dir);
}

std::optional<SignSecretKey> load_kiosk_secret(const fs::path& data_dir) {
    std::ifstream in(sync_dir(data_dir) / "kiosk.secret");
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line, '\n');
    if (line.size() > 200) return std::nullopt;
    return parse_sign_secret_key(line);
}

}  // namespace desa::sync
