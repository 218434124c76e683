#include "app/catalog_commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "catalog/catalog_export.hpp"
#include "catalog/catalog_import.hpp"
#include "catalog/search.hpp"
#include "catalog/union_catalog.hpp"

namespace desa::kiosk {
namespace {

struct CatalogArgs {
    std::string query;
    int limit = 20;
    bool json = false;
    std::string file;    // import source / export destination
    std::string format;  // import: marc|marcxml|csv (detected when empty); export: csv|marc
};

int run_import(KioskContext& ctx, const CatalogArgs& args) {
    std::optional<catalog::ImportFormat> format;
    if (!args.format.empty()) {
        format = catalog::import_format_from_name(args.format);
        if (!format) {
            std::cerr << "--format: '" << args.format << "' is not marc, marcxml or csv\n";
            return 2;
        }
    }
    std::size_t last_shown = 0;
    const auto progress = [&](const catalog::ImportProgress& p) {
        if (p.records - last_shown < 10'000 || p.bytes_total == 0) return;
        last_shown = p.records;
        std::cerr << "  " << p.records << " records, " << (100 * p.bytes_done / p.bytes_total) << "%\n";
    };
    const auto report = catalog::import_file(ctx.db, args.file, format, progress);
    std::cout << catalog::describe(report);
    // Non-zero only when nothing could be read; skipped records are in the report.
    return report.ok() && (report.stored() > 0 || report.skipped.empty()) ? 0 : 1;
}

// The files of a `catalog` channel version applied by hand (a USB stick for a kiosk without a
// network, or to check a hub's output): exactly what the sync engine does after a download.
int run_union(KioskContext& ctx, const CatalogArgs& args) {
    const auto report = catalog::install_union_catalog(ctx.data_dir, args.file, ctx.config.village_code);
    std::cout << catalog::describe(report);
    return report.ok() ? 0 : 1;
}

int run_export(KioskContext& ctx, const CatalogArgs& args) {
    catalog::ExportFormat format;
    if (args.format == "csv") format = catalog::ExportFormat::Csv;
    else if (args.format == "marc") format = catalog::ExportFormat::Marc;
    else {
        std::cerr << "--format: '" << args.format << "' is not csv or marc\n";
        return 2;
    }
    try {
        const auto report = catalog::export_catalog(ctx.db, args.file, format);
        std::cout << report.records << " records, " << report.copies << " copies written to " << args.file << "\n";
        for (const auto& p : report.problems) std::cout << "  left out: " << p << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 1;
    }
}

std::string_view field_name(catalog::MatchField f) {
    switch (f) {
        case catalog::MatchField::Title: return "title";
        case catalog::MatchField::Author: return "author";
        case catalog::MatchField::Subject: return "subject";
        case catalog::MatchField::Series: return "series";
        case catalog::MatchField::Publisher: return "publisher";
        case catalog::MatchField::Isbn: return "isbn";
        case catalog::MatchField::CallNumber: return "call_number";
        case catalog::MatchField::Other: return "other";
    }
    return "other";
}

std::string_view kind_name(catalog::MatchKind k) {
    switch (k) {
        case catalog::MatchKind::Exact: return "exact";
        case catalog::MatchKind::Prefix: return "prefix";
        case catalog::MatchKind::Stemmed: return "stemmed";
        case catalog::MatchKind::Fuzzy: return "fuzzy";
    }
    return "exact";
}

int run_search(KioskContext& ctx, const CatalogArgs& args) {
    if (args.limit < 1 || args.limit > 1000) {
        std::cerr << "--limit: 1..1000\n";
        return 2;
    }
    catalog::SearchQuery query;
    query.text = args.query;
    query.limit = args.limit;
    const auto result = catalog::search(ctx.db, query);
    if (args.json) {
        nlohmann::json out{{"total", result.total}, {"total_capped", result.total_capped}, {"kind", kind_name(result.kind)}, {"hits", nlohmann::json::array()}};
        if (result.did_you_mean) out["did_you_mean"] = *result.did_you_mean;
        // Titles only other libraries hold (the union catalogue), after every local hit.
        out["elsewhere_total"] = result.elsewhere_total;
        out["elsewhere"] = nlohmann::json::array();
        for (const auto& e : result.elsewhere) {
            nlohmann::json libraries = nlohmann::json::array();
            for (const auto& l : e.libraries)
                libraries.push_back({{"library_id", l.library_id}, {"name", l.name}, {"village_code", l.village_code},
                                     {"available", l.available}, {"copies", l.copies}});
            out["elsewhere"].push_back({{"title", e.title},
                                        {"subtitle", e.subtitle},
                                        {"authors", e.authors},
                                        {"year", e.year ? nlohmann::json(*e.year) : nlohmann::json(nullptr)},
                                        {"isbn", e.isbn},
                                        {"available", e.available},
                                        {"copies", e.copies},
                                        {"libraries", libraries}});
        }
        for (const auto& h : result.hits)
            out["hits"].push_back({{"id", h.record_id},
                                   {"title", h.title},
                                   {"subtitle", h.subtitle},
                                   {"authors", h.authors},
                                   {"year", h.year ? nlohmann::json(*h.year) : nlohmann::json(nullptr)},
                                   {"isbn", h.isbn},
                                   {"available", h.available},
                                   {"copies", h.copies},
                                   {"field", field_name(h.best_field)},
                                   {"match", kind_name(h.kind)},
                                   {"score", h.score}});
        // Invalid UTF-8 in stored data must not abort the output.
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return 0;
    }
    if (result.did_you_mean) std::cout << "Maksud Anda / did you mean: " << *result.did_you_mean << "\n";
    std::cout << result.total << (result.total_capped ? "+" : "") << " match(es)\n";
    for (const auto& h : result.hits) {
        std::cout << h.record_id << "\t" << h.title;
        if (!h.authors.empty()) std::cout << " — " << h.authors.front();
        if (h.year) std::cout << " (" << *h.year << ")";
        std::cout << "\t" << h.available << "/" << h.copies << " on shelf\n";
    }
    for (const auto& e : result.elsewhere) {
        std::cout << "elsewhere\t" << e.title;
        if (!e.authors.empty()) std::cout << " — " << e.authors.front();
        for (const auto& l : e.libraries) std::cout << "\t" << l.name << " " << l.available << "/" << l.copies;
        std::cout << "\n";
    }
    return 0;
}

}  // namespace

std::function<int(KioskContext&)> add_catalog_commands(CLI::App& cli) {
    auto args = std::make_shared<CatalogArgs>();
    auto* catalog = cli.add_subcommand("catalog", "the library catalogue: import, search, export, union");
    catalog->require_subcommand(1);
    auto* search = catalog->add_subcommand("search", "search like the library screen does");
    search->add_option("QUERY", args->query, "what a resident would type")->required();
    search->add_option("--limit", args->limit, "hits to show (1..1000)");
    search->add_flag("--json", args->json, "print {\"total\": N, \"hits\": [...]}");
    auto* import = catalog->add_subcommand("import", "import MARC 21, MARCXML or CSV (SLiMS, generic, goodbooks)");
    import->add_option("FILE", args->file, "the file to import")->required();
    import->add_option("--format", args->format, "marc, marcxml or csv (default: detected)");
    auto* export_ = catalog->add_subcommand("export", "export the catalogue as CSV or MARC 21");
    export_->add_option("--format", args->format, "csv or marc")->required();
    export_->add_option("OUT", args->file, "the file to write")->required();
    auto* union_ = catalog->add_subcommand("union", "apply the union catalogue files of a `catalog` channel version");
    union_->add_option("DIR", args->file, "directory with libraries.csv, snapshot-<B>.csv, delta-<V>.csv")
        ->required();
    return [search, import, export_, union_, args](KioskContext& ctx) -> int {
        if (search->parsed()) return run_search(ctx, *args);
        if (union_->parsed()) return run_union(ctx, *args);
        if (import->parsed()) return run_import(ctx, *args);
        if (export_->parsed()) return run_export(ctx, *args);
        return 2;
    };
}

}  // namespace desa::kiosk
