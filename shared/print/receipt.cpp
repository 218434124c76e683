#include "print/receipt.hpp"

#include "aspirations/follow_up.hpp"
#include "print/escpos.hpp"

namespace desa::print {

std::string build_receipt(const ReceiptContent& c, const ReceiptLayout& layout) {
    EscPos p;
    const std::size_t cols = layout.columns;
    p.justify(Justify::Center).bold(true).size(2, 2);
    for (const auto& l : wrap_lines(printable_ascii(c.heading), cols / 2)) p.line(l);
    p.size(1, 1).bold(false);
    for (const auto& l : wrap_lines(printable_ascii(c.subheading), cols)) p.line(l);
    p.line(std::string(cols, '-')).justify(Justify::Left);
    for (const auto& [label, value] : c.facts)
        for (const auto& l : wrap_lines(printable_ascii(label + ": " + value), cols)) p.line(l);
    p.line(std::string(cols, '-')).justify(Justify::Center);
    if (!c.code_label.empty()) p.line(c.code_label);
    p.bold(true).size(2, 2);
    for (const auto& l : wrap_lines(printable_ascii(c.code), cols / 2)) p.line(l);
    p.size(1, 1).bold(false);
    if (!c.qr_payload.empty()) p.feed(1).qr(c.qr_payload, layout.qr_module).feed(1);
    p.justify(Justify::Left);
    for (const auto& note : c.notes) {
        for (const auto& l : wrap_lines(printable_ascii(note), cols)) p.line(l);
        p.line();
    }
    return p.feed(2).cut().bytes();
}

ReceiptContent aspiration_receipt(const aspirations::Receipt& r, const ReceiptPlace& place, const i18n::Catalog& catalog,
                                  i18n::Language lang) {
    using namespace aspirations;
    ReceiptContent c;
    c.heading = catalog.tr(lang, "receipt.heading");
    c.subheading = place.village_name;
    c.facts = {
        {catalog.tr(lang, "receipt.kind"), catalog.tr(lang, "follow_up.kind." + std::string(kind_name(r.kind)))},
        {catalog.tr(lang, "receipt.category"),
         catalog.tr(lang, "follow_up.category." + std::string(category_name(r.category)))},
        {catalog.tr(lang, "receipt.date"), format_day_time(r.created_at)},
        {catalog.tr(lang, "receipt.title"), r.title},
        {catalog.tr(lang, "receipt.identity"),
         catalog.tr(lang, "follow_up.identity." + std::string(identity_name(r.identity)))},
    };
    c.code_label = catalog.tr(lang, "receipt.code");
    c.code = display_tracking_code(r.tracking_code);
    c.qr_payload = receipt_qr_text(place.village_code, r.tracking_code);
    c.notes = {catalog.tr(lang, "receipt.note.track"), catalog.tr(lang, "receipt.note.keep")};
    return c;
}

}  // namespace desa::print
