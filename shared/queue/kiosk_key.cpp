#include "queue/kiosk_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/paths.hpp"
#include "core/private_file.hpp"

namespace desa::queue {

namespace fs = std::filesystem;

namespace {

// nullopt when the file does not exist; throws when it exists but is not a key.
std::optional<sync::SignSecretKey> read_key_file(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    std::string line;
    if (!in || !std::getline(in, line) || line.size() > 200)
        throw std::runtime_error("cannot read the signing key " + file.string());
    if (auto key = sync::parse_sign_secret_key(line)) return key;
    throw std::runtime_error("the signing key " + file.string() + " is damaged (expected base64 of 64 bytes)");
}

// Writes a fresh key under a private temporary name, then link()s it into place: link fails if
// another process got there first, so exactly one key ever exists and nobody sees half a file.
sync::SignSecretKey create_own_key(const fs::path& file) {
    ensure_private_dir(file.parent_path());
    // Unique per process and thread: concurrent creators never share a temporary file.
    const fs::path tmp = file.string() + ".new." + sync::random_nonce_hex();
    ::unlink(tmp.c_str());
    const sync::SignKeyPair pair = sync::make_sign_key_pair();
    write_new_private_file(tmp, sync::encode_sign_secret_key(pair.secret_key) + "\n");
    const int linked = ::link(tmp.c_str(), file.c_str());
    const int link_errno = errno;
    ::unlink(tmp.c_str());
    if (linked != 0) {
        if (link_errno != EEXIST)
            throw std::runtime_error("cannot create " + file.string() + ": " + std::strerror(link_errno));
        return *read_key_file(file);  // the other process's key
    }
    sync_directory(file.parent_path());
    return pair.secret_key;
}

}  // namespace

fs::path own_ticket_key_file(const fs::path& data_dir) { return data_dir / "queue" / "ticket.secret"; }

sync::SignPublicKey public_key_of(const sync::SignSecretKey& secret) {
    sync::SignPublicKey pk;
    crypto_sign_ed25519_sk_to_pk(pk.bytes.data(), secret.bytes.data());
    return pk;
}

std::vector<sync::SignPublicKey> ticket_verify_keys(const fs::path& data_dir) {
    std::vector<sync::SignPublicKey> keys;
    if (const auto enrolment = read_key_file(data_dir / "sync" / "kiosk.secret")) keys.push_back(public_key_of(*enrolment));
    if (const auto own = read_key_file(own_ticket_key_file(data_dir))) keys.push_back(public_key_of(*own));
    return keys;
}

TicketKeys load_ticket_keys(const fs::path& data_dir) {
    TicketKeys keys;
    const auto enrolment = read_key_file(data_dir / "sync" / "kiosk.secret");
    const fs::path own_file = own_ticket_key_file(data_dir);
    std::optional<sync::SignSecretKey> own = read_key_file(own_file);
    if (enrolment) {
        keys.signing = *enrolment;
        keys.source = TicketKeySource::Enrolment;
        keys.verifying.push_back(public_key_of(*enrolment));
        if (own) keys.verifying.push_back(public_key_of(*own));
        return keys;
    }
    if (!own) own = create_own_key(own_file);
    keys.signing = *own;
    keys.source = TicketKeySource::OwnKey;
    keys.verifying.push_back(public_key_of(*own));
    return keys;
}

}  // namespace desa::queue
