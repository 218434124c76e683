#include "app/receipt_printer.hpp"

#include <spdlog/spdlog.h>

#include "print/receipt.hpp"

namespace desa::kiosk {

bool printer_configured(const KioskContext& ctx) { return !ctx.config.printer.empty(); }

std::string aspiration_receipt_bytes(const KioskContext& ctx, const aspirations::Receipt& receipt,
                                     std::optional<i18n::Language> lang) {
    const auto language = lang.value_or(ctx.config.default_language);
    const print::ReceiptPlace place{
        ctx.config.village_code,
        ctx.catalog.format(language, ctx.kelurahan ? "receipt.village.kelurahan" : "receipt.village",
                           {{"name", ctx.village_name}})};
    return print::build_receipt(print::aspiration_receipt(receipt, place, ctx.catalog, language));
}

std::optional<std::string> print_aspiration_receipt(KioskContext& ctx, const aspirations::Receipt& receipt,
                                                    std::optional<i18n::Language> lang,
                                                    std::chrono::milliseconds timeout) {
    const auto language = lang.value_or(ctx.config.default_language);
    print::PrintOutcome outcome;
    try {
        outcome = print::send_to_printer(ctx.config.printer, aspiration_receipt_bytes(ctx, receipt, language), timeout);
    } catch (const std::exception& e) {  // e.g. out of memory: the receipt screen must stay up
        outcome = {print::PrinterProblem::WriteFailed, e.what()};
    }
    if (outcome.ok()) {
        spdlog::info("receipt printed");
        return std::nullopt;
    }
    // The problem and the system's reason only: never the receipt's content.
    spdlog::warn("receipt not printed: {} {}", print::printer_problem_name(*outcome.problem), outcome.detail);
    return ctx.catalog.tr(language, "print.problem." + std::string(print::printer_problem_name(*outcome.problem)));
}

}  // namespace desa::kiosk
