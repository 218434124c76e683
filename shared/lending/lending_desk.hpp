#pragma once
// What the librarian is doing at the lending desk: the member and copies being checked out, the
// return in progress, the member form. Part of the visit (wiped with it).
#include "session/text_field.hpp"

namespace desa::lending {

struct LendingDesk {};

}  // namespace desa::lending
