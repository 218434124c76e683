#include "model/province_keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace desa::hub {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSignSecret = "province-sign.secret";
constexpr const char* kSignPublic = "province-sign.public";
constexpr const char* kSealSecret = "province-seal.secret";
constexpr const char* kSealPublic = "province-seal.public";

// O_EXCL: never replaces a file, even one created between our check and this call.
void write_new_file(const fs::path& file, const std::string& text, mode_t mode) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) throw KeyError("cannot create " + file.string() + ": " + std::strerror(errno));
    const std::string line = text + "\n";
    const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
    ::fchmod(fd, mode);  // whatever the umask said
    ::close(fd);
    if (!ok) throw KeyError("cannot write " + file.string());
}

std::string read_key_file(const fs::path& file, bool secret) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        throw KeyError("missing key file " + file.string() + " (run `desa-hub keys init`)");
    if (secret && (st.st_mode & 077) != 0)
        throw KeyError("key file " + file.string() + " is readable by other users: chmod 600 it");
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if (!in && !in.eof()) throw KeyError("cannot read " + file.string());
    return text;
}

}  // namespace

fs::path keys_dir(const fs::path& data_dir) { return data_dir / "keys"; }

ProvincePublicKeys init_keys(const fs::path& data_dir) {
    const fs::path dir = keys_dir(data_dir);
    for (const char* name : {kSignSecret, kSignPublic, kSealSecret, kSealPublic})
        if (fs::exists(dir / name))
            throw KeyError("key file " + (dir / name).string() + " already exists: keys are never replaced");
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw KeyError("cannot create " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, ec);

    const auto sign = sync::make_sign_key_pair();
    const auto seal = security::make_box_key_pair();
    write_new_file(dir / kSignSecret, sync::encode_sign_secret_key(sign.secret_key), 0600);
    write_new_file(dir / kSealSecret, security::to_base64(seal.secret_key.bytes), 0600);
    write_new_file(dir / kSignPublic, sync::encode_sign_public_key(sign.public_key), 0644);
    write_new_file(dir / kSealPublic, security::to_base64(seal.public_key.bytes), 0644);
    return {sign.public_key, seal.public_key};
}

ProvincePublicKeys load_public_keys(const fs::path& data_dir) {
    const fs::path dir = keys_dir(data_dir);
    const auto sign = sync::parse_sign_public_key(read_key_file(dir / kSignPublic, false));
    if (!sign) throw KeyError("malformed key file " + (dir / kSignPublic).string());
    const auto seal = security::parse_box_public_key(read_key_file(dir / kSealPublic, false));
    if (!seal) throw KeyError("malformed key file " + (dir / kSealPublic).string());
    return {*sign, *seal};
}

sync::SignKeyPair load_sign_key(const fs::path& data_dir) {
    const fs::path file = keys_dir(data_dir) / kSignSecret;
    const auto secret = sync::parse_sign_secret_key(read_key_file(file, true));
    if (!secret) throw KeyError("malformed key file " + file.string());
    sync::SignKeyPair pair;
    pair.secret_key = *secret;
    std::copy(secret->bytes.begin() + 32, secret->bytes.end(), pair.public_key.bytes.begin());
    if (!(pair.public_key == load_public_keys(data_dir).sign))
        throw KeyError("keys/" + std::string(kSignPublic) + " does not belong to " + std::string(kSignSecret));
    return pair;
}

std::optional<security::BoxKeyPair> load_seal_key(const fs::path& data_dir) {
    const fs::path file = keys_dir(data_dir) / kSealSecret;
    if (!fs::exists(file)) return std::nullopt;
    const auto secret = security::parse_box_secret_key(read_key_file(file, true));
    if (!secret) throw KeyError("malformed key file " + file.string());
    security::BoxKeyPair pair{load_public_keys(data_dir).seal, *secret};
    std::array<std::uint8_t, 32> derived{};
    if (crypto_scalarmult_base(derived.data(), pair.secret_key.bytes.data()) != 0 || derived != pair.public_key.bytes)
        throw KeyError("keys/" + std::string(kSealPublic) + " does not belong to " + std::string(kSealSecret));
    return pair;
}

}  // namespace desa::hub
