#include "catalog/record.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace desa::catalog {

namespace {
// The names are stored in catalog_copies.status and exchanged with the hub: never rename one.
constexpr std::array<std::pair<CopyStatus, std::string_view>, 4> kStatusNames{{
    {CopyStatus::Available, "available"},
    {CopyStatus::OnLoan, "on_loan"},
    {CopyStatus::Lost, "lost"},
    {CopyStatus::Withdrawn, "withdrawn"},
}};
}  // namespace

std::string_view copy_status_name(CopyStatus status) {
    for (const auto& [s, name] : kStatusNames)
        if (s == status) return name;
    return "available";
}

std::optional<CopyStatus> copy_status_from_name(std::string_view name) {
    for (const auto& [s, n] : kStatusNames)
        if (n == name) return s;
    return std::nullopt;
}

int Record::available_copies() const {
    return static_cast<int>(std::count_if(copies.begin(), copies.end(), [](const Copy& c) {
        return c.status == CopyStatus::Available;
    }));
}

}  // namespace desa::catalog
