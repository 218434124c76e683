#pragma once
// gzip for outbox batches (Content-Encoding: gzip). Inflation is bounded so a hostile or broken
// peer cannot make us allocate without limit.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace desa::sync {

std::string gzip_compress(std::string_view data);
// nullopt when the input is not one complete gzip stream or inflates to more than `max_size`.
std::optional<std::string> gzip_decompress(std::string_view data, std::size_t max_size);

}  // namespace desa::sync
