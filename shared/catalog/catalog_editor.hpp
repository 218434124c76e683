#pragma once
// The librarian's record editor: one record as text fields, validated into a catalog::Record.
// Part of the visit (wiped with it), like LibraryVisit.
#include <cstdint>
#include <optional>

#include "session/text_field.hpp"

namespace desa::catalog {

struct CatalogEditor {
    std::optional<std::int64_t> record_id;  // nullopt: a new record
};

}  // namespace desa::catalog
