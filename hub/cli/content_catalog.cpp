// desa-hub content publish catalog: the union catalogue from the libraries' catalogue files, one
// library per FILE (--library, --library-name and --village by position), as a new version of
// the `catalog` channel that ships only the rows that changed (model/union_publish.hpp).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>

#include "catalog/import_text.hpp"
#include "cli/content_commands.hpp"
#include "model/province_keys.hpp"
#include "model/regions.hpp"
#include "model/union_publish.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;
namespace uf = catalog::union_files;

struct CatalogArgs {
    std::vector<std::string> paths, libraries, names, villages, removals;
    bool json = false;
};

// "Perpustakaan Desa Merak Batin" for 18.01.04.2007 when the hub knows the region.
std::string default_library_name(SqlDb& db, const std::string& code) {
    const auto name = region_name(db, code);
    if (!name) return "";
    switch (std::count(code.begin(), code.end(), '.')) {
        case 0: return "Perpustakaan Provinsi " + *name;
        case 2: return "Perpustakaan Kecamatan " + *name;
        case 3: return (code[code.rfind('.') + 1] == '1' ? "Perpustakaan Kelurahan " : "Perpustakaan Desa ") + *name;
        default: return "Perpustakaan " + *name;  // "Kabupaten Lampung Selatan", "Kota Metro"
    }
}

// A library ID as typed; a Kemendagri code in either form ("1801042007") becomes the dotted one.
std::string library_id_of(const std::string& typed) {
    if (const auto code = normalize_region_code(typed)) return *code;
    if (!uf::is_library_id(typed))
        throw CommandError(kExitBadInput, "library '" + typed + "' is not an ID of 1-64 of [A-Za-z0-9._-]");
    return typed;
}

std::string checked_name(const std::string& typed) {
    const std::string name(catalog::trim(typed));
    const bool control = std::any_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    if (name.empty() || name.size() > uf::kMaxNameBytes || control || !catalog::is_valid_utf8(name))
        throw CommandError(kExitBadInput, "--library-name '" + typed + "': 1-200 bytes of UTF-8 text on one line");
    return name;
}

// The libraries the FILEs belong to, by position: given, else as stored at the last publish, else
// from the region table. Without --library (one FILE): the only library published so far, or the
// province's library when the hub knows one province.
std::vector<uf::LibraryRow> resolve_libraries(SqlDb& db, const CatalogArgs& a) {
    const std::size_t n = a.paths.size();
    const auto sized = [n](const std::vector<std::string>& v, const char* option) {
        if (!v.empty() && v.size() != n)
            throw CommandError(kExitBadInput, std::string("give one ") + option + " per FILE, in the same order (" +
                                                  std::to_string(n) + " FILE(s), " + std::to_string(v.size()) + ")");
    };
    sized(a.names, "--library-name");
    sized(a.villages, "--village");
    std::map<std::string, uf::LibraryRow> stored;
    for (auto& l : union_libraries(db)) stored.emplace(l.library_id, l);
    std::vector<std::string> ids;
    for (const auto& typed : a.libraries) ids.push_back(library_id_of(typed));
    if (ids.empty() && n == 1) {
        if (stored.size() == 1) {
            ids.push_back(stored.begin()->first);
        } else {
            const auto provinces = db.query("SELECT code FROM regions WHERE level = 'provinsi'");
            if (provinces.size() != 1 || !stored.empty())
                throw CommandError(kExitBadInput, "which library holds this catalogue? --library CODE (its desa's "
                                                  "Kemendagri code, e.g. 18.01.04.2007) and --library-name TEXT");
            ids.push_back(provinces[0].text(0));
        }
    }
    sized(ids, "--library");
    const bool regions_known = region_count(db) > 0;
    std::vector<uf::LibraryRow> out;
    for (std::size_t i = 0; i < n; ++i) {
        uf::LibraryRow lib{ids[i], "", ""};
        const auto known = stored.find(lib.library_id);
        if (!a.villages.empty()) {
            const auto code = normalize_region_code(a.villages[i]);
            if (!code) throw CommandError(kExitBadInput, "--village '" + a.villages[i] + "' is not a Kemendagri code");
            lib.village_code = *code;
        } else if (known != stored.end()) {
            lib.village_code = known->second.village_code;
        } else if (const auto code = normalize_region_code(lib.library_id)) {
            lib.village_code = *code;
        } else {
            throw CommandError(kExitBadInput, "library '" + lib.library_id + "' is new: give its --village CODE");
        }
        if (regions_known && !region_name(db, lib.village_code))
            throw CommandError(kExitBadInput, "region " + lib.village_code + " is not in the hub's regions");
        if (!a.names.empty())
            lib.name = checked_name(a.names[i]);
        else if (known != stored.end())
            lib.name = known->second.name;
        else
            lib.name = default_library_name(db, lib.village_code);
        if (lib.name.empty())
            throw CommandError(kExitBadInput, "library '" + lib.library_id + "' is new: give its --library-name");
        out.push_back(std::move(lib));
    }
    return out;
}

json files_json(const sync::Manifest& m) {
    json files = json::array();
    for (const auto& f : m.files) files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
    return files;
}

