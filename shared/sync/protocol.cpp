#include "sync/protocol.hpp"

#include <sodium.h>

#include <algorithm>

#include "security/sealed_box.hpp"
#include "security/sodium.hpp"

namespace desa::sync {

namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), data, size);
    hex.pop_back();
    return hex;
}

template <std::size_t N>
std::optional<std::array<std::uint8_t, N>> decode_fixed(std::string_view base64) {
    const auto bytes = security::from_base64(base64);
    if (!bytes || bytes->size() != N) return std::nullopt;
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

bool is_hex_lower(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

SignKeyPair make_sign_key_pair() {
    security::ensure_sodium();
    SignKeyPair pair;
    crypto_sign_keypair(pair.public_key.bytes.data(), pair.secret_key.bytes.data());
    return pair;
}

std::string encode_sign_public_key(const SignPublicKey& key) { return security::to_base64(key.bytes); }

std::optional<SignPublicKey> parse_sign_public_key(std::string_view base64) {
    auto bytes = decode_fixed<32>(base64);
    if (!bytes) return std::nullopt;
    return SignPublicKey{*bytes};
}

std::string encode_sign_secret_key(const SignSecretKey& key) { return security::to_base64(key.bytes); }

std::optional<SignSecretKey> parse_sign_secret_key(std::string_view base64) {
    auto bytes = decode_fixed<64>(base64);
    if (!bytes) return std::nullopt;
    // The second half is the public key; it must be the one the seed makes.
    security::ensure_sodium();
    std::array<std::uint8_t, 32> pk{};
    std::array<std::uint8_t, 64> sk{};
    crypto_sign_seed_keypair(pk.data(), sk.data(), bytes->data());
    if (sodium_memcmp(sk.data(), bytes->data(), 64) != 0) return std::nullopt;
    return SignSecretKey{*bytes};
}

std::string key_fingerprint(const std::array<std::uint8_t, 32>& public_key) {
    return sha256_hex(std::string_view(reinterpret_cast<const char*>(public_key.data()), public_key.size()))
        .substr(0, 16);
}

std::string sha256_hex(std::string_view bytes) {
    security::ensure_sodium();
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return to_hex(digest.data(), digest.size());
}

std::string random_nonce_hex() {
    security::ensure_sodium();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return to_hex(bytes.data(), bytes.size());
}

std::string sign_text(std::string_view text, const SignSecretKey& key) {
    security::ensure_sodium();
    std::array<std::uint8_t, crypto_sign_BYTES> sig{};
    crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         key.bytes.data());
    return security::to_base64(sig);
}

bool verify_text(std::string_view text, std::string_view signature_base64, const SignPublicKey& key) {
    security::ensure_sodium();
    const auto sig = decode_fixed<crypto_sign_BYTES>(signature_base64);
    if (!sig) return false;
    return crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                                       key.bytes.data()) == 0;
}

std::string request_text(std::string_view method, std::string_view path_and_query, std::int64_t time,
                         std::string_view nonce_hex, std::string_view body) {
    std::string t = "DESA-REQ-1\n";
    t.append(method).append("\n").append(path_and_query).append("\n").append(std::to_string(time));
    t.append("\n").append(nonce_hex).append("\n").append(sha256_hex(body));
    return t;
}

std::string enrol_answer_text(const EnrolAnswer& a) {
    return "DESA-ENR-1\n" + a.kiosk_id + "\n" + a.village_code + "\n" + sha256_hex(a.village_name) + "\n" +
           a.province_sign_key + "\n" + a.province_seal_key + "\n" + std::to_string(a.server_time);
}

std::string ack_text(std::string_view kiosk_id, std::string_view batch_sha256, const std::vector<AckResult>& results) {
    std::string t = "DESA-ACK-1\n";
    t.append(kiosk_id).append("\n").append(batch_sha256);
    for (const auto& r : results) t.append("\n").append(r.uuid).append(" ").append(r.result);
    return t;
}

std::string updates_text(std::string_view kiosk_id, std::int64_t after, const std::vector<StatusUpdate>& updates) {
    std::string t = "DESA-UPD-1\n";
    t.append(kiosk_id).append("\n").append(std::to_string(after));
    for (const auto& u : updates)
        t.append("\n" + std::to_string(u.seq) + " " + u.tracking_code + " " + u.status + " " + std::to_string(u.at) +
                 " " + sha256_hex(u.note));
    return t;
}

std::string manifest_text(const Manifest& m) {
    std::string t = "DESA-MAN-1\n" + m.channel + "\n" + std::to_string(m.version) + "\n" + std::to_string(m.created_at);
    for (const auto& f : m.files) t.append("\n" + f.sha256 + " " + std::to_string(f.size) + " " + f.name);
    return t;
}

bool is_safe_file_name(std::string_view name) {
    if (name.empty() || name.size() > 100 || name == "." || name == "..") return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

bool is_sha256_hex(std::string_view text) {
    if (text.size() != 64) return false;
    for (char c : text)
        if (!is_hex_lower(c)) return false;
    return true;
}

bool is_channel_name(std::string_view name) {
    if (name.empty() || name.size() > 32) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

}  // namespace desa::sync
