#pragma once
// The hub's `slides` channel as pictures for the attract screen: the images of the installed
// version, in manifest order, decoded under limits. A file that is not a readable image, or too
// big, is skipped with a warning in the log; the rest still show.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "media/image_decode.hpp"
#include "storage/database.hpp"

namespace desa::media {

inline constexpr std::size_t kMaxSlides = 50;
inline constexpr std::int64_t kSlidesByteBudget = 160LL << 20;  // all slides' RGBA together

struct SlideImages {
    std::int64_t version = 0;      // of the `slides` channel; 0 when none is installed
    std::vector<Image> images;     // RGBA, in manifest order
    std::vector<std::string> skipped;  // "name: reason", one per file left out
};

// The installed version of the `slides` channel, or nullopt (a cheap query: called while idle).
std::optional<std::int64_t> installed_slides_version(storage::Database& db);

// Decodes every image of the installed version. The byte budget counts decoded RGBA bytes: the
// slides after it are skipped, so a channel of many huge pictures cannot exhaust the memory.
SlideImages load_installed_slides(storage::Database& db, const ImageLimits& limits = {},
                                  std::int64_t byte_budget = kSlidesByteBudget);

}  // namespace desa::media
