// desa-hub aspirations list | show | set-status | answer: the province's work on residents'
// aspirations. Sealed identities and photos are opened only by `show --decrypt`, only with the
// seal secret key in the data directory, and only to stdout (never to a log).
#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <iostream>

#include "aspirations/aspiration_store.hpp"
#include "cli/cli_context.hpp"
#include "model/aspiration_admin.hpp"
#include "model/province_keys.hpp"
#include "model/regions.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

json row_json(const AspirationRow& r) {
    return {{"tracking_code", r.tracking_code},
            {"display_code", aspirations::display_tracking_code(r.tracking_code)},
            {"type", r.type},
            {"category", r.category},
            {"identity", r.identity},
            {"title", r.title},
            {"status", r.status},
            {"status_at", r.status_at},
            {"village", r.village_code},
            {"kiosk_id", r.kiosk_id},
            {"created_at", r.created_at},
            {"received_at", r.received_at}};
}

json updates_json(const std::vector<sync::StatusUpdate>& updates) {
    json out = json::array();
    for (const auto& u : updates) out.push_back({{"seq", u.seq}, {"status", u.status}, {"at", u.at}, {"note", u.note}});
    return out;
}

std::optional<std::vector<std::uint8_t>> open_field(const json& payload, const char* key,
                                                    const security::BoxKeyPair& keys) {
    const auto it = payload.find(key);
    if (it == payload.end() || !it->is_string()) return std::nullopt;
    const auto sealed = security::from_base64(it->get<std::string>());
    if (!sealed) return std::nullopt;
    const auto opened = security::open_sealed(*sealed, keys);
    if (!opened) return std::nullopt;
    return std::vector<std::uint8_t>(opened->begin(), opened->end());
}

struct ShowArgs {
    std::string code, photo;
    bool json = false, decrypt = false;
};

void run_show(CliContext& ctx, const ShowArgs& a) {
    ctx.require_data_dir();
    std::optional<security::BoxKeyPair> seal;
    if (a.decrypt) {
        seal = load_seal_key(ctx.data_dir);
        if (!seal) throw CommandError(kExitFailed, "the seal secret key is not in " + keys_dir(ctx.data_dir).string() +
                                                       ": cannot decrypt on this machine");
    } else if (!a.photo.empty()) {
        throw CommandError(kExitBadInput, "--photo needs --decrypt");
    }
    auto db = ctx.open_db();
    const auto row = find_aspiration(*db, a.code);
    if (!row) throw CommandError(kExitFailed, "no aspiration with tracking code '" + a.code + "'");
    const auto payload_text = aspiration_payload(*db, *row);
    const json payload = json::parse(payload_text.value_or("{}"), nullptr, false);
    json out = row_json(*row);
    for (const char* key : {"text", "dusun", "rt", "rw", "rating"})
        out[key] = payload.is_object() && payload.contains(key) ? payload[key] : json();
    const bool sealed_identity = payload.is_object() && payload.value("sealed_identity", json()).is_string();
    const bool sealed_photo = payload.is_object() && payload.value("sealed_photo", json()).is_string();
    out["sealed_identity"] = sealed_identity;
    out["sealed_photo"] = sealed_photo;
    out["updates"] = updates_json(status_history(*db, row->tracking_code));
    if (seal && sealed_identity) {
        const auto bytes = open_field(payload, "sealed_identity", *seal);
        const json identity =
            bytes ? json::parse(std::string(bytes->begin(), bytes->end()), nullptr, false) : json();
        out["resident"] = identity.is_object() ? identity : json("cannot be opened with this key");
    }
    if (seal && sealed_photo) {
        const auto bytes = open_field(payload, "sealed_photo", *seal);
        out["photo_bytes"] = bytes ? json(bytes->size()) : json("cannot be opened with this key");
        if (bytes && !a.photo.empty()) {
            const int fd = ::open(a.photo.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            const bool ok = fd >= 0 && ::write(fd, bytes->data(), bytes->size()) == static_cast<ssize_t>(bytes->size());
            if (fd >= 0) ::close(fd);
            if (!ok) throw CommandError(kExitFailed, "cannot write " + a.photo);
        }
    }
    if (a.json) {
        std::cout << out.dump() << "\n";
        return;
    }
    auto text = [](const json& j) { return j.is_string() ? j.get<std::string>() : j.is_null() ? "" : j.dump(); };
    std::cout << "tracking code: " << out["display_code"].get<std::string>() << "\n"
              << "type: " << row->type << "   category: " << row->category << "   identity: " << row->identity << "\n"
              << "status: " << row->status << " (" << format_time(row->status_at) << ")\n"
              << "village: " << row->village_code << "   kiosk: " << row->kiosk_id << "\n"
              << "created: " << format_time(row->created_at) << "   received: " << format_time(row->received_at)
              << "\n"
              << "title: " << row->title << "\n"
              << "text: " << text(out["text"]) << "\n"
              << "dusun: " << text(out["dusun"]) << "   RT/RW: " << text(out["rt"]) << "/" << text(out["rw"]) << "\n";
    if (!out["rating"].is_null()) std::cout << "rating: " << text(out["rating"]) << "\n";
    if (out.contains("resident")) {
        const auto& p = out["resident"];
        if (p.is_object())
            std::cout << "resident name: " << text(p.value("name", json())) << "\n"
                      << "resident NIK: " << text(p.value("nik", json())) << "\n"
                      << "resident phone: " << text(p.value("phone", json())) << "\n";
        else
            std::cout << "resident: " << text(p) << "\n";
    } else if (sealed_identity) {
        std::cout << "resident: sealed (use --decrypt with the seal key)\n";
    }
    if (out.contains("photo_bytes"))
        std::cout << "photo: " << text(out["photo_bytes"]) << " bytes" << (a.photo.empty() ? "" : " -> " + a.photo)
                  << "\n";
    else if (sealed_photo)
        std::cout << "photo: sealed\n";
    for (const auto& u : out["updates"])
        std::cout << "  #" << u["seq"].get<std::int64_t>() << " " << format_time(u["at"].get<std::int64_t>()) << " "
                  << u["status"].get<std::string>() << (u["note"].get<std::string>().empty() ? "" : ": ")
                  << u["note"].get<std::string>() << "\n";
}

void change_status(CliContext& ctx, const std::string& code, const std::string& status, const std::string& note) {
    auto db = ctx.open_db();
    const auto change = set_aspiration_status(*db, code, status, note, now_seconds());
    if (change.error == "bad_status")
        throw CommandError(kExitBadInput,
                           "status must be one of sent, verified, forwarded, answered, closed (not '" + status + "')");
    if (change.error == "bad_note")
        throw CommandError(kExitBadInput, "the note is not usable text (at most " + std::to_string(kMaxNoteBytes) +
                                              " bytes, no control characters)");
    if (change.error == "unknown_code") throw CommandError(kExitFailed, "no aspiration with tracking code '" + code + "'");
    std::cout << aspirations::display_tracking_code(change.update->tracking_code) << " -> " << change.update->status
              << " (update #" << change.update->seq << ")\n";
}

}  // namespace

