#pragma once
// Schema of the kiosk's resident database (kiosk.db, Durability::Full). Later features append
// migrations here; never edit one that has shipped.
#include <span>

#include "storage/database.hpp"

namespace desa::storage {

std::span<const Migration> kiosk_migrations();

// Opens <data_dir>/kiosk.db with kiosk_migrations() and Durability::Full.
Database open_kiosk_database(const std::filesystem::path& data_dir);

}  // namespace desa::storage
