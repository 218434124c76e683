// desa-hub keys | regions | kiosk: the province's keys, the region table, kiosks and enrolment.
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/cli_context.hpp"
#include "cli/qr_output.hpp"
#include "model/heartbeats.hpp"
#include "model/kiosks.hpp"
#include "model/province_keys.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

json keys_json(const ProvincePublicKeys& k) {
    return {{"sign_public_key", k.sign_base64()},
            {"sign_fingerprint", k.sign_fingerprint()},
            {"seal_public_key", k.seal_base64()},
            {"seal_fingerprint", k.seal_fingerprint()}};
}

void print_keys(const ProvincePublicKeys& k, bool as_json) {
    if (as_json) {
        std::cout << keys_json(k).dump() << "\n";
        return;
    }
    std::cout << "province sign key (Ed25519): " << k.sign_base64() << "\n"
              << "  fingerprint: " << k.sign_fingerprint() << "\n"
              << "province seal key (X25519):  " << k.seal_base64() << "\n"
              << "  fingerprint: " << k.seal_fingerprint() << "\n";
}

bool is_hub_url(const std::string& url) {
    if (url.size() > 200 || !(url.starts_with("http://") || url.starts_with("https://"))) return false;
    for (char c : url)
        if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '\\' || static_cast<unsigned char>(c) >= 0x7f)
            return false;
    return true;
}

// The last heartbeat's figures (null when the kiosk never sent one), added after the original
// fields: scripts reading those keep working.
void add_heartbeat_json(json& out, const Heartbeat* h) {
    const auto opt = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(); };
    out["last_heartbeat_at"] = h ? json(h->created_at) : json();
    out["version"] = h ? json(h->kiosk_version) : json();
    out["pending"] = h ? json(h->pending_outbox) : json();
    out["disk_free"] = h ? opt(h->disk_free_bytes) : json();
    out["uptime_s"] = h ? json(h->uptime_s) : json();
    out["last_sync_at"] = h ? opt(h->last_sync_at) : json();
    out["catalogue_size"] = h ? json(h->catalogue_size) : json();
    out["queue_waiting"] = h ? json(h->queue_waiting) : json();
}

std::string heartbeat_text(const Heartbeat& h) {
    std::string out = "  heartbeat " + format_time(h.created_at) + " v" + h.kiosk_version + " pending " +
                      std::to_string(h.pending_outbox);
    if (h.disk_free_bytes) out += " disk free " + std::to_string(*h.disk_free_bytes / (1024 * 1024)) + " MiB";
    return out;
}

json kiosk_json(const Kiosk& k) {
    return {{"id", k.id},
            {"village_code", k.village_code},
            {"name", k.name},
            {"public_key", k.public_key},
            {"fingerprint", [&] {
                 const auto key = sync::parse_sign_public_key(k.public_key);
                 return key ? sync::key_fingerprint(key->bytes) : std::string();
             }()},
            {"enrolled_at", k.enrolled_at},
            {"revoked_at", k.revoked_at ? json(*k.revoked_at) : json()},
            {"last_seen", k.last_seen ? json(*k.last_seen) : json()}};
}

struct EnrolArgs {
    std::string village, name, hub_url, qr_png;
    std::int64_t valid_minutes = kDefaultEnrolMinutes;
    bool json = false;
};

