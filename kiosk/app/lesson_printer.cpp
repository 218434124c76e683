#include "app/lesson_printer.hpp"

#include <spdlog/spdlog.h>

#include "print/printer_status.hpp"

#include "lessons/learner_card.hpp"

namespace desa::kiosk {

print::ReceiptContent learner_card_slip(const KioskContext& ctx, const std::string& code, i18n::Language lang) {
    print::ReceiptContent c;
    c.heading = ctx.catalog.tr(lang, "lessons.print.card.heading");
    c.subheading = ctx.village_name;
    c.code_label = ctx.catalog.tr(lang, "lessons.card.code_label");
    c.code = lessons::learner_code_display(code);
    c.qr_payload = lessons::learner_card_qr(code);
    c.notes = {ctx.catalog.tr(lang, "lessons.print.card.note")};
    return c;
}

print::ReceiptContent certificate_slip(const KioskContext& ctx, const lessons::Certificate& cert,
                                       const std::string& course_title, const std::string& qr_text, i18n::Language lang) {
    print::ReceiptContent c;
    c.heading = ctx.catalog.tr(lang, "lessons.print.certificate.heading");
    c.subheading = ctx.village_name;
    c.facts = {{ctx.catalog.tr(lang, "lessons.certificate.name"), cert.display_name},
               {ctx.catalog.tr(lang, "lessons.certificate.course"), course_title},
               {ctx.catalog.tr(lang, "lessons.certificate.date"), queue::date_iso(cert.day)},
               {ctx.catalog.tr(lang, "lessons.certificate.learner"), lessons::learner_code_display(cert.learner_code)}};
    c.qr_payload = qr_text;
    c.notes = {ctx.catalog.tr(lang, "lessons.print.certificate.note")};
    return c;
}

print::PrintOutcome print_lesson_slip(KioskContext& ctx, const print::ReceiptContent& slip) {
    print::PrintOutcome outcome;
    try {
        print::ReceiptLayout layout;
        layout.qr_module = slip.qr_payload.size() > 200 ? 4 : 6;  // a certificate's long QR stays on 58 mm paper
        outcome = print::print_checking_paper(ctx.config.printer, print::build_receipt(slip, layout), print::kPrintTimeout);
    } catch (const std::exception& e) {
        outcome = {print::PrinterProblem::WriteFailed, e.what()};
    }
    if (!outcome.ok())
        spdlog::warn("lesson slip not printed: {} {}", print::printer_problem_name(*outcome.problem), outcome.detail);
    return outcome;
}

}  // namespace desa::kiosk
