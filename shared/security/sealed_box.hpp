#pragma once
// Resident personal data (names, NIKs, phones, photos) sealed to the province's public key with a
// libsodium sealed box (X25519 + XSalsa20-Poly1305, anonymous sender): once sealed, the kiosk
// itself cannot read it back; only the holder of the province's secret key (the hub) can.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace desa::security {

struct BoxPublicKey {
    std::array<std::uint8_t, 32> bytes{};
    bool operator==(const BoxPublicKey&) const = default;
};
struct BoxSecretKey {
    std::array<std::uint8_t, 32> bytes{};
};
struct BoxKeyPair {
    BoxPublicKey public_key;
    BoxSecretKey secret_key;
};

BoxKeyPair make_box_key_pair();

// Standard base64 (with padding) of exactly 32 bytes; nullopt for anything else.
std::optional<BoxPublicKey> parse_box_public_key(std::string_view base64);
std::optional<BoxSecretKey> parse_box_secret_key(std::string_view base64);
std::string to_base64(const std::uint8_t* data, std::size_t size);
std::optional<std::vector<std::uint8_t>> from_base64(std::string_view base64);
template <std::size_t N>
std::string to_base64(const std::array<std::uint8_t, N>& bytes) { return to_base64(bytes.data(), N); }

// Ciphertext is plaintext + 48 bytes. A fresh ephemeral key each call: sealing the same text twice
// gives different bytes (nothing links two submissions of one resident).
std::vector<std::uint8_t> seal(std::string_view plaintext, const BoxPublicKey& to);
// For the hub and tests: nullopt when the key is wrong or the bytes were altered.
std::optional<std::string> open_sealed(const std::vector<std::uint8_t>& sealed, const BoxKeyPair& keys);

}  // namespace desa::security
