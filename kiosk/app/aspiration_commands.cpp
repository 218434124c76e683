#include "app/aspiration_commands.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/aspiration_service.hpp"
#include "core/clock.hpp"
#include "core/dates.hpp"

namespace desa::kiosk {
namespace {

struct Args {
    bool json = false;
    std::string file;
};

using nlohmann::json;

json error(std::string_view field, std::string message) { return json{{"field", field}, {"message", std::move(message)}}; }

// Reads the submission file into a Draft; problems with the file itself (not JSON, wrong types,
// unknown keys) are reported like field problems.
aspirations::Draft read_draft(const json& in, const KioskContext& ctx, json& errors, bool& consent_given) {
    const auto lang = ctx.config.default_language;
    aspirations::Draft d;
    const auto text = [&](const char* key, std::string& out) {
        if (!in.contains(key) || in[key].is_null()) return;
        if (in[key].is_string()) out = in[key].get<std::string>();
        else errors.push_back(error(key, ctx.catalog.tr(lang, "aspiration.cli.not_text")));
    };
    static const std::set<std::string> known{"type", "category", "title", "text", "identity", "name", "nik",
                                             "phone", "dusun", "rt", "rw", "rating", "photo", "consent"};
    for (const auto& [key, value] : in.items())
        if (!known.contains(key)) errors.push_back(error(key, ctx.catalog.tr(lang, "aspiration.cli.unknown_key")));

    std::string type, category, identity, photo;
    text("type", type);
    text("category", category);
    text("identity", identity);
    text("title", d.title);
    text("text", d.text);
    text("name", d.name);
    text("nik", d.nik);
    text("phone", d.phone);
    text("dusun", d.dusun);
    text("rt", d.rt);
    text("rw", d.rw);
    text("photo", photo);
    // The enum fields: a value we do not know is its own error, not "missing".
    if (!type.empty() && !(d.kind = aspirations::kind_from_name(type)))
        errors.push_back(error("type", ctx.catalog.tr(lang, "aspiration.cli.unknown_type")));
    if (!category.empty() && !(d.category = aspirations::category_from_name(category)))
        errors.push_back(error("category", ctx.catalog.tr(lang, "aspiration.cli.unknown_category")));
    if (!identity.empty() && !(d.identity = aspirations::identity_from_name(identity)))
        errors.push_back(error("identity", ctx.catalog.tr(lang, "aspiration.cli.unknown_identity")));
    if (in.contains("rating") && !in["rating"].is_null()) {
        if (in["rating"].is_number_integer()) d.rating = in["rating"].get<int>();
        else errors.push_back(error("rating", ctx.catalog.tr(lang, "aspiration.problem.rating.range")));
    }
    // Staff entering a paper form attest the resident's consent by submitting it; an explicit
    // "consent": false is honoured.
    consent_given = !in.contains("consent") || in["consent"] == true;
    d.consent = consent_given;
    if (!photo.empty()) {
        std::ifstream f(photo, std::ios::binary);
        if (!f) errors.push_back(error("photo", ctx.catalog.tr(lang, "aspiration.cli.photo_unreadable")));
        else d.photo.assign(std::istreambuf_iterator<char>(f), {});
    }
    return d;
}

int run_submit(KioskContext& ctx, const Args& args) {
    const auto lang = ctx.config.default_language;
    json errors = json::array();
    std::ifstream f(args.file, std::ios::binary);
    std::stringstream buffer;
    if (f) buffer << f.rdbuf();
    json in;
    if (!f) {
        errors.push_back(error("", ctx.catalog.format(lang, "aspiration.cli.file_unreadable", {{"file", args.file}})));
    } else {
        in = json::parse(buffer.str(), nullptr, false);
        if (!in.is_object()) errors.push_back(error("", ctx.catalog.tr(lang, "aspiration.cli.not_object")));
    }
    if (!errors.empty()) {
        std::cout << json{{"errors", errors}}.dump() << "\n";
        return 2;
    }
    bool consent = true;
    const aspirations::Draft draft = read_draft(in, ctx, errors, consent);
    SystemClock clock;
    const std::int64_t now = clock.unix_seconds();
    const auto v = aspirations::validate(draft, nik_districts(ctx), kiosk_today(now), aspiration_limits(ctx));
    for (const auto& p : v.problems) {
        const std::string field(aspirations::field_name(p.field));
        // A field already reported as unreadable or unknown is not reported twice.
        bool seen = false;
        for (const auto& e : errors) seen = seen || e["field"] == field;
        if (!seen) errors.push_back(error(field, describe(p, ctx.catalog, lang)));
    }
    if (!errors.empty() || !v.accepted) {
        std::cout << json{{"errors", errors}}.dump() << "\n";
        return 2;
    }
    const auto result = aspirations::submit(ctx.db, *v.accepted, submit_rules(ctx), now);
    if (!result.receipt) {
        std::cout << json{{"errors", json::array({error("", describe(*result.problem, ctx.catalog, lang))})}}.dump() << "\n";
        return 2;
    }
    std::cout << json{{"tracking_code", aspirations::display_tracking_code(result.receipt->tracking_code)},
                      {"id", result.receipt->uuid}}
                     .dump()
              << "\n";
    return 0;
}

int run_list(KioskContext& ctx, const Args& args) {
    const auto all = aspirations::list(ctx.db);
    if (args.json) {
        json out = json::array();
        for (const auto& s : all) {
            json timeline = json::array();
            for (const auto& step : s.timeline)
                timeline.push_back({{"status", aspirations::status_name(step.status)}, {"at", step.at}, {"answer", step.answer}});
            out.push_back({{"tracking_code", aspirations::display_tracking_code(s.tracking_code)},
                           {"created_at", s.created_at},
                           {"type", aspirations::kind_name(s.kind)},
                           {"category", aspirations::category_name(s.category)},
                           {"identity", aspirations::identity_name(s.identity)},
                           {"title", s.title},
                           {"has_photo", s.has_photo},
                           {"status", aspirations::status_name(s.timeline.back().status)},
                           {"timeline", timeline}});
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    for (const auto& s : all)
        std::cout << aspirations::display_tracking_code(s.tracking_code) << "  " << format_day(s.created_at) << "  "
                  << aspirations::kind_name(s.kind) << "/" << aspirations::category_name(s.category) << "  "
                  << aspirations::status_name(s.timeline.back().status) << "  " << s.title << "\n";
    std::cout << all.size() << " aspirations\n";
    return 0;
}

}  // namespace

std::function<int(KioskContext&)> add_aspiration_commands(CLI::App& cli) {
    auto args = std::make_shared<Args>();
    auto* group = cli.add_subcommand("aspirations", "residents' aspirations on this kiosk (no personal data)");
    group->require_subcommand(1);
    auto* list = group->add_subcommand("list", "list submissions with their status");
    list->add_flag("--json", args->json, "JSON array");
    auto* submit = group->add_subcommand("submit", "validate and submit one aspiration from a JSON file");
    submit->add_option("--json", args->file, "JSON file: type, category, title, text, identity, ...")->required();
    return [args, list, submit](KioskContext& ctx) {
        if (submit->parsed()) return run_submit(ctx, *args);
        if (list->parsed()) return run_list(ctx, *args);
        return 2;
    };
}

}  // namespace desa::kiosk
