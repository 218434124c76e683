#pragma once
// gzip for request bodies (zlib). Decompression is bounded: a small body that inflates to
// gigabytes (a "zip bomb") is refused once the output passes the limit, before it is all in memory.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace desa::hub {

enum class GunzipProblem { Corrupt, TooLarge };

struct GunzipResult {
    std::optional<std::string> data;
    GunzipProblem problem = GunzipProblem::Corrupt;  // when data is empty
};

// One complete gzip member; trailing bytes after it are refused as corrupt.
GunzipResult gunzip_bounded(std::string_view compressed, std::size_t max_output);
std::string gzip_compress(std::string_view data);

}  // namespace desa::hub
