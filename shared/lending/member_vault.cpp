#include "lending/member_vault.hpp"

#include <sodium.h>

#include <algorithm>
#include <new>
#include <stdexcept>

#include "security/sodium.hpp"

namespace desa::lending {
namespace {

static_assert(SecretKey::kSize == crypto_secretbox_KEYBYTES);
constexpr std::size_t kNonce = crypto_secretbox_NONCEBYTES;
constexpr std::size_t kMac = crypto_secretbox_MACBYTES;
constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;

// A BLOB column as bytes (column_text returns a BLOB's bytes unchanged).
std::vector<unsigned char> blob(const storage::Statement& s, int col) {
    const std::string bytes = s.column_text(col);
    return {bytes.begin(), bytes.end()};
}

// Stored limits come from the database file: bounded, so an altered row cannot make sign-in ask for
// gigabytes or hours.
bool sane(KdfLimits l) {
    return l.opslimit >= crypto_pwhash_OPSLIMIT_MIN && l.opslimit <= crypto_pwhash_OPSLIMIT_SENSITIVE &&
           l.memlimit >= crypto_pwhash_MEMLIMIT_MIN && l.memlimit <= crypto_pwhash_MEMLIMIT_SENSITIVE;
}

SecretKey derive(std::string_view pin, std::span<const unsigned char> salt, KdfLimits limits) {
    unsigned char out[SecretKey::kSize];
    const int rc = crypto_pwhash(out, sizeof out, pin.data(), pin.size(), salt.data(), limits.opslimit,
                                 limits.memlimit, crypto_pwhash_ALG_ARGON2ID13);
    if (rc != 0) {
        sodium_memzero(out, sizeof out);
        throw std::runtime_error("Argon2id key derivation failed (out of memory?)");
    }
    SecretKey key = SecretKey::from(out);
    sodium_memzero(out, sizeof out);
    return key;
}

std::optional<SecretKey> unwrap(const SecretKey& wrapping_key, std::span<const unsigned char> wrapped) {
    if (wrapped.size() != kNonce + kMac + SecretKey::kSize) return std::nullopt;
    unsigned char plain[SecretKey::kSize];
    if (crypto_secretbox_open_easy(plain, wrapped.data() + kNonce, wrapped.size() - kNonce, wrapped.data(),
                                   wrapping_key.data()) != 0)
        return std::nullopt;
    SecretKey key = SecretKey::from(plain);
    sodium_memzero(plain, sizeof plain);
    return key;
}

std::vector<unsigned char> wrap(const SecretKey& wrapping_key, const SecretKey& key) {
    std::vector<unsigned char> out(kNonce + kMac + SecretKey::kSize);
    randombytes_buf(out.data(), kNonce);
    crypto_secretbox_easy(out.data() + kNonce, key.data(), SecretKey::kSize, out.data(), wrapping_key.data());
    return out;
}

std::vector<unsigned char> fresh_salt() {
    std::vector<unsigned char> salt(kSalt);
    randombytes_buf(salt.data(), salt.size());
    return salt;
}

struct StoredVault {
    std::vector<unsigned char> salt, wrapped;
    KdfLimits limits;
};

std::optional<StoredVault> load(storage::Database& db) {
    auto s = db.prepare("SELECT kdf_salt, kdf_opslimit, kdf_memlimit, wrapped_key FROM lending_vault WHERE id = 1");
    if (!s.step()) return std::nullopt;
    return StoredVault{blob(s, 0), blob(s, 3),
                       {static_cast<std::uint64_t>(s.column_int64(1)), static_cast<std::size_t>(s.column_int64(2))}};
}

void store(storage::Database& db, std::span<const unsigned char> salt, KdfLimits limits,
           std::span<const unsigned char> wrapped, std::int64_t now, bool replace) {
    auto s = db.prepare(replace ? "UPDATE lending_vault SET kdf_salt = ?1, kdf_opslimit = ?2, kdf_memlimit = ?3, "
                                  "wrapped_key = ?4, rewrapped_at = ?5 WHERE id = 1"
                                : "INSERT INTO lending_vault (id, kdf_salt, kdf_opslimit, kdf_memlimit, wrapped_key, "
                                  "created_at) VALUES (1, ?1, ?2, ?3, ?4, ?5)");
    s.bind_blob(1, salt).bind(2, static_cast<std::int64_t>(limits.opslimit));
    s.bind(3, static_cast<std::int64_t>(limits.memlimit)).bind_blob(4, wrapped).bind(5, now);
    s.step();
}

bool any_sealed_member_data(storage::Database& db) {
    auto s = db.prepare("SELECT EXISTS (SELECT 1 FROM lending_members)");
    s.step();
    return s.column_int64(0) != 0;
}

// A new key for `pin`, replacing any stored one (in the caller's transaction).
SecretKey create(storage::Database& db, std::string_view pin, KdfLimits limits, std::int64_t now, bool replace) {
    SecretKey key = SecretKey::random();
    const auto salt = fresh_salt();
    const SecretKey wrapping = derive(pin, salt, limits);
    store(db, salt, limits, wrap(wrapping, key), now, replace);
    return key;
}

}  // namespace

KdfLimits KdfLimits::interactive() { return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }
KdfLimits KdfLimits::minimum() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

SecretKey::SecretKey() {
    security::ensure_sodium();
    bytes_ = static_cast<unsigned char*>(sodium_malloc(kSize));
    if (bytes_ == nullptr) throw std::bad_alloc();
}

SecretKey SecretKey::random() {
    SecretKey key;
    crypto_secretbox_keygen(key.bytes_);
    sodium_mprotect_readonly(key.bytes_);
    return key;
}

SecretKey SecretKey::from(std::span<const unsigned char> bytes) {
    if (bytes.size() != kSize) throw std::invalid_argument("a secret key has 32 bytes");
    SecretKey key;
    std::copy(bytes.begin(), bytes.end(), key.bytes_);
    sodium_mprotect_readonly(key.bytes_);
    return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_) { other.bytes_ = nullptr; }

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        if (bytes_ != nullptr) sodium_free(bytes_);
        bytes_ = other.bytes_;
        other.bytes_ = nullptr;
    }
    return *this;
}

