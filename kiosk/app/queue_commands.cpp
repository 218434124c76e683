#include "app/queue_commands.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

#include "queue/kiosk_key.hpp"
#include "queue/queue_stats.hpp"
#include "queue/ticket_qr.hpp"
#include "queue/ticket_queue.hpp"

namespace desa::kiosk {
namespace {

using nlohmann::json;

std::string refusal_message(const KioskContext& ctx, queue::Refusal refusal, const queue::Service* service,
                            const queue::LocalMoment& now) {
    const auto lang = ctx.config.default_language;
    const std::string name = service == nullptr ? std::string()
                             : lang == i18n::Language::English && !service->name_en.empty() ? service->name_en
                                                                                              : service->name_id;
    switch (refusal) {
        case queue::Refusal::UnknownService: return ctx.catalog.tr(lang, "queue.refusal.unknown_service");
        case queue::Refusal::Closed:
            if (service != nullptr && service->hours[static_cast<int>(now.weekday)].empty())
                return ctx.catalog.format(lang, "queue.refusal.closed_today", {{"service", name}});
            return ctx.catalog.format(lang, "queue.refusal.closed",
                                      {{"service", name},
                                       {"hours", service == nullptr ? std::string()
                                                                    : queue::format_opening_hours(
                                                                          service->hours[static_cast<int>(now.weekday)])}});
        case queue::Refusal::QuotaReached: return ctx.catalog.format(lang, "queue.refusal.quota", {{"service", name}});
        case queue::Refusal::NoPriorityLane:
            return ctx.catalog.format(lang, "queue.refusal.no_priority", {{"service", name}});
        case queue::Refusal::ClockNotPlausible: return ctx.catalog.tr(lang, "queue.refusal.clock");
        default: return ctx.catalog.tr(lang, "queue.refusal.other");
    }
}

json nullable(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

int queue_services(KioskContext& ctx, const Clock& clock, const QueueArgs& args, std::ostream& out) {
    const auto& cfg = ctx.config.queue;
    const auto now = queue::local_moment(clock.unix_seconds(), cfg.utc_offset_s);
    json list = json::array();
    for (const auto& s : cfg.services) {
        if (s.withdrawn) continue;  // removed by the hub; only its waiting tickets remain
        const bool open = queue::is_open(s, now.weekday, now.minute_of_day);
        const auto& today = s.hours[static_cast<int>(now.weekday)];
        if (!args.json) {
            out << s.prefix << "  " << s.id << "  " << s.name_id << " / " << (s.name_en.empty() ? s.name_id : s.name_en)
                << "  " << (open ? "open" : "closed") << " (" << queue::format_opening_hours(today) << ")\n";
            continue;
        }
        list.push_back({{"id", s.id}, {"prefix", std::string(1, s.prefix)}, {"name_id", s.name_id},
                        {"name_en", s.name_en.empty() ? s.name_id : s.name_en}, {"counters", s.counters},
                        {"daily_quota", s.daily_quota}, {"priority_lane", s.priority_lane}, {"open_now", open},
                        {"hours_today", queue::format_opening_hours(today)}});
    }
    if (args.json) out << list.dump(2) << "\n";
    return 0;
}

int queue_take(KioskContext& ctx, const Clock& clock, const QueueArgs& args, std::ostream& out, std::ostream& err) {
    const auto& cfg = ctx.config.queue;
    queue::TicketQueue q(ctx.db, cfg, clock);
    const auto lane = args.priority ? queue::Lane::Priority : queue::Lane::Regular;
    const auto result = q.take(args.service, lane);
    if (!result.ticket) {
        const auto refusal = result.refusal.value_or(queue::Refusal::UnknownService);
        const std::string message = refusal_message(ctx, refusal, queue::find_service(cfg.services, args.service),
                                                    queue::local_moment(clock.unix_seconds(), cfg.utc_offset_s));
        if (args.json) out << json{{"refused", queue::refusal_name(refusal)}, {"message", message}}.dump() << "\n";
        else err << message << "\n";
        return 2;
    }
    const auto& t = *result.ticket;
    const auto keys = queue::load_ticket_keys(ctx.data_dir);
    const std::string qr = queue::ticket_qr_text(queue::ticket_qr_of(t, ctx.config.village_code), keys.signing);
    const std::int64_t wait_min = (result.line.estimated_wait_s + 59) / 60;
    if (args.json) {
        out << json{{"number", t.number}, {"service", t.service_id}, {"lane", queue::lane_name(t.lane)},
                    {"position", result.line.position}, {"estimated_wait_minutes", wait_min},
                    {"issued_at", t.issued_at}, {"day", queue::date_iso(queue::date_from_number(t.service_day))},
                    {"qr", qr}}
                   .dump()
            << "\n";
    } else {
        out << ctx.catalog.format(ctx.config.default_language, "queue.cli.ticket",
                                  {{"number", t.number}, {"position", std::to_string(result.line.position)},
                                   {"minutes", std::to_string(wait_min)}})
            << "\n" << qr << "\n";
    }
    return 0;
}

int queue_status(KioskContext& ctx, const Clock& clock, const QueueArgs& args, std::ostream& out) {
    const auto& cfg = ctx.config.queue;
    queue::TicketQueue q(ctx.db, cfg, clock);
    const auto today = q.today();
    const auto tickets = q.tickets_of_day(today);
    const auto stats = queue::day_stats(ctx.db, today, cfg.utc_offset_s);
    const auto now = queue::local_moment(clock.unix_seconds(), cfg.utc_offset_s);
    json services = json::array();
    for (const auto& s : cfg.services) {
        int waiting = 0, called = 0, serving = 0;
        for (const auto& t : tickets) {
            if (t.service_id != s.id) continue;
            waiting += t.state == queue::TicketState::Waiting;
            called += t.state == queue::TicketState::Called;
            serving += t.state == queue::TicketState::Serving;
        }
        json row{{"id", s.id}, {"prefix", std::string(1, s.prefix)},
                 {"open_now", queue::is_open(s, now.weekday, now.minute_of_day)}, {"withdrawn", s.withdrawn},
                 {"waiting", waiting},
                 {"called", called}, {"serving", serving}, {"issued", 0}, {"served", 0}, {"no_shows", 0},
                 {"cancelled", 0}, {"average_wait_s", nullptr}, {"average_service_s", nullptr}, {"peak_hour", nullptr}};
        for (const auto& st : stats) {
            if (st.service_id != s.id) continue;
            row["issued"] = st.issued;
            row["served"] = st.served;
            row["no_shows"] = st.no_shows;
            row["cancelled"] = st.cancelled;
            row["average_wait_s"] = nullable(st.average_wait_s);
            row["average_service_s"] = nullable(st.average_service_s);
            row["peak_hour"] = st.peak_hour ? json(*st.peak_hour) : json(nullptr);
        }
        if (!args.json)
            out << s.prefix << "  " << s.id << "  waiting " << waiting << ", called " << called << ", serving "
                << serving << "; today issued " << row["issued"] << ", served " << row["served"] << ", no-shows "
                << row["no_shows"] << "\n";
        services.push_back(std::move(row));
    }
    if (args.json) out << json{{"day", queue::date_iso(today)}, {"services", services}}.dump(2) << "\n";
    return 0;
}

std::function<int(KioskContext&)> add_queue_commands(CLI::App& cli) {
    auto args = std::make_shared<QueueArgs>();
    auto* group = cli.add_subcommand("queue", "the office's service queue (tickets as the kiosk screen issues them)");
    group->require_subcommand(1);
    auto* services = group->add_subcommand("services", "list the services, their counters and whether they are open");
    services->add_flag("--json", args->json, "JSON array");
    auto* take = group->add_subcommand("take", "take a ticket for a service, exactly as the screen does");
    take->add_option("SERVICE_ID", args->service, "the service's id (see `queue services`)")->required();
    take->add_flag("--priority", args->priority, "priority lane (lansia, disabilitas, ibu hamil)");
    take->add_flag("--json", args->json, "JSON object with number, service, position, qr");
    auto* status = group->add_subcommand("status", "today's tickets and statistics per service");
    status->add_flag("--json", args->json, "JSON object");
    return [args, services, take, status](KioskContext& ctx) {
        SystemClock clock;
        if (services->parsed()) return queue_services(ctx, clock, *args, std::cout);
        if (take->parsed()) return queue_take(ctx, clock, *args, std::cout, std::cerr);
        if (status->parsed()) return queue_status(ctx, clock, *args, std::cout);
        return -1;
    };
}

}  // namespace desa::kiosk
