#pragma once
// The province's keys in the hub's data directory (docs/sync-protocol.md, "Keys"):
//   keys/province-sign.secret  Ed25519, 64 bytes base64, 0600   signs answers, manifests, acks
//   keys/province-sign.public  32 bytes base64
//   keys/province-seal.secret  X25519, 32 bytes base64, 0600    opens residents' sealed fields
//   keys/province-seal.public  32 bytes base64
// The seal secret may be moved off the server (kept by an administrator): the hub serves without
// it and only `aspirations show --decrypt` needs it.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include "security/sealed_box.hpp"
#include "sync/protocol.hpp"

namespace desa::hub {

class KeyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ProvincePublicKeys {
    sync::SignPublicKey sign;
    security::BoxPublicKey seal;
    std::string sign_base64() const { return sync::encode_sign_public_key(sign); }
    std::string seal_base64() const { return security::to_base64(seal.bytes); }
    std::string sign_fingerprint() const { return sync::key_fingerprint(sign.bytes); }
    std::string seal_fingerprint() const { return sync::key_fingerprint(seal.bytes); }
};

std::filesystem::path keys_dir(const std::filesystem::path& data_dir);

// Creates both key pairs; refuses (KeyError) when any key file already exists, so a second run can
// never replace the keys every kiosk has pinned.
ProvincePublicKeys init_keys(const std::filesystem::path& data_dir);

// KeyError naming the file when missing, malformed or readable by others.
ProvincePublicKeys load_public_keys(const std::filesystem::path& data_dir);
sync::SignKeyPair load_sign_key(const std::filesystem::path& data_dir);
// nullopt when the seal secret is not in this data directory.
std::optional<security::BoxKeyPair> load_seal_key(const std::filesystem::path& data_dir);

}  // namespace desa::hub