SecretKey::~SecretKey() {
    if (bytes_ != nullptr) sodium_free(bytes_);  // zeroes before freeing
}

std::vector<unsigned char> seal_value(const SecretKey& key, std::string_view plaintext) {
    std::vector<unsigned char> out(kNonce + kMac + plaintext.size());
    randombytes_buf(out.data(), kNonce);
    crypto_secretbox_easy(out.data() + kNonce, reinterpret_cast<const unsigned char*>(plaintext.data()),
                          plaintext.size(), out.data(), key.data());
    return out;
}

std::optional<std::string> open_value(const SecretKey& key, std::span<const unsigned char> sealed) {
    if (sealed.size() < kNonce + kMac) return std::nullopt;
    std::string plain(sealed.size() - kNonce - kMac, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), sealed.data() + kNonce,
                                   sealed.size() - kNonce, sealed.data(), key.data()) != 0)
        return std::nullopt;
    return plain;
}

bool vault_exists(storage::Database& db) { return load(db).has_value(); }

VaultOpen open_vault(storage::Database& db, std::string_view pin, KdfLimits limits, std::int64_t now) {
    security::ensure_sodium();
    storage::Transaction tx(db);
    VaultOpen result;
    const auto stored = load(db);
    if (!stored) {
        result.key = create(db, pin, limits, now, false);
        result.outcome = VaultOutcome::Created;
        tx.commit();
        return result;
    }
    if (!sane(stored->limits) || stored->salt.size() != kSalt) return result;  // Damaged
    if (auto key = unwrap(derive(pin, stored->salt, stored->limits), stored->wrapped)) {
        result.key = std::move(key);
        result.outcome = VaultOutcome::Unlocked;
        return result;
    }
    if (!any_sealed_member_data(db)) {  // nothing was sealed with the old key: start afresh
        result.key = create(db, pin, limits, now, true);
        result.outcome = VaultOutcome::Created;
        tx.commit();
        return result;
    }
    auto salt = fresh_salt();
    SecretKey wrapping = derive(pin, salt, limits);
    result.pending = PendingWrap{std::move(wrapping), std::move(salt), limits};
    result.outcome = VaultOutcome::PinChanged;
    return result;
}

Rewrap rewrap_vault(storage::Database& db, std::string_view previous_pin, const PendingWrap& pending, std::int64_t now) {
    security::ensure_sodium();
    storage::Transaction tx(db);
    Rewrap result;
    const auto stored = load(db);
    if (!stored || !sane(stored->limits) || stored->salt.size() != kSalt) {
        result.outcome = RewrapOutcome::NothingToRewrap;
        return result;
    }
    auto key = unwrap(derive(previous_pin, stored->salt, stored->limits), stored->wrapped);
    if (!key) return result;  // WrongPreviousPin
    store(db, pending.salt, pending.limits, wrap(pending.wrapping_key, *key), now, true);
    tx.commit();
    result.key = std::move(key);
    result.outcome = RewrapOutcome::Done;
    return result;
}

}  // namespace desa::lending