void add_aspiration_commands(CLI::App& app, CliContext& ctx) {
    auto* asp = app.add_subcommand("aspirations", "Residents' aspirations received from kiosks");
    asp->require_subcommand(1);

    struct ListArgs {
        bool json = false;
        std::string region, status;
        std::size_t limit = 1000;
    };
    auto la = ctx.hold<ListArgs>();
    auto* list = asp->add_subcommand("list", "List aspirations, newest first");
    add_common_options(*list, ctx);
    list->add_flag("--json", la->json, "Print JSON");
    list->add_option("--region", la->region, "Only this province/kabupaten/kecamatan/desa (code prefix)");
    list->add_option("--status", la->status, "Only this status (sent, verified, forwarded, answered, closed)");
    list->add_option("--limit", la->limit, "At most this many (default 1000)")->check(CLI::Range(1, 100000));
    list->callback([&ctx, la] {
        AspirationFilter f;
        f.limit = la->limit;
        if (!la->region.empty()) {
            f.region_prefix = normalize_region_code(la->region);
            if (!f.region_prefix) throw CommandError(kExitBadInput, "--region '" + la->region + "' is not a region code");
        }
        if (!la->status.empty()) {
            if (!aspirations::status_from_name(la->status))
                throw CommandError(kExitBadInput, "--status '" + la->status + "' is not a status");
            f.status = la->status;
        }
        auto db = ctx.open_db();
        const auto rows = list_aspirations(*db, f);
        if (la->json) {
            json out = json::array();
            for (const auto& r : rows) out.push_back(row_json(r));
            std::cout << out.dump() << "\n";
            return;
        }
        for (const auto& r : rows)
            std::cout << aspirations::display_tracking_code(r.tracking_code) << "  " << r.village_code << "  "
                      << r.type << "/" << r.category << "  " << r.status << "  " << r.title << "\n";
        std::cout << rows.size() << " aspiration(s)\n";
    });

    auto sa = ctx.hold<ShowArgs>();
    auto* show = asp->add_subcommand("show", "One aspiration in full");
    add_common_options(*show, ctx);
    show->add_option("CODE", sa->code, "Tracking code (dashes optional)")->required();
    show->add_flag("--json", sa->json, "Print JSON");
    show->add_flag("--decrypt", sa->decrypt, "Open the sealed identity and photo (needs the seal secret key)");
    show->add_option("--photo", sa->photo, "With --decrypt: write the photo to this file (0600)");
    show->callback([&ctx, sa] { run_show(ctx, *sa); });

    struct StatusArgs {
        std::string code, status, note;
    };
    auto ss = ctx.hold<StatusArgs>();
    auto* set = asp->add_subcommand("set-status", "Change an aspiration's status (sent to its kiosk)");
    add_common_options(*set, ctx);
    set->add_option("CODE", ss->code, "Tracking code")->required();
    set->add_option("STATUS", ss->status, "sent, verified, forwarded, answered or closed")->required();
    set->add_option("--note", ss->note, "A note shown with the status");
    set->callback([&ctx, ss] { change_status(ctx, ss->code, ss->status, ss->note); });

    auto an = ctx.hold<StatusArgs>();
    auto* answer = asp->add_subcommand("answer", "Answer an aspiration (status answered, the text as its note)");
    add_common_options(*answer, ctx);
    answer->add_option("CODE", an->code, "Tracking code")->required();
    answer->add_option("TEXT", an->note, "The answer")->required();
    answer->callback([&ctx, an] {
        if (an->note.empty()) throw CommandError(kExitBadInput, "the answer is empty");
        change_status(ctx, an->code, "answered", an->note);
    });
}

}  // namespace desa::hub
