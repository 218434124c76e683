#include "app/kiosk_context.hpp"

#include <cstdlib>
#include <ctime>

#include <spdlog/spdlog.h>

#include "catalog/catalog_edit_outbox.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/catalog_store.hpp"
#include "catalog/union_catalog.hpp"
#include "core/paths.hpp"
#include "queue/hub_services.hpp"
#include "storage/kiosk_schema.hpp"
#include "sync/sync_store.hpp"

namespace desa::kiosk {
namespace {

namespace fs = std::filesystem;

std::pair<fs::path, bool> find_config(const GlobalOptions& options, const fs::path& assets) {
    if (options.config_file) return {*options.config_file, false};
    std::vector<fs::path> candidates;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
        candidates.push_back(fs::path(xdg) / "desa-kiosk/kiosk.toml");
    else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        candidates.push_back(fs::path(home) / ".config/desa-kiosk/kiosk.toml");
    candidates.push_back("/etc/desa-kiosk/kiosk.toml");
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::exists(c, ec)) return {c, false};
    }
    return {assets / "demo/kiosk.toml", true};
}

}  // namespace

std::unique_ptr<KioskContext> load_kiosk_context(const GlobalOptions& options, i18n::Language lang) {
    const fs::path assets = resolve_assets_dir(options.assets_dir);
    // The catalogue comes first: every later error message is translated with it.
    i18n::Catalog catalog;
    try {
        catalog = i18n::Catalog::load_dir(assets / "i18n");
    } catch (const std::exception& e) {
        throw StartupError(std::string(e.what()) + " (assets: " + assets.string() + ")");
    }
    regions::RegionRegistry regions;
    try {
        regions = regions::RegionRegistry::load_csv(assets / "regions/wilayah-lampung.csv");
    } catch (const std::exception& e) {
        throw StartupError(e.what());
    }

    auto [config_file, demo] = find_config(options, assets);
    config::ConfigLoad load = config::load_kiosk_config(config_file, regions);
    if (!load.problems.empty()) {
        std::string text = catalog.format(lang, "startup.config_refused", {{"file", config_file.string()}});
        for (const auto& p : load.problems) text += "\n  - " + config::describe(p, catalog, lang);
        throw StartupError(text);
    }

    const fs::path data_dir = resolve_data_dir(options.data_dir);
    std::optional<storage::Database> db;
    try {
        // As open_kiosk_database, but the catalogue's tables (most of the file: 0.2-0.5 s of
        // quick_check at 100k titles) are checked after the first frame: KioskApp starts it. An
        // 8 MB page cache (SQLite's default is 2 MB) keeps the catalogue's facet rows and index
        // pages at hand: search p95 at 100k titles 5.8 -> 4.9 ms (docs/benchmarks.md).
        ensure_private_dir(data_dir);
        db.emplace(storage::Database::open(data_dir / "kiosk.db", storage::Durability::Full,
                                           storage::kiosk_migrations(), storage::OpenOptions{{"catalog_"}, 8 * 1024}));
    } catch (const std::exception& e) {
        throw StartupError(catalog.format(lang, "startup.database_refused", {{"reason", e.what()}}));
    }

    auto ctx = std::unique_ptr<KioskContext>(new KioskContext{
        assets, data_dir, config_file, demo, std::move(*load.config), std::move(regions),
        std::move(catalog), std::move(*db), 0, {}, false, {}, {}, std::nullopt, CameraFault::None, std::nullopt, {}, {}, 0,
        {"/media", "/run/media", "/mnt"}});
    if (options.camera_folder) ctx->camera = scan::folder_camera(*options.camera_folder);
    ctx->schema_version = ctx->db.schema_version();
    // An enrolled kiosk seals residents' personal data to the province key pinned at enrolment,
    // whatever the config file says.
    if (const auto pinned = sync::pinned_seal_key(ctx->db)) ctx->config.province_public_key = *pinned;
    // The library the catalogue belongs to, named in the librarian's catalog_edits records.
    catalog::set_library_village(ctx->db, ctx->config.village_code);
    ctx->configured_queue = ctx->config.queue;
    refresh_queue_config(*ctx, static_cast<std::int64_t>(std::time(nullptr)));
    // The demo village comes with a small village-library catalogue, so every section has
    // something to show on first start. A real kiosk's catalogue comes from its librarian or the hub.
    if (demo && catalog::CatalogStore(ctx->db).count() == 0) {
        const auto report = catalog::import_file(ctx->db, assets / "demo/catalog.csv");
        if (!report.ok()) throw StartupError("demo catalogue: " + report.error);
        spdlog::info("demo catalogue loaded: {} titles", report.stored());
    }
    // Other libraries' holdings (union.db, from the hub's `catalog` channel) for search and the
    // record screen; without it the kiosk searches its own catalogue only.
    const bool union_attached = catalog::attach_union_catalog(ctx->db, data_dir);
    // ... and the demo village a small one of neighbouring libraries, as the hub's channel would
    // bring (docs/sync-protocol.md), so "Juga ada di" has something to show.
    if (demo && union_attached && !catalog::union_catalog_state(ctx->db)) {
        const auto report = catalog::install_union_catalog(data_dir, assets / "demo/union", ctx->config.village_code);
        if (!report.ok()) throw StartupError("demo union catalogue: " + report.error);
    }
    const auto chain = ctx->regions.ancestry(ctx->config.village_code);
    // chain = province, kabupaten/kota, kecamatan, desa (validated by the config loader).
    ctx->village_name = chain.back()->name;
    // Kemendagri: the last part of the code starts with 1 for a kelurahan, 2 for a desa.
    const auto& code = ctx->config.village_code;
    ctx->kelurahan = code.size() > 3 && code[code.size() - 4] == '1';
    if (chain.size() >= 3) {
        ctx->district_name = chain[2]->name;
        ctx->regency_name = chain[1]->name;
    }
    if (const char* roots = std::getenv("DESA_USB_ROOTS")) {
        ctx->usb_roots.clear();
        std::string_view rest = roots;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            if (colon != 0) ctx->usb_roots.emplace_back(std::string(rest.substr(0, colon)));
            if (colon == std::string_view::npos) break;
            rest.remove_prefix(colon + 1);
        }
    }
    reload_courses(*ctx);
    return ctx;
}

void reload_courses(KioskContext& ctx, bool if_channel_changed) {
    const auto installed = sync::installed_channel(ctx.db, "lessons");
    const std::int64_t version = installed ? installed->version : 0;
    if (if_channel_changed && version == ctx.lessons_version) return;
    ctx.lessons_version = version;
    ctx.courses = lessons::load_courses(ctx.data_dir, ctx.assets_dir);
    for (const auto& [dir, problems] : ctx.courses.broken)
        spdlog::warn("lessons: {} skipped: {} problem(s), first: {} {}", dir.filename().string(), problems.size(),
                     lessons::problem_kind_name(problems.front().kind), problems.front().detail);
}

void refresh_queue_config(KioskContext& ctx, std::int64_t now) {
    ctx.config.queue = queue::effective_queue_config(ctx.configured_queue, ctx.data_dir, ctx.db, now);
}

}  // namespace desa::kiosk
