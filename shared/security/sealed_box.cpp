#include "security/sealed_box.hpp"

#include <sodium.h>

#include <stdexcept>

#include "security/sodium.hpp"

namespace desa::security {

BoxKeyPair make_box_key_pair() {
    ensure_sodium();
    BoxKeyPair kp;
    crypto_box_keypair(kp.public_key.bytes.data(), kp.secret_key.bytes.data());
    return kp;
}

std::string to_base64(const std::uint8_t* data, std::size_t size) {
    ensure_sodium();
    std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the encoder writes a terminating NUL
    return out;
}

std::optional<std::vector<std::uint8_t>> from_base64(std::string_view base64) {
    ensure_sodium();
    std::vector<std::uint8_t> out(base64.size() / 4 * 3 + 3);
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_base642bin(out.data(), out.size(), base64.data(), base64.size(), nullptr, &len, &end,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != base64.data() + base64.size())
        return std::nullopt;
    out.resize(len);
    return out;
}

namespace {
template <typename Key>
std::optional<Key> parse_key(std::string_view base64) {
    auto bytes = from_base64(base64);
    if (!bytes || bytes->size() != 32) return std::nullopt;
    Key key;
    std::copy(bytes->begin(), bytes->end(), key.bytes.begin());
    sodium_memzero(bytes->data(), bytes->size());
    return key;
}
}  // namespace

std::optional<BoxPublicKey> parse_box_public_key(std::string_view base64) { return parse_key<BoxPublicKey>(base64); }
std::optional<BoxSecretKey> parse_box_secret_key(std::string_view base64) { return parse_key<BoxSecretKey>(base64); }

std::vector<std::uint8_t> seal(std::string_view plaintext, const BoxPublicKey& to) {
    ensure_sodium();
    std::vector<std::uint8_t> out(plaintext.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        to.bytes.data()) != 0)
        throw std::runtime_error("sealing failed");
    return out;
}

std::optional<std::string> open_sealed(const std::vector<std::uint8_t>& sealed, const BoxKeyPair& keys) {
    ensure_sodium();
    if (sealed.size() < crypto_box_SEALBYTES) return std::nullopt;
    std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()), sealed.data(), sealed.size(),
                             keys.public_key.bytes.data(), keys.secret_key.bytes.data()) != 0)
        return std::nullopt;
    return out;
}

}  // namespace desa::security
