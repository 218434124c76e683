#pragma once
// A set of 32-bit hashes of short keys, for CatalogStore's bulk load (catalog_store.hpp,
// begin_bulk_load). Internal to the catalogue module.
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace desa::catalog {

// 32-bit hashes of the keys written during a bulk load (begin_bulk_load): a key that is not here
// was never written, so a SELECT for it would find nothing. A collision only costs that SELECT
// (~1 in 1,000 look-ups at 1M records). Open addressing, 4 bytes a slot, at most 3/4 full: 100k
// records with 1.5 copies and 0.8 ISBNs each take 2 MB, 1M records 16 MB.
class KeyHashes {
public:
    enum Kind : std::uint64_t { ControlNumber = 0x9E3779B97F4A7C15ULL, Isbn = 0xC2B2AE3D27D4EB4FULL,
                                Barcode = 0x165667B19E3779F9ULL };
    void add(Kind kind, std::string_view key) {
        if (4 * (used_ + 1) > 3 * slots_.size()) grow();
        if (insert(slots_, hash(kind, key))) ++used_;
    }
    bool may_contain(Kind kind, std::string_view key) const {
        const std::uint32_t h = hash(kind, key);
        for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            if (slots_[i] == h) return true;
            if (slots_[i] == 0) return false;
        }
    }

private:
    static std::uint32_t hash(Kind kind, std::string_view key) {
        std::uint64_t h = std::hash<std::string_view>{}(key) ^ kind;
        h ^= h >> 33;  // spread the bits: slots are taken from the low ones
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        const auto folded = static_cast<std::uint32_t>(h);
        return folded == 0 ? 1 : folded;  // 0 marks an empty slot
    }
    static bool insert(std::vector<std::uint32_t>& slots, std::uint32_t h) {
        for (std::size_t i = h & (slots.size() - 1);; i = (i + 1) & (slots.size() - 1)) {
            if (slots[i] == h) return false;
            if (slots[i] == 0) {
                slots[i] = h;
                return true;
            }
        }
    }
    void grow() {
        std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
        for (std::uint32_t h : slots_)
            if (h != 0) insert(bigger, h);
        slots_ = std::move(bigger);
    }
    std::vector<std::uint32_t> slots_ = std::vector<std::uint32_t>(1024, 0);
    std::size_t used_ = 0;
};

}  // namespace desa::catalog
