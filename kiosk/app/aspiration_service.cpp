#include "app/aspiration_service.hpp"

namespace desa::kiosk {

const regions::RegionRegistry& nik_districts(KioskContext& ctx) {
    // ~7,800 rows: loaded when a resident first types a NIK, not at start-up (UI thread only).
    if (!ctx.nik_districts)
        ctx.nik_districts = regions::RegionRegistry::load_csv(ctx.assets_dir / "regions/kecamatan-indonesia.csv");
    return *ctx.nik_districts;
}

aspirations::SubmitRules submit_rules(const KioskContext& ctx) {
    aspirations::SubmitRules rules;
    rules.village_code = ctx.config.village_code;
    if (!ctx.config.province_public_key.empty())
        rules.province = security::parse_box_public_key(ctx.config.province_public_key);
    rules.max_per_minute = ctx.config.aspirations.max_per_minute;
    return rules;
}

aspirations::Limits aspiration_limits(const KioskContext& ctx) {
    aspirations::Limits limits;
    limits.photo_max_bytes = static_cast<std::size_t>(ctx.config.aspirations.max_photo_kb) * 1024;
    return limits;
}

people::CivilDate kiosk_today(std::int64_t unix_seconds) { return people::civil_date_from_unix(unix_seconds); }

std::string describe(const aspirations::FieldProblem& p, const i18n::Catalog& catalog, i18n::Language lang) {
    return catalog.format(lang, p.message_id, {{"limit", p.detail}});
}

std::string describe(aspirations::SubmitProblem p, const i18n::Catalog& catalog, i18n::Language lang) {
    return catalog.tr(lang, "aspiration.submit." + std::string(aspirations::submit_problem_name(p)));
}

}  // namespace desa::kiosk
