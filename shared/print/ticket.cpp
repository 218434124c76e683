#include "print/ticket.hpp"

#include <cstdio>

#include "print/escpos.hpp"

namespace desa::print {

std::string build_ticket(const TicketSlip& s, const ReceiptLayout& layout) {
    EscPos p;
    const std::size_t cols = layout.columns;
    p.justify(Justify::Center).bold(true);
    for (const auto& l : wrap_lines(printable_ascii(s.heading), cols)) p.line(l);
    p.bold(false);
    for (const auto& l : wrap_lines(printable_ascii(s.village), cols)) p.line(l);
    p.feed(1).bold(true).size(4, 4);  // 8 characters a line at this size: "A012" fits any paper
    for (const auto& l : wrap_lines(printable_ascii(s.number), cols / 4)) p.line(l);
    p.size(1, 1).bold(true);
    for (const auto& l : wrap_lines(printable_ascii(s.service), cols)) p.line(l);
    p.bold(false);
    if (!s.lane.empty())
        for (const auto& l : wrap_lines(printable_ascii(s.lane), cols)) p.line(l);
    p.line(std::string(cols, '-'));
    for (const auto& l : wrap_lines(printable_ascii(s.position), cols)) p.line(l);
    for (const auto& l : wrap_lines(printable_ascii(s.issued), cols)) p.line(l);
    if (!s.qr_payload.empty()) p.feed(1).qr(s.qr_payload, layout.qr_module).feed(1);
    p.justify(Justify::Left);
    for (const auto& note : s.notes)
        for (const auto& l : wrap_lines(printable_ascii(note), cols)) p.line(l);
    return p.feed(2).cut().bytes();
}

std::string office_time_text(std::int64_t unix_seconds, int utc_offset_s) {
    const auto m = queue::local_moment(unix_seconds, utc_offset_s);
    char text[32];
    std::snprintf(text, sizeof text, "%02d-%02d-%04d %02d:%02d", m.date.day, m.date.month, m.date.year, m.hour,
                  m.minute_of_day % 60);
    return text;
}

std::int64_t wait_minutes(std::int64_t estimated_wait_s) {
    return estimated_wait_s <= 0 ? 0 : (estimated_wait_s + 59) / 60;
}

TicketSlip ticket_slip(const TicketSlipFacts& f, const i18n::Catalog& catalog, i18n::Language lang) {
    TicketSlip s;
    s.heading = catalog.tr(lang, "queue.slip.heading");
    s.village = f.village_name;
    s.number = f.ticket.number;
    s.service = f.service_name;
    if (f.ticket.lane == queue::Lane::Priority) s.lane = catalog.tr(lang, "queue.slip.lane.priority");
    if (f.ticket.lane == queue::Lane::Appointment) s.lane = catalog.tr(lang, "queue.slip.lane.appointment");
    s.position = catalog.format(lang, "queue.slip.position",
                                {{"position", std::to_string(f.line.position)},
                                 {"minutes", std::to_string(wait_minutes(f.line.estimated_wait_s))}});
    s.issued = catalog.format(lang, "queue.slip.issued", {{"time", office_time_text(f.ticket.issued_at, f.utc_offset_s)}});
    s.qr_payload = f.qr_payload;
    s.notes = {catalog.tr(lang, "queue.slip.note.check"), catalog.tr(lang, "queue.slip.note.today")};
    return s;
}

}  // namespace desa::print