void run_enroll(CliContext& ctx, const EnrolArgs& a) {
    const auto village = normalize_village_code(a.village);
    if (!village)
        throw CommandError(kExitBadInput, "--village '" + a.village +
                                              "' is not a desa/kelurahan code (PP.KK.CC.DDDD or 10 digits)");
    if (a.valid_minutes < 1 || a.valid_minutes > kMaxEnrolMinutes)
        throw CommandError(kExitBadInput, "--valid-minutes must be 1.." + std::to_string(kMaxEnrolMinutes));
    if (!is_clean_text(a.name, kMaxKioskNameBytes)) throw CommandError(kExitBadInput, "--name is not usable text");
    if (!a.hub_url.empty() && !is_hub_url(a.hub_url))
        throw CommandError(kExitBadInput, "--hub-url must be an http:// or https:// address");
    ctx.require_data_dir();
    const auto keys = load_public_keys(ctx.data_dir);  // a kiosk cannot enrol before keys init
    auto db = ctx.open_db();
    std::string note;
    if (region_count(*db) == 0) {
        note = "regions not imported: village " + *village + " accepted by its format only";
    } else if (!region_name(*db, *village)) {
        throw CommandError(kExitFailed, "village " + *village + " is not in the imported regions");
    }
    const auto code = create_enrol_code(*db, *village, a.name, a.valid_minutes * 60, now_seconds());
    const std::string qr_text =
        a.hub_url.empty() ? std::string()
                          : "DESA-ENROL:1:" + a.hub_url + ":" + code.code + ":" + keys.sign_fingerprint();
    if (!a.qr_png.empty()) {
        if (qr_text.empty()) throw CommandError(kExitBadInput, "--qr-png needs --hub-url (the QR names the hub)");
        if (!write_qr_png(qr_text, a.qr_png)) throw CommandError(kExitFailed, "cannot write " + a.qr_png);
    }
    if (a.json) {
        json out{{"code", code.code},
                 {"display_code", display_enrol_code(code.code)},
                 {"village_code", code.village_code},
                 {"expires_at", code.expires_at},
                 {"sign_fingerprint", keys.sign_fingerprint()}};
        if (!qr_text.empty()) out["qr_text"] = qr_text;
        if (!note.empty()) out["note"] = note;
        std::cout << out.dump() << "\n";
        return;
    }
    if (!note.empty()) std::cerr << "note: " << note << "\n";
    std::cout << "enrolment code: " << display_enrol_code(code.code) << "\n"
              << "village: " << code.village_code << "\n"
              << "valid until: " << format_time(code.expires_at) << " (once)\n"
              << "province key fingerprint: " << keys.sign_fingerprint() << "\n";
    if (qr_text.empty()) {
        std::cout << "(no --hub-url given: no QR code; the kiosk types the hub address and the code)\n";
    } else if (const auto art = terminal_qr(qr_text)) {
        std::cout << *art << qr_text << "\n";
    }
}

void add_keys(CLI::App& app, CliContext& ctx) {
    auto* keys = app.add_subcommand("keys", "The province's signing and sealing keys");
    keys->require_subcommand(1);
    auto* init = keys->add_subcommand("init", "Create both key pairs in DATA/keys (never replaces keys)");
    add_common_options(*init, ctx);
    auto init_json = ctx.hold<bool>();
    init->add_flag("--json", *init_json, "Print JSON");
    init->callback([&ctx, init_json] {
        ctx.ensure_data_dir();
        print_keys(init_keys(ctx.data_dir), *init_json);
    });
    auto* show = keys->add_subcommand("show", "Print the public keys and their fingerprints");
    add_common_options(*show, ctx);
    auto show_json = ctx.hold<bool>();
    show->add_flag("--json", *show_json, "Print JSON");
    show->callback([&ctx, show_json] {
        ctx.require_data_dir();
        print_keys(load_public_keys(ctx.data_dir), *show_json);
    });
}

void add_regions(CLI::App& app, CliContext& ctx) {
    auto* regions = app.add_subcommand("regions", "Kemendagri region codes");
    regions->require_subcommand(1);
    auto* import = regions->add_subcommand("import", "Load a code,parent_code,level,name CSV (wilayah-*.csv)");
    add_common_options(*import, ctx);
    struct Args {
        std::string csv;
        bool json = false;
    };
    auto args = ctx.hold<Args>();
    import->add_option("CSV", args->csv, "The CSV file")->required();
    import->add_flag("--json", args->json, "Print JSON");
    import->callback([&ctx, args] {
        const auto& csv = args->csv;
        const bool json_out = args->json;
        regions::RegionRegistry registry = [&] {
            try {
                return regions::RegionRegistry::load_csv(csv);
            } catch (const std::exception& e) {
                throw CommandError(kExitBadInput, e.what());
            }
        }();
        auto db = ctx.open_db();
        const auto c = import_regions(*db, registry);
        if (json_out) {
            std::cout << json{{"provinces", c.provinces}, {"regencies", c.regencies}, {"districts", c.districts},
                              {"villages", c.villages},   {"added", c.added},         {"updated", c.updated}}
                             .dump()
                      << "\n";
        } else {
            std::cout << "imported " << registry.size() << " regions: " << c.provinces << " provinces, "
                      << c.regencies << " kabupaten/kota, " << c.districts << " kecamatan, " << c.villages
                      << " desa/kelurahan (" << c.added << " new, " << c.updated << " already known)\n";
        }
    });
}

