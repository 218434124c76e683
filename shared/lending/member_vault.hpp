#pragma once
// Privacy of library members, by construction:
//  - A member's name and phone never touch the disk in clear. Each is sealed with one random 32-byte
//    member-data key (crypto_secretbox_easy, a fresh random nonce per value); the schema refuses a
//    name column that is not a sealed blob.
//  - The key is stored only wrapped (secretbox) by a key derived from the librarian PIN (Argon2id,
//    random salt, libsodium's INTERACTIVE limits; tests pass MIN limits for speed). The limits are
//    stored with it, so unwrapping always uses the ones it was wrapped with.
//  - It is unwrapped at librarian sign-in into sodium_malloc'd memory (guard pages, locked, zeroed
//    when freed), held by the desk for the visit and freed when the desk is wiped (sign-out, idle).
//    The first sign-in creates it.
//  - If the librarian PIN was changed in kiosk.toml, the new (accepted) PIN cannot unwrap the key:
//    lending still works by card code, names show as locked, and typing the previous PIN once
//    re-wraps the key for the new PIN (PendingWrap keeps the new PIN's derived key, not the PIN).
//  - A nullable column waits for a copy of the key sealed to the province's public key (issue 5),
//    for recovery when every PIN is forgotten.
//  - Names and phones never appear in logs or error texts; nothing here logs.
// The protection at rest is as strong as the librarian PIN against offline guessing (as is the PIN
// hash in kiosk.toml): a long PIN matters.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace desa::lending {

// Argon2id cost. interactive() on kiosks; minimum() only in tests.
struct KdfLimits {
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;
    static KdfLimits interactive();
    static KdfLimits minimum();
};

// 32 secret bytes in sodium_malloc'd memory, read-only after creation, zeroed and freed with the
// object. Move-only.
class SecretKey {
public:
    static constexpr std::size_t kSize = 32;
    static SecretKey random();
    // Takes `bytes` (kSize of them); the caller wipes its own copy.
    static SecretKey from(std::span<const unsigned char> bytes);
    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    ~SecretKey();
    const unsigned char* data() const { return bytes_; }

private:
    SecretKey();  // allocates
    unsigned char* bytes_ = nullptr;
};

// nonce || secretbox(plaintext): 40 bytes more than the text.
std::vector<unsigned char> seal_value(const SecretKey& key, std::string_view plaintext);
// nullopt when the key is wrong or the bytes were altered.
std::optional<std::string> open_value(const SecretKey& key, std::span<const unsigned char> sealed);

// The new PIN's wrapping key, derived at sign-in while the stored key is still wrapped by an older
// PIN, so the re-wrap needs only the previous PIN.
struct PendingWrap {
    SecretKey wrapping_key;
    std::vector<unsigned char> salt;
    KdfLimits limits;
};

enum class VaultOutcome {
    Created,     // first sign-in: a new key, wrapped for this PIN
    Unlocked,    // the stored key, unwrapped with this PIN
    PinChanged,  // the stored key was wrapped by another PIN; `pending` is set, `key` is not
    Damaged,     // the stored row is not usable (altered limits or sizes); no key
};

struct VaultOpen {
    VaultOutcome outcome = VaultOutcome::Damaged;
    std::optional<SecretKey> key;
    std::optional<PendingWrap> pending;
};

// At librarian sign-in, with the accepted PIN. New keys are wrapped with `limits`. When the PIN no
// longer unwraps the key and no member has sealed data yet, a new key replaces it (nothing to lose).
VaultOpen open_vault(storage::Database& db, std::string_view pin, KdfLimits limits, std::int64_t now);

enum class RewrapOutcome { Done, WrongPreviousPin, NothingToRewrap };
struct Rewrap {
    RewrapOutcome outcome = RewrapOutcome::WrongPreviousPin;
    std::optional<SecretKey> key;  // set when Done
};
// Unwraps the stored key with `previous_pin` and wraps it again with `pending` (the new PIN).
Rewrap rewrap_vault(storage::Database& db, std::string_view previous_pin, const PendingWrap& pending, std::int64_t now);

bool vault_exists(storage::Database& db);

}  // namespace desa::lending
