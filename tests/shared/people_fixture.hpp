#pragma once
// What the NIK, identity and aspiration tests share: every kecamatan of Indonesia (the real
// registry the kiosk ships) and one fixed "today", so birth dates and ages never depend on the clock.
#include "people/nik.hpp"
#include "regions/region_registry.hpp"
#include "test_support.hpp"

namespace desa::test {

inline const regions::RegionRegistry& indonesian_districts() {
    static const auto registry =
        regions::RegionRegistry::load_csv(assets_dir() / "regions/kecamatan-indonesia.csv");
    return registry;
}

inline constexpr people::CivilDate kTestToday{2026, 11, 28};

}  // namespace desa::test
