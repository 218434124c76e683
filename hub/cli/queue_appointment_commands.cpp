// desa-hub queue appointment issue | list: appointments booked at the hub, each a QR code signed
// with the province key that a village office's kiosk checks in offline.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/cli_context.hpp"
#include "cli/qr_output.hpp"
#include "cli/queue_commands.hpp"
#include "model/content.hpp"
#include "model/province_keys.hpp"
#include "model/queue_appointments.hpp"
#include "model/regions.hpp"
#include "queue/hub_services.hpp"
#include "queue/local_time.hpp"

namespace desa::hub {
namespace {

using nlohmann::json;

struct IssueArgs {
    std::string village, service, from, to, note, zone = "WIB", png;
    bool json = false;
};

struct ListArgs {
    std::string village;
    bool json = false;
};

// "2025-12-01 09:00" in the office's zone, for people reading the list.
std::string local_text(std::int64_t at, int offset) {
    const auto m = queue::local_moment(at, offset);
    char clock[32];
    std::snprintf(clock, sizeof clock, "%02d:%02d", m.minute_of_day / 60, m.minute_of_day % 60);
    return queue::date_iso(m.date) + " " + clock;
}

// The service ids published for the village (content publish queue-services), when any are.
std::optional<std::vector<std::string>> published_services(SqlDb& db, const std::filesystem::path& data_dir,
                                                           const std::string& village) {
    const auto current = current_manifest(db, queue::hub_services_channel(village));
    if (!current) return std::nullopt;
    for (const auto& f : parse_manifest_body(current->body).files) {
        if (f.name != queue::kHubServicesFile) continue;
        const auto file = stored_file(data_dir, f.sha256);
        if (!file) return std::nullopt;
        const auto load = queue::read_hub_services(*file);
        if (!load.services) return std::nullopt;
        std::vector<std::string> ids;
        for (const auto& s : *load.services) ids.push_back(s.id);
        return ids;
    }
    return std::nullopt;
}

json appointment_json(const Appointment& a) {
    return {{"id", a.id},         {"village", a.village_code}, {"service", a.service_id},
            {"valid_from", a.valid_from}, {"valid_until", a.valid_until}, {"note", a.note},
            {"qr", a.qr},         {"created_at", a.created_at}};
}

void run_issue(CliContext& ctx, const IssueArgs& a) {
    const auto village = normalize_village_code(a.village);
    if (!village)
        throw CommandError(kExitBadInput, "--village '" + a.village + "' is not a desa/kelurahan code (PP.KK.CC.DDDD)");
    const auto offset = zone_offset(a.zone);
    if (!offset) throw CommandError(kExitBadInput, "--timezone '" + a.zone + "' is not WIB, WITA or WIT");
    AppointmentRequest request{*village, a.service, {}, a.note};
    try {
        request.window = parse_appointment_window(a.from, a.to, *offset);
    } catch (const AppointmentError& e) {
        throw CommandError(kExitBadInput, e.what());
    }
    ctx.require_data_dir();
    const auto key = load_sign_key(ctx.data_dir);
    auto db = ctx.open_db();
    if (region_count(*db) > 0 && !region_name(*db, *village))
        throw CommandError(kExitFailed, "village " + *village + " is not in the imported regions");
    if (const auto known = published_services(*db, ctx.data_dir, *village);
        known && std::find(known->begin(), known->end(), request.service_id) == known->end())
        throw CommandError(kExitBadInput, "service '" + request.service_id + "' is not among the services published for " +
                                              *village + " (desa-hub content publish queue-services)");
    Appointment appointment;
    try {
        appointment = issue_appointment(*db, key.secret_key, request, now_seconds());
    } catch (const AppointmentError& e) {
        throw CommandError(kExitBadInput, e.what());
    }
    if (!a.png.empty() && !write_qr_png(appointment.qr, a.png))
        throw CommandError(kExitFailed, "appointment " + appointment.id + " stored, but " + a.png + " cannot be written");
    if (a.json) {
        json out = appointment_json(appointment);
        if (!a.png.empty()) out["png"] = a.png;
        std::cout << out.dump() << "\n";
        return;
    }
    std::cout << "appointment: " << appointment.id << "\n"
              << "village: " << appointment.village_code << ", service: " << appointment.service_id << "\n"
              << "valid: " << local_text(appointment.valid_from, *offset) << " - "
              << local_text(appointment.valid_until, *offset).substr(11) << " " << a.zone << "\n";
    if (const auto art = terminal_qr(appointment.qr)) std::cout << *art;
    std::cout << appointment.qr << "\n";
}

void run_list(CliContext& ctx, const ListArgs& a) {
    std::optional<std::string> prefix;
    if (!a.village.empty()) {
        prefix = normalize_region_code(a.village);
        if (!prefix) throw CommandError(kExitBadInput, "--village '" + a.village + "' is not a region code");
    }
    auto db = ctx.open_db();
    const auto list = list_appointments(*db, prefix);
    if (a.json) {
        json rows = json::array();
        for (const auto& x : list) rows.push_back(appointment_json(x));
        std::cout << rows.dump() << "\n";
        return;
    }
    for (const auto& x : list)
        std::cout << x.id << "  " << x.village_code << "  " << x.service_id << "  " << format_time(x.valid_from)
                  << " .. " << format_time(x.valid_until) << (x.note.empty() ? "" : "  " + x.note) << "\n";
    std::cout << list.size() << " appointment(s)\n";
}

}  // namespace

void add_appointment_commands(CLI::App& queue_command, CliContext& ctx) {
    auto* appointment = queue_command.add_subcommand("appointment", "Appointments: QR codes signed by the province");
    appointment->require_subcommand(1);

    auto issue_args = ctx.hold<IssueArgs>();
    auto* issue = appointment->add_subcommand("issue", "Book an appointment and print its signed QR code");
    add_common_options(*issue, ctx);
    issue->add_option("--village", issue_args->village, "The office's desa code (PP.KK.CC.DDDD)")->required();
    issue->add_option("--service", issue_args->service, "The service id at that office (see desa-kiosk queue services)")
        ->required();
    issue->add_option("--from", issue_args->from, "Start, office time: \"YYYY-MM-DD HH:MM\"")->required();
    issue->add_option("--to", issue_args->to, "End on the same day: \"HH:MM\"")->required();
    issue->add_option("--timezone", issue_args->zone, "The office's time zone: WIB (default), WITA or WIT");
    issue->add_option("--note", issue_args->note, "A note for the staff (not in the QR code)");
    issue->add_option("--png", issue_args->png, "Also write the QR code as a PNG file");
    issue->add_flag("--json", issue_args->json, "Print JSON");
    issue->callback([&ctx, issue_args] { run_issue(ctx, *issue_args); });

    auto list_args = ctx.hold<ListArgs>();
    auto* list = appointment->add_subcommand("list", "The appointments booked, by start time");
    add_common_options(*list, ctx);
    list->add_option("--village", list_args->village, "Only this province/kabupaten/kecamatan/desa (code prefix)");
    list->add_flag("--json", list_args->json, "Print JSON");
    list->callback([&ctx, list_args] { run_list(ctx, *list_args); });
}

}  // namespace desa::hub