void add_kiosk(CLI::App& app, CliContext& ctx) {
    auto* kiosk = app.add_subcommand("kiosk", "Kiosks and their enrolment");
    kiosk->require_subcommand(1);

    auto enrol_args = ctx.hold<EnrolArgs>();
    auto& enrol = *enrol_args;
    auto* e = kiosk->add_subcommand("enroll", "Make a one-time enrolment code for a kiosk of a desa");
    add_common_options(*e, ctx);
    e->add_option("--village", enrol.village, "The kiosk's desa code (PP.KK.CC.DDDD)")->required();
    e->add_option("--name", enrol.name, "The kiosk's name (default: the village's)");
    e->add_option("--valid-minutes", enrol.valid_minutes, "How long the code stays valid (default 60)");
    e->add_option("--hub-url", enrol.hub_url, "The address kiosks reach this hub at (goes into the QR code)");
    e->add_option("--qr-png", enrol.qr_png, "Also write the QR code as a PNG file");
    e->add_flag("--json", enrol.json, "Print {\"code\", \"expires_at\", ...} as JSON");
    e->callback([&ctx, enrol_args] { run_enroll(ctx, *enrol_args); });

    struct ListArgs {
        bool json = false;
        std::string region;
    };
    auto list_args = ctx.hold<ListArgs>();
    auto* l = kiosk->add_subcommand("list", "List enrolled kiosks");
    add_common_options(*l, ctx);
    l->add_flag("--json", list_args->json, "Print JSON");
    l->add_option("--region", list_args->region, "Only kiosks in this province/kabupaten/kecamatan/desa");
    l->callback([&ctx, list_args] {
        const bool list_json = list_args->json;
        const std::string& list_region = list_args->region;
        std::optional<std::string> prefix;
        if (!list_region.empty()) {
            prefix = normalize_region_code(list_region);
            if (!prefix) throw CommandError(kExitBadInput, "--region '" + list_region + "' is not a region code");
        }
        auto db = ctx.open_db();
        const auto kiosks = list_kiosks(*db, prefix);
        const auto heartbeats = last_heartbeats(*db);
        const auto heartbeat_of = [&](const Kiosk& k) {
            const auto it = heartbeats.find(k.id);
            return it == heartbeats.end() ? nullptr : &it->second;
        };
        if (list_json) {
            json out = json::array();
            for (const auto& k : kiosks) {
                json one = kiosk_json(k);
                add_heartbeat_json(one, heartbeat_of(k));
                out.push_back(std::move(one));
            }
            std::cout << out.dump() << "\n";
            return;
        }
        for (const auto& k : kiosks)
            std::cout << k.id << "  " << k.village_code << "  " << k.name << "  enrolled "
                      << format_time(k.enrolled_at)
                      << (k.revoked_at ? "  REVOKED " + format_time(*k.revoked_at) : std::string())
                      << (k.last_seen ? "  last seen " + format_time(*k.last_seen) : std::string())
                      << (heartbeat_of(k) ? heartbeat_text(*heartbeat_of(k)) : std::string()) << "\n";
        std::cout << kiosks.size() << " kiosk(s)\n";
    });

    auto revoke_arg = ctx.hold<std::string>();
    auto* r = kiosk->add_subcommand("revoke", "Refuse every further request of a kiosk");
    add_common_options(*r, ctx);
    r->add_option("ID", *revoke_arg, "The kiosk's id")->required();
    r->callback([&ctx, revoke_arg] {
        const std::string& revoke_id = *revoke_arg;
        auto db = ctx.open_db();
        if (!revoke_kiosk(*db, revoke_id, now_seconds()))
            throw CommandError(kExitFailed, "no kiosk with id '" + revoke_id + "'");
        std::cout << "kiosk " << revoke_id << " revoked\n";
    });
}

}  // namespace

void add_admin_commands(CLI::App& app, CliContext& ctx) {
    add_keys(app, ctx);
    add_regions(app, ctx);
    add_kiosk(app, ctx);
}

}  // namespace desa::hub
