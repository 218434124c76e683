#include "server/gzip.hpp"

#include <zlib.h>

#include <array>
#include <stdexcept>

namespace desa::hub {

GunzipResult gunzip_bounded(std::string_view compressed, std::size_t max_output) {
    z_stream zs{};
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return {};  // 16: gzip wrapper only
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    std::array<char, 1 << 15> buf{};
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        const std::size_t produced = buf.size() - zs.avail_out;
        if (out.size() + produced > max_output) {
            inflateEnd(&zs);
            return {std::nullopt, GunzipProblem::TooLarge};
        }
        out.append(buf.data(), produced);
        if (rc == Z_OK && produced == 0 && zs.avail_in == 0) break;  // truncated input
    }
    const bool whole = rc == Z_STREAM_END && zs.avail_in == 0;
    inflateEnd(&zs);
    if (!whole) return {std::nullopt, GunzipProblem::Corrupt};
    return {std::move(out), GunzipProblem::Corrupt};
}

std::string gzip_compress(std::string_view data) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string out;
    std::array<char, 1 << 15> buf{};
    int rc;
    do {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = static_cast<uInt>(buf.size());
        rc = deflate(&zs, Z_FINISH);
        out.append(buf.data(), buf.size() - zs.avail_out);
    } while (rc == Z_OK);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
    return out;
}

}  // namespace desa::hub
