#pragma once
// What the aspiration screens and `desa-kiosk aspirations ...` share: the NIK district registry
// (loaded on first use), the submit rules from the config, and problems as translated text.
#include <string>

#include "app/kiosk_context.hpp"
#include "aspirations/aspiration_store.hpp"

namespace desa::kiosk {

// All kecamatan of Indonesia (a NIK may be issued anywhere), from assets/regions.
const regions::RegionRegistry& nik_districts(KioskContext& ctx);
aspirations::SubmitRules submit_rules(const KioskContext& ctx);
aspirations::Limits aspiration_limits(const KioskContext& ctx);
people::CivilDate kiosk_today(std::int64_t unix_seconds);

// "Judul terlalu pendek (minimal 5 karakter)" in `lang`.
std::string describe(const aspirations::FieldProblem& problem, const i18n::Catalog& catalog, i18n::Language lang);
std::string describe(aspirations::SubmitProblem problem, const i18n::Catalog& catalog, i18n::Language lang);

}  // namespace desa::kiosk