void print_report(const UnionPublishResult& r, const std::vector<LibraryPublish>& sources, bool as_json) {
    std::map<std::string, const LibraryPublish*> by_id;
    for (const auto& s : sources) by_id[s.library.library_id] = &s;
    json libraries = json::array();
    for (const auto& o : r.libraries) {
        json l{{"library_id", o.library_id}, {"holdings", o.holdings}, {"upserted", o.upserted},
               {"deleted", o.deleted},       {"removed", o.removed}};
        if (const auto it = by_id.find(o.library_id); it != by_id.end()) {
            const auto& h = it->second->holdings;
            l.update({{"name", it->second->library.name}, {"village_code", it->second->library.village_code},
                      {"format", h.format}, {"records", h.records}, {"skipped", h.skipped_total},
                      {"merged", h.merged}, {"fitted", h.fitted_total}, {"problems", h.problems}});
        }
        libraries.push_back(l);
    }
    const auto& m = r.publish.manifest;
    if (as_json) {
        std::cout << json{{"channel", m.channel},
                          {"version", m.version},
                          {"unchanged", r.publish.unchanged},
                          {"files", files_json(m)},
                          {"new_snapshot", r.new_snapshot},
                          {"snapshot_bytes", r.snapshot_bytes},
                          {"delta_bytes", r.delta_bytes},
                          {"libraries_bytes", r.libraries_bytes},
                          {"deltas_in_chain", r.deltas_in_chain},
                          {"upserted", r.upserted},
                          {"deleted", r.deleted},
                          {"seconds", r.seconds},
                          {"libraries", libraries}}
                         .dump(-1, ' ', false, json::error_handler_t::replace)
                  << "\n";
        return;
    }
    if (r.publish.unchanged) {
        std::cout << "catalog: unchanged, still version " << m.version << "\n";
    } else if (r.new_snapshot) {
        std::cout << "catalog: published version " << m.version << " with a new snapshot (" << r.snapshot_bytes
                  << " bytes)\n";
    } else {
        std::cout << "catalog: published version " << m.version << ": a delta of " << r.delta_bytes << " bytes ("
                  << r.deltas_in_chain << " delta(s) after the snapshot)\n";
    }
    for (const auto& l : libraries) {
        std::cout << "  " << l["library_id"].get<std::string>();
        if (l["removed"].get<bool>()) {
            std::cout << ": removed\n";
            continue;
        }
        std::cout << " (" << l.value("name", "") << "): " << l.value("records", 0) << " record(s) read, "
                  << l["holdings"] << " holding(s), " << l["upserted"] << " new or changed, " << l["deleted"]
                  << " gone, " << l.value("skipped", 0) << " skipped\n";
        for (const auto& p : l.value("problems", json::array())) std::cout << "    " << p.get<std::string>() << "\n";
    }
}

}  // namespace

void add_catalog_publish_command(CLI::App& publish, CliContext& ctx) {
    auto a = ctx.hold<CatalogArgs>();
    auto* c = publish.add_subcommand(
        "catalog",
        "The union catalogue: each FILE (MARC, MARCXML or CSV, like the kiosk's import) is the whole catalogue of "
        "one library and replaces its holdings; the new version ships only what changed. Or one DIR of the "
        "channel's files, published as they are (the next FILE publish then starts a new snapshot).");
    add_common_options(*c, ctx);
    c->add_option("FILE", a->paths, "Catalogue files, one per library (or one directory)");
    // One value per occurrence (repeat the option): `--library 18.01.04.2007 a.csv` must not take
    // the file as a second library.
    c->add_option("--library", a->libraries,
                  "The library of each FILE, in order: an ID (1-64 of [A-Za-z0-9._-]) or its desa's Kemendagri code")
        ->allow_extra_args(false);
    c->add_option("--library-name", a->names, "Each library's name as residents see it (new libraries)")
        ->allow_extra_args(false);
    c->add_option("--village", a->villages, "Each library's Kemendagri code, when its ID is not one")
        ->allow_extra_args(false);
    c->add_option("--remove-library", a->removals, "Drop a library and its holdings from the union")
        ->allow_extra_args(false);
    c->add_flag("--json", a->json, "Print JSON");
    c->callback([&ctx, a] {
        ctx.require_data_dir();
        std::error_code ec;
        if (a->paths.size() == 1 && std::filesystem::is_directory(a->paths[0], ec)) {
            if (!a->libraries.empty() || !a->names.empty() || !a->villages.empty() || !a->removals.empty())
                throw CommandError(kExitBadInput, "a directory is published as it is: no library options");
            const auto sources = directory_sources(a->paths[0]);
            const auto key = load_sign_key(ctx.data_dir);
            auto db = ctx.open_db();
            const auto r = publish_channel(*db, ctx.data_dir, key.secret_key, "catalog", sources, now_seconds());
            UnionPublishResult shown;
            shown.publish = r;
            print_report(shown, {}, a->json);
            return;
        }
        if (a->paths.empty() && a->removals.empty())
            throw CommandError(kExitBadInput, "nothing to publish: give FILE(s) or --remove-library");
        const auto started = std::chrono::steady_clock::now();
        const auto key = load_sign_key(ctx.data_dir);
        auto db = ctx.open_db();
        const auto libraries = resolve_libraries(*db, *a);
        std::vector<std::string> removals;
        for (const auto& typed : a->removals) removals.push_back(library_id_of(typed));
        std::vector<LibraryPublish> sources;
        for (std::size_t i = 0; i < libraries.size(); ++i)
            sources.push_back({libraries[i], read_library_holdings(a->paths[i], libraries[i].library_id)});
        auto r = publish_union_catalog(*db, ctx.data_dir, key.secret_key, sources, removals, now_seconds());
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();  // reading too
        print_report(r, sources, a->json);
    });
}

}  // namespace desa::hub
