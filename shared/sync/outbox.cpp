#include "sync/outbox.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

#include "security/sodium.hpp"

namespace desa::sync {
namespace {

OutboxRecord read_row(const storage::Statement& s) {
    OutboxRecord r{s.column_text(0), s.column_text(1), s.column_int64(2), s.column_text(3), std::nullopt};
    if (!s.column_is_null(4)) r.sent_at = s.column_int64(4);
    return r;
}

constexpr const char* kColumns = "SELECT uuid, channel, created_at, payload, sent_at FROM outbox ";

}  // namespace

namespace {

// Sets the version nibble and the RFC 4122/9562 variant (10xx), then writes 8-4-4-4-12 hex.
std::string uuid_text(unsigned char (&b)[16], unsigned version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

}  // namespace

std::string new_uuid() {
    security::ensure_sodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    return uuid_text(b, 4);
}

std::string name_uuid(std::string_view name) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(name.data()), name.size());
    unsigned char b[16];
    std::copy(digest, digest + 16, b);
    return uuid_text(b, 8);
}

bool looks_like_uuid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        const char c = s[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

void append(storage::Database& db, const OutboxRecord& r) {
    db.prepare("INSERT INTO outbox (uuid, channel, created_at, payload) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, r.uuid)
        .bind(2, r.channel)
        .bind(3, r.created_at)
        .bind(4, r.payload)
        .step();
}

std::vector<OutboxRecord> pending(storage::Database& db, std::string_view channel, std::size_t limit) {
    auto s = db.prepare(std::string(kColumns) + "WHERE sent_at IS NULL AND channel = ?1 ORDER BY seq LIMIT ?2");
    s.bind(1, channel).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxRecord> out;
    while (s.step()) out.push_back(read_row(s));
    return out;
}

std::optional<OutboxRecord> find(storage::Database& db, std::string_view uuid) {
    auto s = db.prepare(std::string(kColumns) + "WHERE uuid = ?1");
    s.bind(1, uuid);
    if (!s.step()) return std::nullopt;
    return read_row(s);
}

void mark_sent(storage::Database& db, std::string_view uuid, std::int64_t at) {
    db.prepare("UPDATE outbox SET sent_at = ?2 WHERE uuid = ?1 AND sent_at IS NULL").bind(1, uuid).bind(2, at).step();
}

std::int64_t count_pending(storage::Database& db) {
    auto s = db.prepare("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    s.step();
    return s.column_int64(0);
}

}  // namespace desa::sync
