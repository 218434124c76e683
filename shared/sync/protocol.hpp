#pragma once
// The canonical texts of docs/sync-protocol.md and the Ed25519 signing around them, shared by the
// kiosk's sync engine and desa-hub so both sides sign and check exactly the same bytes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desa::sync {

struct SignPublicKey {
    std::array<std::uint8_t, 32> bytes{};
    bool operator==(const SignPublicKey&) const = default;
};
struct SignSecretKey {  // libsodium's 64-byte form (seed + public key)
    std::array<std::uint8_t, 64> bytes{};
};
struct SignKeyPair {
    SignPublicKey public_key;
    SignSecretKey secret_key;
};

SignKeyPair make_sign_key_pair();
std::string encode_sign_public_key(const SignPublicKey&);  // base64 of 32 bytes
std::optional<SignPublicKey> parse_sign_public_key(std::string_view base64);
std::string encode_sign_secret_key(const SignSecretKey&);  // base64 of 64 bytes
std::optional<SignSecretKey> parse_sign_secret_key(std::string_view base64);
// First 16 hex digits of SHA-256 over the 32 raw bytes.
std::string key_fingerprint(const std::array<std::uint8_t, 32>& public_key);

std::string sha256_hex(std::string_view bytes);
std::string random_nonce_hex();  // 32 hex digits

// Base64 Ed25519 detached signature of `text`; verification is false for any malformed input.
std::string sign_text(std::string_view text, const SignSecretKey& key);
bool verify_text(std::string_view text, std::string_view signature_base64, const SignPublicKey& key);

// --- Canonical texts (docs/sync-protocol.md).
inline constexpr std::int64_t kClockSkewSeconds = 300;
inline constexpr std::int64_t kNonceMemorySeconds = 600;

std::string request_text(std::string_view method, std::string_view path_and_query, std::int64_t time,
                         std::string_view nonce_hex, std::string_view body);

struct EnrolAnswer {
    std::string kiosk_id, village_code, village_name, province_sign_key, province_seal_key;
    std::int64_t server_time = 0;
};
std::string enrol_answer_text(const EnrolAnswer&);

struct AckResult {
    std::string uuid;
    std::string result;  // "stored", "duplicate", "conflict"
};
std::string ack_text(std::string_view kiosk_id, std::string_view batch_sha256, const std::vector<AckResult>& results);

struct StatusUpdate {
    std::int64_t seq = 0;
    std::string tracking_code, status;
    std::int64_t at = 0;
    std::string note;
};
std::string updates_text(std::string_view kiosk_id, std::int64_t after, const std::vector<StatusUpdate>& updates);

struct ManifestFile {
    std::string name, sha256;
    std::int64_t size = 0;
};
struct Manifest {
    std::string channel;
    std::int64_t version = 0;
    std::int64_t created_at = 0;
    std::vector<ManifestFile> files;
};
std::string manifest_text(const Manifest&);

// Names safe as one path component on every side: [A-Za-z0-9._-], 1..100 chars, not "." or "..".
bool is_safe_file_name(std::string_view name);
bool is_sha256_hex(std::string_view text);  // 64 lower-case hex digits
bool is_channel_name(std::string_view name);  // [a-z0-9_], 1..32

}  // namespace desa::sync
